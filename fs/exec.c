// SPDX-License-Identifier: GPL-2.0
/*
 * execve(): a process replaces its program with one read from a file.
 *
 * The new program is built beside the old one, in an address space of its
 * own: the ELF segments (checked first by elf_check(), lib/elf.c), then
 * the initial stack as Linux lays it out for a static program.  Until the
 * last step nothing of the caller has changed, so any failure (a bad
 * file, too many arguments, no memory) returns to the old program with an
 * error.  The last step, which cannot fail, puts the new address space in
 * and enters user mode at the program's entry.
 *
 * The initial stack, from STACK_TOP down (the System V x86_64 ABI, 3.4.1):
 *
 *	8 bytes of zero                 the end marker
 *	the file name                   AT_EXECFN points here
 *	the argument and environment strings
 *	"x86_64", 16 random bytes       AT_PLATFORM, AT_RANDOM
 *	(padding to 16 bytes)
 *	the auxiliary vector            (type, value) pairs to AT_NULL
 *	envp[0] ... NULL
 *	argv[0] ... NULL
 *	argc                            <- RSP at the first instruction
 *
 * Arguments come from user memory (execve()) or from the kernel
 * (kernel_execve(), for the kernel shell and init); struct arg_source
 * reads both, so one path builds every stack.
 */
#include <asm/archrandom.h>
#include <asm/cpu.h>
#include <asm/page.h>
#include <asm/thread.h>
#include <kernel/completion.h>
#include <kernel/elf.h>
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/exec.h>
#include <kernel/fcntl.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/mmap.h>
#include <kernel/printk.h>
#include <kernel/process.h>
#include <kernel/signal.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>

/* Linux's limits: one string, and all of them (a quarter of the stack limit) */
#define MAX_ARG_STRLEN (32 * PAGE_SIZE)
#define ARG_MAX	       (STACK_LIMIT / 4)

/* Auxiliary vector types (Linux's include/uapi/linux/auxvec.h values) */
#define AT_NULL	    0
#define AT_PHDR	    3
#define AT_PHENT    4
#define AT_PHNUM    5
#define AT_PAGESZ   6
#define AT_BASE	    7
#define AT_FLAGS    8
#define AT_ENTRY    9
#define AT_UID	    11
#define AT_EUID	    12
#define AT_GID	    13
#define AT_EGID	    14
#define AT_PLATFORM 15
#define AT_HWCAP    16
#define AT_CLKTCK   17
#define AT_SECURE   23
#define AT_RANDOM   25
#define AT_EXECFN   31
#define NR_AUXV	    18 /* the pairs written, AT_NULL included */

/* Where argv or envp comes from. */
struct arg_source {
	bool user;
	const char *const *kernel;
	const char __user *const __user *uptr;
};

struct linux_binprm {
	const char *filename;
	char *filename_buf; /* execve()'s copy of the name, freed with bprm */
	struct file *file;
	struct mm_struct *mm;
	struct elf_info elf;
	int argc, envc;
	unsigned long strings; /* bytes of argv and envp strings, NULs included */
};

/* The @i-th pointer of @src: 0 with *@str set (NULL at the end), or -EFAULT. */
static int get_arg(const struct arg_source *src, int i, const char **str)
{
	const char __user *p;

	if (!src->user) {
		*str = src->kernel ? src->kernel[i] : NULL;
		return 0;
	}
	if (!src->uptr) { /* Linux takes a NULL argv or envp as empty */
		*str = NULL;
		return 0;
	}
	if (get_user(p, src->uptr + i))
		return -EFAULT;
	*str = (const char *)p;
	return 0;
}

/* The length of @str without its NUL: -EFAULT, or -E2BIG past MAX_ARG_STRLEN. */
static long arg_strlen(const struct arg_source *src, const char *str)
{
	char chunk[128];
	long len = 0, n;

	if (!src->user) {
		len = strnlen(str, MAX_ARG_STRLEN);
		return len < (long)MAX_ARG_STRLEN ? len : -E2BIG;
	}
	do {
		n = strncpy_from_user(chunk, (const char __user *)str + len, sizeof(chunk));
		if (n < 0)
			return n;
		len += n;
		if (len >= (long)MAX_ARG_STRLEN)
			return -E2BIG;
	} while (n == (long)sizeof(chunk));
	return len;
}

