// SPDX-License-Identifier: GPL-2.0
/*
 * Ctrl-Alt-Del, as Linux answers it: restart the machine at once, or,
 * once init has asked for the key with reboot(LINUX_REBOOT_CMD_CAD_OFF)
 * (BusyBox's init does, at start), send SIGINT to init, which then runs
 * its "ctrlaltdel" action and stops the machine in order.
 *
 * The keyboard calls ctrl_alt_del() from its interrupt, where a restart
 * cannot be done (machine_restart() does not return, and the interrupted
 * code may hold the console's lock that its message needs); a work item
 * restarts from a task, as Linux's does.  Without CONFIG_USER_MODE there
 * is no init to tell, and the key always restarts.
 */
#define pr_fmt(fmt) "reboot: " fmt

#include <kernel/compiler.h>
#include <kernel/printk.h>
#include <kernel/reboot.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/workqueue.h>

/*
 * Restart at once (true, Linux's default) or tell init (false); one
 * word, read in an interrupt and written by reboot(2), so no lock.
 */
static bool cad_restarts = true;

void set_ctrl_alt_del(bool restart)
{
	WRITE_ONCE(cad_restarts, restart);
}

static void deferred_cad(struct work_struct *work)
{
	(void)work;
	pr_emerg("Restarting system\n");
	kernel_restart();
}

static struct work_struct cad_work = { .entry = LIST_HEAD_INIT(cad_work.entry),
				       .func = deferred_cad };

void ctrl_alt_del(void)
{
	struct task_struct *init;
	unsigned long flags;

	if (!IS_ENABLED(CONFIG_USER_MODE) || READ_ONCE(cad_restarts)) {
		schedule_work(&cad_work);
		return;
	}
	/*
	 * init never exits (task_exit() panics for it), so the task found
	 * under tasklist_lock stays one after it is dropped, for send_sig(),
	 * which takes the lock again.
	 */
	spin_lock_irqsave(&tasklist_lock, flags);
	init = find_task_by_pid(1);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (init)
		send_sig(SIGINT, init);
}
