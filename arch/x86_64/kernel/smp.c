// SPDX-License-Identifier: GPL-2.0
/*
 * Interprocessor interrupts (CONFIG_SMP): asking other CPUs to run a
 * function, to reschedule, and to stop for good (panic, reboot).
 *
 * A call is a struct call_single_data on the caller's stack, pushed onto
 * the target CPU's lock-free list (one compare-and-swap: no lock, so no
 * lock order to keep with whatever the caller holds), and an IPI on
 * CALL_FUNCTION_VECTOR.  The target's handler takes its whole list with
 * one exchange, runs the calls in the order they came, in hard interrupt
 * context with interrupts off, and marks each done.  The caller waits
 * for that: the request lives on its stack.
 *
 * A caller with interrupts off cannot take the IPIs of a CPU that calls
 * it meanwhile: two such callers would wait for each other for ever.
 * So while it waits, a caller with interrupts off runs the calls queued
 * for its own CPU itself, as FreeBSD's smp_rendezvous does.  What no
 * polling can undo is a lock: a caller must not hold one that another
 * CPU may be spinning on with interrupts off, as that CPU would never
 * take the IPI.  (Linux forbids calls with interrupts off instead; here
 * the task release paths, which free stacks with a TLB shootdown, still
 * run with interrupts off.)  Preemption is off while the caller waits,
 * so that "this CPU" means one CPU throughout.
 */
#include <asm/apic.h>
#include <asm/cpu.h>
#include <asm/interrupt.h>
#include <asm/irq_regs.h>
#include <asm/irqflags.h>
#include <asm/smp.h>
#include <kernel/clocksource.h>
#include <kernel/cpumask.h>
#include <kernel/errno.h>
#include <kernel/hardirq.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/reboot.h>
#include <kernel/smp.h>
#include <kernel/time.h>

struct call_single_data {
	struct call_single_data *next;
	smp_call_func_t func;
	void *info;
	int done;
};

/* Each CPU's pending calls, newest first; only its own IPI handler takes them. */
static DEFINE_PER_CPU(struct call_single_data *, call_list);
DEFINE_PER_CPU(unsigned long, ipi_call_count);
DEFINE_PER_CPU(unsigned long, ipi_resched_count);

static void push_call(unsigned int cpu, struct call_single_data *csd)
{
	struct call_single_data **head = per_cpu_ptr(&call_list, cpu);
	struct call_single_data *old = __atomic_load_n(head, __ATOMIC_RELAXED);

	do {
		csd->next = old;
	} while (!__atomic_compare_exchange_n(head, &old, csd, true, __ATOMIC_RELEASE,
					      __ATOMIC_RELAXED));
}

/* Run this CPU's pending calls, oldest first. */
static void run_calls(void)
{
	struct call_single_data *list =
		__atomic_exchange_n(this_cpu_ptr(&call_list), NULL, __ATOMIC_ACQUIRE);
	struct call_single_data *fifo = NULL, *next;

	for (; list; list = next) {
		next = list->next;
		list->next = fifo;
		fifo = list;
	}
	for (; fifo; fifo = next) {
		next = fifo->next; /* the caller may reuse fifo once done is set */
		fifo->func(fifo->info);
		__atomic_store_n(&fifo->done, 1, __ATOMIC_RELEASE);
	}
}

static void call_function_interrupt(struct pt_regs *regs)
{
	struct pt_regs *old_regs = set_irq_regs(regs);

	irq_enter();
	this_cpu_inc(ipi_call_count);
	run_calls();
	lapic_eoi();
	irq_exit();
	set_irq_regs(old_regs);
}

/* need_resched() is set already: the way back from the interrupt switches. */
static void reschedule_interrupt(struct pt_regs *regs)
{
	this_cpu_inc(ipi_resched_count);
	lapic_eoi();
}

/*
 * Out of cpu_online_mask, so that nothing waits for this CPU any more
 * (a call, a shootdown, smp_send_stop()), then halted with interrupts off.
 */
