// SPDX-License-Identifier: GPL-2.0
/*
 * The tick from the local APIC's timer (CONFIG_TICK_LAPIC,
 * CONFIG_TICK_TSC_DEADLINE), in place of the PIT.
 *
 * The PIT is one chip for the whole machine, wired to one I/O APIC pin;
 * each CPU's local APIC has a timer of its own, which is what every CPU
 * will need for its own tick.  Its rate is the bus clock's, which no
 * register gives: it is measured against the clocksource, as Linux's
 * calibrate_APIC_clock() does, with each count read between two reads of
 * the reference so that a vCPU stopped at either end of the measurement
 * shows up as a wide window, not as a wrong rate (NOTES: tsc_read_refs()).
 * A clocksource made of ticks cannot time the tick that makes it, so then
 * the reference is PIT channel 2, the TSC's ruler (tsc.c).
 *
 * Periodic mode reloads the count itself.  TSC-deadline mode (the CPU's
 * CPUID.01H:ECX bit 24) fires when the TSC reaches a value the handler
 * writes each time, one tick after the last deadline rather than after
 * the interrupt, so that a late interrupt does not delay every tick after
 * it.  A CPU without it (QEMU's TCG among them) gets the periodic timer,
 * and the boot log says so.
 *
 * With several CPUs, each ticks from its own timer at the boot CPU's
 * rate (the bus clock is the machine's), for its scheduler and its
 * soft-lockup detector (timer_tick()): the boot CPU's tick, the PIT's or
 * its own timer's, keeps time and runs the timers for all.
 */
#include <asm/apic.h>
#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/i8253.h>
#include <asm/interrupt.h>
#include <asm/irq_regs.h>
#include <asm/irqflags.h>
#include <asm/tsc.h>
#include <kernel/clocksource.h>
#include <kernel/hardirq.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/time.h>

#define APIC_TDCR_DIV_16	   0x3
#define APIC_LVT_TIMER_TSCDEADLINE (2U << 17)
#define MSR_IA32_TSC_DEADLINE	   0x6e0
#define CPUID1_ECX_TSC_DEADLINE	   (1U << 24)

/* Rounds of calibration; the narrowest window of them counts. */
#define CAL_ROUNDS 5
#define CAL_NS	   (10 * 1000 * 1000ULL)

static u32 lapic_counts_per_tick;
static u64 tsc_counts_per_tick;
static bool deadline_mode;
static DEFINE_PER_CPU(u64, next_deadline);
unsigned long local_timer_count; /* the boot CPU's, which keeps time */
bool lapic_timer_ticking;	 /* the boot CPU's tick is this timer */
static bool calibrated;		 /* the other CPUs' ticks may start */

static u64 read_tmcct(void)
{
	return lapic_read(APIC_TMCCT);
}

static u64 read_tsc(void)
{
	return rdtsc();
}

/*
 * Counts of @read per second against clocksource @cs, over CAL_NS: @read
 * counts down (the APIC timer) or up (the TSC).  0 if no round's window
 * was narrow enough (a hundredth of the span).
 */
static u64 rate_against(const struct clocksource *cs, u64 (*read)(void), bool down)
{
	u64 best = 0, best_window = ~0ULL;
	int round;

	for (round = 0; round < CAL_ROUNDS; round++) {
		u64 a0, b0, a1, b1, c0, c1, span, window;

		a0 = cs->read();
		c0 = read();
		b0 = cs->read();
		do {
			a1 = cs->read();
			c1 = read();
			b1 = cs->read();
		} while (clocksource_cyc2ns(cs, clocksource_delta(cs, b0, a1)) < CAL_NS);
		window = clocksource_cyc2ns(cs, clocksource_delta(cs, a0, b0) +
							clocksource_delta(cs, a1, b1));
		/* From the middle of one bracket to the middle of the other. */
		span = clocksource_cyc2ns(cs, clocksource_delta(cs, a0, a1)) + window / 2 -
		       clocksource_cyc2ns(cs, clocksource_delta(cs, a0, b0));
		/*
		 * A round the host stalled in its middle is left out too: its
		 * count times NSEC_PER_SEC could overflow (a 3 GHz TSC after
		 * 6 s).
		 */
		if (window < best_window && span && span < 4 * CAL_NS) {
			best_window = window;
			best = (down ? c0 - c1 : c1 - c0) * NSEC_PER_SEC / span;
		}
	}
	if (best_window * 100 > CAL_NS) {
		pr_warn("tick: calibration disturbed: the narrowest of %d windows was %llu ns\n",
			CAL_ROUNDS, (unsigned long long)best_window);
		return 0;
	}
	return best;
}

/* The same against PIT channel 2's one-shot, for a clocksource made of ticks. */
static u64 rate_against_pit(u64 (*read)(void), bool down)
{
	unsigned int count = PIT_TICK_RATE / 20; /* 50 ms */
	u64 c0, c1;

	pit_oneshot_start(count);
	c0 = read();
	while (!pit_oneshot_done())
		cpu_relax();
	c1 = read();
	return (down ? c0 - c1 : c1 - c0) * PIT_TICK_RATE / count;
}

