/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 8253/8254 programmable interval timer (arch/x86_64/kernel/i8253.c).
 *
 * Its input clock runs at 1.193182 MHz; channel 0 divides it down to
 * CONFIG_HZ and raises IRQ 0 at that rate.  Channel 2, gated through port
 * 0x61, is free: the timer tests use it as an independent clock.
 */
#ifndef _ASM_I8253_H
#define _ASM_I8253_H

#include <kernel/types.h>

#define PIT_TICK_RATE 1193182UL
#define PIT_CH0	      0x40
#define PIT_CH2	      0x42
#define PIT_MODE      0x43
#define PIT_GATE_PORT 0x61 /* bit 0: channel 2 gate, bit 1: speaker, bit 5: OUT2 */

/* The divisor channel 0 runs with: the PIT rate over CONFIG_HZ, rounded. */
#define PIT_LATCH ((PIT_TICK_RATE + CONFIG_HZ / 2) / CONFIG_HZ)

/* Channel 0's current count, from PIT_LATCH down to 1. */
u16 pit_read_counter(void);

/* Start the tick: channel 0 at CONFIG_HZ on IRQ 0. */
void pit_init(void);

/*
 * Channel 2 as a one-shot of @count PIT clocks (838 ns each), with the
 * speaker off: started by pit_oneshot_start(), expired once
 * pit_oneshot_done() says so.  Nothing else uses channel 2, so it is an
 * independent clock for calibrating the TSC and for the tests.
 */
void pit_oneshot_start(u16 count);
bool pit_oneshot_done(void);

#endif
