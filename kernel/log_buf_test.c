// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the log ring buffer, on small rings of the tests' own, so that
 * wrapping is cheap and the kernel log stays intact.  Also built for the
 * host (ARCH=host), where AddressSanitizer checks the wrap-around copies.
 */
#include <kernel/ktest.h>
#include <kernel/log_buf.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

static void ring_keeps_records_in_order(struct ktest *t)
{
	static char storage[256] __aligned(8);
	struct log_buf lb = LOG_BUF_INIT(storage);
	struct log_record rec;
	char text[32];
	u64 seq = 0;

	log_buf_store(&lb, 3, 0, "first", 5);
	log_buf_store(&lb, 6, 0, "second", 6);
	KTEST_ASSERT_TRUE(t, log_buf_read(&lb, &seq, &rec, text, sizeof(text)));
	KTEST_EXPECT_STREQ(t, text, "first");
	KTEST_EXPECT_EQ(t, rec.level, 3);
	KTEST_EXPECT_EQ(t, rec.seq, 0);
	KTEST_ASSERT_TRUE(t, log_buf_read(&lb, &seq, &rec, text, sizeof(text)));
	KTEST_EXPECT_STREQ(t, text, "second");
	KTEST_EXPECT_EQ(t, seq, 2);
	KTEST_EXPECT_FALSE(t, log_buf_read(&lb, &seq, &rec, text, sizeof(text)));
}

static void ring_drops_oldest_when_full(struct ktest *t)
{
	static char storage[256] __aligned(8);
	struct log_buf lb = LOG_BUF_INIT(storage);
	struct log_record rec;
	char text[32], expect[32];
	u64 seq = 0, n;

	/* 100 records of 24..32 bytes each wrap a 256-byte ring many times. */
	for (n = 0; n < 100; n++) {
		int len = snprintf(text, sizeof(text), "record %llu", (unsigned long long)n);

		log_buf_store(&lb, 6, 0, text, len);
	}
	KTEST_EXPECT_GT(t, lb.first_seq, 0);
	KTEST_EXPECT_LE(t, lb.used, lb.size);
	for (n = lb.first_seq; n < 100; n++) {
		KTEST_ASSERT_TRUE(t, log_buf_read(&lb, &seq, &rec, text, sizeof(text)));
		snprintf(expect, sizeof(expect), "record %llu", (unsigned long long)n);
		KTEST_EXPECT_STREQ(t, text, expect);
		KTEST_EXPECT_EQ(t, rec.seq, n);
	}
	KTEST_EXPECT_EQ(t, seq, 100);
}

static void ring_truncates_long_text(struct ktest *t)
{
	static char storage[64] __aligned(8);
	static const char long_text[] = "0123456789012345678901234567890123456789"
					"0123456789012345678901234567890123456789";
	struct log_buf lb = LOG_BUF_INIT(storage);
	struct log_record rec;
	char text[128];
	u64 seq = 0;

	log_buf_store(&lb, 6, 0, long_text, sizeof(long_text) - 1);
	KTEST_ASSERT_TRUE(t, log_buf_read(&lb, &seq, &rec, text, sizeof(text)));
	KTEST_EXPECT_EQ(t, rec.text_len, log_buf_max_text(&lb));
	KTEST_EXPECT_EQ(t, strncmp(text, long_text, rec.text_len), 0);
	KTEST_EXPECT_LE(t, lb.used, lb.size);
}

static const struct ktest_case log_buf_cases[] = {
	KTEST_CASE(ring_keeps_records_in_order),
	KTEST_CASE(ring_drops_oldest_when_full),
	KTEST_CASE(ring_truncates_long_text),
	{},
};
KTEST_SUITE(log_buf, log_buf_cases);
