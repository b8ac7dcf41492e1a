// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler benchmark boot mode: "bench=sched" on the command line
 * makes init measure the scheduler in place of the test suites, and print:
 *
 *   - instructions per one-way switch when two tasks yield to each other
 *     (yield(), the policy's hooks, the clocksource read that accounts CPU
 *     time, switch_to(), and the loop);
 *   - instructions per pick, the policy's pick_next() and enqueue() of the
 *     task it picked, with 2, 16, 128 and 1,024 tasks in the run queue;
 *   - instructions per mutex hand-off between two tasks that take turns
 *     with one mutex (the unlock, the switch, the other's return from
 *     mutex_lock());
 *   - the median of instructions from a byte an interrupt handler (the
 *     tick's) hands to a tty to the task reading that tty running (the
 *     wake-up, the return from the interrupt, the switch);
 *   - the workload table (workload_table(), with <kernel/workload.h>).
 *
 * Under QEMU with -icount shift=0, rdtsc counts instructions exactly and
 * repeatably (scripts/bench-sched runs it so).  Interrupts are off while
 * counting, so no timer tick is counted.
 */
#include <asm/cpu.h>
#include <asm/irqflags.h>
#include <kernel/bench_switch.h>
#include <kernel/boot_mode.h>
#include <kernel/clocksource.h>
#include <kernel/completion.h>
#include <kernel/kthread.h>
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/sort.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/timer.h>
#include <kernel/tty.h>
#include <kernel/workload.h>
#include "sched.h"

#define SWITCH_ROUNDS  10000
#define PICK_ROUNDS    10000
#define MAX_QUEUE      1024
#define HANDOFF_ROUNDS 10000
#define KEY_ROUNDS     101

/* A run queue of the bench's own, which no CPU runs from. */
static struct rq bench_rq;

/*
 * Hundredths of an instruction per pick_next() + enqueue() with @n tasks
 * queued, in a run queue of the bench's own.  The tasks are structures
 * only: they are never switched to, and may run on this CPU.
 */
static unsigned long measure_pick(struct task_struct *tasks, unsigned int n)
{
	unsigned long flags = local_irq_save();
	struct task_struct *p;
	unsigned int i;
	u64 start;

	memset(&bench_rq, 0, sizeof(bench_rq));
	INIT_LIST_HEAD(&bench_rq.tasks);
	if (sched_policy.init)
		sched_policy.init(&bench_rq);
	for (i = 0; i < n; i++) {
		tasks[i].pid = 100000 + i;
		tasks[i].state = TASK_RUNNABLE;
		tasks[i].cpu = smp_processor_id();
		cpumask_set_cpu(smp_processor_id(), &tasks[i].cpus_allowed);
		sched_policy.fork(&tasks[i]);
		sched_policy.enqueue(&bench_rq, &tasks[i]);
	}
	start = rdtsc();
	for (i = 0; i < PICK_ROUNDS; i++) {
		p = sched_policy.pick_next(&bench_rq);
		sched_policy.enqueue(&bench_rq, p);
	}
	start = rdtsc() - start;
	for (i = 0; i < n; i++)
		sched_policy.pick_next(&bench_rq);
	local_irq_restore(flags);
	return start * 100 / PICK_ROUNDS;
}

static DEFINE_MUTEX(bench_mutex);
static struct task_struct *handoff_partner_task;
static bool handoff_stop;
static u64 handoff_cycles;

/*
 * Holds the mutex until the partner waits for it; then each round hands
 * it over and sleeps until it comes back: two hand-offs, two switches.
 */
static int handoff_timed(void *unused)
{
	unsigned int i;
	u64 start;

	mutex_lock(&bench_mutex);
	while (READ_ONCE(handoff_partner_task->blocked_on) != &bench_mutex)
		msleep(1);
	local_irq_disable();
	start = rdtsc();
	for (i = 0; i < HANDOFF_ROUNDS; i++) {
		mutex_unlock(&bench_mutex);
		mutex_lock(&bench_mutex);
	}
	handoff_cycles = rdtsc() - start;
	handoff_stop = true;
	mutex_unlock(&bench_mutex);
	return 0;
}

static int handoff_partner(void *unused)
{
	bool stop;

	do {
		mutex_lock(&bench_mutex);
		stop = handoff_stop;
		mutex_unlock(&bench_mutex);
	} while (!stop);
	return 0;
}

/* Hundredths of an instruction per hand-off, or 0 if a task failed. */
static unsigned long measure_handoff(void)
{
	struct task_struct *a = kthread_create(handoff_timed, NULL, "handoff");
	struct task_struct *b = kthread_create(handoff_partner, NULL, "partner");

	if (IS_ERR(a) || IS_ERR(b))
		return 0;
	handoff_partner_task = b;
	wake_up_process(a);
	msleep(1); /* a holds the mutex */
	wake_up_process(b);
	if (task_wait(a->pid, NULL) || task_wait(b->pid, NULL))
		return 0;
	return handoff_cycles * 100 / (2 * HANDOFF_ROUNDS);
}

static DECLARE_COMPLETION(key_read);
static DEFINE_TTY(bench_tty, "bench");
static struct timer_list key_timer;
static u64 key_sent, key_latency[KEY_ROUNDS];

/* From the tick, as a keyboard's interrupt handler would type a key. */
static void send_key(struct timer_list *unused)
{
	key_sent = rdtsc();
	tty_receive_char(&bench_tty, 'a');
}

static int key_reader(void *unused)
{
	unsigned int i;

	for (i = 0; i < KEY_ROUNDS; i++) {
		tty_wait_pending(&bench_tty);
		key_latency[i] = rdtsc() - key_sent;
		tty_flush(&bench_tty);
		complete(&key_read);
	}
	return 0;
}

