// SPDX-License-Identifier: GPL-2.0
/*
 * The lock that keeps a message whole: printk takes it while it formats,
 * stores and writes a message, and console_write() while it hands text to
 * the drivers, so that neither another CPU's message nor an interrupt
 * handler's splits one.  A file of its own so that printk and the
 * consoles both use it without either calling into the other.
 */
#include <asm/cpu.h>
#include <asm/irqflags.h>
#include <asm/spinlock.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/smp.h>

/*
 * printk's lock, which the consoles share: interrupts off, one CPU at a
 * time, and re-entrant on the CPU that holds it, as Linux's
 * printk_cpu_sync is.  A fault or a debug report raised while printing
 * (in a console driver, say) must still get its message out, where a
 * plain spinlock would deadlock and hide it.  printk_cpu_owner is the
 * holder's CPU number: only that CPU ever sets it to its own number, and
 * with interrupts off nothing else runs there, so "it is mine" is read
 * without the lock.  A bare word, not a spinlock_t: lock debugging and
 * lockdep print, and would come back here.
 *
 * A CPU that asks for it, or waits for it, while another CPU panics stops
 * there instead: what it would print (a message, the shell's echo) must
 * not follow the report, and with interrupts off it could not take the
 * stop IPI.
 */
static arch_spinlock_t printk_cpu_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static int printk_cpu_owner = -1;

bool printk_cpu_sync_get_irqsave(unsigned long *flags)
{
	int cpu;

	*flags = local_irq_save();
	if (IS_ENABLED(CONFIG_SMP) && other_cpu_in_panic())
		smp_stop_self();
	cpu = smp_processor_id();
	if (READ_ONCE(printk_cpu_owner) == cpu)
		return false; /* this CPU holds it: nested */
	while (!arch_spin_trylock(&printk_cpu_lock)) {
		do {
			if (IS_ENABLED(CONFIG_SMP) && other_cpu_in_panic())
				smp_stop_self();
			cpu_relax();
		} while (arch_spin_is_locked(&printk_cpu_lock));
	}
	WRITE_ONCE(printk_cpu_owner, cpu);
	return true;
}

void printk_cpu_sync_put_irqrestore(bool taken, unsigned long flags)
{
	if (taken) {
		WRITE_ONCE(printk_cpu_owner, -1);
		arch_spin_unlock(&printk_cpu_lock);
	}
	local_irq_restore(flags);
}

/* The holder, if not this CPU, was stopped: nobody will release the lock. */
void printk_cpu_sync_bust(void)
{
	int owner = READ_ONCE(printk_cpu_owner);

	if (owner != -1 && owner != (int)smp_processor_id()) {
		WRITE_ONCE(printk_cpu_owner, -1);
		printk_cpu_lock = (arch_spinlock_t)__ARCH_SPIN_LOCK_UNLOCKED;
	}
}
