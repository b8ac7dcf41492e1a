/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GDT layout and segment selectors (arch/x86_64/kernel/gdt.c builds the
 * table).  The code and data selectors are the ones the boot GDT used, so
 * the switch from the boot GDT to this one changes no segment register.
 */
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

#define GDT_ENTRY_KERNEL_CS 1
#define GDT_ENTRY_KERNEL_DS 2
#define GDT_ENTRY_TSS	    3 /* a system descriptor: two entries */
#define GDT_ENTRIES	    5

#define KERNEL_CS    (GDT_ENTRY_KERNEL_CS * 8)
#define KERNEL_DS    (GDT_ENTRY_KERNEL_DS * 8)
#define TSS_SELECTOR (GDT_ENTRY_TSS * 8)

/* Selector error codes (#TS, #NP, #SS, #GP): which table, which entry. */
#define SEL_ERR_EXT	 (1U << 0) /* raised by an event outside the program */
#define SEL_ERR_IDT	 (1U << 1) /* index is an IDT vector */
#define SEL_ERR_LDT	 (1U << 2) /* index is in the LDT, not the GDT */
#define SEL_ERR_INDEX(e) (((e) >> 3) & 0x1fff)

#endif
