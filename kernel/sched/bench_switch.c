// SPDX-License-Identifier: GPL-2.0
/*
 * The switch the benchmarks measure: two kernel threads that yield to
 * each other, one of them counting with rdtsc (instructions under QEMU
 * with -icount shift=0).  The scheduler benchmark counts with interrupts
 * off, so that no tick is in the figure; the user-mode one with them on,
 * as its processes run, to compare the two switches alike.
 */
#include <asm/cpu.h>
#include <asm/irqflags.h>
#include <kernel/bench_switch.h>
#include <kernel/errno.h>
#include <kernel/kthread.h>
#include <kernel/sched.h>

struct pingpong {
	unsigned int rounds;
	bool irqs_off;
	u64 cycles;
};

/* Both threads yield @pp->rounds times; the one given @timed counts. */
static int pingpong(struct pingpong *pp, bool timed)
{
	unsigned int i;
	u64 start;

	if (pp->irqs_off)
		local_irq_disable();
	yield(); /* both are running before anything is counted */
	start = rdtsc();
	for (i = 0; i < pp->rounds; i++)
		yield();
	if (timed)
		pp->cycles = rdtsc() - start;
	return 0;
}

static int ping(void *pp)
{
	return pingpong(pp, true);
}

static int pong(void *pp)
{
	return pingpong(pp, false);
}

unsigned long bench_switch(unsigned int rounds, bool irqs_off)
{
	struct pingpong pp = { .rounds = rounds, .irqs_off = irqs_off };
	struct task_struct *a = kthread_create(ping, &pp, "ping");
	struct task_struct *b = kthread_create(pong, &pp, "pong");

	if (IS_ERR(a) || IS_ERR(b)) {
		/* The one that was made yields alone, then is collected. */
		struct task_struct *made = IS_ERR(a) ? b : a;

		if (!IS_ERR(made)) {
			wake_up_process(made);
			task_wait(made->pid, NULL);
		}
		return 0;
	}
	wake_up_process(a);
	wake_up_process(b);
	if (task_wait(a->pid, NULL) || task_wait(b->pid, NULL))
		return 0;
	/* Each of the timed thread's yields is two switches: away and back. */
	return pp.cycles * 100 / (2 * rounds);
}
