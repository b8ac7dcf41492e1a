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
#define MB2_TAG_EFI32	      11 /* the EFI system table of 32-bit firmware */
#define MB2_TAG_EFI64	      12 /* the EFI system table of 64-bit firmware */
#define MB2_TAG_EFI_MMAP      17 /* the firmware's own memory map, descriptors as is */
#define MB2_TAG_EFI_BS	      18 /* boot services were not exited */

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

struct mb2_tag_efi32 { /* MB2_TAG_EFI32 */
	struct mb2_tag tag;
	u32 pointer; /* physical address of the EFI system table */
} __attribute__((packed));

struct mb2_tag_efi64 { /* MB2_TAG_EFI64 */
	struct mb2_tag tag;
	u64 pointer;
} __attribute__((packed));

/*
 * The EFI memory map as GetMemoryMap() returned it: descriptors of
 * descr_size bytes each (at least sizeof(struct efi_memory_desc); firmware
 * may make them larger, so they are stepped over by descr_size), of
 * layout version descr_vers (1, the only one UEFI has defined).
 */
struct mb2_tag_efi_mmap {
	struct mb2_tag tag;
	u32 descr_size;
	u32 descr_vers;
	u8 efi_mmap[];
} __attribute__((packed));

#define EFI_MEMORY_DESCRIPTOR_VERSION 1
#define EFI_PAGE_SHIFT		      12 /* descriptors count 4 KiB pages */

/* EFI_MEMORY_TYPE (UEFI specification, 7.2: EFI_BOOT_SERVICES.AllocatePages) */
#define EFI_RESERVED_TYPE	  0
#define EFI_LOADER_CODE		  1
#define EFI_LOADER_DATA		  2
#define EFI_BOOT_SERVICES_CODE	  3
#define EFI_BOOT_SERVICES_DATA	  4
#define EFI_RUNTIME_SERVICES_CODE 5
#define EFI_RUNTIME_SERVICES_DATA 6
#define EFI_CONVENTIONAL_MEMORY	  7
#define EFI_UNUSABLE_MEMORY	  8
#define EFI_ACPI_RECLAIM_MEMORY	  9
#define EFI_ACPI_MEMORY_NVS	  10
#define EFI_MEMORY_MAPPED_IO	  11
#define EFI_MEMORY_MAPPED_IO_PORT 12
#define EFI_PAL_CODE		  13
#define EFI_PERSISTENT_MEMORY	  14

/* Descriptor attributes (UEFI specification, 7.2: EFI_BOOT_SERVICES.GetMemoryMap) */
#define EFI_MEMORY_UC (1ULL << 0)
#define EFI_MEMORY_WB (1ULL << 3)
#define EFI_MEMORY_SP (1ULL << 18) /* specific purpose: not general-purpose RAM */

struct efi_memory_desc { /* EFI_MEMORY_DESCRIPTOR, version 1 */
	u32 type;
	u32 pad;
	u64 phys_addr;
	u64 virt_addr;
	u64 num_pages;
	u64 attribute;
} __attribute__((packed));

#endif
