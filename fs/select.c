// SPDX-License-Identifier: GPL-2.0
/*
 * poll(), ppoll(), select() and pselect6(): wait until one of a set of
 * files can be read or written, a time runs out, or a signal comes.
 *
 * One engine does all four (do_poll()): it asks each file's ->poll()
 * for its mask (<kernel/poll.h>), and on the first pass ->poll() queues
 * the caller on the wait queues that a change of the mask wakes.  When
 * nothing is ready the caller sleeps, then asks again.  The files are
 * asked with interrupts on (->poll() may take a mutex), so a wake-up can
 * come between the asking and the sleep: the wait entries record it
 * (wait_queue_entry.woken) and the caller asks again instead of
 * sleeping.  select() is poll() over the descriptors its bitmaps name.
 *
 * Times are the clocksource's (guest time), as nanosleep()'s.  A signal
 * ends the wait with -ERESTARTNOHAND (-EINTR to a handler, a restart
 * without one); the time left is written back to ppoll()'s, select()'s
 * and pselect6()'s timeout, as Linux does, for the restart to read, and
 * poll(), which has nowhere to write it, restarts through a restart block
 * with its deadline (Linux's do_restart_poll()).  ppoll() and pselect6() wait with the signal
 * mask they are given in place of the caller's, as sigsuspend() does
 * (Linux's set_user_sigmask()): when a signal ends the wait, the caller's
 * mask comes back only once its handler is set up (the frame saves it) or,
 * with no handler, on the way out, so that the signal the call's mask let
 * through is the one that runs; otherwise it comes back at once.
 */
#include <asm/irqflags.h>
#include <asm/page.h>
#include <kernel/clocksource.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/page_alloc.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/timer.h>
#include <kernel/uaccess.h>
#include <kernel/wait.h>

/* What select()'s three sets stand for in poll's terms (Linux's). */
#define POLLIN_SET  (POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET (POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET  (POLLPRI)

#define NSEC_PER_USEC 1000ULL

struct pollfd {
	int fd;
	short events;
	short revents;
};

/* One wait queue the caller is on, and the file whose queue it is (referenced). */
struct poll_table_entry {
	struct wait_queue_entry wait;
	struct file *file;
};

struct poll_table_page {
	struct poll_table_page *next;
	unsigned int used;
	struct poll_table_entry entries[];
};

#define ENTRIES_PER_PAGE \
	((PAGE_SIZE - sizeof(struct poll_table_page)) / sizeof(struct poll_table_entry))

struct poll_wqueues {
	poll_table pt;
	struct poll_table_page *table;
	int error; /* -ENOMEM: a queue could not be joined */
};

static void pollwait(struct file *file, struct wait_queue_head *wq, poll_table *pt)
{
	struct poll_wqueues *pwq = container_of(pt, struct poll_wqueues, pt);
	struct poll_table_page *page = pwq->table;
	struct poll_table_entry *e;

	if (!page || page->used == ENTRIES_PER_PAGE) {
		page = alloc_page();
		if (!page) {
			pwq->error = -ENOMEM;
			return;
		}
		page->next = pwq->table;
		page->used = 0;
		pwq->table = page;
	}
	e = &page->entries[page->used++];
	e->file = get_file(file);
	e->wait.task = current;
	e->wait.woken = false;
	add_wait_queue(wq, &e->wait);
}

static void poll_freewait(struct poll_wqueues *pwq)
{
	struct poll_table_page *page = pwq->table, *next;
	unsigned int i;

	for (; page; page = next) {
		for (i = 0; i < page->used; i++)
			remove_wait_queue(&page->entries[i].wait);
		for (i = 0; i < page->used; i++)
			fput(page->entries[i].file);
		next = page->next;
		free_page(page);
	}
}

/*
 * Whether a queue woke the caller since the last look; clears the marks.
 * A mark set after its look here comes with a wake-up, which the caller,
 * marked sleeping before it looked, does not miss.
 */
static bool poll_woken(struct poll_wqueues *pwq)
{
	struct poll_table_page *page;
	bool woken = false;
	unsigned int i;

	for (page = pwq->table; page; page = page->next) {
		for (i = 0; i < page->used; i++) {
			woken |= __atomic_exchange_n(&page->entries[i].wait.woken, false,
						     __ATOMIC_SEQ_CST);
		}
	}
	return woken;
}

