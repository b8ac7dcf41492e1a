// SPDX-License-Identifier: GPL-2.0
/*
 * Fault tests: "ktest.fault=NAME" makes the kernel commit that fault on
 * purpose, right where the test suites would run (a boot mode).  None of
 * them can be survived, so each takes a boot of its own; the host runner
 * checks that the report printed on the serial port holds what each mode
 * declares for the configured verbosity, and that the kernel ended in
 * panic() rather than a reset.
 *
 * Each fault sits in a function of its own, kept out of line, so that the
 * report can name it and a backtrace has a caller to show.
 */
#include <asm/bug.h>
#include <asm/segment.h>
#include <asm/stacks.h>
#include <kernel/boot_mode.h>
#include <kernel/compiler.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>

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

/* The CPU's #PF, even under UBSan, whose null check would come first. */
static __noinline __no_sanitize("null") void fault_null_read(void)
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
static u8 exec_target[16] __section(".data") = { 0xc3 }; /* Clang would make it rodata */

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

/* GDT entry GDT_ENTRIES is past the table's limit: #GP with that selector. */
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

	q = one / zero; /* UBSAN: division-overflow: division by zero */
	(void)q;
}

/* Under CONFIG_UBSAN_TRAP, a failed check is an invalid opcode. */
static __noinline void fault_ubsan_trap(void)
{
	volatile unsigned long one = 1;
	volatile int exponent = 65;
	volatile unsigned long v;

	v = one << exponent;
	(void)v;
}

BOOT_MODE_PARAM("ktest.fault", fault);

/*
 * The exception's first line, then @details (at NORMAL verbosity and
 * above); the panic names the exception.  RIP is in @at_fn, and at FULL
 * verbosity the backtrace reaches @caller.
 */
