// SPDX-License-Identifier: GPL-2.0
/*
 * The SMP benchmark boot mode: "bench=smp" measures, in place of the
 * tests, what CPUs cost each other: a spinlock handed from CPU to CPU by
 * 1, 2, 4 and 8 tasks that want nothing else for 100 ms (the time per
 * acquisition, all tasks together), an IPI's round trip, a TLB
 * shootdown to every online CPU, and the speed-up of a CPU-bound workload
 * split over up to four CPUs against one.
 *
 * Several CPUs run at once only under MTTCG (a host thread per virtual
 * CPU), which allows no -icount: the figures are nanoseconds of the
 * host's clock, and they move from boot to boot.  scripts/bench-smp boots
 * each kernel several times and quotes medians, and ratios taken within
 * one boot; a host with fewer cores than virtual CPUs shows here as what
 * a hypervisor that stops vCPUs does to each lock design.
 */
#include <asm/page.h>
#include <asm/spinlock.h>
#include <asm/tlbflush.h>
#include <kernel/boot_mode.h>
#include <kernel/cpumask.h>
#include <kernel/err.h>
#include <kernel/kthread.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/spinlock.h>
#include <kernel/sprintf.h>
#include <kernel/time.h>

#define WINDOW_NS     100000000UL /* how long the tasks contend: 100 ms */
#define MAX_CONTENDED 8		  /* tasks contending, at most */
#define CALLS	      2000	  /* IPI round trips, and shootdowns */
#define WORK	      (1U << 27)  /* steps of the CPU-bound workload, in all */
#define WORKERS	      4

static DEFINE_SPINLOCK(handoff_lock);
static unsigned long handoff_count;  /* what the lock guards */
static unsigned long handoffs_done;  /* each task's count, added at its end: atomic */
static unsigned int ready, go, stop; /* the start and end lines: atomics */

/* Wait for the start, so that every task is on its CPU when the clock starts. */
static void start_line(void)
{
	__atomic_add_fetch(&ready, 1, __ATOMIC_SEQ_CST);
	while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
		cpu_relax();
}

/*
 * Take the lock until told to stop: a window of time, not a number of
 * acquisitions, so that every task contends for all of it, even where
 * the host runs the CPUs by turns.  The task on CPU 0 keeps the time.
 */
static int handoff_task(void *arg)
{
	bool keeps_time = !smp_processor_id();
	unsigned long n = 0;
	u64 start;

	(void)arg;
	start_line();
	start = ktime_get();
	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED)) {
		spin_lock(&handoff_lock);
		handoff_count++;
		spin_unlock(&handoff_lock);
		if (++n % 64 == 0 && keeps_time && ktime_get() - start >= WINDOW_NS)
			__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	}
	__atomic_add_fetch(&handoffs_done, n, __ATOMIC_RELAXED);
	return 0;
}

/* Each step depends on the last, so that the compiler keeps every one. */
static int work_task(void *arg)
{
	unsigned long i, n = (unsigned long)arg;
	u32 x = 1;

	start_line();
	for (i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
	}
	return x == 0; /* never: xorshift never reaches 0 from 1 */
}

/*
 * @fn(@arg) on the first @n online CPUs, started together: in this task,
 * bound to CPU 0 for the while, and in a task bound to each of the
 * others.  The nanoseconds from the start to the last one's end, or 0 if
 * a task could not be made or @fn failed.  This task takes a share itself
 * rather than wait beside one, which would have to give it the CPU.
 */
static u64 run_on_cpus(unsigned int n, int (*fn)(void *), void *arg)
{
	struct cpumask mask = current->cpus_allowed, first = { 0 };
	struct task_struct *tasks[NR_CPUS];
	unsigned int cpu, made = 0, i;
	int failed = 0;
	u64 start;

	cpumask_set_cpu(0, &first); /* the boot CPU: always online */
	set_cpus_allowed(current, &first);
	ready = go = stop = 0;
	for_each_online_cpu (cpu) {
		if (!cpu)
			continue;
		if (made + 1 == n)
			break;
		tasks[made] = kthread_create(fn, arg, "smp_bench/%u", cpu);
		if (IS_ERR(tasks[made]))
			break;
		kthread_bind(tasks[made], cpu);
		wake_up_process(tasks[made++]);
	}
	while (__atomic_load_n(&ready, __ATOMIC_SEQ_CST) < made)
		cpu_relax();
	start = ktime_get();
	__atomic_store_n(&go, 1, __ATOMIC_RELEASE);
	failed = fn(arg);
	for (i = 0; i < made; i++)
		failed |= kthread_stop(tasks[i]);
	start = ktime_get() - start;
	set_cpus_allowed(current, &mask);
	return made + 1 == n && !failed ? start : 0;
}

