/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The HPET (arch/x86_64/kernel/hpet.c): its main counter as a clocksource.
 */
#ifndef _ASM_HPET_H
#define _ASM_HPET_H

#include <kernel/clocksource.h>

/*
 * The HPET clocksource, set up on the first call from the ACPI HPET
 * table; NULL (with the reason in the log) if there is no usable HPET.
 */
struct clocksource *hpet_clocksource_init(void);

#endif
