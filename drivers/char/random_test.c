// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the random number generator: its ChaCha20 block function
 * against the test vector of RFC 8439 (section 2.3.2), and what callers
 * get: every byte asked for and none past it, different bytes each time,
 * also to threads asking at once (on several CPUs, once tasks run there:
 * two requests that read the base key before either replaced it would
 * get the same bytes).  The strength of the seed is not something a test can see; the boot log
 * says where it came from.
 */
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/random.h>
#include <kernel/string.h>

static void chacha20_rfc8439_block(struct ktest *t)
{
	static const u8 expected[64] = {
		0x10, 0xf1, 0xe7, 0xe4, 0xd1, 0x3b, 0x59, 0x15, 0x50, 0x0f, 0xdd, 0x1f, 0xa3,
		0x20, 0x71, 0xc4, 0xc7, 0xd1, 0xf4, 0xc7, 0x33, 0xc0, 0x68, 0x03, 0x04, 0x22,
		0xaa, 0x9a, 0xc3, 0xd4, 0x6c, 0x4e, 0xd2, 0x82, 0x64, 0x46, 0x07, 0x9f, 0xaa,
		0x09, 0x14, 0xc2, 0xd7, 0x05, 0xd9, 0x8b, 0x02, 0xa2, 0xb5, 0x12, 0x9c, 0xd1,
		0xde, 0x16, 0x4e, 0xb9, 0xcb, 0xd0, 0x83, 0xe8, 0xa2, 0x50, 0x3c, 0x4e,
	};
	u32 key[CRNG_KEY_WORDS], out[16];
	u8 bytes[32];
	int i;

	for (i = 0; i < 32; i++)
		bytes[i] = (u8)i; /* the key 00 01 02 ... 1f */
	memcpy(key, bytes, sizeof(key));
	/* Block count 1; nonce 00:00:00:09:00:00:00:4a:00:00:00:00, little-endian words. */
	chacha20_block(key, 1 | (u64)0x09000000 << 32, 0x4a000000, out);
	KTEST_EXPECT_MEMEQ(t, out, expected, sizeof(expected));
}

static bool all_equal(const u8 *p, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (p[i] != p[0])
			return false;
	return true;
}

static void get_random_bytes_fills_exactly_and_differs(struct ktest *t)
{
	static const size_t sizes[] = { 0, 1, 63, 64, 65, 200 };
	u8 a[201], b[201];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		memset(a, 0, sizeof(a));
		a[sizes[i]] = 0x5a;
		get_random_bytes(a, sizes[i]);
		KTEST_EXPECT_EQ(t, a[sizes[i]], 0x5a);
	}
	get_random_bytes(a, 64);
	get_random_bytes(b, 64);
	KTEST_EXPECT_TRUE(t, memcmp(a, b, 64) != 0);
	KTEST_EXPECT_TRUE(t, !all_equal(a, 64));
}

/* A stream goes on where it stopped: two pieces are the blocks of one request, in order. */
static void crng_stream_continues(struct ktest *t)
{
	struct crng_stream s, copy;
	u8 whole[128], part[128];

	crng_stream_init(&s);
	copy = s;
	crng_stream_fill(&s, whole, sizeof(whole));
	crng_stream_fill(&copy, part, 64);
	crng_stream_fill(&copy, part + 64, 64);
	KTEST_EXPECT_MEMEQ(t, whole, part, sizeof(whole));
	KTEST_EXPECT_TRUE(t, memcmp(whole, whole + 64, 64) != 0);
}

#define DRAW_THREADS  4
#define DRAW_REQUESTS 48

static u64 draws[DRAW_THREADS][DRAW_REQUESTS][2];

static int draw_thread(void *arg)
{
	long id = (long)arg;
	int i;

	for (i = 0; i < DRAW_REQUESTS; i++) {
		get_random_bytes(draws[id][i], sizeof(draws[id][i]));
		if (i % 8 == 0)
			yield();
	}
	return 0;
}

static void threads_drawing_at_once_get_different_bytes(struct ktest *t)
{
	struct task_struct *k[DRAW_THREADS];
	unsigned int a, b, same = 0, n = DRAW_THREADS * DRAW_REQUESTS;
	u64(*all)[2] = draws[0];
	long i;
	int code;

	memset(draws, 0, sizeof(draws));
	for (i = 0; i < DRAW_THREADS; i++) {
		k[i] = kthread_run(draw_thread, (void *)i, "draw/%ld", i);
		KTEST_ASSERT_TRUE(t, !IS_ERR(k[i]));
	}
	for (i = 0; i < DRAW_THREADS; i++) {
		KTEST_EXPECT_EQ(t, task_wait(k[i]->pid, &code), 0);
		KTEST_EXPECT_EQ(t, code, 0);
	}
	/* 128 random bits each: two alike, or one left zero, is a lost request. */
	for (a = 0; a < n; a++) {
		if (!all[a][0] && !all[a][1])
			same++;
		for (b = a + 1; b < n; b++)
			if (all[a][0] == all[b][0] && all[a][1] == all[b][1])
				same++;
	}
	KTEST_EXPECT_EQ(t, same, 0);
}

static const struct ktest_case random_cases[] = {
	KTEST_CASE(chacha20_rfc8439_block),
	KTEST_CASE(get_random_bytes_fills_exactly_and_differs),
	KTEST_CASE(crng_stream_continues),
	KTEST_CASE(threads_drawing_at_once_get_different_bytes),
	{},
};
KTEST_SUITE(random, random_cases);
