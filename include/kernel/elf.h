/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ELF64 executables: the file format's types and constants, as the ELF
 * specification (System V gABI, "ELF-64 Object File Format") and the
 * System V x86_64 psABI define them, and elf_check(), the validation a
 * loader runs before it maps anything (lib/elf.c).
 *
 * Only what a loader of static executables reads is here: the file
 * header and the program headers.  Section headers, symbols and
 * relocations are for linkers and debuggers; a loader never needs them.
 */
#ifndef _KERNEL_ELF_H
#define _KERNEL_ELF_H

#include <kernel/types.h>

/* The gABI's basic types, at their ELF64 sizes. */
typedef u64 Elf64_Addr;
typedef u64 Elf64_Off;
typedef u16 Elf64_Half;
typedef u32 Elf64_Word;
typedef s32 Elf64_Sword;
typedef u64 Elf64_Xword;
typedef s64 Elf64_Sxword;

/* e_ident[]: the bytes that say how to read the rest. */
#define EI_NIDENT     16
#define EI_MAG0	      0 /* 0x7f 'E' 'L' 'F' */
#define EI_MAG1	      1
#define EI_MAG2	      2
#define EI_MAG3	      3
#define EI_CLASS      4 /* word size */
#define EI_DATA	      5 /* byte order */
#define EI_VERSION    6
#define EI_OSABI      7
#define EI_ABIVERSION 8

#define ELFMAG	"\177ELF"
#define SELFMAG 4

#define ELFCLASS32 1
#define ELFCLASS64 2

#define ELFDATA2LSB 1 /* little-endian, as x86_64 is */
#define ELFDATA2MSB 2

#define EV_CURRENT 1

/*
 * The OS ABI: 0 (System V, what most linkers write) or 3 (GNU/Linux,
 * written when a file uses a GNU extension such as IFUNC, as static glibc
 * programs do).  Linux loads both.
 */
#define ELFOSABI_SYSV 0
#define ELFOSABI_GNU  3

/* e_type */
#define ET_NONE 0
#define ET_REL	1 /* an object file, for the linker */
#define ET_EXEC 2 /* an executable linked at fixed addresses */
#define ET_DYN	3 /* a shared object, or a position-independent executable */
#define ET_CORE 4

/* e_machine */
#define EM_X86_64 62

/*
 * The file header, at offset 0 of every ELF file.  64 bytes, with every
 * field at its natural alignment.
 */
typedef struct {
	unsigned char e_ident[EI_NIDENT];
	Elf64_Half e_type;
	Elf64_Half e_machine;
	Elf64_Word e_version;
	Elf64_Addr e_entry;	/* the first instruction */
	Elf64_Off e_phoff;	/* the program header table, in the file */
	Elf64_Off e_shoff;	/* the section header table (unused here) */
	Elf64_Word e_flags;	/* none are defined for x86_64 */
	Elf64_Half e_ehsize;	/* sizeof(Elf64_Ehdr) */
	Elf64_Half e_phentsize; /* sizeof(Elf64_Phdr) */
	Elf64_Half e_phnum;
	Elf64_Half e_shentsize;
	Elf64_Half e_shnum;
	Elf64_Half e_shstrndx;
} Elf64_Ehdr;

/* p_type: what a program header describes. */
#define PT_NULL		0
#define PT_LOAD		1 /* bytes of the file mapped at p_vaddr, the rest zeroed */
#define PT_DYNAMIC	2
#define PT_INTERP	3 /* the dynamic linker's path */
#define PT_NOTE		4
#define PT_SHLIB	5
#define PT_PHDR		6 /* where the program header table is in memory */
#define PT_TLS		7 /* the initial thread-local storage image */
#define PT_GNU_EH_FRAME 0x6474e550
#define PT_GNU_STACK	0x6474e551 /* p_flags: the stack's permissions */
#define PT_GNU_RELRO	0x6474e552
#define PT_GNU_PROPERTY 0x6474e553

/* p_flags */
#define PF_X 0x1
#define PF_W 0x2
#define PF_R 0x4

/* A program header: one segment of the program.  56 bytes. */
typedef struct {
	Elf64_Word p_type;
	Elf64_Word p_flags;
	Elf64_Off p_offset;   /* of its first byte in the file */
	Elf64_Addr p_vaddr;   /* of its first byte in memory */
	Elf64_Addr p_paddr;   /* unused for programs */
	Elf64_Xword p_filesz; /* bytes from the file */
	Elf64_Xword p_memsz;  /* bytes in memory: the rest is zeroed (.bss) */
	Elf64_Xword p_align;
} Elf64_Phdr;

/*
 * At most this many bytes of program headers, as Linux's loader allows
 * (fs/binfmt_elf.c: 64 KiB): 1170 headers.
 */
#define ELF_PHDRS_MAX_SIZE 65536
/* Loadable segments a program may have (static programs have 2 to 5). */
#define ELF_MAX_SEGMENTS   16

/* A loadable segment, checked: what the loader maps. */
struct elf_segment {
	u64 vaddr;  /* of its first byte; vaddr % PAGE_SIZE == offset % PAGE_SIZE */
	u64 memsz;  /* > 0 */
	u64 offset; /* in the file */
	u64 filesz; /* <= memsz; the bytes past it are zero */
	u32 flags;  /* PF_R, PF_W, PF_X: never PF_W and PF_X together */
};

/*
 * What elf_check() found in a valid executable: everything the loader
 * and the initial stack's auxiliary vector need.
 */
struct elf_info {
	u64 entry;	 /* AT_ENTRY: inside an executable segment's file bytes */
	u64 phdr;	 /* AT_PHDR: the program headers' address once mapped */
	u16 phent;	 /* AT_PHENT: sizeof(Elf64_Phdr) */
	u16 phnum;	 /* AT_PHNUM */
	u32 stack_flags; /* PF_R | PF_W: the stack is never executable */
	u64 brk;	 /* the heap's start: the page after the highest segment */
	unsigned int nr_segments;
	struct elf_segment segments[ELF_MAX_SEGMENTS]; /* in ascending vaddr */
	/*
	 * Why the file was refused, for the loader's message ("exec
	 * /bin/x: program header 3: segment overlaps program header 2");
	 * "" when it was not.  Program headers are numbered from 0, in
	 * the order of the table, as "readelf -l" numbers them.
	 */
	char reason[96];
};

/*
 * Check an executable before anything of it is mapped.  @buf holds the
 * first @len bytes of the file (at least the file header and the program
 * header table; the caller reads them), @file_size is the whole file's
 * size.  Returns 0 and fills @info, or:
 *
 *  -ENOEXEC  not a static x86_64 ELF64 executable this kernel can run:
 *            every malformed field, a shared object or PIE (ET_DYN), a
 *            dynamic program (PT_INTERP), a writable and executable
 *            segment, an executable stack, segments out of order or
 *            overlapping, bytes past the end of the file;
 *  -ENOMEM   a segment outside the user address space
 *            [USER_MIN_ADDR, TASK_SIZE_MAX), as mmap() answers for a
 *            range the address space cannot hold.
 *
 * On failure only @info->reason is written; the rest of @info is left as
 * it was.  Pure: no allocation, no I/O, any input is safe.
 */
int elf_check(const void *buf, size_t len, u64 file_size, struct elf_info *info);

#endif
