// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's time: nanoseconds since boot, read from a clocksource, and
 * jiffies brought up to date from it on every tick.
 *
 * ktime_get() is the clocksource's counter since the last tick, converted,
 * on top of the time accumulated until that tick.  The accumulation keeps
 * the fraction of a nanosecond that the conversion would drop (in units of
 * 2^-shift ns), so that time read just before a tick and just after it
 * never goes backwards; and since each tick converts only the cycles since
 * the one before, no product can overflow however long the kernel runs.
 *
 * The tick is an event, not the measure of time.  Each tick sets jiffies
 * to the number of whole ticks since the first one, counted on the
 * clocksource and rounded to the nearest: if ticks were lost, the next one
 * catches up all of them at once, and jiffies never lags real time by more
 * than a tick.  With the tick clocksource there is nothing to catch up
 * from, and jiffies counts interrupts as it always did.
 *
 * The tick (an interrupt) writes the state and anything may read it, so a
 * sequence count guards it: a reader that the tick interrupted retries.
 */
#include <asm/irqflags.h>
#include <kernel/clocksource.h>
#include <kernel/compiler.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include <kernel/timer.h>

volatile unsigned long jiffies;
volatile unsigned long tick_count;

static struct timekeeper {
	struct clocksource *cs;
	u64 cycle_last;	   /* the counter at the last accumulation */
	u64 base_ns;	   /* time up to cycle_last, whole nanoseconds */
	u64 frac;	   /* and the fraction, in 2^-shift ns */
	u64 first_tick_ns; /* jiffies are counted from the first tick */
	unsigned long jiffies_at_first_tick;
	bool ticked;
} tk = { .cs = &tick_clocksource };

/* Odd while the tick is updating tk; changes with every update. */
static volatile unsigned int tk_seq;

static u64 tk_now(const struct timekeeper *t)
{
	u64 cycles = clocksource_delta(t->cs, t->cycle_last, t->cs->read());

	return t->base_ns + ((t->frac + cycles * t->cs->mult) >> t->cs->shift);
}

u64 ktime_get(void)
{
	unsigned int seq;
	u64 ns;

	do {
		while ((seq = tk_seq) & 1)
			;
		barrier();
		ns = tk_now(&tk);
		barrier();
	} while (seq != tk_seq);
	return ns;
}

/* Fold the cycles since the last tick into base_ns and frac. */
static void accumulate(struct timekeeper *t)
{
	u64 now = t->cs->read();

	t->frac += clocksource_delta(t->cs, t->cycle_last, now) * t->cs->mult;
	t->cycle_last = now;
	t->base_ns += t->frac >> t->cs->shift;
	t->frac &= (1ULL << t->cs->shift) - 1;
}

/* jiffies from the clocksource: whole ticks since the first, to the nearest. */
static void update_jiffies(struct timekeeper *t)
{
	unsigned long target;
	u64 now = t->base_ns;

	if (t->cs->counts_ticks) {
		jiffies++;
		return;
	}
	if (!t->ticked) {
		t->ticked = true;
		t->first_tick_ns = now;
		t->jiffies_at_first_tick = jiffies;
	}
	target = t->jiffies_at_first_tick + (now - t->first_tick_ns + TICK_NSEC / 2) / TICK_NSEC;
	if (time_after(target, jiffies))
		jiffies = target;
}

void timer_tick(void)
{
	sched_tick();
	tick_count++;
	tk_seq++;
	barrier();
	accumulate(&tk);
	update_jiffies(&tk);
	barrier();
	tk_seq++;
	run_timers();
}

void timekeeping_init(struct clocksource *cs)
{
	unsigned long flags = local_irq_save();

	tk_seq++;
	barrier();
	accumulate(&tk); /* the time so far stays; cs takes over from here */
	tk.cs = cs;
	tk.cycle_last = cs->read();
	tk.frac = 0;
	barrier();
	tk_seq++;
	local_irq_restore(flags);
	if (cs->counts_ticks)
		pr_info("clocksource: %s at %u Hz (%s)\n", cs->name, HZ, cs->rate_source);
	else
		pr_info("clocksource: %s at %lu.%03lu MHz (%s)\n", cs->name,
			(unsigned long)(cs->freq_hz / 1000000),
			(unsigned long)(cs->freq_hz / 1000 % 1000), cs->rate_source);
}

const struct clocksource *current_clocksource(void)
{
	return tk.cs;
}
