// SPDX-License-Identifier: GPL-2.0
/*
 * The vsprintf_libc suite: the kernel's vsnprintf against the host C
 * library's snprintf, one case per conversion, over the formats that
 * vsprintf_libc.c generates (about 7 million calls).  The kernel's own
 * table tests (lib/vsprintf_test.c) say what the output must be; this
 * suite finds the formats nobody thought to write down.
 */
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include "vsprintf_libc.h"

static void report_line(const char *line)
{
	printk("    # %s\n", line);
}

static void compare_conversion(struct ktest *t, unsigned int i)
{
	struct vsprintf_libc_result res;

	KTEST_ASSERT_TRUE(t, i < vsprintf_libc_conversions());
	vsprintf_libc_compare(i, &res, report_line);
	printk("    # %s: %lu calls compared, %lu mismatches\n", vsprintf_libc_name(i), res.checked,
	       res.mismatches);
	KTEST_EXPECT_GT(t, res.checked, 0);
	KTEST_EXPECT_EQ(t, res.mismatches, 0);
}

static void signed_d_i(struct ktest *t)
{
	compare_conversion(t, 0);
}

static void unsigned_u_x_o(struct ktest *t)
{
	compare_conversion(t, 1);
}

static void character_c(struct ktest *t)
{
	compare_conversion(t, 2);
}

static void string_s(struct ktest *t)
{
	compare_conversion(t, 3);
}

static void pointer_p(struct ktest *t)
{
	compare_conversion(t, 4);
}

static const struct ktest_case vsprintf_libc_cases[] = {
	KTEST_CASE(signed_d_i), KTEST_CASE(unsigned_u_x_o), KTEST_CASE(character_c),
	KTEST_CASE(string_s),	KTEST_CASE(pointer_p),	    {},
};
KTEST_SUITE(vsprintf_libc, vsprintf_libc_cases);
