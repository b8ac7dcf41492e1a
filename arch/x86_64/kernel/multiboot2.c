// SPDX-License-Identifier: GPL-2.0
/*
 * Multiboot2 boot information parser.
 *
 * The boot loader's information block is input from outside the kernel:
 * every size is checked against the space it claims before anything is
 * read, strings must end inside their tag, and a structural error stops
 * the walk with a message that says what was wrong and where.  What passes
 * is copied into struct boot_info, so nothing later reads the raw block.
 *
 * On UEFI, GRUB passes the firmware's memory map as it is (tag 17) beside
 * its own conversion (tag 6): the EFI one is the map then, converted here
 * the way Linux's EFI stub converts it to E820 types.  Boot-services
 * memory is the kernel's once boot services have been exited, which GRUB
 * does unless told otherwise (tag 18 says it did not), so the EFI map is
 * converted only after the walk, when every tag has been seen.
 */
#define pr_fmt(fmt) "multiboot2: " fmt

#include <asm/multiboot2.h>
#include <kernel/bootinfo.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define MB2_MIN_SIZE (sizeof(struct mb2_info) + sizeof(struct mb2_tag))

/* The string of a string tag, or NULL when it does not end in the tag. */
static const char *tag_string(const struct mb2_tag *tag)
{
	const struct mb2_tag_string *s = (const void *)tag;
	size_t room = tag->size - sizeof(*tag);

	if (!memchr(s->string, '\0', room)) {
		pr_err("tag type %u: string is not NUL-terminated, ignored\n", tag->type);
		return NULL;
	}
	return s->string;
}

static void parse_meminfo(const struct mb2_tag *tag, struct boot_info *bi)
{
	const struct mb2_tag_meminfo *m = (const void *)tag;

	if (tag->size < sizeof(*m)) {
		pr_err("basic memory tag too short (%u bytes), ignored\n", tag->size);
		return;
	}
	bi->has_meminfo = true;
	bi->mem_lower_kib = m->mem_lower;
	bi->mem_upper_kib = m->mem_upper;
}

static void parse_mmap(const struct mb2_tag *tag, struct boot_info *bi)
{
	const struct mb2_tag_mmap *m = (const void *)tag;
	size_t i, count;

	if (tag->size < sizeof(*m)) {
		pr_err("memory map tag too short (%u bytes), ignored\n", tag->size);
		return;
	}
	if (m->entry_size < sizeof(struct mb2_mmap_entry) || m->entry_size % 8) {
		pr_err("memory map entry size %u is invalid, map ignored\n", m->entry_size);
		return;
	}
	count = (tag->size - sizeof(*m)) / m->entry_size;
	if (count > BOOT_MMAP_MAX) {
		pr_warn("memory map has %zu entries, only the first %d are used\n", count,
			BOOT_MMAP_MAX);
		bi->mmap_truncated = true;
		count = BOOT_MMAP_MAX;
	}
	for (i = 0; i < count; i++) {
		const struct mb2_mmap_entry *e =
			(const void *)((const char *)m->entries + i * m->entry_size);

		bi->mmap[i].addr = e->addr;
		bi->mmap[i].len = e->len;
		bi->mmap[i].type = e->type;
	}
	bi->nr_mmap = count;
}

/*
 * The screen: a pixel framebuffer or VGA text.  An RGB one must hold its
 * six color fields; what the values mean is checked by the console that
 * would draw on it.
 */
static void parse_framebuffer(const struct mb2_tag *tag, struct boot_info *bi)
{
	const struct mb2_tag_framebuffer *f = (const void *)tag;
	struct boot_framebuffer *fb = &bi->fb;

	if (tag->size < MB2_FB_COMMON_SIZE) {
		pr_err("framebuffer tag too short (%u bytes), ignored\n", tag->size);
		return;
	}
	if (f->type == MB2_FB_RGB && tag->size < sizeof(*f)) {
		pr_err("RGB framebuffer tag too short for its color fields (%u bytes), ignored\n",
		       tag->size);
		return;
	}
	memset(fb, 0, sizeof(*fb));
	fb->addr = f->addr;
	fb->pitch = f->pitch;
	fb->width = f->width;
	fb->height = f->height;
	fb->bpp = f->bpp;
	fb->type = f->type;
	if (f->type == MB2_FB_RGB) {
		fb->red_pos = f->red_pos;
		fb->red_size = f->red_size;
		fb->green_pos = f->green_pos;
		fb->green_size = f->green_size;
		fb->blue_pos = f->blue_pos;
		fb->blue_size = f->blue_size;
	}
	bi->has_fb = true;
}

