// SPDX-License-Identifier: GPL-2.0
/*
 * The ELF64 validation the loader runs before it maps anything of a
 * program (<kernel/elf.h>).  A file is user input: every field the loader
 * will use is checked here, against the file's size and the user address
 * range, with overflow-safe arithmetic, so that the loader itself can
 * trust what it reads and map each segment without a check of its own.
 *
 * What a loader of static x86_64 programs relies on, in the order it is
 * checked (Documentation/core/user-programs.md has the messages):
 *
 *  - the identification: magic, ELF64, little-endian, version 1, and the
 *    System V or GNU/Linux OS ABI;
 *  - the header: ET_EXEC for x86_64, its own size, the program headers'
 *    entry size, and their table inside the file and the bytes read,
 *    1 to 1170 of them (64 KiB, Linux's limit);
 *  - each loadable segment: no more file bytes than memory bytes, its
 *    file bytes inside the file, the same offset within a page in the
 *    file and in memory (mmap() maps whole pages), every byte inside
 *    [USER_MIN_ADDR, TASK_SIZE_MAX), never writable and executable
 *    at once (W^X), in ascending order and sharing no page with the one
 *    before (the loader maps whole pages, each with its own permissions);
 *  - no PT_INTERP (no dynamic linker), no executable stack;
 *  - the entry point in an executable segment's file bytes, and the
 *    program headers inside a loaded segment (AT_PHDR; PT_PHDR, when
 *    there is one, must agree).
 *
 * Every header is copied out of the buffer before it is read: the table
 * may sit at any offset, and a cast pointer would read it misaligned.
 */
#include <asm/page.h>
#include <kernel/elf.h>
#include <kernel/errno.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

/* Refuse the file with @err, saying why in @info->reason only. */
static __printf(3, 4) int refuse(struct elf_info *info, int err, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vscnprintf(info->reason, sizeof(info->reason), fmt, args);
	va_end(args);
	return err;
}

static int check_ident(const Elf64_Ehdr *eh, struct elf_info *info)
{
	const unsigned char *id = eh->e_ident;

	if (id[EI_CLASS] != ELFCLASS64)
		return refuse(info, -ENOEXEC, "not a 64-bit ELF file (class %u)", id[EI_CLASS]);
	if (id[EI_DATA] != ELFDATA2LSB)
		return refuse(info, -ENOEXEC, "not little-endian (data encoding %u)", id[EI_DATA]);
	if (id[EI_VERSION] != EV_CURRENT)
		return refuse(info, -ENOEXEC, "unknown ELF version %u", id[EI_VERSION]);
	if (id[EI_OSABI] != ELFOSABI_SYSV && id[EI_OSABI] != ELFOSABI_GNU)
		return refuse(info, -ENOEXEC, "OS ABI %u is neither System V nor GNU/Linux",
			      id[EI_OSABI]);
	return 0;
}

static int check_header(const Elf64_Ehdr *eh, size_t len, u64 file_size, struct elf_info *info)
{
	u64 size = (u64)eh->e_phnum * sizeof(Elf64_Phdr);

	if (eh->e_type == ET_DYN)
		return refuse(info, -ENOEXEC,
			      "a shared object or PIE (ET_DYN): only static ET_EXEC programs run, "
			      "not static-pie");
	if (eh->e_type != ET_EXEC)
		return refuse(info, -ENOEXEC, "not an executable (type %u)", eh->e_type);
	if (eh->e_machine != EM_X86_64)
		return refuse(info, -ENOEXEC, "not an x86_64 program (machine %u)", eh->e_machine);
	if (eh->e_version != EV_CURRENT)
		return refuse(info, -ENOEXEC, "unknown ELF version %u", eh->e_version);
	if (eh->e_ehsize != sizeof(Elf64_Ehdr))
		return refuse(info, -ENOEXEC, "ELF header size %u, not %zu", eh->e_ehsize,
			      sizeof(Elf64_Ehdr));
	if (eh->e_phentsize != sizeof(Elf64_Phdr))
		return refuse(info, -ENOEXEC, "program header size %u, not %zu", eh->e_phentsize,
			      sizeof(Elf64_Phdr));
	if (!eh->e_phnum)
		return refuse(info, -ENOEXEC, "no program headers");
	if (size > ELF_PHDRS_MAX_SIZE)
		return refuse(info, -ENOEXEC, "%u program headers: more than 64 KiB of them",
			      eh->e_phnum);
	if (eh->e_phoff > file_size || size > file_size - eh->e_phoff)
		return refuse(info, -ENOEXEC, "program headers at %#lx past the end of the file",
			      eh->e_phoff);
	if (eh->e_phoff > len || size > len - eh->e_phoff)
		return refuse(info, -ENOEXEC, "program headers at %#lx past the %zu bytes read",
			      eh->e_phoff, len);
	return 0;
}

