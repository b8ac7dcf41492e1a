/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Preemption control and the context code runs in (kernel/sched/core.c).
 *
 * With CONFIG_PREEMPT the timer tick can end a task's time slice, and the
 * task is switched out on the way back from an interrupt, wherever it
 * was, unless it runs with preemption disabled (preempt_count() > 0) or
 * with interrupts off.  Code that changes shared state that other tasks
 * also change, and that interrupts never touch, disables preemption
 * around the change: on one CPU, that alone keeps other tasks out.
 *
 * With CONFIG_PREEMPT_NONE a task runs until it gives the CPU up, and
 * cond_resched() is where a long loop offers the CPU when the tick asked.
 * Nothing then needs the preempt_disable() depth, and, as in Linux, it is
 * kept only with CONFIG_PREEMPT_COUNT (selected by PREEMPT and by
 * DEBUG_ATOMIC_SLEEP, whose reports say whether the caller is atomic):
 * without it preempt_disable() is a compiler barrier.  The same code is
 * right in both models either way.
 *
 * The count is laid out as Linux's: the preempt_disable() depth in bits
 * 0-7, and the hard interrupt nesting, which every configuration keeps
 * (irq_enter() in <kernel/hardirq.h>), in bits 16-19; bits 8-15 are
 * Linux's softirq count, which Kestrel, having no softirqs, leaves 0.  So
 * in_interrupt() tells an interrupt handler from a task, and a count
 * prints as Linux's does ("0x00010000" in a handler).  Each task has its
 * own count: the scheduler saves it with the task it switches out and
 * loads the next task's, as Linux did before its count became per-CPU,
 * so a task that sleeps or exits with preemption disabled cannot leave it
 * disabled for every other task.
 */
#ifndef _KERNEL_PREEMPT_H
#define _KERNEL_PREEMPT_H

#include <asm/percpu.h>
#include <kernel/compiler.h>
#include <kernel/types.h>

#define PREEMPT_BITS   8
#define SOFTIRQ_BITS   8
#define HARDIRQ_BITS   4
#define HARDIRQ_SHIFT  (PREEMPT_BITS + SOFTIRQ_BITS)
#define HARDIRQ_MASK   (((1U << HARDIRQ_BITS) - 1) << HARDIRQ_SHIFT)
#define HARDIRQ_OFFSET (1U << HARDIRQ_SHIFT)

/*
 * The running task's count, per CPU (<asm/percpu.h>): each access is one
 * %gs-relative instruction, so an interrupt can never split a change of
 * it, on any CPU.
 */
DECLARE_PER_CPU(unsigned int, __preempt_count);
DECLARE_PER_CPU(bool, __need_resched); /* the running task should give up the CPU */

static inline unsigned int preempt_count(void)
{
	return this_cpu_read(__preempt_count);
}

/* In a hard interrupt handler (nonzero), or in a task (0). */
#define hardirq_count() (preempt_count() & HARDIRQ_MASK)
#define in_hardirq()	(hardirq_count())
#define in_irq()	in_hardirq()
/* Linux's also counts softirqs and NMIs; Kestrel handles neither. */
#define in_interrupt()	(hardirq_count())
/* Neither sleeping nor being preempted is allowed: a handler, or preemption off. */
#define in_atomic()	(preempt_count() != 0)

static inline bool need_resched(void)
{
	return this_cpu_read(__need_resched);
}

/* Switch, if asked to, now that preemption is enabled again. */
void preempt_schedule(void);

static inline void preempt_disable(void)
{
	if (IS_ENABLED(CONFIG_PREEMPT_COUNT))
		this_cpu_inc(__preempt_count);
	barrier();
}

/* preempt_enable() that does not switch, for undoing a preempt_disable() at once. */
static inline void preempt_enable_no_resched(void)
{
	barrier();
	if (IS_ENABLED(CONFIG_PREEMPT_COUNT))
		this_cpu_dec(__preempt_count);
}

static inline void preempt_enable(void)
{
	barrier();
	if (!IS_ENABLED(CONFIG_PREEMPT_COUNT))
		return;
	if (this_cpu_dec_and_test(__preempt_count) && IS_ENABLED(CONFIG_PREEMPT) &&
	    unlikely(need_resched()))
		preempt_schedule();
}

/*
 * After a wake-up, with interrupts on again: under CONFIG_PREEMPT, switch
 * now if the woken task should run before the caller.  (In an interrupt
 * handler, the return from the interrupt does it.)
 */
static inline void preempt_check_resched(void)
{
	if (IS_ENABLED(CONFIG_PREEMPT) && unlikely(need_resched()))
		preempt_schedule();
}

/* Give up the CPU if the tick asked for it: the preemption point of loops. */
void cond_resched(void);

static inline void __preempt_guard_end(int *unused)
{
	preempt_enable();
}

/*
 * Preemption off from this line to the end of the enclosing block: the
 * protection of per-CPU data, which only code on its own CPU touches.
 */
#define preempt_guard()                                                             \
	int __preempt_guard __attribute__((cleanup(__preempt_guard_end), unused)) = \
		(preempt_disable(), 0)

#endif