#define FAULT(mname, text, fn, mnemonic, exception, vector, at_fn, caller, ...)                   \
	BOOT_MODE("ktest.fault", mname, text, fn, .end = BOOT_MODE_PANICS,                        \
		  .panic = "Fatal exception: " exception, .at = at_fn, .culprit = TRACED(caller), \
		  .report = BOOT_MODE_REPORT(mnemonic " " exception " (vector " #vector ")",      \
					     ##__VA_ARGS__))
#define DETAIL(line) (IS_ENABLED(CONFIG_EXCEPTION_VERBOSITY_TERSE) ? "" : (line))
#define TRACED(fn)   (IS_ENABLED(CONFIG_EXCEPTION_VERBOSITY_FULL) ? (fn) : NULL)

FAULT(de, "divide by zero", fault_divide_error, "#DE", "Divide Error", 0, "fault_divide_error",
      "boot_mode_run");
FAULT(ud, "invalid opcode (ud2)", fault_invalid_opcode, "#UD", "Invalid Opcode", 6,
      "fault_invalid_opcode", "boot_mode_run");
FAULT(flags_clear, "invalid opcode with every flag in RFLAGS clear", fault_flags_clear, "#UD",
      "Invalid Opcode", 6, "fault_flags_clear", "boot_mode_run",
      BOOT_MODE_LINE_IF(CONFIG_EXCEPTION_VERBOSITY_FULL,
			"RFLAGS: 0000000000000002 [ ] IOPL=0{eol}"));
FAULT(pf_null, "read through a NULL pointer", fault_null_read, "#PF", "Page Fault", 14,
      "fault_null_read", "boot_mode_run", DETAIL("error code 0x0000"),
      DETAIL("read of a not-present page in kernel mode"),
      DETAIL("CR2: 0000000000000000 (NULL pointer dereference)"));
FAULT(pf_write, "write to an unmapped page", fault_unmapped_write, "#PF", "Page Fault", 14,
      "fault_unmapped_write", "boot_mode_run", DETAIL("error code 0x0002"),
      DETAIL("write to a not-present page in kernel mode"), DETAIL("CR2: 0000000000001000"));
FAULT(write_text, "write to the kernel's read-only text", fault_write_text, "#PF", "Page Fault", 14,
      "fault_write_text", "boot_mode_run", DETAIL("error code 0x0003"),
      DETAIL("write to a present (protection violation) page in kernel mode"),
      DETAIL("(kernel text"));
/* RIP is the data byte itself, which no function contains. */
FAULT(exec_data, "call into a data page, which is not executable", fault_exec_data, "#PF",
      "Page Fault", 14, "exec_target", "boot_mode_run", DETAIL("error code 0x0011"),
      DETAIL("instruction fetch from a present (protection violation) page in kernel mode"),
      DETAIL("(kernel data)"));
FAULT(gp, "read from a non-canonical address", fault_non_canonical, "#GP", "General Protection", 13,
      "fault_non_canonical", "boot_mode_run", DETAIL("error code 0x0000"),
      DETAIL("no selector involved"));
/* <asm/segment.h>: CONFIG_USER_MODE adds three entries. */
#define BAD_SEL(without, with) (IS_ENABLED(CONFIG_USER_MODE) ? (with) : (without))
FAULT(gp_selector, "load of a selector beyond the GDT", fault_bad_selector, "#GP",
      "General Protection", 13, "fault_bad_selector", "boot_mode_run",
      DETAIL(BAD_SEL("error code 0x0028", "error code 0x0040")),
      DETAIL(BAD_SEL("selector 0x0028: GDT entry 5", "selector 0x0040: GDT entry 8")));
/*
 * Where RSP is depends on the compiler: GCC's frame moves it into the
 * guard page before the first write there, Clang's push faults with RSP
 * still at the stack's bottom.  Only the fault address is in the guard
 * page either way.
 */
FAULT(stack_overflow, "unbounded recursion on the task's stack", fault_stack_overflow, "#DF",
      "Double Fault", 8, "recurse", "fault_stack_overflow",
      DETAIL("stack overflow in task init (pid 1): its stack is exhausted"),
      DETAIL("handled on the #DF stack"));
/*
 * A frame twice the guard page, near the bottom: -fstack-clash-protection
 * makes it fault in the guard page, where it would otherwise step over it.
 */
FAULT(stack_clash, "a frame larger than the guard page, near the stack's bottom", fault_stack_clash,
      "#DF", "Double Fault", 8, "clash_frame", "fault_stack_clash",
      DETAIL("stack overflow in task init (pid 1): its stack is exhausted"),
      DETAIL("handled on the #DF stack"), DETAIL("(in a guard page)"));

/* Not a CPU exception: the stack protector's own panic names the function. */
BOOT_MODE("ktest.fault", stack_smash, "a local buffer overrun, caught by the stack protector",
	  fault_stack_smash, .needs = BOOT_MODE_NEEDS(CONFIG_STACKPROTECTOR),
	  .end = BOOT_MODE_PANICS,
	  .panic = "stack-protector: Kernel stack is corrupted in: ", .at = "fault_stack_smash");
/* The report comes first; whether #DE follows is the compiler's choice. */
BOOT_MODE(
	"ktest.fault", ubsan_div_zero, "integer division by zero, under UBSan",
	fault_ubsan_div_zero, .needs = BOOT_MODE_NEEDS(CONFIG_UBSAN_REPORT),
	.end = BOOT_MODE_PANICS,
	.report = BOOT_MODE_REPORT("UBSAN: division-overflow in arch/x86_64/kernel/fault_test.c"));
/* GCC traps in fault_ubsan_trap.cold, Clang in fault_ubsan_trap itself. */
BOOT_MODE("ktest.fault", ubsan_trap, "a shift too far, trapped by UBSan (CONFIG_UBSAN_TRAP)",
	  fault_ubsan_trap, .needs = BOOT_MODE_NEEDS(CONFIG_UBSAN_TRAP), .end = BOOT_MODE_PANICS,
	  .panic = "Fatal exception: UBSAN trap (Invalid Opcode)",
	  .report = BOOT_MODE_REPORT("UBSAN: ", "#UD Invalid Opcode (vector 6)"));