/* @pfd's events that hold now (POLLNVAL for a descriptor not open) into its revents. */
static __poll_t do_pollfd(struct pollfd *pfd, poll_table *pt)
{
	struct file *file;
	__poll_t mask;

	if (pfd->fd < 0) {
		pfd->revents = 0;
		return 0;
	}
	file = fget(pfd->fd);
	if (!file) {
		pfd->revents = POLLNVAL;
		return POLLNVAL;
	}
	mask = file->f_op->poll ? file->f_op->poll(file, pt) : DEFAULT_POLLMASK;
	fput(file);
	mask &= (__poll_t)(unsigned short)pfd->events | POLLERR | POLLHUP;
	pfd->revents = mask;
	return mask;
}

/* A deadline on the clocksource; NO_DEADLINE waits for ever, 0 not at all. */
#define NO_DEADLINE (~0ULL)

/*
 * Wait until one of @fds has an event, @deadline passes or a signal
 * comes: the number of descriptors with events (0 when the time ran
 * out), -ERESTARTNOHAND or -ENOMEM.
 */
static int do_poll(struct pollfd *fds, unsigned int nfds, u64 deadline)
{
	struct poll_wqueues table = { .pt.qproc = pollwait };
	poll_table *pt = &table.pt;
	int count;

	for (;;) {
		unsigned int i;
		u64 now;

		count = 0;
		for (i = 0; i < nfds; i++) {
			if (do_pollfd(&fds[i], pt)) {
				count++;
				pt = NULL; /* an answer is ready: no need to wait anywhere */
			}
		}
		pt = NULL;
		if (count)
			break;
		if (table.error) {
			count = table.error;
			break;
		}
		now = ktime_get();
		if (now >= deadline)
			break;
		if (signal_pending(current)) {
			count = -ERESTARTNOHAND;
			break;
		}
		might_sleep();
		/* Marked first, so that a wake-up after the look is not lost (<kernel/wait.h>). */
		current->interruptible = true;
		set_current_state(TASK_SLEEPING);
		if (!poll_woken(&table) && !signal_pending(current)) {
			if (deadline == NO_DEADLINE)
				schedule();
			else
				__schedule_timeout((deadline - now + TICK_NSEC - 1) / TICK_NSEC);
		}
		__set_current_state(TASK_RUNNING);
		current->interruptible = false;
		poll_woken(&table);
	}
	poll_freewait(&table);
	return count;
}

/* @sec and @nsec from now, as a deadline; NO_DEADLINE past what a u64 holds. */
static u64 deadline_after(u64 sec, u64 nsec)
{
	u64 now = ktime_get();

	if (sec > (NO_DEADLINE - now) / NSEC_PER_SEC - 1)
		return NO_DEADLINE;
	return now + sec * NSEC_PER_SEC + nsec;
}

/* The time left until @deadline, in nanoseconds. */
static u64 time_left(u64 deadline)
{
	u64 now = ktime_get();

	return deadline > now ? deadline - now : 0;
}

static long poll_user(struct pollfd __user *ufds, unsigned int nfds, u64 deadline)
{
	struct pollfd *fds;
	unsigned int i;
	long ret;

	if (nfds > rlimit(RLIMIT_NOFILE) || nfds > NR_OPEN)
		return -EINVAL; /* as Linux: the limit as it is now, which NR_OPEN caps */
	fds = kmalloc(nfds * sizeof(*fds) ?: 1);
	if (!fds)
		return -ENOMEM;
	if (copy_from_user(fds, ufds, nfds * sizeof(*fds))) {
		kfree(fds);
		return -EFAULT;
	}
	ret = do_poll(fds, nfds, deadline);
	for (i = 0; i < nfds && ret >= 0; i++)
		if (put_user(fds[i].revents, &ufds[i].revents))
			ret = -EFAULT;
	kfree(fds);
	return ret;
}

static long poll_restart(struct restart_block *rb);

/*
 * poll() until @deadline: a signal that runs no handler (a stop and a
 * continue) restarts it with the same deadline, through the restart block,
 * as Linux's do_restart_poll(), not with its whole timeout again.
 */
