/* SPDX-License-Identifier: GPL-2.0 */
/*
 * GDT layout and segment selectors (arch/x86_64/kernel/gdt.c builds the
 * table).  The code and data selectors are the ones the boot GDT used, so
 * the switch from the boot GDT to this one changes no segment register.
 *
 * With CONFIG_USER_MODE three entries follow the TSS, in the order that
 * SYSRET imposes: it takes the user's SS from STAR[63:48] + 8 and its
 * 64-bit CS from STAR[63:48] + 16, so user data must sit right below user
 * code, and the entry below both is the base STAR names (Linux keeps a
 * 32-bit user code segment there for SYSRETL; Kestrel runs no 32-bit
 * code, so it stays a null descriptor).  SYSCALL takes the kernel's CS
 * from STAR[47:32] and its SS from the entry after it: KERNEL_CS and
 * KERNEL_DS, which are already in that order.  The ring-3 selectors carry
 * RPL 3, as SYSRET makes them.
 */
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

#define GDT_ENTRY_KERNEL_CS 1
#define GDT_ENTRY_KERNEL_DS 2
#define GDT_ENTRY_TSS	    3 /* a system descriptor: two entries */
#ifdef CONFIG_USER_MODE
#define GDT_ENTRY_USER32_CS 5 /* STAR's SYSRET base; null (no 32-bit code) */
#define GDT_ENTRY_USER_DS   6
#define GDT_ENTRY_USER_CS   7
#define GDT_ENTRIES	    8
#else
#define GDT_ENTRIES 5
#endif

#define KERNEL_CS    (GDT_ENTRY_KERNEL_CS * 8)
#define KERNEL_DS    (GDT_ENTRY_KERNEL_DS * 8)
#define TSS_SELECTOR (GDT_ENTRY_TSS * 8)
#ifdef CONFIG_USER_MODE
#define USER32_CS (GDT_ENTRY_USER32_CS * 8 + 3)
#define USER_DS	  (GDT_ENTRY_USER_DS * 8 + 3)
#define USER_CS	  (GDT_ENTRY_USER_CS * 8 + 3)
#endif

/* Selector error codes (#TS, #NP, #SS, #GP): which table, which entry. */
#define SEL_ERR_EXT	 (1U << 0) /* raised by an event outside the program */
#define SEL_ERR_IDT	 (1U << 1) /* index is an IDT vector */
#define SEL_ERR_LDT	 (1U << 2) /* index is in the LDT, not the GDT */
#define SEL_ERR_INDEX(e) (((e) >> 3) & 0x1fff)

#endif
