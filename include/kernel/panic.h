/* SPDX-License-Identifier: GPL-2.0 */
/*
 * panic(): the kernel cannot go on.  Stops the other CPUs, prints the
 * reason on every console, whatever the log level, then halts (or, with "qemu_exit" on the command
 * line, exits QEMU with the failure code so that a test run fails at once).
 */
#ifndef _KERNEL_PANIC_H
#define _KERNEL_PANIC_H

#include <kernel/compiler.h>
#include <kernel/types.h>

__noreturn __printf(1, 2) void panic(const char *fmt, ...);
/*
 * Another CPU has panicked (and this one is about to be stopped): what
 * this one would print must not follow the report.
 */
bool other_cpu_in_panic(void);

/* Print the running task and the caller's backtrace (the architecture's). */
void dump_stack(void);

struct pt_regs;
/*
 * Print the running task, and the registers and backtrace of the code
 * @regs were saved from: an interrupted context (the architecture's).
 */
void show_regs(const struct pt_regs *regs);

#endif
