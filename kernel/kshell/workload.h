/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The demo workloads the shell starts (workload.c): what spawn creates
 * and the only tasks kill stops.
 */
#ifndef _KERNEL_KSHELL_WORKLOAD_H
#define _KERNEL_KSHELL_WORKLOAD_H

#include <kernel/sched.h>

#define MAX_WORKLOADS 32

/*
 * Start @n workloads of @kind ("cpu", "io", "mixed" or "spin"), with scheduling
 * parameter @param unless @set_param is false.  All or none: on failure
 * nothing is left running, and the error is reported.
 */
int workload_spawn(const char *kind, unsigned int n, bool set_param, int param);
/* The workload numbered @pid, or NULL if @pid is no workload. */
struct task_struct *workload_find(int pid);
/* Stop workload @p, collect it and forget it: its exit code. */
int workload_stop(struct task_struct *p);

#endif