/*
 * A copy of the ACPI RSDP: 20 bytes (1.0) or 36 (2.0 and later).  The
 * newer one wins when the loader passes both; the table walk checks the
 * bytes themselves (drivers/acpi/tables.c).
 */
static void parse_acpi(const struct mb2_tag *tag, struct boot_info *bi)
{
	size_t len = tag->size - sizeof(*tag);

	if (len < 20) {
		pr_err("ACPI tag type %u too short (%zu bytes of RSDP), ignored\n", tag->type, len);
		return;
	}
	if (bi->rsdp_len > 20 && tag->type == MB2_TAG_ACPI_OLD)
		return;
	len = min(len, (size_t)BOOT_RSDP_MAX);
	memcpy(bi->rsdp, tag + 1, len);
	bi->rsdp_len = len;
}

/*
 * A module: where the loader put a file, and its string.  A module that
 * ends before it starts, or whose string does not end in its tag, is not
 * one the kernel can trust, and is left out (its memory then stays as
 * the memory map says).
 */
static void parse_module(const struct mb2_tag *tag, struct boot_info *bi)
{
	const struct mb2_tag_module *m = (const void *)tag;
	struct boot_module *mod;

	if (tag->size < sizeof(*m) + 1) {
		pr_err("module tag too short (%u bytes), ignored\n", tag->size);
		return;
	}
	if (!memchr(m->string, '\0', tag->size - sizeof(*m))) {
		pr_err("module at %#x: string is not NUL-terminated, module ignored\n",
		       m->mod_start);
		return;
	}
	if (m->mod_end < m->mod_start) {
		pr_err("module %#x-%#x ends before it starts, ignored\n", m->mod_start, m->mod_end);
		return;
	}
	if (bi->nr_modules == BOOT_MODULES_MAX) {
		if (!bi->modules_truncated)
			pr_warn("more than %d modules, the rest ignored\n", BOOT_MODULES_MAX);
		bi->modules_truncated = true;
		return;
	}
	mod = &bi->modules[bi->nr_modules++];
	mod->start = m->mod_start;
	mod->end = m->mod_end;
	mod->string = m->string;
}

/*
 * The EFI system table's address: the firmware is UEFI.  A 64-bit
 * system table tag wins over a 32-bit one.
 */
static void parse_efi_systab(const struct mb2_tag *tag, struct boot_info *bi)
{
	if (tag->type == MB2_TAG_EFI64) {
		const struct mb2_tag_efi64 *e = (const void *)tag;

		if (tag->size < sizeof(*e)) {
			pr_err("EFI system table tag type %u too short (%u bytes), ignored\n",
			       tag->type, tag->size);
			return;
		}
		bi->efi_systab = e->pointer;
		bi->efi_systab_bits = 64;
	} else {
		const struct mb2_tag_efi32 *e = (const void *)tag;

		if (tag->size < sizeof(*e)) {
			pr_err("EFI system table tag type %u too short (%u bytes), ignored\n",
			       tag->type, tag->size);
			return;
		}
		if (bi->efi_systab_bits == 64)
			return;
		bi->efi_systab = e->pointer;
		bi->efi_systab_bits = 32;
	}
	bi->firmware = BOOT_FIRMWARE_UEFI;
}

/* The walk's EFI memory map tag, checked, converted by efi_mmap_convert(). */
static const struct mb2_tag_efi_mmap *efi_mmap_tag;

/*
 * Check the EFI memory map tag's header as parse_mmap() checks tag 6's: a
 * descriptor size too small to hold a descriptor, or not a multiple of 8
 * (the UEFI specification keeps them 8-byte aligned) or larger than the
 * whole map, or a layout version other than 1, and the map cannot be read
 * at all.
 */
static void parse_efi_mmap(const struct mb2_tag *tag, struct boot_info *bi)
{
	const struct mb2_tag_efi_mmap *m = (const void *)tag;

	bi->firmware = BOOT_FIRMWARE_UEFI;
	if (tag->size < sizeof(*m)) {
		pr_err("EFI memory map tag too short (%u bytes), ignored\n", tag->size);
		return;
	}
	if (m->descr_size < sizeof(struct efi_memory_desc) || m->descr_size % 8) {
		pr_err("EFI memory descriptor size %u is invalid, EFI map ignored\n",
		       m->descr_size);
		return;
	}
	if (m->descr_size > tag->size - sizeof(*m)) {
		pr_err("EFI memory descriptor size %u exceeds the %u-byte tag, EFI map ignored\n",
		       m->descr_size, tag->size);
		return;
	}
	if (m->descr_vers != EFI_MEMORY_DESCRIPTOR_VERSION) {
		pr_err("EFI memory descriptor version %u is not %u, EFI map ignored\n",
		       m->descr_vers, EFI_MEMORY_DESCRIPTOR_VERSION);
		return;
	}
	efi_mmap_tag = m;
}

