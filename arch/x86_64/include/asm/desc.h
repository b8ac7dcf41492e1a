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

#include <asm/percpu.h>
#include <asm/segment.h>
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

/*
 * What each CPU reads through GS or its descriptor-table registers on
 * every entry from ring 3: its own GDT (TR's load marks the TSS
 * descriptor busy, so no two CPUs can share one), its TSS, the entry
 * code's per-CPU slots and, with page table isolation, the stack ring 3's
 * interrupts land on.  One page per CPU, and nothing else on it: the
 * user page tables map it (arch/x86_64/mm/pti.c).
 */
struct cpu_entry_area {
	u64 gdt[GDT_ENTRIES];
	struct tss tss;
	struct percpu percpu;
	u8 entry_stack[ENTRY_STACK_SIZE] __aligned(16);
} __aligned(4096);

#if IS_ENABLED(CONFIG_HOST)
extern struct cpu_entry_area cpu_entry_area;
#else
extern __section(PER_CPU_PAGE_ALIGNED_SECTION) __aligned(4096) struct cpu_entry_area cpu_entry_area;
#endif

extern struct idt_gate idt_table[NR_VECTORS];

/*
 * Load this CPU's GDT and TSS, its IST stacks given by their tops
 * (IST slot n at @ist[n - 1]); then the IDT.  setup_arch() calls both for
 * the boot CPU, and each AP for itself as it starts.
 */
void gdt_init(const unsigned long *ist);
void idt_init(void);
/* Load the IDT idt_init() filled, on an AP. */
void idt_load(void);
/*
 * With CONFIG_USER_MODE, after them: SYSCALL's MSRs,
 * SMEP and SMAP, the system call table (syscall_64.c).
 */
void user_mode_init(void);
/* The part of it each CPU needs for itself: SYSCALL's MSRs; an AP calls it. */
void syscall_cpu_init(void);

#endif
