// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of symbol lookup and of the text that reports print for an
 * address.  With CONFIG_KALLSYMS the table built by scripts/kallsyms must
 * agree with the functions' real addresses; without it, addresses print
 * as hex and the lookup cases are skipped.
 */
#include <asm/page.h>
#include <kernel/kallsyms.h>
#include <kernel/ktest.h>
#include <kernel/setup.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

static void needs_kallsyms(struct ktest *t)
{
	if (!IS_ENABLED(CONFIG_KALLSYMS))
		ktest_skip(t, "CONFIG_KALLSYMS is off");
}

static void lookup_finds_function_start(struct ktest *t)
{
	unsigned long addr = (unsigned long)start_kernel, size = 0, offset = 1;
	const char *name;

	needs_kallsyms(t);
	if (t->skipped)
		return;
	name = kallsyms_lookup(addr, &size, &offset);
	KTEST_EXPECT_STREQ(t, name, "start_kernel");
	KTEST_EXPECT_EQ(t, offset, 0);
	KTEST_EXPECT_GT(t, size, 0);
}

static void lookup_covers_whole_function(struct ktest *t)
{
	unsigned long addr = (unsigned long)start_kernel, size = 0, offset = 0;
	unsigned long size2 = 0, offset2 = 1;
	const char *name;

	needs_kallsyms(t);
	if (t->skipped)
		return;
	KTEST_ASSERT_NOT_NULL(t, kallsyms_lookup(addr, &size, &offset));
	name = kallsyms_lookup(addr + size - 1, &size2, &offset2);
	KTEST_EXPECT_STREQ(t, name, "start_kernel");
	KTEST_EXPECT_EQ(t, offset2, size - 1);
	name = kallsyms_lookup(addr + size, &size2, &offset2);
	KTEST_EXPECT_TRUE(t, name && strcmp(name, "start_kernel"));
	KTEST_EXPECT_EQ(t, offset2, 0);
}

static void lookup_outside_text_fails(struct ktest *t)
{
	unsigned long size, offset;

	KTEST_EXPECT_NULL(t, kallsyms_lookup((unsigned long)_etext, &size, &offset));
	KTEST_EXPECT_NULL(t, kallsyms_lookup((unsigned long)kernel_banner, &size, &offset));
	KTEST_EXPECT_NULL(t, kallsyms_lookup(0x1000, &size, &offset));
}

static void sprint_symbol_formats(struct ktest *t)
{
	unsigned long addr = (unsigned long)start_kernel, size = 0, offset = 0;
	char buf[KSYM_SYMBOL_LEN], want[KSYM_SYMBOL_LEN];

	sprint_symbol(buf, sizeof(buf), 0x1234);
	KTEST_EXPECT_STREQ(t, buf, "0x1234");
	sprint_symbol(buf, sizeof(buf), addr + 4);
	if (!IS_ENABLED(CONFIG_KALLSYMS)) {
		scnprintf(want, sizeof(want), "0x%lx", addr + 4);
		KTEST_EXPECT_STREQ(t, buf, want);
		return;
	}
	kallsyms_lookup(addr, &size, &offset);
	scnprintf(want, sizeof(want), "start_kernel+0x4/0x%lx", size);
	KTEST_EXPECT_STREQ(t, buf, want);
	/* a return address right past the end still belongs to the caller */
	sprint_backtrace(buf, sizeof(buf), addr + size);
	scnprintf(want, sizeof(want), "start_kernel+0x%lx/0x%lx", size, size);
	KTEST_EXPECT_STREQ(t, buf, want);
}

static const struct ktest_case kallsyms_cases[] = {
	KTEST_CASE(lookup_finds_function_start),
	KTEST_CASE(lookup_covers_whole_function),
	KTEST_CASE(lookup_outside_text_fails),
	KTEST_CASE(sprint_symbol_formats),
	{},
};
KTEST_SUITE(kallsyms, kallsyms_cases);
