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
#define MB2_TAG_FRAMEBUFFER   8
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

/* MB2_TAG_FRAMEBUFFER: the screen mode the loader left, pixels or text. */
#define MB2_FB_INDEXED	0
#define MB2_FB_RGB	1
#define MB2_FB_EGA_TEXT 2

struct mb2_tag_framebuffer {
	struct mb2_tag tag;
	u64 addr;  /* physical */
	u32 pitch; /* bytes from one line to the next */
	u32 width; /* pixels, or characters in EGA text */
	u32 height;
	u8 bpp;
	u8 type; /* MB2_FB_* */
	u16 reserved;
	/* MB2_FB_RGB only: where each color's bits lie in a pixel */
	u8 red_pos, red_size;
	u8 green_pos, green_size;
	u8 blue_pos, blue_size;
} __attribute__((packed));

#define MB2_FB_COMMON_SIZE offsetof(struct mb2_tag_framebuffer, red_pos)

#endif
