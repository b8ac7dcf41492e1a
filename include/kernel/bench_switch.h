/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The benchmarks' measure of a switch between two kernel threads
 * (kernel/sched/bench_switch.c, CONFIG_BENCH_SWITCH).
 */
#ifndef _KERNEL_BENCH_SWITCH_H
#define _KERNEL_BENCH_SWITCH_H

#include <kernel/types.h>

/*
 * Hundredths of an instruction (under -icount shift=0) per one-way
 * switch between two kernel threads that yield to each other @rounds
 * times each, with interrupts off while they count if @irqs_off; 0 if a
 * thread could not be made or collected.
 */
unsigned long bench_switch(unsigned int rounds, bool irqs_off);

#endif