/* Count @src's strings and their bytes into @count and @bprm->strings. */
static int count_args(struct linux_binprm *bprm, const struct arg_source *src, int *count)
{
	const char *str;
	long len;
	int err;

	for (*count = 0;; (*count)++) {
		err = get_arg(src, *count, &str);
		if (err)
			return err;
		if (!str)
			return 0;
		len = arg_strlen(src, str);
		if (len < 0)
			return len;
		bprm->strings += len + 1;
		if (bprm->strings + (unsigned long)(*count + 1) * sizeof(void *) > ARG_MAX)
			return -E2BIG;
	}
}

/* Copy @len bytes from @src (user memory if @user) to @uaddr of @mm. */
static int copy_to_mm(struct mm_struct *mm, unsigned long uaddr, const void *src, size_t len,
		      bool user)
{
	while (len) {
		size_t chunk = min(len, PAGE_SIZE - (uaddr & (PAGE_SIZE - 1)));
		void *to = mm_page_kaddr(mm, uaddr);

		if (!to)
			return -ENOMEM;
		if (user) {
			if (copy_from_user(to, (const void __user *)src, chunk))
				return -EFAULT;
		} else {
			memcpy(to, src, chunk);
		}
		uaddr += chunk;
		src = (const char *)src + chunk;
		len -= chunk;
	}
	return 0;
}

static int put_mm_long(struct mm_struct *mm, unsigned long uaddr, unsigned long val)
{
	return copy_to_mm(mm, uaddr, &val, sizeof(val), false);
}

/*
 * Copy @count strings of @src to @*p and up, and their addresses to the
 * pointer array at @vec.  @*p moves past them, never past @end.  Each
 * string gets its NUL from the kernel, and one that a program made
 * longer since it was counted is refused (-E2BIG): it would not fit.
 */
static int copy_strings(struct mm_struct *mm, const struct arg_source *src, int count,
			unsigned long *p, unsigned long end, unsigned long vec)
{
	const char *str;
	int i, err;

	for (i = 0; i < count; i++) {
		long len;

		err = get_arg(src, i, &str);
		if (err)
			return err;
		if (!str)
			return -EFAULT; /* the array changed under us */
		len = arg_strlen(src, str);
		if (len < 0)
			return len;
		if (*p + len + 1 > end)
			return -E2BIG; /* grown since it was counted */
		err = copy_to_mm(mm, *p, str, len, src->user);
		if (!err)
			err = copy_to_mm(mm, *p + len, "", 1, false);
		if (!err)
			err = put_mm_long(mm, vec + i * sizeof(long), *p);
		if (err)
			return err;
		*p += len + 1;
	}
	return put_mm_long(mm, vec + count * sizeof(long), 0);
}

/*
 * 16 bytes for AT_RANDOM, which C libraries take their stack canary and
 * pointer guard from: RDRAND where there is one, else the time-stamp
 * counter stirred.  Under QEMU's -icount, without RDRAND, they repeat from
 * boot to boot; the bytes are for a program's hardening, not for keys.
 */
static void random_bytes(u64 out[2])
{
	static u64 state;
	int i;

	for (i = 0; i < 2; i++) {
		unsigned long v;

		if (!arch_get_random_long(&v)) {
			state ^= rdtsc() + 0x9e3779b97f4a7c15ULL;
			state ^= state << 13;
			state ^= state >> 7;
			state ^= state << 17;
			v = state;
		}
		out[i] = v;
	}
}