/*
 * The median of instructions from a byte an interrupt handler hands to a
 * tty to the task reading it running, the caller sleeping meanwhile.  The
 * tty is the benchmark's own: what a device adds before it is the
 * device's, not the scheduler's.
 */
static unsigned long measure_tty_wakeup(void)
{
	struct task_struct *reader;
	unsigned int i;

	reader = kthread_run(key_reader, NULL, "key-reader");
	if (IS_ERR(reader))
		return 0;
	timer_setup(&key_timer, send_key, 0);
	for (i = 0; i < KEY_ROUNDS; i++) {
		mod_timer(&key_timer, jiffies + 1);
		wait_for_completion(&key_read);
	}
	if (task_wait(reader->pid, NULL))
		return 0;
	sort_u64(key_latency, KEY_ROUNDS);
	return key_latency[KEY_ROUNDS / 2] * 100;
}

/*
 * The workload table: CPU-bound tasks beside I/O-bound ones, which compute
 * 1 ms and sleep 10 ms, for one second, and what each kind got:
 *
 *   - the I/O tasks' response time, from the wake-up that ends a sleep to
 *     the task running again: the mean and the worst;
 *   - the CPU tasks' throughput, the share of the second they computed;
 *   - Jain's fairness index over the CPU tasks' CPU time,
 *     (sum x)^2 / (n * sum x^2): 1 when they shared equally, 1/n when one
 *     took everything.
 *
 * Every task runs with the policy's default parameter, so the table
 * compares the policies as they come.  The times are the clocksource's,
 * which -icount makes follow the guest's instructions: the figures repeat.
 */
#define RUN_NS	     (1000 * NSEC_PER_MSEC)
#define NR_CPU_TASKS 2
#define NR_IO_TASKS  2

/* Jain's index of @x[0..n), in thousandths. */
static unsigned long jain_index(const int *x, unsigned int n)
{
	u64 sum = 0, squares = 0;
	unsigned int i;

	for (i = 0; i < n; i++) {
		sum += x[i];
		squares += (u64)x[i] * x[i];
	}
	return squares ? sum * sum * 1000 / (n * squares) : 0;
}

static void workload_table(void)
{
	struct workload w[NR_CPU_TASKS + NR_IO_TASKS] = {};
	struct task_struct *k[NR_CPU_TASKS + NR_IO_TASKS];
	int us[NR_CPU_TASKS + NR_IO_TASKS];
	u64 start, total = 0, worst = 0, cpu_total = 0;
	unsigned int i, wakeups = 0;

	for (i = 0; i < ARRAY_SIZE(k); i++) {
		if (i >= NR_CPU_TASKS) {
			w[i].work_ns = NSEC_PER_MSEC;
			w[i].sleep_ms = 10;
		}
		k[i] = kthread_create(workload_fn, &w[i], "%s-%u", i < NR_CPU_TASKS ? "cpu" : "io",
				      i);
	}
	start = ktime_get();
	for (i = 0; i < ARRAY_SIZE(k); i++) {
		w[i].until = start + RUN_NS;
		if (!IS_ERR(k[i]))
			wake_up_process(k[i]);
	}
	for (i = 0; i < ARRAY_SIZE(k); i++) {
		if (IS_ERR(k[i]) || task_wait(k[i]->pid, NULL))
			goto fail;
		us[i] = w[i].cpu_ns / 1000;
	}
	for (i = NR_CPU_TASKS; i < ARRAY_SIZE(k); i++) {
		total += w[i].total_latency_ns;
		wakeups += w[i].wakeups;
		if (w[i].worst_latency_ns > worst)
			worst = w[i].worst_latency_ns;
	}
	for (i = 0; i < NR_CPU_TASKS; i++)
		cpu_total += us[i];
	pr_info("sched_bench: workload: I/O mean %llu us, worst %llu us; CPU %llu%%; Jain %lu\n",
		(unsigned long long)(wakeups ? total / wakeups / 1000 : 0),
		(unsigned long long)(worst / 1000),
		(unsigned long long)(cpu_total * 1000 * 100 / RUN_NS),
		jain_index(us, NR_CPU_TASKS));
	return;
fail:
	pr_err("sched_bench: workload: a task could not be created or collected\n");
}

static void report(const char *what, unsigned long hundredths)
{
	pr_info("sched_bench: %s: %lu.%02lu instructions\n", what, hundredths / 100,
		hundredths % 100);
}

static void sched_bench(void)
{
	static const unsigned int queue[] = { 2, 16, 128, MAX_QUEUE };
	struct task_struct *tasks;
	char what[64];
	unsigned int i;

	pr_info("sched_bench: %s policy\n", sched_policy.name);
	report("one-way switch, two tasks yielding", bench_switch(SWITCH_ROUNDS, true));
	tasks = kzalloc(MAX_QUEUE * sizeof(*tasks));
	if (!tasks) {
		pr_err("sched_bench: no memory for %u task structures\n", MAX_QUEUE);
		return;
	}
	for (i = 0; i < ARRAY_SIZE(queue); i++) {
		snprintf(what, sizeof(what), "pick and enqueue, %u tasks queued", queue[i]);
		report(what, measure_pick(tasks, queue[i]));
	}
	kfree(tasks);
	report("mutex hand-off between two tasks", measure_handoff());
	report("interrupt to tty reader, median", measure_tty_wakeup());
	workload_table();
}
BOOT_MODE("bench", sched, "instruction counts of the policy, and the workload table", sched_bench,
	  .end = BOOT_MODE_RETURNS,
	  .report = BOOT_MODE_REPORT("sched_bench: one-way switch, two tasks yielding: ",
				     "sched_bench: mutex hand-off between two tasks: "));
