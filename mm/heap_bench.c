// SPDX-License-Identifier: GPL-2.0
/*
 * The heap benchmark boot mode: "bench=heap" on the command line makes the
 * kernel measure its heap in place of the test suites, and print:
 *
 *   - instructions per kmalloc()+kfree() pair, for sizes 8 to 4096, with
 *     the harness every allocator gets in "make bench" (16 allocations,
 *     then 16 frees, repeated; the loop's own instructions included);
 *   - the memory a mixed workload takes: bytes of the pages the heap holds
 *     per byte asked for.
 *
 * Under QEMU with -icount shift=0 the time stamp counter advances by one
 * per instruction, so rdtsc counts instructions, exactly and repeatably
 * (scripts/bench-heap runs it so).  Interrupts are off while counting.
 */
#include <asm/cpu.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <kernel/boot_mode.h>
#include <kernel/compiler.h>
#include <kernel/page_alloc.h>
#include <kernel/printk.h>
#include <kernel/slab.h>

#define BATCH	    16
#define ROUNDS	    1000
#define MIX_OBJECTS 2000

/*
 * One harness per size, each with its size a constant as kernel code
 * mostly has it (so kmalloc() can take its inline fast path).
 */
#define DEFINE_PAIRS(size)                                       \
	static __noinline void pairs_##size(unsigned int rounds) \
	{                                                        \
		void *p[BATCH];                                  \
		unsigned int r, i;                               \
                                                                 \
		for (r = 0; r < rounds; r++) {                   \
			for (i = 0; i < BATCH; i++)              \
				p[i] = kmalloc(size);            \
			for (i = 0; i < BATCH; i++)              \
				kfree(p[i]);                     \
		}                                                \
	}

DEFINE_PAIRS(8)
DEFINE_PAIRS(16)
DEFINE_PAIRS(32)
DEFINE_PAIRS(64)
DEFINE_PAIRS(128)
DEFINE_PAIRS(256)
DEFINE_PAIRS(512)
DEFINE_PAIRS(1024)
DEFINE_PAIRS(2048)
DEFINE_PAIRS(4096)

static void (*const harness[])(unsigned int rounds) = {
	pairs_8,   pairs_16,  pairs_32,	  pairs_64,   pairs_128,
	pairs_256, pairs_512, pairs_1024, pairs_2048, pairs_4096,
};

/* Instructions per pair for harness @h, in hundredths. */
static unsigned long measure(void (*h)(unsigned int rounds))
{
	unsigned long flags = local_irq_save();
	u64 start;

	h(1); /* warm: slabs made, lists filled */
	start = rdtsc();
	h(ROUNDS);
	start = rdtsc() - start;
	local_irq_restore(flags);
	return start * 100 / (ROUNDS * BATCH);
}

static u32 lcg(u32 *s)
{
	*s = *s * 1103515245 + 12345;
	return *s >> 8;
}

/*
 * The pages the heap holds: those with an owner, which only the heap
 * sets (mm/heap.h).  Counted, not taken from the free page count, so that
 * memory a design took before the workload (a 4 MiB arena) counts too.
 */
static unsigned long heap_pages(void)
{
	unsigned long pfn, n = 0;
	spin_guard(&heap_lock); /* which sets the owners */

	for (pfn = 0; pfn < page_owners_end; pfn++)
		n += page_owners[pfn] != NULL;
	return n;
}

static void report_footprint(const char *when, unsigned long live_bytes)
{
	unsigned long bytes = heap_pages() * PAGE_SIZE;

	pr_info("heap_bench: %s: %lu bytes live, heap holds %lu pages: "
		"%lu.%02lu bytes of pages per byte\n",
		when, live_bytes, bytes / PAGE_SIZE, bytes / live_bytes,
		bytes * 100 / live_bytes % 100);
}

/*
 * The sizes of the heap suite's random mix: mostly small, some pages.
 * Everything the heap holds counts: what the boot and the benchmarks
 * before left it too (caches, arenas).
 */
static void mixed_workload(void)
{
	static void *objs[MIX_OBJECTS];
	static size_t sizes[MIX_OBJECTS];
	unsigned long live = 0;
	u32 seed = 42;
	unsigned int i;

	for (i = 0; i < MIX_OBJECTS; i++) {
		sizes[i] = 1 + lcg(&seed) % (lcg(&seed) % 8 ? 256 : 6000);
		objs[i] = kmalloc(sizes[i]);
		live += sizes[i];
	}
	report_footprint("mixed", live);
	for (i = 0; i < MIX_OBJECTS; i += 2) {
		kfree(objs[i]);
		live -= sizes[i];
	}
	report_footprint("mixed, every other object freed", live);
	for (i = 1; i < MIX_OBJECTS; i += 2)
		kfree(objs[i]);
}

static void heap_bench(void)
{
	unsigned int i;

	pr_info("heap_bench: %s heap, %s frame allocator; the heap holds %lu pages\n", heap_name(),
		page_alloc_name(), heap_pages());
	for (i = 0; i < ARRAY_SIZE(harness); i++) {
		unsigned long ipp = measure(harness[i]);

		pr_info("heap_bench: size %4u: %lu.%02lu instructions per kmalloc+kfree pair\n",
			8U << i, ipp / 100, ipp % 100);
	}
	mixed_workload();
}
BOOT_MODE("bench", heap, "instructions per kmalloc+kfree pair, and the heap's footprint",
	  heap_bench, .end = BOOT_MODE_RETURNS,
	  .report = BOOT_MODE_REPORT("heap_bench: size    8: ", "heap_bench: size 4096: ",
				     "heap_bench: mixed, every other object freed"));