static int build_stack(struct linux_binprm *bprm, const struct arg_source *argv,
		       const struct arg_source *envp, unsigned long *sp)
{
	struct mm_struct *mm = bprm->mm;
	size_t name_len = strlen(bprm->filename) + 1;
	unsigned long execfn, strings, platform, random, vec, p;
	unsigned long words = 1 + bprm->argc + 1 + bprm->envc + 1 + 2 * NR_AUXV;
	unsigned long auxv[2 * NR_AUXV], *a = auxv;
	u64 rnd[2];
	int err;

	execfn = STACK_TOP - sizeof(long) - name_len;
	strings = execfn - bprm->strings;
	platform = (strings - 7) & ~7UL;
	random = (platform - 16) & ~15UL;
	p = (random - words * sizeof(long)) & ~15UL;
	if (STACK_TOP - p > ARG_MAX + PAGE_SIZE)
		return -E2BIG;
	err = mm_add_region(mm, (p & ~(PAGE_SIZE - 1)) - PAGE_SIZE,
			    STACK_TOP - ((p & ~(PAGE_SIZE - 1)) - PAGE_SIZE),
			    VM_READ | VM_WRITE | VM_GROWSDOWN, "[stack]");
	if (err)
		return err;
	mm->start_stack = p;
	*sp = p;

	vec = p + sizeof(long); /* argv[] */
	mm->arg_start = strings;
	err = put_mm_long(mm, p, bprm->argc) ?:
	      copy_to_mm(mm, execfn, bprm->filename, name_len, false) ?:
	      copy_strings(mm, argv, bprm->argc, &strings, execfn, vec);
	if (err)
		return err;
	mm->arg_end = mm->env_start = strings;
	vec += (bprm->argc + 1) * sizeof(long); /* envp[] */
	err = copy_strings(mm, envp, bprm->envc, &strings, execfn, vec);
	if (err)
		return err;
	mm->env_end = strings;
	vec += (bprm->envc + 1) * sizeof(long); /* auxv */
	random_bytes(rnd);
	err = copy_to_mm(mm, platform, "x86_64", 7, false)
		      ?: copy_to_mm(mm, random, rnd, sizeof(rnd), false);
	if (err)
		return err;

#define AUX(type, val) (*a++ = (type), *a++ = (val))
	AUX(AT_PHDR, bprm->elf.phdr);
	AUX(AT_PHENT, bprm->elf.phent);
	AUX(AT_PHNUM, bprm->elf.phnum);
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_BASE, 0);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, bprm->elf.entry);
	AUX(AT_UID, 0);
	AUX(AT_EUID, 0);
	AUX(AT_GID, 0);
	AUX(AT_EGID, 0);
	AUX(AT_SECURE, 0);
	AUX(AT_HWCAP, cpuid(1).edx);
	AUX(AT_CLKTCK, USER_HZ);
	AUX(AT_PLATFORM, platform);
	AUX(AT_RANDOM, random);
	AUX(AT_EXECFN, execfn);
#undef AUX
	auxv[2 * NR_AUXV - 2] = AT_NULL;
	auxv[2 * NR_AUXV - 1] = 0;
	return copy_to_mm(mm, vec, auxv, sizeof(auxv), false);
}

/* Read the ELF header and program headers, and check them. */
static int read_elf_headers(struct linux_binprm *bprm, u64 size)
{
	Elf64_Ehdr eh;
	size_t len = sizeof(eh);
	loff_t pos = 0;
	void *buf;
	ssize_t got;
	int err;

	if (size >= sizeof(eh) && kernel_read(bprm->file, &eh, sizeof(eh), &pos) == sizeof(eh) &&
	    eh.e_phoff <= ELF_PHDRS_MAX_SIZE &&
	    (u64)eh.e_phnum * eh.e_phentsize <= ELF_PHDRS_MAX_SIZE)
		len = max(len, (size_t)(eh.e_phoff + (u64)eh.e_phnum * eh.e_phentsize));
	len = min(len, (size_t)size);
	buf = kmalloc(len ?: 1);
	if (!buf)
		return -ENOMEM;
	pos = 0;
	got = kernel_read(bprm->file, buf, len, &pos);
	err = got < 0 ? got : elf_check(buf, got, size, &bprm->elf);
	kfree(buf);
	if (err && got >= 0)
		pr_info("exec %s: %s\n", bprm->filename, bprm->elf.reason);
	return err;
}

static unsigned long vm_flags_of(u32 pflags)
{
	return (pflags & PF_R ? VM_READ : 0) | (pflags & PF_W ? VM_WRITE : 0) |
	       (pflags & PF_X ? VM_EXEC : 0);
}

/*
 * Each PT_LOAD segment: a region with its permissions, and the file's
 * bytes in it from the start of its first page (as a mapping of the file
 * would show them); the rest of its memory is zero.
 */
static int load_segments(struct linux_binprm *bprm)
{
	unsigned int i;
	int err;

	for (i = 0; i < bprm->elf.nr_segments; i++) {
		const struct elf_segment *seg = &bprm->elf.segments[i];
		unsigned long head = seg->vaddr & (PAGE_SIZE - 1);
		unsigned long start = seg->vaddr - head;
		unsigned long end = ALIGN(seg->vaddr + seg->memsz, PAGE_SIZE);
		unsigned long addr = start, left = seg->filesz + head;
		loff_t pos = seg->offset - head;

		err = mm_add_region(bprm->mm, start, end - start, vm_flags_of(seg->flags), NULL);
		if (err)
			return err;
		while (left) {
			size_t chunk = min(left, PAGE_SIZE);
			void *to = mm_page_kaddr(bprm->mm, addr);

			if (!to)
				return -ENOMEM;
			if (kernel_read(bprm->file, to, chunk, &pos) != (ssize_t)chunk)
				return -EIO;
			addr += chunk;
			left -= chunk;
		}
	}
	bprm->mm->start_brk = bprm->mm->brk = bprm->elf.brk;
	return 0;
}

