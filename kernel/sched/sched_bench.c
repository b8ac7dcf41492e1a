// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler benchmark boot mode: "sched_bench" on the command line
 * makes init measure the scheduler in place of the test suites, and print:
 *
 *   - instructions per one-way switch when two tasks yield to each other
 *     (yield(), the policy's hooks, the clocksource read that accounts CPU
 *     time, switch_to(), and the loop);
 *   - instructions per pick, the policy's pick_next() and enqueue() of the
 *     task it picked, with 2, 16, 128 and 1,024 tasks in the run queue.
 *
 * Under QEMU with -icount shift=0, rdtsc counts instructions exactly and
 * repeatably (scripts/bench-sched runs it so).  Interrupts are off while
 * counting, so no timer tick is counted.
 */
#include <asm/cpu.h>
#include <asm/irqflags.h>
#include <kernel/errno.h>
#include <kernel/kthread.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include "sched.h"

#define SWITCH_ROUNDS	10000
#define PICK_ROUNDS	10000
#define MAX_QUEUE	1024

static bool requested;

static int set_sched_bench(const char *val)
{
	requested = true;
	return val ? -EINVAL : 0;
}
kernel_param("sched_bench", set_sched_bench);

static u64 pingpong_cycles;

/* Both tasks yield SWITCH_ROUNDS times; the first one times its loop. */
static int pingpong(void *timed)
{
	unsigned int i;
	u64 start;

	local_irq_disable();
	yield();		/* both are running before anything is counted */
	start = rdtsc();
	for (i = 0; i < SWITCH_ROUNDS; i++)
		yield();
	if (timed)
		pingpong_cycles = rdtsc() - start;
	return 0;
}

/* Hundredths of an instruction per one-way switch, or 0 if a task failed. */
static unsigned long measure_switch(void)
{
	struct task_struct *a = kthread_create(pingpong, (void *)1L, "ping");
	struct task_struct *b = kthread_create(pingpong, NULL, "pong");

	if (IS_ERR(a) || IS_ERR(b))
		return 0;
	wake_up_process(a);
	wake_up_process(b);
	if (task_wait(a->pid, NULL) || task_wait(b->pid, NULL))
		return 0;
	/* Each of the timed task's yields is two switches: away and back. */
	return pingpong_cycles * 100 / (2 * SWITCH_ROUNDS);
}

/*
 * Hundredths of an instruction per pick_next() + enqueue() with @n tasks
 * queued.  The tasks are structures only: they are never switched to.
 */
static unsigned long measure_pick(struct task_struct *tasks, unsigned int n)
{
	unsigned long flags = local_irq_save();
	struct task_struct *p;
	unsigned int i;
	u64 start;

	for (i = 0; i < n; i++) {
		INIT_LIST_HEAD(&tasks[i].se.run_node);
		tasks[i].pid = 100000 + i;
		tasks[i].state = TASK_RUNNABLE;
		sched_policy.fork(&tasks[i]);
		sched_policy.enqueue(&tasks[i]);
	}
	start = rdtsc();
	for (i = 0; i < PICK_ROUNDS; i++) {
		p = sched_policy.pick_next();
		sched_policy.enqueue(p);
	}
	start = rdtsc() - start;
	for (i = 0; i < n; i++)
		sched_policy.pick_next();
	local_irq_restore(flags);
	return start * 100 / PICK_ROUNDS;
}

static void report(const char *what, unsigned long hundredths)
{
	pr_info("sched_bench: %s: %lu.%02lu instructions\n", what, hundredths / 100,
		hundredths % 100);
}

bool sched_bench(void)
{
	static const unsigned int queue[] = { 2, 16, 128, MAX_QUEUE };
	struct task_struct *tasks;
	char what[64];
	unsigned int i;

	if (!requested)
		return false;
	pr_info("sched_bench: %s policy\n", sched_policy.name);
	report("one-way switch, two tasks yielding", measure_switch());
	tasks = kzalloc(MAX_QUEUE * sizeof(*tasks));
	if (!tasks) {
		pr_err("sched_bench: no memory for %u task structures\n", MAX_QUEUE);
		return true;
	}
	for (i = 0; i < ARRAY_SIZE(queue); i++) {
		snprintf(what, sizeof(what), "pick and enqueue, %u tasks queued", queue[i]);
		report(what, measure_pick(tasks, queue[i]));
	}
	kfree(tasks);
	return true;
}
