/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How a run of the kernel ends, for whoever started it.
 *
 * A test boot ends with a verdict: with "qemu_exit" on the command line,
 * the architecture makes QEMU exit with a status that says pass or fail
 * (arch/x86_64/kernel/qemu_exit.c).  Generic code says only which; the
 * device that carries the verdict is the architecture's business.
 * "qemu_exit=halt" moves the successful end from the end of init to
 * machine_halt(), so that a test can drive the shell first.
 */
#ifndef _KERNEL_REBOOT_H
#define _KERNEL_REBOOT_H

#include <kernel/compiler.h>
#include <kernel/types.h>

/*
 * Hand @success to whoever runs the machine.  Returns when nobody listens
 * (no "qemu_exit"), or for a success with "qemu_exit=halt"; the caller
 * then goes on, idles or halts as it would anyway.
 */
void machine_exit(bool success);
/* Stop this CPU for good: interrupts off, halt (the architecture's). */
__noreturn void halt_forever(void);
/* Stop for good; under test ("qemu_exit"), QEMU exits with success. */
__noreturn void machine_halt(void);
/* Reset the machine (QEMU with -no-reboot exits instead). */
__noreturn void machine_restart(void);
/*
 * Turn the machine off (ACPI S5, CONFIG_ACPI_POWEROFF: QEMU then exits by
 * itself); if it is still running after that, say so and machine_halt().
 */
__noreturn void machine_power_off(void);

/*
 * The same, the other CPUs stopped first (smp_send_stop(), kernel/halt.c):
 * what every caller but panic() wants.
 */
__noreturn void kernel_halt(void);
__noreturn void kernel_restart(void);
__noreturn void kernel_power_off(void);

/*
 * Ctrl-Alt-Del was pressed (a keyboard driver's call, from its interrupt):
 * restart, or send SIGINT to init, as set_ctrl_alt_del() last chose
 * (kernel/ctrl_alt_del.c).
 */
void ctrl_alt_del(void);
/* What Ctrl-Alt-Del does: restart at once (@restart, the default) or tell init. */
void set_ctrl_alt_del(bool restart);

#endif