static long poll_restartable(struct pollfd __user *ufds, unsigned int nfds, u64 deadline)
{
	long ret = poll_user(ufds, nfds, deadline);

	if (ret == -ERESTARTNOHAND) {
		struct restart_block *rb = &current->signal.restart;

		rb->rmtp = ufds; /* nanosleep()'s fields, for what poll() needs again */
		rb->which = nfds;
		rb->expires = deadline;
		set_restart_fn(poll_restart);
		ret = -ERESTART_RESTARTBLOCK;
	}
	return ret;
}

static long poll_restart(struct restart_block *rb)
{
	return poll_restartable(rb->rmtp, rb->which, rb->expires);
}

SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds, int, timeout_msecs)
{
	u64 deadline = NO_DEADLINE;

	if (timeout_msecs >= 0)
		deadline = deadline_after(timeout_msecs / 1000,
					  (u64)(timeout_msecs % 1000) * NSEC_PER_MSEC);
	return poll_restartable(ufds, nfds, deadline);
}

struct poll_timespec {
	long long tv_sec;
	long long tv_nsec;
};

struct poll_timeval {
	long tv_sec;
	long tv_usec;
};

/*
 * ppoll()'s and pselect6()'s signal mask, @sigsetsize bytes at @umask (none
 * if NULL), in place of the caller's until restore_sigmask_unless(): 0,
 * -EINVAL or -EFAULT, which change nothing.
 */
static int set_user_sigmask(const sigset_t __user *umask, size_t sigsetsize)
{
	struct task_signals *s = &current->signal;
	sigset_t mask;

	if (!umask)
		return 0;
	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	s->saved_mask = s->blocked;
	s->restore_mask = true;
	set_current_blocked(mask);
	return 0;
}

/*
 * The caller's mask back, unless a signal @interrupted the wait: then the
 * way back to user mode restores it (restore_saved_sigmask(), or the
 * handler's frame, which saves it), after taking the signal.
 */
static void restore_sigmask_unless(bool interrupted)
{
	if (!interrupted)
		restore_saved_sigmask();
}