static u64 calibrate(u64 (*read)(void), bool down)
{
	const struct clocksource *cs = current_clocksource();
	unsigned long flags = local_irq_save();
	u64 hz = cs->counts_ticks ? rate_against_pit(read, down) : rate_against(cs, read, down);

	local_irq_restore(flags);
	return hz;
}

static void arm_deadline(void)
{
	u64 next = this_cpu_read(next_deadline) + tsc_counts_per_tick;

	this_cpu_write(next_deadline, next);
	wrmsr(MSR_IA32_TSC_DEADLINE, next);
}

static void local_timer_interrupt(struct pt_regs *regs)
{
	struct pt_regs *old_regs = set_irq_regs(regs);

	irq_enter();
	if (deadline_mode)
		arm_deadline();
	if (smp_processor_id() == 0)
		local_timer_count++;
	timer_tick(); /* the boot CPU's keeps time; every CPU's schedules and watches */
	lapic_eoi();
	irq_exit();
	set_irq_regs(old_regs);
}

/* Start this CPU's timer with the rate lapic_timer_init() measured. */
static void lapic_timer_start(void)
{
	if (deadline_mode) {
		lapic_write(APIC_LVTT, LOCAL_TIMER_VECTOR | APIC_LVT_TIMER_TSCDEADLINE);
		/* The SDM: a fence between the LVT write and the first deadline. */
		__asm__ __volatile__("mfence" ::: "memory");
		this_cpu_write(next_deadline, rdtsc());
		arm_deadline();
		return;
	}
	lapic_write(APIC_TDCR, APIC_TDCR_DIV_16);
	lapic_write(APIC_LVTT, LOCAL_TIMER_VECTOR | APIC_LVT_TIMER_PERIODIC);
	lapic_write(APIC_TMICT, lapic_counts_per_tick);
}

static bool use_deadline(void)
{
	u64 tsc_hz;

	if (!(cpuid(1).ecx & CPUID1_ECX_TSC_DEADLINE)) {
		pr_info("tick: this CPU has no TSC-deadline timer (CPUID.01H:ECX bit 24); "
			"the local APIC timer runs periodic instead\n");
		return false;
	}
	tsc_hz = calibrate(read_tsc, false);
	if (tsc_hz < HZ) {
		pr_warn("tick: cannot measure the TSC's rate; the local APIC timer runs "
			"periodic instead\n");
		return false;
	}
	tsc_counts_per_tick = tsc_hz / HZ;
	pr_info("tick: local APIC timer in TSC-deadline mode at %u Hz, TSC %llu.%03llu MHz "
		"(calibrated against the %s)\n",
		HZ, (unsigned long long)(tsc_hz / 1000000),
		(unsigned long long)(tsc_hz / 1000 % 1000),
		current_clocksource()->counts_ticks ? "PIT" : current_clocksource()->name);
	return true;
}

/* Measure the timer's rate, and take its vector: false (said) if it cannot be used. */
static bool lapic_timer_calibrate(void)
{
	u64 hz;

	if (!lapic_enabled()) {
		pr_warn("tick: no local APIC (the interrupt controller is the 8259); the PIT "
			"ticks instead\n");
		return false;
	}
	if (register_interrupt_handler(LOCAL_TIMER_VECTOR, local_timer_interrupt)) {
		pr_err("tick: vector %#x is taken; the PIT ticks instead\n", LOCAL_TIMER_VECTOR);
		return false;
	}
	deadline_mode = IS_ENABLED(CONFIG_TICK_TSC_DEADLINE) && use_deadline();
	if (!deadline_mode) {
		/* Counting down from the top, masked: only the count is wanted. */
		lapic_write(APIC_TDCR, APIC_TDCR_DIV_16);
		lapic_write(APIC_LVTT, APIC_LVT_MASKED);
		lapic_write(APIC_TMICT, 0xffffffff);
		hz = calibrate(read_tmcct, true);
		lapic_write(APIC_TMICT, 0);
		if (hz / HZ == 0 || hz / HZ > 0xffffffff) {
			pr_warn("tick: cannot measure the local APIC timer's rate (%llu Hz); the "
				"PIT ticks instead\n",
				(unsigned long long)hz);
			unregister_interrupt_handler(LOCAL_TIMER_VECTOR);
			return false;
		}
		lapic_counts_per_tick = hz / HZ;
		pr_info("tick: local APIC timer at %u Hz, %llu.%03llu MHz / 16 (calibrated "
			"against the %s)\n",
			HZ, (unsigned long long)(hz * 16 / 1000000),
			(unsigned long long)(hz * 16 / 1000 % 1000),
			current_clocksource()->counts_ticks ? "PIT" : current_clocksource()->name);
	}
	calibrated = true;
	return true;
}

bool lapic_timer_init(void)
{
	if (!lapic_timer_calibrate())
		return false;
	lapic_timer_start();
	lapic_timer_ticking = true;
	return true;
}

bool lapic_timer_prepare_aps(void)
{
	return calibrated || lapic_timer_calibrate();
}

void lapic_timer_start_ap(void)
{
	if (calibrated)
		lapic_timer_start();
}
