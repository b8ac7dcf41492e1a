// SPDX-License-Identifier: GPL-2.0
/*
 * Fault tests: "ktest.fault=NAME" makes the kernel commit that fault on
 * purpose, right where the test suites would run.  None of them can be
 * survived, so each takes a boot of its own; the host runner
 * (scripts/test-kernel) checks that the report printed on the serial port
 * says what the configured verbosity promises, and that the kernel ended
 * in panic() rather than a reset.
 *
 * Each fault sits in a function of its own, kept out of line, so that the
 * report can name it and a backtrace has a caller to show.
 */
#include <asm/bug.h>
#include <asm/segment.h>
#include <asm/stacks.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/string.h>

struct fault_test {
	const char *name;
	const char *what;
	void (*provoke)(void);
};

static __noinline void fault_divide_error(void)
{
	volatile unsigned int zero = 0;
	unsigned int q;

	__asm__ __volatile__("divl %1" : "=a"(q) : "r"(zero), "a"(1), "d"(0));
	(void)q;
}

static __noinline void fault_invalid_opcode(void)
{
	__asm__ __volatile__(ASM_UD2);
}

/*
 * With RFLAGS = 0x2 (only the always-one bit) the report names no flag at
 * all: the line must still show nothing but what the register holds.
 */
static __noinline void fault_flags_clear(void)
{
	__asm__ __volatile__("pushq $2; popfq\n\t" ASM_UD2);
}

static __noinline void fault_null_read(void)
{
	volatile int *null = NULL;

	(void)*null;
}

/* An address in the user half, where the kernel maps nothing. */
static __noinline void fault_unmapped_write(void)
{
	volatile int *p = (volatile int *)0x1000;

	*p = 0x5a5a;
}

/* W^X: kernel text is read-only. */
static __noinline void fault_write_text(void)
{
	*(volatile u8 *)fault_divide_error = 0xc3;
}

/* W^X: data is never executable.  The byte is a "ret", were it run. */
static u8 exec_target[16] = { 0xc3 };

static __noinline void fault_exec_data(void)
{
	((void (*)(void))exec_target)();
	barrier(); /* keep the call a call, not a jump */
}

static __noinline void fault_non_canonical(void)
{
	volatile u64 *p = (volatile u64 *)0x8000000000000000ULL;

	(void)*p;
}

/* GDT entry 5 is past the table's limit: #GP with that selector. */
static __noinline void fault_bad_selector(void)
{
	__asm__ __volatile__("mov %0, %%ds" : : "r"((u16)(GDT_ENTRIES * 8)));
}

/*
 * 1 KiB a frame until the task's stack runs into its guard page.  The
 * volatile array and the use of the result keep GCC from turning the
 * recursion into a loop or dropping the frames; the limit, which no stack
 * reaches, is volatile so that GCC cannot prove the recursion endless.
 */
static volatile unsigned long recursion_limit = ~0UL;

static __noinline unsigned long recurse(unsigned long depth)
{
	volatile u8 frame[1024];

	if (depth == recursion_limit)
		return 0;
	frame[0] = depth;
	return recurse(depth + 1) + frame[0];
}

static __noinline void fault_stack_overflow(void)
{
	pr_info("ktest: recursion ended at %lu\n", recurse(0));
}

/*
 * A frame of 8 KiB, twice the guard page, made with less than 2 KiB of the
 * stack left: its lowest bytes lie beyond the whole guard page, in
 * whatever is mapped below (another task's stack).  Built with
 * -fstack-clash-protection, its prologue touches the frame a page at a
 * time from the top, and the first touch lands in the guard page: a
 * stack overflow, reported as such.  Without it, the write below would
 * land past the guard page.  The frame is over CONFIG_FRAME_WARN on
 * purpose, and the asm makes the compiler keep all of it.
 */
#define CLASH_FRAME_SIZE 8192

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wframe-larger-than="
static __noinline void clash_frame(void)
{
	u8 frame[CLASH_FRAME_SIZE];

	frame[0] = 1;
	__asm__ __volatile__("" : : "r"(frame) : "memory");
}
#pragma GCC diagnostic pop

