// SPDX-License-Identifier: GPL-2.0
/*
 * elf_check() on real programs, files of the build machine: the ones
 * usr/ builds with musl-gcc must pass, as must Debian's busybox-static
 * (a static glibc program, the one issue 25 runs), and a dynamic or
 * position-independent one must be refused for what it is.  This is the
 * proof that the rules of lib/elf.c fit what linkers really write, which
 * the made-up images of the other ELF suites cannot give.
 *
 * The host group (scripts/hosttests.py) names the files and what each
 * must give in KTEST_ELF_FILES, a line per file:
 *
 *	PATH<TAB>0                     accepted
 *	PATH<TAB>-8<TAB>WORDS          refused, -ENOEXEC, for a reason with WORDS
 *
 * Without it the case skips.  Each file is read whole into a heap block
 * of exactly its size, so AddressSanitizer would see a read past it.
 */
#include <kernel/elf.h>
#include <kernel/kstrtox.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>

/* From the host C library (this file only runs on the host). */
char *getenv(const char *name);
void *malloc(size_t size);
void free(void *ptr);
int open(const char *path, int flags, ...);
long lseek(int fd, long offset, int whence);
ssize_t read(int fd, void *buf, size_t count);
int close(int fd);

#define HOST_O_RDONLY 0
#define HOST_SEEK_SET 0
#define HOST_SEEK_END 2

/* The whole of @path in a block of its size (*@size), or NULL. */
static u8 *read_file(const char *path, size_t *size)
{
	int fd = open(path, HOST_O_RDONLY);
	size_t done = 0;
	long end;
	u8 *buf;

	*size = 0;
	if (fd < 0)
		return NULL;
	end = lseek(fd, 0, HOST_SEEK_END);
	buf = end > 0 && lseek(fd, 0, HOST_SEEK_SET) == 0 ? malloc(end) : NULL;
	while (buf && done < (size_t)end) {
		ssize_t n = read(fd, buf + done, end - done);

		if (n <= 0)
			break;
		done += n;
	}
	close(fd);
	if (buf && done < (size_t)end) {
		free(buf);
		return NULL;
	}
	*size = done;
	return buf;
}

/* Cut @s at the first @c; the text after it, or NULL if there is none. */
static char *cut(char *s, char c)
{
	char *at = strchr(s, c);

	if (!at)
		return NULL;
	*at = '\0';
	return at + 1;
}

/* One line "PATH\tERR[\tWORDS]": check the file as it says. */
static void check_file(struct ktest *t, char *line)
{
	char *err_text = cut(line, '\t'), *words = err_text ? cut(err_text, '\t') : NULL;
	static struct elf_info info;
	int want, err;
	size_t size;
	u8 *buf;

	if (!err_text || kstrtoint(err_text, 10, &want)) {
		ktest_check(t, false, __FILE__, __LINE__, "bad KTEST_ELF_FILES line \"%s\"", line);
		return;
	}
	buf = read_file(line, &size);
	if (!ktest_check(t, buf != NULL, __FILE__, __LINE__, "cannot read %s", line))
		return;
	memset(&info, 0, sizeof(info));
	err = elf_check(buf, size, size, &info);
	free(buf);
	if (err)
		pr_info("    # %s: %d, %s\n", line, err, info.reason);
	else
		pr_info("    # %s: accepted: entry %#lx, %u segments, AT_PHDR %#lx, brk %#lx\n",
			line, info.entry, info.nr_segments, info.phdr, info.brk);
	ktest_check(t, err == want, __FILE__, __LINE__, "%s: elf_check() returned %d, expected %d",
		    line, err, want);
	if (words)
		ktest_check(t, strstr(info.reason, words) != NULL, __FILE__, __LINE__,
			    "%s: reason \"%s\" lacks \"%s\"", line, info.reason, words);
}

static void real_programs(struct ktest *t)
{
	static char list[4096];
	const char *env = getenv("KTEST_ELF_FILES");
	char *line, *next;
	int files = 0;

	if (!env) {
		ktest_skip(t, "KTEST_ELF_FILES not set (the host group names the files)");
		return;
	}
	KTEST_ASSERT_TRUE(t, strlen(env) < sizeof(list));
	memcpy(list, env, strlen(env) + 1);
	for (line = list; line && *line; line = next) {
		next = cut(line, '\n');
		check_file(t, line);
		files++;
	}
	KTEST_EXPECT_GT(t, files, 0);
}

static const struct ktest_case elf_files_cases[] = {
	KTEST_CASE(real_programs),
	{},
};
KTEST_SUITE(elf_files, elf_files_cases);
