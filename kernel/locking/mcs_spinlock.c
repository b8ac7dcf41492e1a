// SPDX-License-Identifier: GPL-2.0
/*
 * The waiting half of CONFIG_SPINLOCK_MCS (<asm/spinlock_mcs.h>), out of
 * line so that the inline half stays one cmpxchg.  As Linux's
 * kernel/locking/qspinlock.c, without the pending bit: a waiter puts a
 * node of its own CPU at the queue's tail (one xchg of the tail half of
 * the lock word), links it behind the node it displaced and spins on its
 * own node until that waiter, taking the lock, makes it the queue's head;
 * the head spins on the locked byte until the holder clears it, takes it,
 * and passes the headship on.
 *
 * A node is in use only while its CPU waits: once the lock is taken the
 * node is free again, whatever the caller then holds.  So a CPU needs a
 * node per context that can be waiting at the same time, not per lock
 * held: one for a task, one for an interrupt handler that interrupts the
 * task's wait, and a spare for an exception taken inside that handler.
 * Linux's qspinlock has four, for task, softirq, hardirq and NMI; Kestrel
 * has no softirqs and takes no locks in NMIs.
 */
#include <kernel/printk.h>
#include <kernel/smp.h>
#include <kernel/spinlock.h>

struct mcs_spin_node {
	struct mcs_spin_node *next; /* the waiter queued behind this one */
	u32 locked;		    /* set by the predecessor: this one is the head */
} __aligned(64);		    /* a cache line each, or waiters share lines again */

static struct mcs_spin_node mcs_nodes[NR_CPUS][MCS_NODES];
unsigned int mcs_spin_nesting[NR_CPUS]; /* nodes in use: the index of the next free one */
unsigned long mcs_node_overflows;

static u16 encode_tail(unsigned int cpu, unsigned int idx)
{
	return ((cpu + 1) << 2) | idx;
}

static struct mcs_spin_node *decode_tail(u16 tail)
{
	return &mcs_nodes[(tail >> 2) - 1][tail & 3];
}

/*
 * Deeper than MCS_NODES waits on one CPU: report it once, then wait as
 * a test-and-set lock does, which needs no node (and is why the lock
 * still works, unfairly, where a node would have been overwritten).
 */
static unsigned long overflow_wait(arch_spinlock_t *lock, unsigned int cpu)
{
	unsigned long spins = 1;

	if (__atomic_fetch_add(&mcs_node_overflows, 1, __ATOMIC_RELAXED) == 0)
		pr_err("BUG: MCS spinlock nodes exhausted on CPU#%u: more than %d waiting\n", cpu,
		       MCS_NODES);
	while (!arch_spin_trylock(lock)) {
		cpu_relax();
		spins++;
	}
	return spins;
}

/*
 * Why an interrupt handler that waits for a lock cannot overwrite the
 * node of the task it interrupted, which is waiting too: the task took
 * its node by raising its CPU's nesting count before it wrote the node,
 * so the handler finds the count (mcs_spin_nesting) one higher and takes the next node.  A
 * handler runs to its end before the task it interrupted goes on, and
 * gives its node back (the count as it found it) once it has the lock,
 * so the nodes of one CPU are used as a stack: the task's node lies below
 * every node a handler can take.  A handler arriving before the count was
 * raised uses the same node, but finishes with it before the task writes
 * it.  Preemption (or interrupts) is off while a task waits, so the task
 * cannot move to another CPU and leave its node in the wrong CPU's stack.
 */
unsigned long mcs_spin_lock_slowpath(arch_spinlock_t *lock)
{
	unsigned int cpu = smp_processor_id();
	unsigned int idx = mcs_spin_nesting[cpu];
	struct mcs_spin_node *node, *next;
	unsigned long spins = 1; /* the inline cmpxchg found it taken */
	u16 tail;
	u32 val;

	if (unlikely(idx >= MCS_NODES))
		return spins + overflow_wait(lock, cpu);
	mcs_spin_nesting[cpu] = idx + 1;
	barrier(); /* the node is ours before we write it */
	node = &mcs_nodes[cpu][idx];
	node->locked = 0;
	node->next = NULL;

	/* Freed meanwhile: no need to queue. */
	if (arch_spin_trylock(lock))
		goto out;

	/* Publish the node (release: its fields are written) and find our predecessor. */
	tail = encode_tail(cpu, idx);
	val = __atomic_exchange_n(&lock->tail, tail, __ATOMIC_ACQ_REL);
	if (val) {
		__atomic_store_n(&decode_tail(val)->next, node, __ATOMIC_RELEASE);
		while (!__atomic_load_n(&node->locked, __ATOMIC_ACQUIRE)) {
			cpu_relax();
			spins++;
		}
	}

	/* The queue's head: wait for the holder to go. */
	while ((val = __atomic_load_n(&lock->val, __ATOMIC_ACQUIRE)) & 0xff) {
		cpu_relax();
		spins++;
	}

	/* Alone in the queue: take the lock and empty the queue at once. */
	if ((val >> 16) == tail && __atomic_compare_exchange_n(&lock->val, &val, 1, false,
							       __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		goto out;

	/*
	 * Others queued behind us.  The tail is not 0, so neither the inline
	 * cmpxchg nor a trylock can take the locked byte: a plain store will do.
	 */
	__atomic_store_n(&lock->locked, 1, __ATOMIC_RELAXED);
	while (!(next = __atomic_load_n(&node->next, __ATOMIC_ACQUIRE))) {
		cpu_relax();
		spins++;
	}
	__atomic_store_n(&next->locked, 1, __ATOMIC_RELEASE);
out:
	barrier(); /* done with the node before we give it back */
	mcs_spin_nesting[cpu] = idx;
	return spins;
}
