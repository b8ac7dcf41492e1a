/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Leaving QEMU with a status (arch/x86_64/kernel/qemu_exit.c).
 *
 * QEMU's isa-debug-exit device (-device isa-debug-exit,iobase=0xf4,
 * iosize=0x04) ends QEMU when a value V is written to its port, with exit
 * status (V << 1) | 1.  The test runner reads that status: 0x10 -> 33 means
 * success, 0x11 -> 35 failure.  A triple fault ends QEMU (-no-reboot) with
 * status 0, which the runner treats as failure too.
 *
 * The kernel only uses the device when "qemu_exit" is on the command line,
 * so a kernel booted elsewhere never pokes an unknown port.
 */
#ifndef _ASM_QEMU_H
#define _ASM_QEMU_H

#include <kernel/compiler.h>
#include <kernel/types.h>

#define QEMU_EXIT_PORT		0xf4
#define QEMU_EXIT_SUCCESS	0x10
#define QEMU_EXIT_FAILURE	0x11

/* Was "qemu_exit" on the command line? */
bool qemu_exit_requested(void);

/* Exit QEMU with @code.  Returns only if no isa-debug-exit device exists. */
void qemu_exit(u32 code);

#endif
