/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The valid ELF64 executable the ELF suites start from (lib/elf_test.c):
 * the table of broken images breaks one field of it at a time, and the
 * host fuzzer (arch/host/kernel/elf_fuzz.c) mutates it.
 *
 *   program header 0  PT_PHDR       0x400040, the table itself
 *   program header 1  PT_LOAD  R    0x400000, file 0x0000, 0x200 bytes
 *   program header 2  PT_LOAD  R X  0x401000, file 0x1000, 0x100 bytes
 *   program header 3  PT_LOAD  RW   0x402000, file 0x2000, 0x10 bytes,
 *                                   0xf00 in memory (.bss): brk 0x403000
 *   program header 4  PT_GNU_STACK RW
 *
 * Entry 0x401000, file size 0x2010; the headers (344 bytes) are the
 * first bytes of the file, as a loader reads them.
 */
#ifndef _LIB_ELF_TEST_H
#define _LIB_ELF_TEST_H

#include <kernel/elf.h>

#define ELF_TEST_PHNUM	   5
#define ELF_TEST_HDRS	   (sizeof(Elf64_Ehdr) + ELF_TEST_PHNUM * sizeof(Elf64_Phdr))
#define ELF_TEST_FILE_SIZE 0x2010UL
#define ELF_TEST_ENTRY	   0x401000UL

/* Write the image's headers into @buf (ELF_TEST_HDRS bytes). */
void elf_test_image(u8 *buf);

#endif