/*
 * One PT_LOAD, program header @i: its own fields, then its place after the
 * segment before it (@prev, program header @prev_i), if any.
 */
static int check_load(const Elf64_Phdr *ph, unsigned int i, u64 file_size,
		      const struct elf_segment *prev, unsigned int prev_i, struct elf_info *info)
{
	if (ph->p_filesz > ph->p_memsz)
		return refuse(info, -ENOEXEC,
			      "program header %u: file size %#lx larger than memory size %#lx", i,
			      ph->p_filesz, ph->p_memsz);
	if (!ph->p_memsz)
		return refuse(info, -ENOEXEC, "program header %u: empty loadable segment", i);
	if ((ph->p_flags & (PF_W | PF_X)) == (PF_W | PF_X))
		return refuse(info, -ENOEXEC,
			      "program header %u: segment both writable and executable (W^X)", i);
	if (ph->p_offset > file_size || ph->p_filesz > file_size - ph->p_offset)
		return refuse(info, -ENOEXEC,
			      "program header %u: segment's bytes past the end of the file", i);
	if (ph->p_vaddr % PAGE_SIZE != ph->p_offset % PAGE_SIZE)
		return refuse(info, -ENOEXEC,
			      "program header %u: address %#lx and file offset %#lx differ "
			      "within a page",
			      i, ph->p_vaddr, ph->p_offset);
	if (ph->p_vaddr < USER_MIN_ADDR)
		return refuse(info, -ENOMEM,
			      "program header %u: segment at %#lx, below user space (%#lx)", i,
			      ph->p_vaddr, USER_MIN_ADDR);
	if (ph->p_vaddr >= TASK_SIZE_MAX || ph->p_memsz > TASK_SIZE_MAX - ph->p_vaddr)
		return refuse(info, -ENOMEM,
			      "program header %u: segment at %#lx, %#lx bytes, past the end of "
			      "user space (%#lx)",
			      i, ph->p_vaddr, ph->p_memsz, TASK_SIZE_MAX);
	if (!prev)
		return 0;
	if (ph->p_vaddr < prev->vaddr)
		return refuse(info, -ENOEXEC,
			      "program header %u: segment below program header %u's: not in "
			      "ascending order",
			      i, prev_i);
	/* Both ends are below TASK_SIZE_MAX, a page boundary: no overflow. */
	if (ph->p_vaddr - ph->p_vaddr % PAGE_SIZE < ALIGN(prev->vaddr + prev->memsz, PAGE_SIZE))
		return refuse(info, -ENOEXEC,
			      "program header %u: segment overlaps program header %u's (in pages)",
			      i, prev_i);
	return 0;
}

/* The entry point must be one of the bytes an executable segment loads. */
static bool entry_ok(const struct elf_info *out)
{
	unsigned int i;

	for (i = 0; i < out->nr_segments; i++) {
		const struct elf_segment *s = &out->segments[i];

		if ((s->flags & PF_X) && out->entry >= s->vaddr &&
		    out->entry - s->vaddr < s->filesz)
			return true;
	}
	return false;
}

/*
 * Where the program headers are once mapped (AT_PHDR), as Linux finds it:
 * the loaded segment whose file bytes hold the whole table.  0 if none.
 */
