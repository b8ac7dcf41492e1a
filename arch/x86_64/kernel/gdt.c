// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's GDT and TSS.
 *
 * Long mode ignores segment bases and limits, so the GDT holds little: a
 * 64-bit code segment, a data segment, and the TSS descriptor; with
 * CONFIG_USER_MODE, the same two for ring 3 (<asm/segment.h> has their
 * order).  The TSS is
 * here for its Interrupt Stack Table (see <asm/desc.h>).  The boot GDT in
 * head32.asm has no TSS and lives in read-only memory; "ltr" writes the
 * busy bit into the TSS descriptor, so this table is in .data.  There is
 * no LDT, and LDTR says so (load_segments()).
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

/* __entry_bss: the CPU reads both on every entry from ring 3 (<asm/pti.h>). */
struct tss kernel_tss __aligned(16) __entry_bss;
u64 gdt_table[GDT_ENTRIES] __aligned(16) __entry_bss;

/* A 64-bit TSS descriptor is 16 bytes: base and limit scattered over two entries. */
static void set_tss_descriptor(u64 *entry, unsigned long base, u32 limit)
{
	entry[0] = (limit & 0xffffULL) | (base & 0xffffffULL) << 16 | TSS_TYPE_AVAIL << 40 |
		   ((u64)(limit >> 16) & 0xf) << 48 | ((base >> 24) & 0xffULL) << 56;
	entry[1] = base >> 32;
}

static void load_segments(void)
{
	struct desc_ptr gdtr = { .limit = sizeof(gdt_table) - 1, .base = (u64)gdt_table };

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

void gdt_init(void)
{
	unsigned int ist;

	for (ist = 1; ist <= NR_IST_STACKS; ist++)
		kernel_tss.ist[ist - 1] = ist_stack_top(ist);
	/* No I/O permission bitmap: the base points past the TSS's end. */
	kernel_tss.iomap_base = sizeof(kernel_tss);

	gdt_table[GDT_ENTRY_KERNEL_CS] = SEG_CODE64;
	gdt_table[GDT_ENTRY_KERNEL_DS] = SEG_DATA;
	set_tss_descriptor(&gdt_table[GDT_ENTRY_TSS], (unsigned long)&kernel_tss,
			   sizeof(kernel_tss) - 1);
#ifdef CONFIG_USER_MODE
	/* <asm/segment.h>: the order SYSRET needs; GDT_ENTRY_USER32_CS stays null. */
	gdt_table[GDT_ENTRY_USER_DS] = SEG_USER_DATA;
	gdt_table[GDT_ENTRY_USER_CS] = SEG_USER_CODE64;
#endif
	load_segments();
}
