/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System calls (CONFIG_USER_MODE): the registry and the dispatcher
 * (kernel/syscall.c).
 *
 * A system call is one definition, in the file of the subsystem it
 * belongs to, as in Linux:
 *
 *	SYSCALL_DEFINE0(getpid)
 *	{
 *		return current->pid;
 *	}
 *
 *	SYSCALL_DEFINE2(clock_gettime, int, which, struct timespec __user *, tp)
 *	{
 *		...
 *	}
 *
 * Its number is __NR_name in <asm/unistd.h> (Linux's x86_64 number; a
 * name without one does not compile, nor does a number at or past
 * NR_syscalls).  The definition puts a descriptor in a linker section, as
 * KSHELL_COMMAND does; syscall_table_init() builds the table from the
 * section at boot and panics, naming both, if two calls claim a number.
 * The arguments arrive in RDI, RSI, RDX, R10, R8 and R9 and are cast to
 * the declared types; the result, or -errno, goes back in RAX.  A number
 * without a call gives -ENOSYS, and is logged once, with the program's
 * name and pid.
 */
#ifndef _KERNEL_SYSCALLS_H
#define _KERNEL_SYSCALLS_H

#include <asm/ptrace.h>
#include <asm/unistd.h>
#include <kernel/compiler.h>
#include <kernel/types.h>
#include <kernel/uaccess.h>

typedef long (*syscall_fn_t)(const struct pt_regs *regs);

struct syscall_desc {
	unsigned long nr;
	const char *name;
	syscall_fn_t fn;
	bool ptregs; /* reads or changes more of the frame than its arguments */
};

/* The arguments, in the ABI's registers, cast to the declared types. */
#define __SC_ARGS0(r)
#define __SC_ARGS1(r, t1, a1)		      (t1)(r)->rdi
#define __SC_ARGS2(r, t1, a1, t2, a2)	      __SC_ARGS1(r, t1, a1), (t2)(r)->rsi
#define __SC_ARGS3(r, t1, a1, t2, a2, t3, a3) __SC_ARGS2(r, t1, a1, t2, a2), (t3)(r)->rdx
#define __SC_ARGS4(r, t1, a1, t2, a2, t3, a3, t4, a4) \
	__SC_ARGS3(r, t1, a1, t2, a2, t3, a3), (t4)(r)->r10
#define __SC_ARGS5(r, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) \
	__SC_ARGS4(r, t1, a1, t2, a2, t3, a3, t4, a4), (t5)(r)->r8
#define __SC_ARGS6(r, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) \
	__SC_ARGS5(r, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5), (t6)(r)->r9

/* The parameter list: "t1 a1, t2 a2, ..." */
#define __SC_DECL0()				   void
#define __SC_DECL1(t1, a1)			   t1 a1
#define __SC_DECL2(t1, a1, t2, a2)		   __SC_DECL1(t1, a1), t2 a2
#define __SC_DECL3(t1, a1, t2, a2, t3, a3)	   __SC_DECL2(t1, a1, t2, a2), t3 a3
#define __SC_DECL4(t1, a1, t2, a2, t3, a3, t4, a4) __SC_DECL3(t1, a1, t2, a2, t3, a3), t4 a4
#define __SC_DECL5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) \
	__SC_DECL4(t1, a1, t2, a2, t3, a3, t4, a4), t5 a5
#define __SC_DECL6(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) \
	__SC_DECL5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5), t6 a6

#define __SYSCALL_DEFINEx(x, full, sname, ...)                                              \
	BUILD_BUG_ON(__NR_##sname >= NR_syscalls);                                          \
	static long __do_sys_##sname(__SC_DECL##x(__VA_ARGS__));                            \
	static long __x64_sys_##sname(const struct pt_regs *regs)                           \
	{                                                                                   \
		(void)regs;                                                                 \
		return __do_sys_##sname(__SC_ARGS##x(regs, ##__VA_ARGS__));                 \
	}                                                                                   \
	static const struct syscall_desc __syscall_desc_##sname = {                         \
		.nr = __NR_##sname, .name = #sname, .fn = __x64_sys_##sname, .ptregs = full \
	};                                                                                  \
	static const struct syscall_desc *const __syscall_ptr_##sname __used __section(     \
		".syscalls." #sname) __aligned(sizeof(void *)) = &__syscall_desc_##sname;   \
	static long __do_sys_##sname(__SC_DECL##x(__VA_ARGS__))

