// SPDX-License-Identifier: GPL-2.0
/*
 * The stack protector's runtime: the canary and what happens when a
 * function finds its copy overwritten.
 *
 * The compiler emits the checks (-fstack-protector[-strong]); the kernel
 * owns the value they compare against (asm/stackprotector.h says why it
 * is one global) and __stack_chk_fail(), which they call on a mismatch.
 * A canary an attacker can guess protects nothing, so it is drawn at every
 * boot: from RDRAND where CPUID offers it, else from the TSC and the CMOS
 * clock.  Under QEMU's -icount the TSC alone would repeat from boot to
 * boot (it counts instructions); the clock, which follows the host's,
 * does not.
 */
#include <asm/archrandom.h>
#include <asm/cpu.h>
#include <asm/io.h>
#include <asm/stackprotector.h>
#include <kernel/kallsyms.h>
#include <kernel/panic.h>
#include <kernel/printk.h>

#define CMOS_INDEX 0x70
#define CMOS_DATA  0x71

/*
 * The low byte is zero, as in Linux: a string function overrunning a
 * buffer stops at it, and cannot print the rest of the canary either.
 */
#define CANARY_MASK 0xffffffffffffff00UL

unsigned long __stack_chk_guard __used;

/* Spread every input bit over the whole word (splitmix64's finalizer). */
static u64 mix64(u64 x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/*
 * Bit 7 of what is written to the index port masks NMIs on PC chipsets,
 * and stays as last written (the port is write-only): it is left clear, as
 * Linux's rtc_cmos_read() leaves it, or NMIs (a watchdog's, a memory or
 * bus error's) would stay masked for as long as the machine runs.
 */
static u8 cmos_read(u8 reg)
{
	outb(CMOS_INDEX, reg);
	return inb(CMOS_DATA);
}

/* Seconds, minutes, hours, day, month, year: whatever format they are in. */
static u64 cmos_clock(void)
{
	static const u8 regs[] = { 0x00, 0x02, 0x04, 0x07, 0x08, 0x09 };
	u64 v = 0;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(regs); i++)
		v = v << 8 | cmos_read(regs[i]);
	return v;
}

unsigned long stack_canary_random(void)
{
	unsigned long canary;

	if (arch_get_random_long(&canary)) {
		pr_info("stack-protector: canary from RDRAND\n");
	} else {
		canary = mix64(rdtsc() ^ mix64(cmos_clock()));
		pr_info("stack-protector: canary from the TSC and the CMOS clock (no RDRAND)\n");
	}
	return canary & CANARY_MASK;
}

/*
 * Called by a protected function, instead of returning, when its canary
 * changed: its frame is overwritten, and so may be anything above it.
 * Linux's words, so that the report reads as users know it.
 */
__noreturn void __stack_chk_fail(void);
__noreturn void __stack_chk_fail(void)
{
	char caller[KSYM_SYMBOL_LEN];

	sprint_backtrace(caller, sizeof(caller), (unsigned long)__builtin_return_address(0));
	panic("stack-protector: Kernel stack is corrupted in: %s", caller);
}
