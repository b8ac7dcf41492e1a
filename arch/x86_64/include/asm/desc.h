/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Descriptor tables: the GDT with its TSS (gdt.c) and the IDT (idt.c).
 *
 * The TSS matters to a 64-bit kernel for one reason: its Interrupt Stack
 * Table.  A gate with a non-zero IST index makes the CPU switch to that
 * stack before pushing anything, so a double fault caused by a broken
 * kernel stack still has a good stack to run on.
 */
#ifndef _ASM_DESC_H
#define _ASM_DESC_H

#include <kernel/compiler.h>
#include <kernel/types.h>

#define NR_VECTORS	      256
#define FIRST_EXTERNAL_VECTOR 32 /* vectors below are CPU exceptions */

/* IST slots (1-based, as the gate's IST field counts them) */
#define IST_DOUBLE_FAULT  1
#define IST_NMI		  2
#define IST_MACHINE_CHECK 3
#define NR_IST_STACKS	  3

struct tss {
	u32 reserved0;
	u64 rsp[3]; /* stacks for privilege changes: rsp[0] for ring 3 -> 0 */
	u64 reserved1;
	u64 ist[7]; /* ist[n - 1] is IST slot n */
	u64 reserved2;
	u16 reserved3;
	u16 iomap_base;
} __packed;

struct idt_gate {
	u16 offset_low;
	u16 selector;
	u8 ist;	      /* bits 0-2 */
	u8 type_attr; /* P, DPL, type */
	u16 offset_mid;
	u32 offset_high;
	u32 reserved;
} __packed;

#define GATE_INTERRUPT 0x8e /* present, DPL 0, 64-bit interrupt gate */

struct desc_ptr {
	u16 limit;
	u64 base;
} __packed;

static inline u64 gate_offset(const struct idt_gate *g)
{
	return g->offset_low | (u64)g->offset_mid << 16 | (u64)g->offset_high << 32;
}

static inline void store_idt(struct desc_ptr *dtr)
{
	__asm__ __volatile__("sidt %0" : "=m"(*dtr));
}

static inline void store_gdt(struct desc_ptr *dtr)
{
	__asm__ __volatile__("sgdt %0" : "=m"(*dtr));
}

static inline u16 store_tr(void)
{
	u16 sel;

	__asm__ __volatile__("str %0" : "=r"(sel));
	return sel;
}

extern struct tss kernel_tss;
extern u64 gdt_table[];
extern struct idt_gate idt_table[NR_VECTORS];

/* Load the kernel's GDT and TSS, then the IDT; called by setup_arch(). */
void gdt_init(void);
void idt_init(void);
/*
 * With CONFIG_USER_MODE, after them: the per-CPU area, SYSCALL's MSRs,
 * SMEP and SMAP, the system call table (syscall_64.c).
 */
void user_mode_init(void);

#endif
