// SPDX-License-Identifier: GPL-2.0
/*
 * usertest's exec cases: usertest runs itself in a mode that checks what
 * it was given (usertest exit N, argcheck, bigargs), and execve() of what
 * is no program, or of arguments over the limit, fails and returns to
 * the caller intact.
 *
 * Linux's limits, which Kestrel keeps: one string is at most 128 KiB with
 * its NUL (MAX_ARG_STRLEN), all of them at most a quarter of the stack
 * limit (2 MiB of 8; at most 6 MiB on Linux whatever the limit).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "usertest.h"

#define MAX_ARG_STRLEN (32 * PG)

static const char *const check_args[] = { "one", "two words", "", "tr\xc3\xa8s", "-x" };
static const char *const check_env[] = { "A=1", "EMPTY=", "PATH=/bin", "LONG=" };

/* LONG= is followed by 300 'e's. */
static void long_env(char *buf)
{
	strcpy(buf, check_env[3]);
	memset(buf + 5, 'e', 300);
	buf[305] = 0;
}

int mode_argcheck(int argc, char **argv, char **envp)
{
	char long_var[320];
	size_t i, n = sizeof(check_args) / sizeof(check_args[0]);

	long_env(long_var);
	if (argc != (int)n + 2 || argv[argc])
		return 1;
	for (i = 0; i < n; i++)
		if (strcmp(argv[i + 2], check_args[i]))
			return 2;
	for (i = 0; i < 3; i++)
		if (!envp[i] || strcmp(envp[i], check_env[i]))
			return 3;
	if (!envp[3] || strcmp(envp[3], long_var) || envp[4])
		return 4;
	return 0;
}

/* usertest bigargs K L LONG a0 ... a(K-1): LONG is L 'x's. */
int mode_bigargs(int argc, char **argv)
{
	long k, l, i;
	char want[24];

	if (argc < 5)
		return 1;
	k = atol(argv[2]);
	l = atol(argv[3]);
	if (argc != 5 + k || (long)strlen(argv[4]) != l || strspn(argv[4], "x") != (size_t)l)
		return 2;
	for (i = 0; i < k; i++) {
		snprintf(want, sizeof(want), "a%ld", i);
		if (strcmp(argv[5 + i], want))
			return 3;
	}
	return 0;
}

void exec_exit_code_reaches_parent(struct utest *t)
{
	static const char *const codes[] = { "0", "7", "255" };
	size_t i;

	for (i = 0; i < 3; i++) {
		char *argv[] = { NULL, "exit", (char *)codes[i], NULL };
		char what[32];

		snprintf(what, sizeof(what), "usertest exit %s", codes[i]);
		expect_exit(t, spawn_self(argv, NULL), atoi(codes[i]), what);
	}
}

void exec_argv_envp_intact(struct utest *t)
{
	char *argv[16] = { NULL, "argcheck" }, *envp[8], long_var[320];
	size_t i, n = sizeof(check_args) / sizeof(check_args[0]);

	for (i = 0; i < n; i++)
		argv[2 + i] = (char *)check_args[i];
	argv[2 + n] = NULL;
	long_env(long_var);
	for (i = 0; i < 3; i++)
		envp[i] = (char *)check_env[i];
	envp[3] = long_var;
	envp[4] = NULL;
	/* 1: argc, 2: an argument, 3: the environment, 4: LONG or the end of envp */
	expect_exit(t, spawn_self(argv, envp), 0, "usertest argcheck");
}

static char exec_canary[64] = "the caller's memory, intact after a failed execve";

/*
 * In a child: execve(@path, @argv) must fail with @err, and return to a
 * caller whose memory is as it was.
 */
static void exec_fails_with(struct utest *t, const char *path, char **argv, long err)
{
	char stack_canary[] = "and its stack";
	long ret = raw_syscall6(SYS_execve, (long)path, (long)argv, 0, 0, 0, 0);

	UT_EXPECT(t, ret == err, "execve(%s) returned %ld, not %ld", path, ret, err);
	UT_EXPECT(t, !strcmp(exec_canary, "the caller's memory, intact after a failed execve"),
		  "the data changed: %.20s", exec_canary);
	UT_EXPECT(t, !strcmp(stack_canary, "and its stack"), "the stack changed");
}

struct exec_fail {
	const char *path;
	char **argv;
	long err;
};

static void exec_fails_child(struct utest *t, void *arg)
{
	const struct exec_fail *f = arg;

	exec_fails_with(t, f->path, f->argv, f->err);
}

static void expect_exec_failure(struct utest *t, const char *path, char **argv, long err)
{
	struct exec_fail f = { path, argv, err };

	expect_exit(t, run_in_child(t, exec_fails_child, &f), 0, path ? path : "(bad name)");
}

void exec_bad_name_or_pointers(struct utest *t)
{
	char *argv[] = { (char *)self_path, "exit", "0", NULL };
	char *bad_argv[] = { (char *)self_path, (char *)0xffff888000000000UL, NULL };

	expect_exec_failure(t, "/no/such/program", argv, -ENOENT);
	expect_exec_failure(t, "", argv, -ENOENT);
	expect_exec_failure(t, "/", argv, -EACCES);
	expect_exec_failure(t, (const char *)0xffffffff80000000UL, argv, -EFAULT);
	expect_exec_failure(t, self_path, (char **)0xffff888000000000UL, -EFAULT);
	expect_exec_failure(t, self_path, bad_argv, -EFAULT);
}

