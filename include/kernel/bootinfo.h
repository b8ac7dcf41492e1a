/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the boot loader told the kernel, checked and copied out of the
 * loader's own format (arch/x86_64/kernel/multiboot2.c parses Multiboot2).
 * The memory map is kept here for the physical memory allocator.
 */
#ifndef _KERNEL_BOOTINFO_H
#define _KERNEL_BOOTINFO_H

#include <kernel/types.h>

#define BOOT_MMAP_MAX	   64
#define BOOT_RSDP_MAX	   36 /* an ACPI 2.0 RSDP */
#define BOOT_MEM_AVAILABLE 1  /* other types: reserved in some way */
#define BOOT_MODULES_MAX   8

/* Which firmware started the machine (the loader's EFI tags say UEFI). */
enum boot_firmware {
	BOOT_FIRMWARE_BIOS, /* no EFI tag: a PC BIOS, or a loader that hides UEFI */
	BOOT_FIRMWARE_UEFI,
};

/* A file the boot loader loaded (GRUB's module2), such as the initramfs. */
struct boot_module {
	phys_addr_t start, end; /* [start, end), end >= start */
	const char *string;	/* the words after the file on its module2 line */
	bool freeable;		/* mm_init(): it shares no page with memory in use */
};

/*
 * The screen as the boot loader left it.  Only the layout of the tag is
 * checked here; whether a console can draw on it is the console's call
 * (drivers/video/fb.c).
 */
#define BOOT_FB_INDEXED	 0 /* a palette: no console draws on it */
#define BOOT_FB_RGB	 1 /* direct color, fields below */
#define BOOT_FB_EGA_TEXT 2 /* VGA text mode: width and height in characters */

struct boot_framebuffer {
	u64 addr;		  /* physical */
	u32 pitch;		  /* bytes from one line to the next */
	u32 width, height;	  /* pixels, or characters in text mode */
	u8 bpp, type;		  /* bits per pixel; BOOT_FB_* */
	u8 red_pos, red_size;	  /* BOOT_FB_RGB: the lowest bit and the */
	u8 green_pos, green_size; /* number of bits of each color */
	u8 blue_pos, blue_size;
};

struct boot_mem_region {
	u64 addr;
	u64 len;
	u32 type; /* Multiboot2 memory type, 1 = available */
};

struct boot_info {
	phys_addr_t info_phys; /* the loader's information block itself */
	size_t info_size;
	const char *cmdline; /* NULL when the loader passed none */
	const char *loader_name;
	bool has_meminfo;
	u32 mem_lower_kib;
	u32 mem_upper_kib;
	size_t nr_mmap;
	bool mmap_truncated; /* more than BOOT_MMAP_MAX regions */
	struct boot_mem_region mmap[BOOT_MMAP_MAX];
	bool has_fb; /* the loader said what the screen is */
	struct boot_framebuffer fb;
	size_t rsdp_len;	/* 0: the loader passed no ACPI RSDP */
	u8 rsdp[BOOT_RSDP_MAX]; /* its copy, the ACPI 2.0 one if there are both */
	size_t nr_modules;
	bool modules_truncated; /* more than BOOT_MODULES_MAX */
	struct boot_module modules[BOOT_MODULES_MAX];
	/* From the EFI tags (Multiboot2 11, 12, 17, 18), all 0 on a BIOS boot */
	enum boot_firmware firmware;
	phys_addr_t efi_systab; /* the EFI system table, 0 when no tag gave it */
	u8 efi_systab_bits;	/* 64 or 32: the firmware's word size; 0 unknown */
	bool efi_boot_services; /* the loader left boot services running */
	size_t efi_mmap_descs;	/* EFI memory descriptors read; 0: the map is not EFI's */
};

extern struct boot_info boot_info;

/*
 * Check and parse Multiboot2 information at @info, of which at most @avail
 * bytes may be read.  Every problem is reported with printk; tags after a
 * structural error are ignored.  Returns 0, or -EINVAL when the
 * information was malformed.
 */
int mb2_parse(const void *info, size_t avail, struct boot_info *bi);

/*
 * The module whose string is @name, or else the first module; NULL if
 * there are none.
 */
const struct boot_module *boot_find_module(const struct boot_info *bi, const char *name);

/* "UEFI" or "BIOS", for the boot log. */
const char *boot_firmware_name(const struct boot_info *bi);

/* Bytes of available memory in the memory map. */
u64 boot_mem_available(const struct boot_info *bi);

#endif
