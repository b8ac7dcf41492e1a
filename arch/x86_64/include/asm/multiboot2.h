/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Multiboot2 boot information format (Multiboot2 specification, section
 * 3.6), as much of it as the kernel reads.  The information is a fixed
 * header followed by tags, each 8-byte aligned, ending with a tag of type 0.
 */
#ifndef _ASM_MULTIBOOT2_H
#define _ASM_MULTIBOOT2_H

#include <kernel/types.h>

#define MB2_TAG_END	      0
#define MB2_TAG_CMDLINE	      1
#define MB2_TAG_LOADER_NAME   2
#define MB2_TAG_MODULE	      3
#define MB2_TAG_BASIC_MEMINFO 4
#define MB2_TAG_BOOTDEV	      5
#define MB2_TAG_MMAP	      6
#define MB2_TAG_ACPI_OLD      14 /* a copy of the ACPI 1.0 RSDP */
#define MB2_TAG_ACPI_NEW      15 /* a copy of the ACPI 2.0+ RSDP */

#define MB2_MEMORY_AVAILABLE 1
#define MB2_MEMORY_RESERVED  2
#define MB2_MEMORY_ACPI	     3
#define MB2_MEMORY_NVS	     4
#define MB2_MEMORY_BADRAM    5

struct mb2_info {
	u32 total_size;
	u32 reserved;
} __attribute__((packed));

struct mb2_tag {
	u32 type;
	u32 size;
} __attribute__((packed));

struct mb2_tag_string { /* MB2_TAG_CMDLINE, MB2_TAG_LOADER_NAME */
	struct mb2_tag tag;
	char string[];
} __attribute__((packed));

struct mb2_tag_module { /* MB2_TAG_MODULE: a file the loader put in memory */
	struct mb2_tag tag;
	u32 mod_start; /* physical, first byte */
	u32 mod_end;   /* physical, one past the last byte */
	char string[]; /* the rest of its module2 line */
} __attribute__((packed));

struct mb2_tag_meminfo {
	struct mb2_tag tag;
	u32 mem_lower; /* KiB below 1 MiB */
	u32 mem_upper; /* KiB above 1 MiB, up to the first hole */
} __attribute__((packed));

struct mb2_mmap_entry {
	u64 addr;
	u64 len;
	u32 type;
	u32 reserved;
} __attribute__((packed));

struct mb2_tag_mmap {
	struct mb2_tag tag;
	u32 entry_size;
	u32 entry_version;
	struct mb2_mmap_entry entries[];
} __attribute__((packed));

#endif