void exec_thousands_of_args_and_a_long_one(struct utest *t)
{
	const long k = 3000, l = MAX_ARG_STRLEN - 1; /* the longest string there may be */
	char **argv = calloc(k + 6, sizeof(*argv)), *names = malloc(k * 8), *lng = malloc(l + 1);
	char count[24], len[24];
	long i;

	if (!UT_EXPECT(t, argv && names && lng, "no memory"))
		goto out;
	snprintf(count, sizeof(count), "%ld", k);
	snprintf(len, sizeof(len), "%ld", l);
	memset(lng, 'x', l);
	lng[l] = 0;
	argv[1] = "bigargs";
	argv[2] = count;
	argv[3] = len;
	argv[4] = lng;
	for (i = 0; i < k; i++) {
		snprintf(names + i * 8, 8, "a%ld", i);
		argv[5 + i] = names + i * 8;
	}
	argv[5 + k] = NULL;
	/* 1: too few, 2: the long one, 3: one of the many */
	expect_exit(t, spawn_self(argv, NULL), 0, "usertest bigargs 3000 131071");
out:
	free(argv);
	free(names);
	free(lng);
}

void exec_too_big_e2big_caller_continues(struct utest *t)
{
	const long n = 64; /* 64 strings of 128 KiB: 8 MiB, over any limit */
	char **argv = calloc(n + 2, sizeof(*argv)), *big = malloc(MAX_ARG_STRLEN + 1);
	char *one[] = { (char *)self_path, NULL, NULL };
	long i;

	if (!UT_EXPECT(t, argv && big, "no memory"))
		goto out;
	memset(big, 'y', MAX_ARG_STRLEN);
	big[MAX_ARG_STRLEN] = 0;
	/* One string of MAX_ARG_STRLEN bytes before its NUL: one too many. */
	one[1] = big;
	expect_exec_failure(t, self_path, one, -E2BIG);
	/* Many strings each within the limit, too many bytes in all. */
	big[MAX_ARG_STRLEN - 1] = 0;
	argv[0] = (char *)self_path;
	for (i = 1; i <= n; i++)
		argv[i] = big;
	expect_exec_failure(t, self_path, argv, -E2BIG);
out:
	free(argv);
	free(big);
}

/* The ELF header fields the corrupt files change */
#define E_TYPE	  16
#define E_MACHINE 18
#define E_PHOFF	  32
#define E_PHENTSZ 54

void exec_corrupt_files_enoexec(struct utest *t)
{
	static unsigned char head[4096], copy[4096];
	char *argv[] = { NULL, NULL };
	char path[128];
	unsigned long phoff;
	int fd, i, err;
	struct {
		const char *name;
		size_t len;
	} files[] = {
		{ "empty", 0 },	     { "text", 0 },   { "bad-magic", 4096 }, { "trunc-ehdr", 40 },
		{ "trunc-phdr", 0 }, { "rel", 4096 }, { "machine", 4096 },
	};

	fd = open(self_path, O_RDONLY);
	if (!UT_EXPECT(t, fd >= 0 && read(fd, head, sizeof(head)) == sizeof(head), "cannot read %s",
		       self_path))
		return;
	close(fd);
	memcpy(&phoff, head + E_PHOFF, sizeof(phoff));
	/* The first program header whole, the second cut short. */
	files[4].len = phoff + 56 + 20;
	for (i = 0; i < (int)(sizeof(files) / sizeof(files[0])); i++) {
		const void *data = copy;

		memcpy(copy, head, sizeof(copy));
		switch (i) {
		case 1:
			data = "just text, no #! and no ELF\n";
			files[i].len = strlen(data);
			break;
		case 2:
			copy[1] = 'X';
			break;
		case 5:
			copy[E_TYPE] = 1; /* ET_REL */
			break;
		case 6:
			copy[E_MACHINE] = 0; /* EM_NONE */
			copy[E_MACHINE + 1] = 0;
			break;
		}
		err = make_file(files[i].name, data, files[i].len, path, sizeof(path));
		if (!UT_EXPECT(t, !err, "cannot make %s: %d", files[i].name, err))
			continue;
		argv[0] = path;
		expect_exec_failure(t, path, argv, -ENOEXEC);
		unlink(path);
	}
}

/*
 * usertest cycles N: N times, fork a child that execs "usertest exit 0",
 * and wait for it; exit 0 if every one ended so, else 1.  The kernel's
 * exec suite runs it to see that the cycles give back everything.
 */
int mode_cycles(int argc, char **argv)
{
	char *child_argv[] = { NULL, "exit", "0", NULL };
	char *const envp[] = { NULL };
	long i, n = argc == 3 ? atol(argv[2]) : 0;

	if (n <= 0)
		return 2;
	for (i = 0; i < n; i++)
		if (spawn_self(child_argv, envp) != 0)
			return 1;
	return 0;
}