__noreturn void smp_stop_self(void)
{
	local_irq_disable();
	cpumask_clear_cpu(smp_processor_id(), &cpu_online_mask);
	halt_forever();
}

static void reboot_interrupt(struct pt_regs *regs)
{
	lapic_eoi();
	smp_stop_self();
}

static bool bad_target(unsigned int cpu)
{
	return cpu >= NR_CPUS || !cpu_online(cpu);
}

static void wait_done(struct call_single_data *csd)
{
	while (!__atomic_load_n(&csd->done, __ATOMIC_ACQUIRE)) {
		if (irqs_disabled())
			run_calls();
		cpu_relax();
	}
}

int smp_call_function_single(unsigned int cpu, smp_call_func_t func, void *info)
{
	struct call_single_data csd = { .func = func, .info = info };

	unsigned long flags;

	if (!func)
		return -EINVAL;
	preempt_disable();
	if (bad_target(cpu)) {
		preempt_enable();
		return -ENXIO;
	}
	if (cpu == smp_processor_id()) {
		flags = local_irq_save();
		func(info);
		local_irq_restore(flags);
	} else {
		push_call(cpu, &csd);
		apic_send_ipi(cpu_apic_id[cpu], CALL_FUNCTION_VECTOR);
		wait_done(&csd);
	}
	preempt_enable();
	return 0;
}

/*
 * Every other online CPU, then this one: the requests all go out before
 * any wait.  The CPUs asked are noted, so that one coming up meanwhile is
 * not waited for.
 */
int smp_on_each_cpu(smp_call_func_t func, void *info)
{
	struct call_single_data csd[NR_CPUS];
	unsigned long asked = 0, flags;
	unsigned int cpu, me;

	if (!func)
		return -EINVAL;
	preempt_disable();
	me = smp_processor_id();
	for_each_online_cpu (cpu) {
		if (cpu == me)
			continue;
		csd[cpu] = (struct call_single_data){ .func = func, .info = info };
		push_call(cpu, &csd[cpu]);
		apic_send_ipi(cpu_apic_id[cpu], CALL_FUNCTION_VECTOR);
		asked |= 1UL << cpu;
	}
	flags = local_irq_save();
	func(info);
	local_irq_restore(flags);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (asked & (1UL << cpu))
			wait_done(&csd[cpu]);
	preempt_enable();
	return 0;
}

void smp_send_reschedule(unsigned int cpu)
{
	if (!bad_target(cpu))
		apic_send_ipi(cpu_apic_id[cpu], RESCHEDULE_VECTOR);
}

/* An upper bound on the wait, in polls, where the clocksource is the tick (interrupts off). */
#define STOP_WAIT_POLLS (1UL << 26)

/*
 * No lock: the IPIs go to the CPUs online now, and each takes itself out
 * of the mask.  The wait is bounded, since a CPU spinning with interrupts
 * off (on a lock the caller holds, say) never takes the IPI; the caller
 * goes on without it.
 */
void smp_send_stop(void)
{
	unsigned long polls = 0, flags = local_irq_save();
	unsigned int cpu, me = smp_processor_id();
	bool timed = !current_clocksource()->counts_ticks;
	u64 start = ktime_get();

	for_each_online_cpu (cpu)
		if (cpu != me)
			apic_send_ipi(cpu_apic_id[cpu], REBOOT_VECTOR);
	while (num_online_cpus() > 1 && ++polls < STOP_WAIT_POLLS &&
	       (!timed || ktime_get() - start < NSEC_PER_SEC))
		cpu_relax();
	local_irq_restore(flags);
}

void smp_ipi_init(void)
{
	if (register_interrupt_handler(CALL_FUNCTION_VECTOR, call_function_interrupt) ||
	    register_interrupt_handler(RESCHEDULE_VECTOR, reschedule_interrupt) ||
	    register_interrupt_handler(REBOOT_VECTOR, reboot_interrupt))
		pr_err("smp: the IPI vectors are taken: no calls to other CPUs\n");
}
