/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel linker script.
 *
 * The boot code (.multiboot2, .boot.*) is linked at its load address, 1 MiB,
 * because it runs before paging.  Everything else is linked at KERNEL_VMA +
 * its load address, in the top 2 GiB where -mcmodel=kernel code must live,
 * and loaded (AT) right after the boot code.  Each kind of section starts on
 * a page of its own so that it can be mapped with its own permissions.
 *
 * Tables that code collects through the linker (tests, command line
 * parameters, boot modes, shell commands, console drivers, other
 * drivers, the kernel's own ud2 instructions, system calls) are bracketed
 * by start/end symbols.
 *
 * The exception table (<asm/extable.h>) is one too, but its entries are
 * pairs of addresses, not pointers, and are named as Linux names them.
 *
 * Per-CPU variables (<asm/percpu.h>) are linked as a template,
 * .data..percpu, whose NR_CPUS copies (one per possible CPU, made by
 * percpu_init()) take whole pages at the end of .bss.  The template
 * starts with the page-aligned variables, so each CPU's cpu_entry_area
 * fills the first page of its copy alone.  Without CONFIG_SMP the
 * template is the one CPU's area, and nothing is copied.
 *
 * The entry code (.entry.text) and the data the CPU and it use with the
 * user page tables live (.bss..entry) come first in their sections,
 * bracketed; with CONFIG_PAGE_TABLE_ISOLATION each range fills pages of
 * its own, which those tables map (arch/x86_64/mm/pti.c) without
 * showing anything else.
 */

#ifdef CONFIG_PAGE_TABLE_ISOLATION
#define PTI_PAGE_ALIGN . = ALIGN(4096);
#else
#define PTI_PAGE_ALIGN
#endif

#ifdef CONFIG_SMP
#define PERCPU_END_ALIGN . = ALIGN(4096);
#define PERCPU_COPIES_SPACE					\
	. = ALIGN(4096);					\
	__per_cpu_copies = .;					\
	. += (__per_cpu_end - __per_cpu_start) * CONFIG_NR_CPUS;
#else
#define PERCPU_END_ALIGN . = ALIGN(64);
#define PERCPU_COPIES_SPACE __per_cpu_copies = .;
#endif

#define TABLE(name)						\
	. = ALIGN(8);						\
	__##name##_start = .;					\
	KEEP(*(SORT_BY_NAME(.name.*) .name))			\
	__##name##_end = .;

#define EXCEPTION_TABLE						\
	. = ALIGN(8);						\
	__start___ex_table = .;					\
	KEEP(*(__ex_table))					\
	__stop___ex_table = .;

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(_start)

PHDRS
{
	boot	PT_LOAD FLAGS(5);	/* R X */
	text	PT_LOAD FLAGS(5);	/* R X */
	rodata	PT_LOAD FLAGS(4);	/* R   */
	data	PT_LOAD FLAGS(6);	/* RW  */
}

SECTIONS
{
	. = KERNEL_LOAD_PHYS;

	.boot : {
		KEEP(*(.multiboot2))
		*(.boot.text)
		*(.boot.rodata)
	} :boot

	. = ALIGN(4096) + KERNEL_VMA;
	_text = .;

	.text : AT(ADDR(.text) - KERNEL_VMA) {
		__entry_text_start = .;
		*(.entry.text)
		PTI_PAGE_ALIGN
		__entry_text_end = .;
		*(.text .text.*)
	} :text
	_etext = .;

	. = ALIGN(4096);
	__start_rodata = .;
	.rodata : AT(ADDR(.rodata) - KERNEL_VMA) {
		*(.rodata .rodata.*)
		TABLE(ktest_suites)
		TABLE(kernel_params)
		TABLE(boot_modes)
		TABLE(kshell_commands)
		TABLE(console_initcalls)
		TABLE(console_late_initcalls)
		TABLE(device_initcalls)
		TABLE(deliberate_ud2)
		TABLE(syscalls)
		EXCEPTION_TABLE
	} :rodata
	_erodata = .;

	. = ALIGN(4096);
	__start_data = .;
	/* Before .data, whose .data.* would take it in. */
	.data..percpu : AT(ADDR(.data..percpu) - KERNEL_VMA) {
		__per_cpu_start = .;
		*(.data..percpu..page_aligned)
		*(.data..percpu)
		PERCPU_END_ALIGN
		__per_cpu_end = .;
	} :data

	.data : AT(ADDR(.data) - KERNEL_VMA) {
		*(.data .data.*)
	} :data

	. = ALIGN(4096);
	.bss : AT(ADDR(.bss) - KERNEL_VMA) {
		__bss_start = .;
		__entry_bss_start = .;
		*(.bss..entry)
		PTI_PAGE_ALIGN
		__entry_bss_end = .;
		*(.bss .bss.*)
		*(COMMON)
		PERCPU_COPIES_SPACE
		__bss_end = .;
	} :data

	. = ALIGN(4096);
	_end = .;

	/DISCARD/ : {
		*(.comment)
		*(.note .note.*)
		*(.eh_frame .eh_frame_hdr)
	}
}
