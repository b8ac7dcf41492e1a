// SPDX-License-Identifier: GPL-2.0
/*
 * Each CPU's GDT and TSS.
 *
 * Long mode ignores segment bases and limits, so the GDT holds little: a
 * 64-bit code segment, a data segment, and the TSS descriptor; with
 * CONFIG_USER_MODE, the same two for ring 3 (<asm/segment.h> has their
 * order).  The TSS is here for its Interrupt Stack Table (see
 * <asm/desc.h>) and, for ring 3, the stack interrupts switch to.  The
 * boot GDT in head32.asm has no TSS and lives in read-only memory; "ltr"
 * writes the busy bit into the TSS descriptor, so every CPU has a table
 * of its own, in its cpu_entry_area (and a second "ltr" of a busy TSS
 * would fault).  There is no LDT, and LDTR says so (load_segments()).
 */
#include <asm/desc.h>
#include <asm/pti.h>
#include <asm/segment.h>
#include <asm/stacks.h>
#include <kernel/compiler.h>

#define SEG_CODE64	0x00af9b000000ffffULL /* present, DPL 0, code, L=1, accessed */
#define SEG_DATA	0x00cf93000000ffffULL /* present, DPL 0, data, writable, accessed */
#define TSS_TYPE_AVAIL	0x89ULL		      /* present, DPL 0, 64-bit TSS (available) */
#define SEG_USER_CODE64 0x00affb000000ffffULL /* as SEG_CODE64, DPL 3 */
#define SEG_USER_DATA	0x00cff3000000ffffULL /* as SEG_DATA, DPL 3 */

/* A 64-bit TSS descriptor is 16 bytes: base and limit scattered over two entries. */
static void set_tss_descriptor(u64 *entry, unsigned long base, u32 limit)
{
	entry[0] = (limit & 0xffffULL) | (base & 0xffffffULL) << 16 | TSS_TYPE_AVAIL << 40 |
		   ((u64)(limit >> 16) & 0xf) << 48 | ((base >> 24) & 0xffULL) << 56;
	entry[1] = base >> 32;
}

static void load_segments(u64 *gdt)
{
	struct desc_ptr gdtr = { .limit = GDT_ENTRIES * sizeof(*gdt) - 1, .base = (u64)gdt };

	/* A far return is the way to reload CS in long mode. */
	__asm__ __volatile__("lgdt %0\n\t"
			     "pushq %1\n\t"
			     "leaq 1f(%%rip), %%rax\n\t"
			     "pushq %%rax\n\t"
			     "lretq\n"
			     "1:\n\t"
			     "movl %2, %%eax\n\t"
			     "movl %%eax, %%ds\n\t"
			     "movl %%eax, %%es\n\t"
			     "movl %%eax, %%ss\n\t"
			     :
			     : "m"(gdtr), "i"(KERNEL_CS), "i"(KERNEL_DS)
			     : "rax", "memory");
	__asm__ __volatile__("ltr %w0" : : "r"(TSS_SELECTOR));
	/*
	 * No LDT: a null LDTR makes every selector with TI set a #GP.  The
	 * LDTR a boot leaves is the CPU's reset one, base 0 and limit 0xffff,
	 * so such a selector (one rt_sigreturn() hands iretq, say) would read
	 * its descriptor at linear address 0: a page fault in ring 0 on the
	 * user's tables, or a descriptor from whatever is mapped there.
	 */
	__asm__ __volatile__("lldt %w0" : : "r"(0));
}

void gdt_init(const unsigned long *ist)
{
	struct cpu_entry_area *area = this_cpu_ptr(&cpu_entry_area);
	u64 *gdt = area->gdt;
	unsigned int i;

	for (i = 0; i < NR_IST_STACKS; i++)
		area->tss.ist[i] = ist[i];
	/* No I/O permission bitmap: the base points past the TSS's end. */
	area->tss.iomap_base = sizeof(area->tss);

	gdt[GDT_ENTRY_KERNEL_CS] = SEG_CODE64;
	gdt[GDT_ENTRY_KERNEL_DS] = SEG_DATA;
	set_tss_descriptor(&gdt[GDT_ENTRY_TSS], (unsigned long)&area->tss, sizeof(area->tss) - 1);
#ifdef CONFIG_USER_MODE
	/* <asm/segment.h>: the order SYSRET needs; GDT_ENTRY_USER32_CS stays null. */
	gdt[GDT_ENTRY_USER_DS] = SEG_USER_DATA;
	gdt[GDT_ENTRY_USER_CS] = SEG_USER_CODE64;
#endif
	load_segments(gdt);
}
