// SPDX-License-Identifier: GPL-2.0
/*
 * Panic on SMP, as boot modes ("ktest.smp_panic=NAME"), for the host to
 * check that one CPU reports and nothing follows the report
 * (scripts/smptests.py boots them at -smp 2 and 4; the mode group at one
 * CPU, where each is a plain panic):
 *
 *	together	every CPU panics at the same moment: one report, the
 *			others halt quietly
 *	chatter		the other CPUs print without pause, interrupts off
 *			(so that no IPI reaches them), while init's CPU
 *			panics: no line of theirs comes after the report
 *
 * Each CPU is reached with smp_on_each_cpu(), whose calls run with
 * interrupts off there; none of them ever returns.
 */
#include <asm/cpu.h>
#include <asm/irqflags.h>
#include <kernel/boot_mode.h>
#include <kernel/cpumask.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/smp.h>

static unsigned int arrived;
static unsigned int reporter; /* chatter: the CPU that panics */

/* Every online CPU has come, or a bound on the polls has run out. */
static void rendezvous(void)
{
	unsigned long polls = 0;

	__atomic_add_fetch(&arrived, 1, __ATOMIC_ACQ_REL);
	while (__atomic_load_n(&arrived, __ATOMIC_ACQUIRE) < num_online_cpus() &&
	       ++polls < (1UL << 28))
		cpu_relax();
}

static void panic_together_fn(void *unused)
{
	rendezvous();
	panic("every CPU panics at once (CPU %u)", smp_processor_id());
}

static void together(void)
{
	if (IS_ENABLED(CONFIG_SMP))
		smp_on_each_cpu(panic_together_fn, NULL);
	panic_together_fn(NULL);
}

static void chatter_fn(void *unused)
{
	unsigned long line = 0;
	int i;

	rendezvous();
	if (smp_processor_id() != reporter) {
		for (;;)
			pr_info("chatter: CPU %u line %lu\n", smp_processor_id(), line++);
	}
	for (i = 0; i < 20; i++)
		pr_info("chatter: CPU %u before the panic, line %d\n", reporter, i);
	panic("one CPU panics while the others print");
}

/* Interrupts off: init stays on the CPU that is to panic. */
static void chatter(void)
{
	local_irq_disable();
	reporter = smp_processor_id();
	if (IS_ENABLED(CONFIG_SMP))
		smp_on_each_cpu(chatter_fn, NULL);
	chatter_fn(NULL);
}

BOOT_MODE_PARAM("ktest.smp_panic", panic);
BOOT_MODE("ktest.smp_panic", together, "every CPU panics at the same moment", together,
	  .end = BOOT_MODE_PANICS, .panic = "every CPU panics at once (CPU ");
BOOT_MODE("ktest.smp_panic", chatter, "the other CPUs print while one panics", chatter,
	  .end = BOOT_MODE_PANICS, .panic = "one CPU panics while the others print");