static void print_ns(const char *what, u64 ns, unsigned long count)
{
	if (!ns) {
		pr_info("smp_bench: %s: FAILED (no task)\n", what);
		return;
	}
	pr_info("smp_bench: %s: %lu ns\n", what, ns / count);
}

static void handoffs(void)
{
	unsigned int n;
	char what[48];
	u64 ns;

	for (n = 1; n <= MAX_CONTENDED && n <= num_online_cpus(); n *= 2) {
		handoff_count = handoffs_done = 0;
		snprintf(what, sizeof(what), "hand-off, %u CPU%s", n, n > 1 ? "s" : "");
		ns = run_on_cpus(n, handoff_task, NULL);
		if (handoff_count != handoffs_done || !handoffs_done) {
			pr_info("smp_bench: %s: FAILED: %lu acquisitions counted, %lu made\n", what,
				handoff_count, handoffs_done);
			continue;
		}
		print_ns(what, ns, handoffs_done);
	}
}

static void nothing(void *info)
{
	(void)info;
}

/* On CPU 0: CALLS round trips to CPU 1, then CALLS shootdowns of one page. */
static int calls_task(void *arg)
{
	unsigned long page = (unsigned long)&handoff_count & ~(PAGE_SIZE - 1);
	u64 start;
	int i;

	(void)arg;
	if (IS_ENABLED(CONFIG_SMP) && num_online_cpus() > 1) {
		start = ktime_get();
		for (i = 0; i < CALLS; i++)
			smp_call_function_single(1, nothing, NULL);
		print_ns("IPI round trip to CPU 1", ktime_get() - start, CALLS);
	}
	start = ktime_get();
	for (i = 0; i < CALLS; i++)
		flush_tlb_kernel_range(page, page + PAGE_SIZE);
	pr_info("smp_bench: shootdown of a page on %u CPU%s: %lu ns\n", num_online_cpus(),
		num_online_cpus() > 1 ? "s" : "", (ktime_get() - start) / CALLS);
	return 0;
}

static void speed_up(void)
{
	unsigned int n = num_online_cpus() < WORKERS ? num_online_cpus() : WORKERS;
	u64 one, many;

	one = run_on_cpus(1, work_task, (void *)(unsigned long)WORK);
	many = run_on_cpus(n, work_task, (void *)(unsigned long)(WORK / n));
	if (!one || !many) {
		pr_info("smp_bench: speed-up: FAILED (no task)\n");
		return;
	}
	pr_info("smp_bench: speed-up on %u CPU%s: %lu.%02lu (1 task %lu ms, %u tasks %lu ms)\n", n,
		n > 1 ? "s" : "", one / many, one * 100 / many % 100, one / 1000000, n,
		many / 1000000);
}

static const char *lock_taken(void)
{
	if (IS_ENABLED(CONFIG_SPINLOCK_VIRT) && virt_spin_lock_on)
		return "test-and-set (SPINLOCK_VIRT)";
	if (IS_ENABLED(CONFIG_SPINLOCK_TAS))
		return "test-and-set";
	if (IS_ENABLED(CONFIG_SPINLOCK_MCS))
		return "MCS";
	return "ticket";
}

static void smp_bench(void)
{
	struct task_struct *k;

	pr_info("smp_bench: %u CPU%s, spinlocks taken by %s\n", num_online_cpus(),
		num_online_cpus() > 1 ? "s" : "", lock_taken());
	handoffs();
	k = kthread_create(calls_task, NULL, "smp_bench/calls");
	if (!IS_ERR(k)) {
		kthread_bind(k, 0);
		wake_up_process(k);
		kthread_stop(k);
	}
	speed_up();
	pr_info("smp_bench: done\n");
}
BOOT_MODE("bench", smp, "what CPUs cost each other: lock hand-offs, IPIs, shootdowns, speed-up",
	  smp_bench, .end = BOOT_MODE_RETURNS,
	  .report = BOOT_MODE_REPORT("smp_bench: ", "smp_bench: done"));
