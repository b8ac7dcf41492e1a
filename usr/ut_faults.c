// SPDX-License-Identifier: GPL-2.0
/*
 * usertest's fault cases: each bad thing a program can do, done in a
 * child, which must die of the signal Linux sends for it while the
 * parent, and the kernel, go on (issue 24, section 4).
 */
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "usertest.h"

/* Hide a pointer's origin from the compiler, which would see through a cast. */
static void *opaque(void *p)
{
	__asm__("" : "+r"(p));
	return p;
}

static void null_read(void)
{
	(void)*(volatile long *)opaque(NULL);
}

static void kernel_write(void)
{
	*(volatile long *)opaque((void *)0xffffffff80000000UL) = 1;
}

static void kernel_read(void)
{
	(void)*(volatile long *)opaque((void *)0xffff888000000000UL);
}

static void noncanonical_read(void)
{
	(void)*(volatile long *)opaque((void *)0x0000800000000000UL);
}

/* A "ret" in memory that must not execute. */
static void call_code_at(unsigned char *code)
{
	void (*fn)(void);

	code[0] = 0xc3;
	fn = (void (*)(void))(uintptr_t)opaque(code);
	fn();
}

static void exec_stack(void)
{
	unsigned char code[16];

	call_code_at(code);
}

static void exec_heap(void)
{
	call_code_at(malloc(64));
}

static void write_text(void)
{
	*(volatile unsigned char *)opaque((void *)(uintptr_t)write_text) = 0xc3;
}

static void divide_error(void)
{
	__asm__ volatile("xor %%ecx, %%ecx\n\tmov $1, %%eax\n\tcltd\n\tidivl %%ecx" ::
				 : "eax", "ecx", "edx");
}

static void invalid_opcode(void)
{
	__asm__ volatile("ud2");
}

static void do_cli(void)
{
	__asm__ volatile("cli");
}

static void do_hlt(void)
{
	__asm__ volatile("hlt");
}

static void do_in(void)
{
	__asm__ volatile("inb $0x80, %%al" ::: "eax");
}

static void do_out(void)
{
	__asm__ volatile("outb %%al, $0x80" ::"a"(0));
}

static void write_cr3(void)
{
	__asm__ volatile("xor %%eax, %%eax\n\tmov %%rax, %%cr3" ::: "rax", "memory");
}

static volatile int depth_bound = -1;

static int __attribute__((noinline)) recurse(int depth)
{
	volatile char frame[1024];

	frame[0] = (char)depth;
	if (depth == depth_bound)
		return 0;
	return recurse(depth + 1) + frame[0];
}

static void stack_overflow(void)
{
	struct rlimit lim;

	/* An unlimited stack on the build machine would eat its memory. */
	if (!getrlimit(RLIMIT_STACK, &lim) && lim.rlim_cur > (8UL << 20)) {
		lim.rlim_cur = 8UL << 20;
		setrlimit(RLIMIT_STACK, &lim);
	}
	recurse(0);
}

void fault_null_read(struct utest *t)
{
	expect_fault(t, null_read, SIGSEGV, "a read of NULL");
}

void fault_kernel_write(struct utest *t)
{
	expect_fault(t, kernel_write, SIGSEGV, "a write to 0xffffffff80000000");
}

void fault_kernel_read(struct utest *t)
{
	expect_fault(t, kernel_read, SIGSEGV, "a read of 0xffff888000000000");
}

void fault_noncanonical_read(struct utest *t)
{
	expect_fault(t, noncanonical_read, SIGSEGV, "a read of 0x0000800000000000 (#GP)");
}

void fault_exec_stack(struct utest *t)
{
	expect_fault(t, exec_stack, SIGSEGV, "a call into the stack");
}

void fault_exec_heap(struct utest *t)
{
	expect_fault(t, exec_heap, SIGSEGV, "a call into the heap");
}

void fault_write_text(struct utest *t)
{
	expect_fault(t, write_text, SIGSEGV, "a write to the program's text");
}

void fault_divide_error(struct utest *t)
{
	expect_fault(t, divide_error, SIGFPE, "idiv by zero (#DE)");
}

void fault_invalid_opcode(struct utest *t)
{
	expect_fault(t, invalid_opcode, SIGILL, "ud2 (#UD)");
}

void fault_privileged_instructions(struct utest *t)
{
	expect_fault(t, do_cli, SIGSEGV, "cli");
	expect_fault(t, do_hlt, SIGSEGV, "hlt");
	expect_fault(t, do_in, SIGSEGV, "inb $0x80");
	expect_fault(t, do_out, SIGSEGV, "outb $0x80");
	expect_fault(t, write_cr3, SIGSEGV, "mov to cr3");
}

void fault_stack_overflow(struct utest *t)
{
	expect_fault(t, stack_overflow, SIGSEGV, "recursion past the stack limit");
}