/*
 * A call this kernel leaves out on purpose, as a Linux built without the
 * option that provides it (Linux's COND_SYSCALL): -ENOSYS from
 * sys_ni_syscall(), without the log line of a number nobody has looked at
 * (kernel/sys_ni.c lists them).
 */
long sys_ni_syscall(const struct pt_regs *regs);
#define SYSCALL_NOT_BUILT(sname)                                                            \
	BUILD_BUG_ON(__NR_##sname >= NR_syscalls);                                          \
	static const struct syscall_desc __syscall_desc_##sname = { .nr = __NR_##sname,     \
								    .name = #sname,         \
								    .fn = sys_ni_syscall }; \
	static const struct syscall_desc *const __syscall_ptr_##sname __used __section(     \
		".syscalls." #sname) __aligned(sizeof(void *)) = &__syscall_desc_##sname

#define SYSCALL_DEFINE0(sname)	    __SYSCALL_DEFINEx(0, false, sname)
#define SYSCALL_DEFINE1(sname, ...) __SYSCALL_DEFINEx(1, false, sname, __VA_ARGS__)
#define SYSCALL_DEFINE2(sname, ...) __SYSCALL_DEFINEx(2, false, sname, __VA_ARGS__)
#define SYSCALL_DEFINE3(sname, ...) __SYSCALL_DEFINEx(3, false, sname, __VA_ARGS__)
#define SYSCALL_DEFINE4(sname, ...) __SYSCALL_DEFINEx(4, false, sname, __VA_ARGS__)
#define SYSCALL_DEFINE5(sname, ...) __SYSCALL_DEFINEx(5, false, sname, __VA_ARGS__)
#define SYSCALL_DEFINE6(sname, ...) __SYSCALL_DEFINEx(6, false, sname, __VA_ARGS__)

/*
 * A system call that reads or changes more of its frame (task_pt_regs())
 * than its arguments: fork() copies the whole of it to the child.  The
 * entry's fast path leaves six of the user's registers out of the frame
 * (arch/x86_64/kernel/entry_64.asm); a call defined so takes the path
 * that saves them.  A call that only replaces the frame and never
 * returns through it (execve()) needs none of this.
 */
#define SYSCALL_DEFINE0_PTREGS(sname)	   __SYSCALL_DEFINEx(0, true, sname)
#define SYSCALL_DEFINE1_PTREGS(sname, ...) __SYSCALL_DEFINEx(1, true, sname, __VA_ARGS__)
#define SYSCALL_DEFINE2_PTREGS(sname, ...) __SYSCALL_DEFINEx(2, true, sname, __VA_ARGS__)
#define SYSCALL_DEFINE3_PTREGS(sname, ...) __SYSCALL_DEFINEx(3, true, sname, __VA_ARGS__)
#define SYSCALL_DEFINE4_PTREGS(sname, ...) __SYSCALL_DEFINEx(4, true, sname, __VA_ARGS__)
#define SYSCALL_DEFINE5_PTREGS(sname, ...) __SYSCALL_DEFINEx(5, true, sname, __VA_ARGS__)
#define SYSCALL_DEFINE6_PTREGS(sname, ...) __SYSCALL_DEFINEx(6, true, sname, __VA_ARGS__)

/*
 * Build the table from the registry; panics naming a number two calls
 * claim.  Called once at boot, before any user task.
 */
void syscall_table_init(void);
/*
 * Run system call @nr with the arguments in @regs: its result, or -ENOSYS.
 * The number is RAX's low 32 bits, as Linux reads it (do_syscall_x64()):
 * the high ones are ignored.
 */
long syscall_dispatch(unsigned int nr, const struct pt_regs *regs);
/* Unknown numbers logged so far (each once): the user suite's check. */
extern unsigned long syscall_unknown_reports;

#endif