/* A user's timespec as a deadline: 0, -EFAULT or -EINVAL. */
static int timespec_deadline(struct poll_timespec __user *tsp, u64 *deadline)
{
	struct poll_timespec ts;

	*deadline = NO_DEADLINE;
	if (!tsp)
		return 0;
	if (copy_from_user(&ts, tsp, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	*deadline = deadline_after(ts.tv_sec, ts.tv_nsec);
	return 0;
}

/* Write back the time left; a failure changes nothing but -ERESTARTNOHAND, as Linux's. */
static long timespec_finish(struct poll_timespec __user *tsp, u64 deadline, long ret)
{
	struct poll_timespec ts = {};
	u64 left;

	if (!tsp || deadline == NO_DEADLINE)
		return ret;
	left = time_left(deadline);
	ts.tv_sec = left / NSEC_PER_SEC;
	ts.tv_nsec = left % NSEC_PER_SEC;
	if (copy_to_user(tsp, &ts, sizeof(ts)) && ret == -ERESTARTNOHAND)
		ret = -EINTR;
	return ret;
}

SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		struct poll_timespec __user *, tsp, const sigset_t __user *, sigmask, size_t,
		sigsetsize)
{
	u64 deadline;
	long ret = timespec_deadline(tsp, &deadline) ?: set_user_sigmask(sigmask, sigsetsize);

	if (ret)
		return ret;
	ret = poll_user(ufds, nfds, deadline);
	restore_sigmask_unless(ret == -ERESTARTNOHAND);
	return timespec_finish(tsp, deadline, ret);
}

#define FDSET_LONGS ((NR_OPEN + 63) / 64)

struct fd_sets {
	unsigned long in[FDSET_LONGS], out[FDSET_LONGS], ex[FDSET_LONGS];
};

static bool fd_isset(const unsigned long *set, int fd)
{
	return set[fd / 64] & (1UL << (fd % 64));
}

static int get_fd_set(unsigned long *set, const unsigned long __user *uset, size_t bytes)
{
	memset(set, 0, FDSET_LONGS * sizeof(long));
	return uset && copy_from_user(set, uset, bytes) ? -EFAULT : 0;
}

/*
 * select() on the first @n descriptors: the number of bits set in the
 * answer, which replaces the sets; -EBADF if a set names a descriptor
 * that is not open.
 */
static long core_sys_select(int n, unsigned long __user *inp, unsigned long __user *outp,
			    unsigned long __user *exp, u64 deadline)
{
	struct fd_sets *sets;
	struct pollfd *fds;
	unsigned int nfds = 0, i;
	size_t bytes;
	long ret;
	int fd;

	if (n < 0)
		return -EINVAL;
	if (n > NR_OPEN)
		n = NR_OPEN; /* as Linux: past the table, nothing can be set */
	bytes = (n + 63) / 64 * sizeof(long);
	sets = kmalloc(sizeof(*sets));
	fds = kmalloc(NR_OPEN * sizeof(*fds));
	ret = sets && fds ? 0 : -ENOMEM;
	if (!ret)
		ret = get_fd_set(sets->in, inp, bytes) ?: get_fd_set(sets->out, outp, bytes) ?:
			get_fd_set(sets->ex, exp, bytes);
	for (fd = 0; fd < n && !ret; fd++) {
		short events = (fd_isset(sets->in, fd) ? POLLIN_SET : 0) |
			       (fd_isset(sets->out, fd) ? POLLOUT_SET : 0) |
			       (fd_isset(sets->ex, fd) ? POLLEX_SET : 0);
		struct file *file;

		if (!events)
			continue;
		file = fget(fd);
		if (!file) {
			ret = -EBADF;
			break;
		}
		fput(file);
		fds[nfds].fd = fd;
		fds[nfds++].events = events;
	}
	if (!ret)
		ret = do_poll(fds, nfds, deadline);
	if (ret >= 0) {
		memset(sets, 0, sizeof(*sets));
		ret = 0;
		for (i = 0; i < nfds; i++) {
			__poll_t mask = (unsigned short)fds[i].revents;
			int f = fds[i].fd;

			if (mask & POLLIN_SET & fds[i].events) {
				sets->in[f / 64] |= 1UL << (f % 64);
				ret++;
			}
			if (mask & POLLOUT_SET & fds[i].events) {
				sets->out[f / 64] |= 1UL << (f % 64);
				ret++;
			}
			if (mask & POLLEX_SET & fds[i].events) {
				sets->ex[f / 64] |= 1UL << (f % 64);
				ret++;
			}
		}
		if ((inp && copy_to_user(inp, sets->in, bytes)) ||
		    (outp && copy_to_user(outp, sets->out, bytes)) ||
		    (exp && copy_to_user(exp, sets->ex, bytes)))
			ret = -EFAULT;
	}
	kfree(fds);
	kfree(sets);
	return ret;
}

SYSCALL_DEFINE5(select, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, struct poll_timeval __user *, tvp)
{
	struct poll_timeval tv;
	u64 deadline = NO_DEADLINE, left;
	long ret;

	if (tvp) {
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		/* As Linux: whole seconds in tv_usec carry over; a negative time is -EINVAL. */
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		deadline = deadline_after((u64)tv.tv_sec + tv.tv_usec / 1000000,
					  tv.tv_usec % 1000000 * NSEC_PER_USEC);
	}
	ret = core_sys_select(n, inp, outp, exp, deadline);
	if (tvp && deadline != NO_DEADLINE) {
		left = time_left(deadline);
		tv.tv_sec = left / NSEC_PER_SEC;
		tv.tv_usec = left % NSEC_PER_SEC / NSEC_PER_USEC;
		if (copy_to_user(tvp, &tv, sizeof(tv)) && ret == -ERESTARTNOHAND)
			ret = -EINTR;
	}
	return ret;
}

/* pselect6()'s sixth argument: the mask and its size, in one block. */
struct sigset_argpack {
	const sigset_t __user *p;
	size_t size;
};

SYSCALL_DEFINE6(pselect6, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, struct poll_timespec __user *, tsp,
		const struct sigset_argpack __user *, sig)
{
	struct sigset_argpack pack = {};
	u64 deadline;
	long ret = timespec_deadline(tsp, &deadline);

	if (!ret && sig && copy_from_user(&pack, sig, sizeof(pack)))
		ret = -EFAULT;
	if (!ret)
		ret = set_user_sigmask(pack.p, pack.size);
	if (ret)
		return ret;
	ret = core_sys_select(n, inp, outp, exp, deadline);
	restore_sigmask_unless(ret == -ERESTARTNOHAND);
	return timespec_finish(tsp, deadline, ret);
}