static u64 phdr_address(const struct elf_info *out, u64 phoff, u64 size)
{
	unsigned int i;

	for (i = 0; i < out->nr_segments; i++) {
		const struct elf_segment *s = &out->segments[i];

		if (phoff >= s->offset && phoff - s->offset <= s->filesz &&
		    size <= s->filesz - (phoff - s->offset))
			return s->vaddr + (phoff - s->offset);
	}
	return 0;
}

int elf_check(const void *buf, size_t len, u64 file_size, struct elf_info *info)
{
	const u8 *bytes = buf;
	unsigned int i, last_load = 0;
	bool has_phdr = false;
	u64 phdr_vaddr = 0;
	struct elf_info out;
	Elf64_Ehdr eh;
	int err;

	/* Bytes past the file's end are no part of it. */
	if (len > file_size)
		len = file_size;
	if (len < SELFMAG || memcmp(bytes, ELFMAG, SELFMAG))
		return refuse(info, -ENOEXEC, "not an ELF file (no \\177ELF magic)");
	if (len < sizeof(eh))
		return refuse(info, -ENOEXEC, "truncated: %zu bytes, less than an ELF header", len);
	memcpy(&eh, bytes, sizeof(eh));
	err = check_ident(&eh, info);
	if (!err)
		err = check_header(&eh, len, file_size, info);
	if (err)
		return err;

	memset(&out, 0, sizeof(out));
	for (i = 0; i < eh.e_phnum; i++) {
		const struct elf_segment *prev;
		struct elf_segment *seg;
		Elf64_Phdr ph;

		memcpy(&ph, bytes + eh.e_phoff + (u64)i * sizeof(ph), sizeof(ph));
		switch (ph.p_type) {
		case PT_INTERP:
			return refuse(info, -ENOEXEC,
				      "program header %u: PT_INTERP: a dynamically linked program "
				      "(no dynamic linker)",
				      i);
		case PT_GNU_STACK:
			if (ph.p_flags & PF_X)
				return refuse(info, -ENOEXEC,
					      "program header %u: PT_GNU_STACK asks for an "
					      "executable stack",
					      i);
			break;
		case PT_PHDR:
			if (!has_phdr)
				phdr_vaddr = ph.p_vaddr;
			has_phdr = true;
			break;
		case PT_LOAD:
			if (out.nr_segments == ELF_MAX_SEGMENTS)
				return refuse(info, -ENOEXEC,
					      "program header %u: more than %d loadable segments",
					      i, ELF_MAX_SEGMENTS);
			prev = out.nr_segments ? &out.segments[out.nr_segments - 1] : NULL;
			err = check_load(&ph, i, file_size, prev, last_load, info);
			if (err)
				return err;
			seg = &out.segments[out.nr_segments++];
			seg->vaddr = ph.p_vaddr;
			seg->memsz = ph.p_memsz;
			seg->offset = ph.p_offset;
			seg->filesz = ph.p_filesz;
			seg->flags = ph.p_flags & (PF_R | PF_W | PF_X);
			last_load = i;
			break;
		}
	}
	if (!out.nr_segments)
		return refuse(info, -ENOEXEC, "no loadable segment");

	out.entry = eh.e_entry;
	if (!entry_ok(&out))
		return refuse(info, -ENOEXEC, "entry point %#lx is not in an executable segment",
			      out.entry);
	out.phdr = phdr_address(&out, eh.e_phoff, (u64)eh.e_phnum * sizeof(Elf64_Phdr));
	if (!out.phdr)
		return refuse(info, -ENOEXEC,
			      "the program headers are in no loaded segment (for AT_PHDR)");
	if (has_phdr && phdr_vaddr != out.phdr)
		return refuse(info, -ENOEXEC,
			      "PT_PHDR says %#lx, but the program headers load at %#lx", phdr_vaddr,
			      out.phdr);
	out.phent = sizeof(Elf64_Phdr);
	out.phnum = eh.e_phnum;
	out.stack_flags = PF_R | PF_W;
	/* The highest segment is the last: they are in ascending order. */
	i = out.nr_segments - 1;
	out.brk = ALIGN(out.segments[i].vaddr + out.segments[i].memsz, PAGE_SIZE);
	*info = out;
	return 0;
}