/* 1 KiB a frame down to the last 2 KiB above @bottom, then the large frame. */
static __noinline unsigned long descend(unsigned long bottom)
{
	volatile u8 frame[1024];

	if (current_stack_pointer() - bottom < 2048) {
		clash_frame();
		return 0;
	}
	frame[0] = 1;
	return descend(bottom) + frame[0];
}

static __noinline void fault_stack_clash(void)
{
	const struct stack_info *stack = stack_containing(current_stack_pointer());

	if (!stack)
		panic("ktest: stack_clash: not on a known stack");
	pr_info("ktest: large frame returned at %lu\n", descend(stack->bottom));
}

/*
 * 32 bytes written into an 8-byte array: the canary above it, and what
 * lies beyond, are overwritten.  The length is volatile so that the
 * compiler cannot see the overrun coming and refuse or drop it.  Without
 * the stack protector the return would jump to 0x5a5a5a5a5a5a5a5a.
 */
static __noinline void fault_stack_smash(void)
{
	volatile size_t len = 32;
	char buf[8];

	if (!IS_ENABLED(CONFIG_STACKPROTECTOR))
		panic("ktest: stack_smash needs CONFIG_STACKPROTECTOR");
	memset(buf, 0x5a, len);
	barrier(); /* buf is used: the memset stays */
}

/*
 * Under UBSan's runtime, division by zero is reported; whether the
 * division then runs anyway (and raises #DE) depends on the code the
 * compiler made around it, so the test only needs the report first.
 */
static __noinline void fault_ubsan_div_zero(void)
{
	volatile int one = 1, zero = 0;
	volatile int q;

	if (!IS_ENABLED(CONFIG_UBSAN_REPORT))
		panic("ktest: ubsan_div_zero needs CONFIG_UBSAN without CONFIG_UBSAN_TRAP");
	q = one / zero; /* UBSAN: division-overflow: division by zero */
	(void)q;
}

/* Under CONFIG_UBSAN_TRAP, a failed check is an invalid opcode. */
static __noinline void fault_ubsan_trap(void)
{
	volatile unsigned long one = 1;
	volatile int exponent = 65;
	volatile unsigned long v;

	if (!IS_ENABLED(CONFIG_UBSAN_TRAP))
		panic("ktest: ubsan_trap needs CONFIG_UBSAN_TRAP");
	v = one << exponent;
	(void)v;
}

static const struct fault_test fault_tests[] = {
	{ "de", "divide by zero", fault_divide_error },
	{ "ud", "invalid opcode (ud2)", fault_invalid_opcode },
	{ "flags_clear", "invalid opcode with every flag in RFLAGS clear", fault_flags_clear },
	{ "pf_null", "read through a NULL pointer", fault_null_read },
	{ "pf_write", "write to an unmapped page", fault_unmapped_write },
	{ "write_text", "write to the kernel's read-only text", fault_write_text },
	{ "exec_data", "call into a data page, which is not executable", fault_exec_data },
	{ "gp", "read from a non-canonical address", fault_non_canonical },
	{ "gp_selector", "load of a selector beyond the GDT", fault_bad_selector },
	{ "stack_overflow", "unbounded recursion on the task's stack", fault_stack_overflow },
	{ "stack_clash", "a frame larger than the guard page, near the stack's bottom",
	  fault_stack_clash },
	{ "stack_smash", "a local buffer overrun, caught by the stack protector",
	  fault_stack_smash },
	{ "ubsan_div_zero", "integer division by zero, under UBSan", fault_ubsan_div_zero },
	{ "ubsan_trap", "a shift too far, trapped by UBSan (CONFIG_UBSAN_TRAP)", fault_ubsan_trap },
};

static const struct fault_test *requested;

static int set_fault(const char *val)
{
	size_t i;

	for (i = 0; val && i < ARRAY_SIZE(fault_tests); i++) {
		if (!strcmp(val, fault_tests[i].name)) {
			requested = &fault_tests[i];
			return 0;
		}
	}
	return -EINVAL;
}
kernel_param("ktest.fault", set_fault);

void ktest_provoke_fault(void)
{
	if (!requested)
		return;
	pr_info("ktest: fault test %s: %s\n", requested->name, requested->what);
	requested->provoke();
	panic("ktest: fault test %s did not fault", requested->name);
}