/*
 * The Multiboot2 type of EFI memory descriptor @d.  RAM by its type is
 * the allocator's only when it can be cached write-back and is not set
 * aside for a specific purpose, as in Linux's do_add_efi_memmap().
 */
static u32 efi_mem_type(const struct efi_memory_desc *d, bool boot_services_running)
{
	bool ram = (d->attribute & EFI_MEMORY_WB) && !(d->attribute & EFI_MEMORY_SP);

	switch (d->type) {
	case EFI_CONVENTIONAL_MEMORY:
	case EFI_LOADER_CODE: /* the loader's: GRUB is done with it */
	case EFI_LOADER_DATA: /* (the kernel keeps its image, modules, and this block) */
		return ram ? MB2_MEMORY_AVAILABLE : MB2_MEMORY_RESERVED;
	case EFI_BOOT_SERVICES_CODE:
	case EFI_BOOT_SERVICES_DATA:
		return ram && !boot_services_running ? MB2_MEMORY_AVAILABLE : MB2_MEMORY_RESERVED;
	case EFI_ACPI_RECLAIM_MEMORY:
		return MB2_MEMORY_ACPI;
	case EFI_ACPI_MEMORY_NVS:
		return MB2_MEMORY_NVS;
	case EFI_UNUSABLE_MEMORY:
		return MB2_MEMORY_BADRAM;
	default: /* runtime services, MMIO, persistent memory, reserved, types to come */
		return MB2_MEMORY_RESERVED;
	}
}

/*
 * Descriptor @i of the EFI map, or NULL, said once, when it cannot be a
 * range of memory: not page-aligned, or running past the end of the
 * physical address space.  Empty ones are skipped without a word.
 */
static const struct efi_memory_desc *efi_desc(const struct mb2_tag_efi_mmap *m, size_t i,
					      bool report)
{
	const struct efi_memory_desc *d = (const void *)(m->efi_mmap + i * m->descr_size);

	if (!d->num_pages)
		return NULL;
	if (d->phys_addr & ((1ULL << EFI_PAGE_SHIFT) - 1) ||
	    d->num_pages > (~0ULL - d->phys_addr) >> EFI_PAGE_SHIFT) {
		if (report)
			pr_err("EFI memory descriptor %zu: %#llx pages at %#llx is no range of "
			       "memory, ignored\n",
			       i, (unsigned long long)d->num_pages,
			       (unsigned long long)d->phys_addr);
		return NULL;
	}
	return d;
}

/*
 * Replace tag 6's map with the EFI one, adjacent descriptors of the same
 * converted type merged (OVMF's 128 MiB map has over a hundred
 * descriptors, a dozen regions once merged).  A map with no usable
 * descriptor at all leaves tag 6's map in place.
 */
static void efi_mmap_convert(const struct mb2_tag_efi_mmap *m, struct boot_info *bi)
{
	size_t i, count = (m->tag.size - sizeof(*m)) / m->descr_size, valid = 0;

	for (i = 0; i < count; i++)
		valid += efi_desc(m, i, true) != NULL;
	if (!valid) {
		pr_err("EFI memory map has no usable descriptor (%zu in all), ignored\n", count);
		return;
	}
	bi->nr_mmap = 0;
	bi->mmap_truncated = false;
	for (i = 0; i < count; i++) {
		const struct efi_memory_desc *d = efi_desc(m, i, false);
		struct boot_mem_region *prev = bi->nr_mmap ? &bi->mmap[bi->nr_mmap - 1] : NULL;
		u64 len;
		u32 type;

		if (!d)
			continue;
		len = d->num_pages << EFI_PAGE_SHIFT;
		type = efi_mem_type(d, bi->efi_boot_services);
		if (prev && prev->type == type && prev->addr + prev->len == d->phys_addr) {
			prev->len += len;
			continue;
		}
		if (bi->nr_mmap == BOOT_MMAP_MAX) {
			pr_warn("EFI memory map has more than %d regions, the rest ignored\n",
				BOOT_MMAP_MAX);
			bi->mmap_truncated = true;
			break;
		}
		bi->mmap[bi->nr_mmap].addr = d->phys_addr;
		bi->mmap[bi->nr_mmap].len = len;
		bi->mmap[bi->nr_mmap].type = type;
		bi->nr_mmap++;
	}
	bi->efi_mmap_descs = count;
}

