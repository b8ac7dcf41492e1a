// SPDX-License-Identifier: GPL-2.0
/*
 * init as a program: Linux's init= and rdinit= (CONFIG_USER_MODE).
 *
 * Once the boot is done, init (pid 1, a kernel thread until then) becomes
 * a process running a program, as Linux's kernel_init() does: the one
 * init= names, or else rdinit= (/init by default) if the initramfs has it.
 * Otherwise, or with "init=kshell", init stays the kernel's and runs the
 * kernel shell, which is what every configuration without user mode does.  A program named by
 * init= that cannot run stops the boot with a panic saying why, as in
 * Linux: the machine was asked for that program, not for a shell.
 */
#include <kernel/err.h>
#include <kernel/errno.h>
#include <kernel/exec.h>
#include <kernel/fs.h>
#include <kernel/init.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/process.h>
#include <kernel/string.h>

#define INIT_PATH_MAX 256

static char execute_command[INIT_PATH_MAX];
static char ramdisk_execute_command[INIT_PATH_MAX] = "/init";

static int set_path(char *dst, const char *name, const char *val)
{
	if (!val || val[0] != '/' || strlen(val) >= INIT_PATH_MAX) {
		pr_warn("%s=%s: not an absolute path (up to %d bytes); ignored\n", name, val ?: "",
			INIT_PATH_MAX - 1);
		return -EINVAL;
	}
	if (!IS_ENABLED(CONFIG_USER_MODE))
		pr_warn("%s=%s: this kernel runs no programs (CONFIG_USER_MODE is off); ignored\n",
			name, val);
	strscpy(dst, val, INIT_PATH_MAX);
	return 0;
}

/* "init=kshell": the kernel shell, whatever the initramfs holds. */
static bool init_kshell;

static int set_init(const char *val)
{
	if (val && !strcmp(val, "kshell")) {
		init_kshell = true;
		execute_command[0] = '\0';
		return 0;
	}
	init_kshell = false;
	return set_path(execute_command, "init", val);
}
kernel_param("init", set_init);

static int set_rdinit(const char *val)
{
	return set_path(ramdisk_execute_command, "rdinit", val);
}
kernel_param("rdinit", set_rdinit);

static int run_init_process(const char *path)
{
	const char *argv[] = { path, NULL };
	static const char *const envp[] = { "HOME=/", "TERM=linux", NULL };

	pr_info("Run %s as init process\n", path);
	return kernel_execve(path, argv, envp);
}

void run_user_init(void)
{
	struct path path;
	int err;

	if (!IS_ENABLED(CONFIG_USER_MODE) || init_kshell)
		return;
	if (execute_command[0]) {
		err = make_process_of_current();
		if (!err)
			err = run_init_process(execute_command);
		panic("Requested init %s failed (error %d).", execute_command, err);
	}
	if (kern_path(ramdisk_execute_command, LOOKUP_FOLLOW, &path))
		return; /* no /init: the kernel shell */
	path_put(&path);
	err = make_process_of_current();
	if (!err)
		err = run_init_process(ramdisk_execute_command);
	pr_err("Failed to execute %s (error %d); the kernel shell instead\n",
	       ramdisk_execute_command, err);
}
