// SPDX-License-Identifier: GPL-2.0
/*
 * The system call table: built at boot from the registry that
 * SYSCALL_DEFINEn fills (<kernel/syscalls.h>), and the dispatch through it.
 *
 * A table indexed by number makes the dispatch one bounds check and one
 * indirect call; the entry's fast path makes it from the assembly, from
 * a second table of the handlers alone.  It is built rather than written
 * out, so that a new system call is one definition beside its subsystem
 * and nothing else, and checked as it is built: a number that two
 * definitions claim is a boot-time panic naming both (a number past the
 * table does not compile).
 *
 * An unknown number is what a program built for a newer Linux, or one
 * using a call Kestrel lacks, does; the program gets -ENOSYS as Linux
 * gives it, and the log says which number and which program once, so
 * that a program failing in a loop does not flood it.
 */
#define pr_fmt(fmt) "syscall: " fmt

#include <asm/unistd.h>
#include <kernel/errno.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/spinlock.h>
#include <kernel/syscalls.h>

extern const struct syscall_desc *const __syscalls_start[], *const __syscalls_end[];

static const struct syscall_desc *sys_call_table[NR_syscalls];

/*
 * What the entry's fast path calls, by number (arch/x86_64/kernel/
 * entry_64.asm): the handler itself, or the stub that sends a call
 * needing the whole frame (SYSCALL_DEFINEn_PTREGS), or a number without
 * a call, to the full path, which comes back here through
 * syscall_dispatch().  Written once, before the first user task.
 */
long syscall_ptregs_stub(const struct pt_regs *regs);
syscall_fn_t syscall_fast_table[NR_syscalls];

/* Numbers below NR_syscalls already logged, a bit each. */
static unsigned long unknown_logged[NR_syscalls / (8 * sizeof(unsigned long))];
/* Numbers at or past NR_syscalls already logged; once it is full, no more. */
#define UNKNOWN_FAR_MAX 16
static unsigned int unknown_far[UNKNOWN_FAR_MAX];
static unsigned int nr_unknown_far;

unsigned long syscall_unknown_reports;
/* Guards the three above: processes on several CPUs may meet one number at once. */
static DEFINE_SPINLOCK(unknown_lock);

void syscall_table_init(void)
{
	const struct syscall_desc *const *d;
	unsigned long nr;

	for (d = __syscalls_start; d < __syscalls_end; d++) {
		const struct syscall_desc *old = sys_call_table[(*d)->nr];

		if (old)
			panic("syscall: number %lu claimed by both %s and %s", (*d)->nr, old->name,
			      (*d)->name);
		sys_call_table[(*d)->nr] = *d;
	}
	for (nr = 0; nr < NR_syscalls; nr++) {
		const struct syscall_desc *desc = sys_call_table[nr];

		syscall_fast_table[nr] = desc && !desc->ptregs ? desc->fn : syscall_ptregs_stub;
	}
}

/* True the first time @nr is seen. */
static bool first_unknown(unsigned int nr)
{
	const unsigned int bits = 8 * sizeof(unsigned long);
	bool first = false;
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&unknown_lock, flags);
	if (nr < NR_syscalls) {
		first = !(unknown_logged[nr / bits] & (1UL << (nr % bits)));
		unknown_logged[nr / bits] |= 1UL << (nr % bits);
	} else {
		for (i = 0; i < nr_unknown_far && unknown_far[i] != nr; i++)
			;
		if (i == nr_unknown_far && i < UNKNOWN_FAR_MAX) {
			unknown_far[nr_unknown_far++] = nr;
			first = true;
		}
	}
	if (first)
		syscall_unknown_reports++;
	spin_unlock_irqrestore(&unknown_lock, flags);
	return first;
}

long syscall_dispatch(unsigned int nr, const struct pt_regs *regs)
{
	if (likely(nr < NR_syscalls && sys_call_table[nr]))
		return sys_call_table[nr]->fn(regs);
	if (first_unknown(nr))
		pr_info("%s[%d]: unknown system call %u, -ENOSYS (logged once a number)\n",
			current->comm, current->pid, nr);
	return -ENOSYS;
}
