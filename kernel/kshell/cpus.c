// SPDX-License-Identifier: GPL-2.0
/*
 * cpus: every CPU the kernel knows, as Linux's lscpu lists them: its
 * number, its local APIC ID, whether it is up, and what it runs.
 *
 * What another CPU runs is read without a lock, for show: today the
 * other CPUs only ever run their idle tasks, which are never freed.  The
 * per-CPU run queues will give the read a lock to take.
 */
#include <asm/smp.h>
#include <kernel/cpumask.h>
#include <kernel/kshell.h>
#include <kernel/sched.h>

static int cpus_run(int argc, char **argv)
{
	unsigned int cpu;

	kshell_printf("%-4s %5s %-8s %s\n", "CPU", "APIC", "STATE", "RUNNING");
	for_each_possible_cpu (cpu) {
		const struct task_struct *p = per_cpu(current_task, cpu);

		if (IS_ENABLED(CONFIG_SMP))
			kshell_printf("%-4u %5u ", cpu, cpu_apic_id[cpu]);
		else
			kshell_printf("%-4u %5s ", cpu, "-");
		if (cpu_online(cpu))
			kshell_printf("%-8s %s/%d\n", "online", p->comm, p->pid);
		else
			kshell_printf("%-8s -\n", "offline");
	}
	kshell_printf("%u of %u CPUs online%s\n", num_online_cpus(), num_possible_cpus(),
		      IS_ENABLED(CONFIG_SMP) ? "" : " (CONFIG_SMP is off)");
	return 0;
}
KSHELL_COMMAND(cpus, .run = cpus_run, .help = "the CPUs: APIC ID, online, running task");