static struct file *open_exec(const char *name)
{
	struct path start = { .dentry = current->pwd };
	struct kstat stat;
	struct path path;
	struct file *file;
	int err;

	if (!start.dentry || name[0] == '/')
		file = filp_open(name, O_RDONLY, 0);
	else
		file = file_open_at(&start, name, O_RDONLY, 0);
	if (IS_ERR(file))
		return file;
	path.dentry = file->f_dentry;
	err = vfs_getattr(&path, &stat, STATX_BASIC_STATS, AT_STATX_SYNC_AS_STAT);
	if (!err && (!S_ISREG(stat.mode) || !(stat.mode & 0111)))
		err = -EACCES;
	if (err) {
		fput(file);
		return ERR_PTR(err);
	}
	return file;
}

/*
 * The last step: nothing of the old program is left, and it cannot fail.
 * What was allocated for the exec is freed here, since the caller's
 * frames, which would free it, are dropped with the kernel stack.
 */
static __noreturn void begin_new_exec(struct linux_binprm *bprm, unsigned long sp)
{
	struct task_struct *p = current;
	struct mm_struct *old = switch_user_mm(bprm->mm);
	const char *base = strrchr(bprm->filename, '/');
	unsigned long entry = bprm->elf.entry;

	/* The name first: kernel_execve()'s is the caller's, which the completion lets go. */
	set_task_comm(p, base ? base + 1 : bprm->filename);
	p->did_exec = true;
	signal_exec(p);
	if (old)
		mmput(old);
	complete_vfork_done(p);
	if (p->files)
		do_close_on_exec(p->files);
	fput(bprm->file);
	kfree(bprm->filename_buf);
	kfree(bprm);
	start_user_thread(entry, sp);
}

/* @filename_buf: @filename, kmalloc()ed: do_execve() frees it. */
static int do_execve(const char *filename, char *filename_buf, const struct arg_source *argv,
		     const struct arg_source *envp)
{
	struct linux_binprm *bprm = kzalloc(sizeof(*bprm));
	unsigned long sp;
	struct kstat stat;
	struct path path;
	int err;

	if (!bprm) {
		kfree(filename_buf);
		return -ENOMEM;
	}
	bprm->filename = filename;
	bprm->filename_buf = filename_buf;
	err = count_args(bprm, argv, &bprm->argc) ?: count_args(bprm, envp, &bprm->envc);
	if (err)
		goto out;
	bprm->file = open_exec(filename);
	if (IS_ERR(bprm->file)) {
		err = PTR_ERR(bprm->file);
		bprm->file = NULL;
		goto out;
	}
	path.dentry = bprm->file->f_dentry;
	err = vfs_getattr(&path, &stat, STATX_BASIC_STATS, AT_STATX_SYNC_AS_STAT)
		      ?: read_elf_headers(bprm, stat.size);
	if (err)
		goto out;
	bprm->mm = mm_alloc();
	if (!bprm->mm) {
		err = -ENOMEM;
		goto out;
	}
	err = load_segments(bprm) ?: build_stack(bprm, argv, envp, &sp);
	if (err)
		goto out;
	bprm->mm->exe_dentry = dget(bprm->file->f_dentry);
	begin_new_exec(bprm, sp); /* frees nothing of bprm: the stack it is on goes */
out:
	if (bprm->mm)
		mmput(bprm->mm);
	if (bprm->file)
		fput(bprm->file);
	kfree(bprm->filename_buf);
	kfree(bprm);
	return err;
}

int kernel_execve(const char *filename, const char *const argv[], const char *const envp[])
{
	struct arg_source a = { .kernel = argv }, e = { .kernel = envp };

	return do_execve(filename, NULL, &a, &e);
}

SYSCALL_DEFINE3(execve, const char __user *, filename, const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	struct arg_source a = { .user = true, .uptr = argv }, e = { .user = true, .uptr = envp };
	char *name = kmalloc(PATH_MAX);
	long len;
	int err;

	if (!name)
		return -ENOMEM;
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0)
		err = len;
	else if (len == PATH_MAX)
		err = -ENAMETOOLONG;
	else if (!len)
		err = -ENOENT;
	else
		return do_execve(name, name, &a, &e);
	kfree(name);
	return err;
}
