// SPDX-License-Identifier: GPL-2.0
/*
 * The system work queue; see <kernel/workqueue.h>.
 *
 * One kernel thread, kworker, sleeps on a wait queue until work is queued,
 * then takes works from the front and runs them with interrupts on.
 * flush_work() queues a barrier behind the work and waits for it, as Linux
 * does: works run in order, so when the barrier has run, so has the work.
 *
 * workqueue_lock guards the queue, every work's entry and running.  It is
 * taken with interrupts off, since interrupt handlers queue work, on any
 * CPU.  Nothing is taken under it: the wake-up of kworker comes after it
 * is dropped (kworker tests the queue after marking itself sleeping, so
 * the wake-up finds it either way).
 */
#include <kernel/completion.h>
#include <kernel/kthread.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/wait.h>
#include <kernel/workqueue.h>

static DEFINE_SPINLOCK(workqueue_lock);
static LIST_HEAD(queue);
static DECLARE_WAIT_QUEUE_HEAD(kworker_wait);
static struct task_struct *kworker;
static struct work_struct *running; /* the work kworker is in, or NULL */

bool schedule_work(struct work_struct *work)
{
	unsigned long flags;
	bool queued;

	spin_lock_irqsave(&workqueue_lock, flags);
	queued = list_empty(&work->entry);
	if (queued)
		list_add_tail(&work->entry, &queue);
	spin_unlock_irqrestore(&workqueue_lock, flags);
	if (queued)
		wake_up(&kworker_wait);
	return queued;
}

/* A glance without the lock, for kworker's sleep: schedule_work() wakes it after. */
static bool queue_nonempty(void)
{
	return READ_ONCE(queue.next) != &queue;
}

/* The next work, taken off the queue and marked running, or NULL. */
static struct work_struct *take_work(void)
{
	struct work_struct *work = NULL;
	unsigned long flags;

	spin_lock_irqsave(&workqueue_lock, flags);
	if (!list_empty(&queue)) {
		work = list_first_entry(&queue, struct work_struct, entry);
		list_del(&work->entry);
	}
	running = work;
	spin_unlock_irqrestore(&workqueue_lock, flags);
	return work;
}

static int kworker_fn(void *unused)
{
	struct work_struct *work;

	for (;;) {
		wait_event(kworker_wait, queue_nonempty());
		while ((work = take_work()))
			work->func(work);
	}
	return 0;
}

struct barrier {
	struct work_struct work;
	struct completion done;
};

static void barrier_fn(struct work_struct *work)
{
	complete(&container_of(work, struct barrier, work)->done);
}

/*
 * The barrier goes right behind the work if it is queued, else at the
 * front if the work is running (it may sleep), else nothing is waited for.
 */
void flush_work(struct work_struct *work)
{
	unsigned long flags;
	struct barrier b;

	might_sleep();
	INIT_WORK(&b.work, barrier_fn);
	init_completion(&b.done);
	spin_lock_irqsave(&workqueue_lock, flags);
	if (list_empty(&work->entry) && running != work) {
		spin_unlock_irqrestore(&workqueue_lock, flags);
		return;
	}
	if (current == kworker) {
		spin_unlock_irqrestore(&workqueue_lock, flags);
		panic("flush_work() from kworker would wait for itself");
	}
	list_add(&b.work.entry, list_empty(&work->entry) ? &queue : &work->entry);
	spin_unlock_irqrestore(&workqueue_lock, flags);
	wait_for_completion(&b.done);
}

/*
 * One kworker, bound to the boot CPU as Linux's kworker/0 is: work queued
 * there runs there, in the order the queue says, and a task on that CPU
 * that yields lets it in.
 */
void workqueue_init(void)
{
	kworker = kthread_create(kworker_fn, NULL, "kworker");
	if (IS_ERR(kworker))
		panic("cannot create kworker (error %ld)", PTR_ERR(kworker));
	if (kthread_bind(kworker, 0))
		pr_warn("kworker cannot be bound to CPU 0\n");
	wake_up_process(kworker);
}
