// SPDX-License-Identifier: GPL-2.0
/*
 * fixdep - turn a compiler dependency file into per-symbol dependencies
 *
 * Every C file is compiled with "-include include/generated/autoconf.h", so
 * the dependency file GCC writes makes every object depend on autoconf.h.
 * That header changes whenever any option changes, and would rebuild
 * everything.  kconfig's --silentoldconfig instead touches one empty file
 * per changed symbol (CONFIG_VGA_COLORS -> include/config/vga/colors.h).
 *
 * fixdep reads the dependency file, drops autoconf.h, reads each remaining
 * dependency, and for every CONFIG_ symbol mentioned in it adds the
 * symbol's file as a dependency instead.  It prints a makefile fragment
 * that also records the command that built the target:
 *
 *   cmd_kernel/printk.o := gcc ... -c -o kernel/printk.o kernel/printk.c
 *   source_kernel/printk.o := kernel/printk.c
 *   deps_kernel/printk.o := \
 *     $(wildcard include/config/log/buf/shift.h) \
 *     include/kernel/printk.h \
 *   kernel/printk.o: $(deps_kernel/printk.o)
 *   $(deps_kernel/printk.o):
 *
 * The empty rule for the dependencies keeps make going when a header is
 * deleted; $(wildcard) drops symbol files that do not exist (yet).
 *
 * Usage: fixdep <depfile> <target> <cmdline>
 */
#define _GNU_SOURCE /* memmem */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SYMBOL_HASH_SIZE 1024

struct symbol {
	struct symbol *next;
	char name[];
};

static struct symbol *symbol_hash[SYMBOL_HASH_SIZE];

static void *xmalloc(size_t size)
{
	void *p = malloc(size);

	if (!p) {
		fprintf(stderr, "fixdep: out of memory\n");
		exit(2);
	}
	return p;
}

static unsigned int hash_str(const char *s, size_t len)
{
	unsigned int h = 2166136261u;

	while (len--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h % SYMBOL_HASH_SIZE;
}

/* Returns true the first time a symbol is seen. */
static bool symbol_add(const char *name, size_t len)
{
	unsigned int h = hash_str(name, len);
	struct symbol *sym;

	for (sym = symbol_hash[h]; sym; sym = sym->next)
		if (strlen(sym->name) == len && !memcmp(sym->name, name, len))
			return false;
	sym = xmalloc(sizeof(*sym) + len + 1);
	memcpy(sym->name, name, len);
	sym->name[len] = '\0';
	sym->next = symbol_hash[h];
	symbol_hash[h] = sym;
	return true;
}

/* CONFIG_FOO_BAR -> $(wildcard include/config/foo/bar.h) */
static void print_symbol_dep(const char *name, size_t len)
{
	printf("    $(wildcard include/config/");
	for (size_t i = 0; i < len; i++)
		putchar(name[i] == '_' ? '/' : tolower((unsigned char)name[i]));
	printf(".h) \\\n");
}

static bool is_ident(int c)
{
	return isalnum(c) || c == '_';
}

static void scan_config_symbols(const char *buf, size_t size)
{
	static const char prefix[] = "CONFIG_";
	const size_t plen = sizeof(prefix) - 1;
	const char *p = buf, *end = buf + size;

	while ((p = memmem(p, end - p, prefix, plen))) {
		const char *name = p + plen, *q = name;

		/* Part of a longer identifier, such as MY_CONFIG_X: not a symbol. */
		if (p > buf && is_ident((unsigned char)p[-1])) {
			p = name;
			continue;
		}
		while (q < end && is_ident((unsigned char)*q))
			q++;
		if (q > name && symbol_add(name, q - name))
			print_symbol_dep(name, q - name);
		p = q;
	}
}

static char *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long len;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET))
		goto out;
	buf = xmalloc(len + 1);
	if (fread(buf, 1, len, f) != (size_t)len) {
		free(buf);
		buf = NULL;
		goto out;
	}
	buf[len] = '\0';
	*size = len;
out:
	fclose(f);
	return buf;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

static void scan_dependency(const char *path)
{
	size_t size;
	char *buf = read_file(path, &size);

	if (!buf) {
		fprintf(stderr, "fixdep: cannot read %s: %s\n", path, strerror(errno));
		exit(2);
	}
	scan_config_symbols(buf, size);
	free(buf);
}

/*
 * Split a make-style dependency list into words.  Backslash-newline is a
 * line continuation; the first word ending in ':' is the target.
 */
static char *next_word(char **pos)
{
	char *p = *pos, *start;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (p[0] == '\\' && (p[1] == '\n' || (p[1] == '\r' && p[2] == '\n'))) {
			p += p[1] == '\n' ? 2 : 3;
			continue;
		}
		break;
	}
	if (!*p)
		return NULL;
	start = p;
	while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
		p++;
	if (*p)
		*p++ = '\0';
	*pos = p;
	return start;
}

static void print_deps(const char *target, char *deps)
{
	char *pos = deps, *word, *source = NULL;
	bool in_target = true;

	printf("deps_%s := \\\n", target);
	while ((word = next_word(&pos))) {
		if (in_target) {
			/* "target:" or "target :" */
			if (!strcmp(word, ":") || ends_with(word, ":"))
				in_target = false;
			continue;
		}
		if (ends_with(word, "include/generated/autoconf.h"))
			continue;
		if (!source)
			source = word;
		scan_dependency(word);
		printf("  %s \\\n", word);
	}
	printf("\n%s: $(deps_%s)\n\n$(deps_%s):\n", target, target, target);
	if (source)
		printf("\nsource_%s := %s\n", target, source);
}

int main(int argc, char **argv)
{
	size_t size;
	char *deps;

	if (argc != 4) {
		fprintf(stderr, "Usage: fixdep <depfile> <target> <cmdline>\n");
		return 2;
	}
	deps = read_file(argv[1], &size);
	if (!deps) {
		fprintf(stderr, "fixdep: cannot read %s: %s\n", argv[1], strerror(errno));
		return 2;
	}
	printf("cmd_%s := %s\n\n", argv[2], argv[3]);
	print_deps(argv[2], deps);
	free(deps);
	return 0;
}
