// SPDX-License-Identifier: GPL-2.0
/*
 * System calls Kestrel leaves out on purpose, each as a Linux built
 * without the option that provides it answers: -ENOSYS.  Unlike a number
 * nobody has looked at, these are not logged (kernel/syscall.c), so that
 * the log names only what a program may really be missing, and a boot
 * into BusyBox is quiet.
 *
 * A call listed here that is then given a SYSCALL_DEFINE is a boot-time
 * panic naming both: take it off the list.
 */
#include <kernel/errno.h>
#include <kernel/syscalls.h>

long sys_ni_syscall(const struct pt_regs *regs)
{
	(void)regs;
	return -ENOSYS;
}

/*
 * CONFIG_RSEQ: restartable sequences.  glibc registers one at start and
 * takes -ENOSYS as "none", which the issue that brought BusyBox allows.
 */
SYSCALL_NOT_BUILT(rseq);

/*
 * CONFIG_NET: Kestrel has no network stack.  syslog(3) opens a socket to
 * /dev/log (BusyBox's init does, at start) and goes on without one.
 */
SYSCALL_NOT_BUILT(socket);
SYSCALL_NOT_BUILT(socketpair);
SYSCALL_NOT_BUILT(connect);
SYSCALL_NOT_BUILT(bind);
SYSCALL_NOT_BUILT(listen);
SYSCALL_NOT_BUILT(accept);
SYSCALL_NOT_BUILT(accept4);
SYSCALL_NOT_BUILT(sendto);
SYSCALL_NOT_BUILT(recvfrom);
SYSCALL_NOT_BUILT(sendmsg);
SYSCALL_NOT_BUILT(recvmsg);
SYSCALL_NOT_BUILT(shutdown);
SYSCALL_NOT_BUILT(getsockname);
SYSCALL_NOT_BUILT(getpeername);
SYSCALL_NOT_BUILT(setsockopt);
SYSCALL_NOT_BUILT(getsockopt);
