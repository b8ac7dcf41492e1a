// SPDX-License-Identifier: GPL-2.0
/*
 * The lock that keeps a message whole: printk takes it while it formats,
 * stores and writes a message, and console_write() while it hands text to
 * the drivers, so that neither another CPU's message nor an interrupt
 * handler's splits one.  A file of its own so that printk and the
 * consoles both use it without either calling into the other.
 */
#include <asm/irqflags.h>
#include <asm/spinlock.h>
#include <kernel/printk.h>

/*
 * printk's lock, which the consoles share: interrupts off, one CPU at a
 * time, and re-entrant on the CPU that holds it, as Linux's
 * printk_cpu_sync is.  A fault or a debug report raised while printing
 * (in a console driver, say) must still get its message out, where a
 * plain spinlock would deadlock and hide it.  One CPU: its number is 0.
 */
static arch_spinlock_t printk_cpu_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static int printk_cpu_owner = -1;

bool printk_cpu_sync_get_irqsave(unsigned long *flags)
{
	*flags = local_irq_save();
	if (READ_ONCE(printk_cpu_owner) == 0)
		return false; /* this CPU holds it: nested */
	arch_spin_lock(&printk_cpu_lock);
	printk_cpu_owner = 0;
	return true;
}

void printk_cpu_sync_put_irqrestore(bool taken, unsigned long flags)
{
	if (taken) {
		printk_cpu_owner = -1;
		arch_spin_unlock(&printk_cpu_lock);
	}
	local_irq_restore(flags);
}
