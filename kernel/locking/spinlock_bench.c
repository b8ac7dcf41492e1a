// SPDX-License-Identifier: GPL-2.0
/*
 * The spinlock benchmark boot mode: "bench=spinlock" measures, in place
 * of the tests, what a lock nobody else holds costs, in instructions
 * (rdtsc counts them exactly under QEMU with -icount shift=0;
 * scripts/bench-spinlock boots one kernel per spinlock design so): a
 * spin_lock()+spin_unlock() pair, the irqsave pair, the bare lock word's
 * pair, and a mutex_lock()+mutex_unlock() pair for scale.  Each figure is
 * the median of ROUNDS rounds of PAIRS pairs, less the empty loop, per
 * pair.  This is the single-CPU cost an SMP kernel pays on every lock;
 * the cost of a hand-off between CPUs comes with SMP.
 */
#include <asm/cpu.h>
#include <asm/irqflags.h>
#include <kernel/boot_mode.h>
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/sort.h>
#include <kernel/spinlock.h>

#define PAIRS  256
#define ROUNDS 64

static DEFINE_SPINLOCK(bench_lock);
static DEFINE_MUTEX(bench_mutex);
static arch_spinlock_t bench_word = __ARCH_SPIN_LOCK_UNLOCKED;
static u64 cost[ROUNDS];

/*
 * One round of each pair, each its own function with its own loop, so
 * that every loop has the shape of the empty one that is subtracted.
 */
#define ROUND(name, body)                           \
	static __noinline u64 name(void)            \
	{                                           \
		unsigned long flags __maybe_unused; \
		u64 start = rdtsc();                \
		int i;                              \
                                                    \
		for (i = 0; i < PAIRS; i++) {       \
			body;                       \
			barrier();                  \
		}                                   \
		return rdtsc() - start;             \
	}

ROUND(round_empty, )
ROUND(round_spin, spin_lock(&bench_lock); spin_unlock(&bench_lock))
ROUND(round_irqsave, spin_lock_irqsave(&bench_lock, flags);
      spin_unlock_irqrestore(&bench_lock, flags))
ROUND(round_word, arch_spin_lock(&bench_word); arch_spin_unlock(&bench_word))
ROUND(round_mutex, mutex_lock(&bench_mutex); mutex_unlock(&bench_mutex))

static const struct {
	const char *name;
	u64 (*round)(void);
} pairs[] = {
	{ "spin_lock+spin_unlock", round_spin },
	{ "spin_lock_irqsave+spin_unlock_irqrestore", round_irqsave },
	{ "arch_spin_lock+arch_spin_unlock", round_word },
	{ "mutex_lock+mutex_unlock", round_mutex },
};

static u64 median_of(u64 (*round)(void))
{
	int r;

	for (r = 0; r < ROUNDS; r++)
		cost[r] = round();
	sort_u64(cost, ROUNDS);
	return cost[ROUNDS / 2];
}

static const char *design(void)
{
	if (IS_ENABLED(CONFIG_SPINLOCK_TAS))
		return "tas";
	if (IS_ENABLED(CONFIG_SPINLOCK_MCS))
		return "mcs";
	return "ticket";
}

static void spinlock_bench(void)
{
	u64 empty = median_of(round_empty), c;
	unsigned int p;

	for (p = 0; p < ARRAY_SIZE(pairs); p++) {
		c = median_of(pairs[p].round);
		c = c > empty ? c - empty : 0;
		/* tenths of an instruction per pair */
		c = c * 10 / PAIRS;
		pr_info("spinlock_bench: %s: %s: %lu.%lu instructions per pair (median of %u "
			"rounds of %u)\n",
			design(), pairs[p].name, (unsigned long)(c / 10), (unsigned long)(c % 10),
			ROUNDS, PAIRS);
	}
	pr_info("spinlock_bench: done\n");
}
BOOT_MODE("bench", spinlock, "instructions per uncontended lock+unlock pair", spinlock_bench,
	  .end = BOOT_MODE_RETURNS,
	  .report = BOOT_MODE_REPORT("spinlock_bench: ", "spinlock_bench: done"));
