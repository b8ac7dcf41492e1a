/* SPDX-License-Identifier: GPL-2.0 */
/*
 * execve() for the kernel's own callers (fs/exec.c): the kernel shell's
 * exec and init start programs through it.
 */
#ifndef _KERNEL_EXEC_H
#define _KERNEL_EXEC_H

/*
 * Replace the calling process's program with @filename, with the
 * NULL-terminated @argv and @envp (kernel memory).  Returns only on
 * failure, with the old program (if any) intact: -ENOENT, -EACCES,
 * -ENOEXEC (the reason printed), -E2BIG, -ENOMEM...
 */
int kernel_execve(const char *filename, const char *const argv[], const char *const envp[]);

#endif
