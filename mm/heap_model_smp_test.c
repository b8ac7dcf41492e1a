// SPDX-License-Identifier: GPL-2.0
/*
 * The heap from every CPU at once: two tasks bound to each online CPU run
 * the heap's reference model (mm/heap_model.h) at the same time, each
 * with its own seed.  A heap that hands one block to two CPUs, or loses a
 * free made on one while another allocates, shows as an overlap or a
 * corrupted block in some model; with the slab's inline paths on and no
 * lock of their own, the kernel panics within a second at -smp 4.
 *
 * Valid calls only: a hostile call checks the free page count, which the
 * other CPUs change meanwhile.
 */
#include <kernel/cpumask.h>
#include <kernel/err.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/slab.h>
#include "heap_model.h"

#define SMP_TASKS_PER_CPU 2
#define SMP_STEPS	  4000

static int model_task(void *arg)
{
	model_run(arg, SMP_STEPS);
	return 0;
}

static void models_on_every_cpu_at_once(struct ktest *t)
{
	struct task_struct *tasks[NR_CPUS * SMP_TASKS_PER_CPU];
	struct model *models[NR_CPUS * SMP_TASKS_PER_CPU];
	unsigned long errors = heap_errors;
	unsigned int cpu, i, n = 0;

	for_each_online_cpu (cpu) {
		for (i = 0; i < SMP_TASKS_PER_CPU; i++) {
			struct model *m = kzalloc(sizeof(*m));
			struct task_struct *p = m ? kthread_create(model_task, m, "model/%u", cpu)
						  : ERR_PTR(-ENOMEM);

			if (!ktest_check(t, !IS_ERR(p), __FILE__, __LINE__, "no task: %ld",
					 PTR_ERR(p))) {
				kfree(m);
				continue;
			}
			m->rng = 0x5eed + n;
			KTEST_EXPECT_EQ(t, kthread_bind(p, cpu), 0);
			models[n] = m;
			tasks[n++] = p;
		}
	}
	for (i = 0; i < n; i++)
		wake_up_process(tasks[i]);
	for (i = 0; i < n; i++) {
		KTEST_EXPECT_EQ(t, kthread_stop(tasks[i]), 0);
		KTEST_EXPECT_EQ(t, models[i]->overlaps, 0);
		KTEST_EXPECT_EQ(t, models[i]->corrupted, 0);
		KTEST_EXPECT_EQ(t, models[i]->failures, 0);
		kfree(models[i]);
	}
	KTEST_EXPECT_EQ(t, heap_errors, errors);
	KTEST_EXPECT_EQ(t, n, num_online_cpus() * SMP_TASKS_PER_CPU);
}

static const struct ktest_case heap_model_smp_cases[] = {
	KTEST_CASE(models_on_every_cpu_at_once),
	{},
};
KTEST_SUITE_SMP(heap_model_smp, heap_model_smp_cases);