static void parse_tag(const struct mb2_tag *tag, struct boot_info *bi)
{
	switch (tag->type) {
	case MB2_TAG_CMDLINE:
		bi->cmdline = tag_string(tag);
		break;
	case MB2_TAG_LOADER_NAME:
		bi->loader_name = tag_string(tag);
		break;
	case MB2_TAG_MODULE:
		parse_module(tag, bi);
		break;
	case MB2_TAG_BASIC_MEMINFO:
		parse_meminfo(tag, bi);
		break;
	case MB2_TAG_MMAP:
		parse_mmap(tag, bi);
		break;
	case MB2_TAG_FRAMEBUFFER:
		parse_framebuffer(tag, bi);
		break;
	case MB2_TAG_ACPI_OLD:
	case MB2_TAG_ACPI_NEW:
		parse_acpi(tag, bi);
		break;
	case MB2_TAG_EFI32:
	case MB2_TAG_EFI64:
		parse_efi_systab(tag, bi);
		break;
	case MB2_TAG_EFI_MMAP:
		parse_efi_mmap(tag, bi);
		break;
	case MB2_TAG_EFI_BS:
		bi->firmware = BOOT_FIRMWARE_UEFI;
		bi->efi_boot_services = true;
		break;
	default:
		break; /* tags the kernel does not use */
	}
}

static int mb2_walk(const void *info, size_t avail, struct boot_info *bi)
{
	const struct mb2_info *hdr = info;
	const char *base = info;
	size_t offset = sizeof(*hdr), total;

	if (avail < MB2_MIN_SIZE) {
		pr_err("information block truncated: %zu bytes readable\n", avail);
		return -EINVAL;
	}
	total = hdr->total_size;
	if (total < MB2_MIN_SIZE || total > avail) {
		pr_err("information block claims %zu bytes, %zu..%zu possible\n", total,
		       MB2_MIN_SIZE, avail);
		return -EINVAL;
	}
	bi->info_size = total;

	while (offset + sizeof(struct mb2_tag) <= total) {
		const struct mb2_tag *tag = (const void *)(base + offset);

		if (tag->size < sizeof(*tag)) {
			pr_err("tag type %u at offset %zu: size %u is below 8, rest ignored\n",
			       tag->type, offset, tag->size);
			return -EINVAL;
		}
		if (tag->size > total - offset) {
			pr_err("tag type %u at offset %zu: size %u runs past the end (%zu), "
			       "rest ignored\n",
			       tag->type, offset, tag->size, total);
			return -EINVAL;
		}
		if (tag->type == MB2_TAG_END)
			return 0;
		parse_tag(tag, bi);
		offset += ALIGN((size_t)tag->size, 8);
	}
	pr_err("no end tag within %zu bytes\n", total);
	return -EINVAL;
}

int mb2_parse(const void *info, size_t avail, struct boot_info *bi)
{
	int ret;

	memset(bi, 0, sizeof(*bi));
	efi_mmap_tag = NULL;
	ret = mb2_walk(info, avail, bi);
	/* What the walk read before an error is used, as for the other tags. */
	if (efi_mmap_tag)
		efi_mmap_convert(efi_mmap_tag, bi);
	return ret;
}

const char *boot_firmware_name(const struct boot_info *bi)
{
	return bi->firmware == BOOT_FIRMWARE_UEFI ? "UEFI" : "BIOS";
}

const struct boot_module *boot_find_module(const struct boot_info *bi, const char *name)
{
	size_t i;

	for (i = 0; i < bi->nr_modules; i++)
		if (!strcmp(bi->modules[i].string, name))
			return &bi->modules[i];
	return bi->nr_modules ? &bi->modules[0] : NULL;
}

u64 boot_mem_available(const struct boot_info *bi)
{
	u64 sum = 0;
	size_t i;

	for (i = 0; i < bi->nr_mmap; i++)
		if (bi->mmap[i].type == BOOT_MEM_AVAILABLE)
			sum += bi->mmap[i].len;
	return sum;
}
