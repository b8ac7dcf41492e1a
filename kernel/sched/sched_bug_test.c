// SPDX-License-Identifier: GPL-2.0
/*
 * Scheduler misuse that must stop the kernel: "ktest.sched_bug=NAME" makes
 * init commit it in place of the suites (a boot mode), and the host runner
 * checks that the panic says what happened, as each mode declares.
 *
 *   init_exit      init returns from its work with task_exit():
 *                  "Attempted to kill init!", as Linux says.
 *   idle_sleep     a timer callback sleeps, in the tick that interrupted
 *                  the idle task (init sleeps meanwhile): the idle task
 *                  would block, and nothing would be left to run.
 *   irq_sleep      a timer callback sleeps, in the tick that interrupted
 *                  init computing: init would sleep in the handler's
 *                  place, and the IRQ would never be acknowledged, so no
 *                  tick would come again.  "BUG: scheduling while atomic",
 *                  in every configuration, then the panic.
 *   irq_task_exit  a timer callback calls task_exit(), in the tick that
 *                  interrupted init: "Aiee, killing interrupt handler!",
 *                  as Linux says, not "Attempted to kill init!".
 */
#include <asm/cpu.h>
#include <kernel/boot_mode.h>
#include <kernel/completion.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include <kernel/timer.h>

static struct timer_list sleepy_timer;
static DECLARE_COMPLETION(never);

/* From the tick: current is the task it interrupted.  Not a tail call: a backtrace names it. */
static void sleep_in_timer(struct timer_list *unused)
{
	wait_for_completion(&never);
	pr_err("ktest: a timer callback slept, and woke again\n");
}

static void exit_in_timer(struct timer_list *unused)
{
	task_exit(4);
}

/* Compute with interrupts on until the callback has done its worst. */
static __noreturn void compute_under_timer(void (*callback)(struct timer_list *))
{
	timer_setup(&sleepy_timer, callback, 0);
	mod_timer(&sleepy_timer, jiffies + 1);
	for (;;)
		cpu_relax();
}

static __noinline void init_exit(void)
{
	task_exit(3);
}

static __noinline void idle_sleep(void)
{
	timer_setup(&sleepy_timer, sleep_in_timer, 0);
	mod_timer(&sleepy_timer, jiffies + 1);
	msleep(1000); /* only the idle task can run when it fires */
}

static __noinline void irq_sleep(void)
{
	compute_under_timer(sleep_in_timer);
}

static __noinline void irq_task_exit(void)
{
	compute_under_timer(exit_in_timer);
}

BOOT_MODE_PARAM("ktest.sched_bug", sched_bug);

BOOT_MODE("ktest.sched_bug", init_exit, "init calls task_exit()", init_exit,
	  .end = BOOT_MODE_PANICS, .panic = "Attempted to kill init! exitcode=0x00000003");
BOOT_MODE("ktest.sched_bug", idle_sleep, "a timer callback sleeps in the idle task", idle_sleep,
	  .end = BOOT_MODE_PANICS,
	  .panic = "the idle task tried to sleep or exit; it must always be able to run");
BOOT_MODE("ktest.sched_bug", irq_sleep, "a timer callback sleeps in the tick that interrupted init",
	  irq_sleep, .end = BOOT_MODE_PANICS,
	  .panic = "an interrupt handler tried to sleep; it would take init/1 with it and never "
		   "acknowledge its IRQ",
	  .report = BOOT_MODE_REPORT("BUG: scheduling while atomic: init/1/0x00010000"),
	  .culprit = "sleep_in_timer");
BOOT_MODE("ktest.sched_bug", irq_task_exit, "a timer callback calls task_exit()", irq_task_exit,
	  .end = BOOT_MODE_PANICS, .panic = "Aiee, killing interrupt handler!");
