// SPDX-License-Identifier: GPL-2.0
/*
 * The host heap benchmark: one harness for every allocator, built once per
 * allocator (scripts/bench-heap):
 *
 *   16 x allocate 64 bytes, then 16 x free, repeated ROUNDS times
 *
 * Kestrel's heap (the host program with CONFIG_HOST_HEAP_BENCH: the
 * configured heap design over the buddy allocator, no sanitizers), glibc's
 * malloc, mimalloc and jemalloc (this file alone, with BENCH_MIMALLOC for
 * mimalloc).  callgrind counts the instructions of bench_rounds() alone
 * (--toggle-collect), after a warm-up outside it; the script divides by
 * the number of pairs.
 *
 * Usage: heap-bench [ROUNDS]
 */
#include <stdio.h>
#include <stdlib.h>

#define BATCH 16
#define SIZE  64

/* A file of the host program has the configuration; the others have none. */
#if defined(CONFIG_HOST_HEAP_BENCH)
#include <kernel/slab.h>
#define ALLOC(n) kmalloc(n)
#define FREE(p)	 kfree(p)
#define NAME	 "kestrel"

/* printk.c writes here; the benchmark prints nothing of the kernel's. */
void host_write(const char *text, size_t len);
void host_write(const char *text, size_t len)
{
	fwrite(text, 1, len, stderr);
}
#elif defined(BENCH_MIMALLOC)
#include <mimalloc.h>
#define ALLOC(n) mi_malloc(n)
#define FREE(p)	 mi_free(p)
#define NAME	 "mimalloc"
#else
/* glibc's malloc, or jemalloc's when linked with -ljemalloc. */
#define ALLOC(n) malloc(n)
#define FREE(p)	 free(p)
#define NAME	 "malloc"
#endif

void bench_rounds(long rounds);
void warm_up(void);

__attribute__((noinline)) void bench_rounds(long rounds)
{
	void *p[BATCH];
	long r;
	int i;

	for (r = 0; r < rounds; r++) {
		for (i = 0; i < BATCH; i++)
			p[i] = ALLOC(SIZE);
		for (i = 0; i < BATCH; i++)
			FREE(p[i]);
	}
}

/* The same work once, outside what callgrind counts: first-use costs go here. */
__attribute__((noinline)) void warm_up(void)
{
	void *p[BATCH];
	int i;

	for (i = 0; i < BATCH; i++)
		p[i] = ALLOC(SIZE);
	for (i = 0; i < BATCH; i++)
		FREE(p[i]);
}

int main(int argc, char **argv)
{
	long rounds = argc > 1 ? atol(argv[1]) : 100000;

	warm_up();
	bench_rounds(rounds);
	printf("%s: %ld rounds of %d pairs\n", NAME, rounds, BATCH);
	return 0;
}
