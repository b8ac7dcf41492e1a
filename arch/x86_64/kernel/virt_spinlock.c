// SPDX-License-Identifier: GPL-2.0
/*
 * CONFIG_SPINLOCK_VIRT: whether spinlocks are taken by test-and-set
 * because a hypervisor may not be running the next waiter in line; see
 * arch_spin_lock_spins() in <asm/spinlock.h>.  Decided once, on the boot CPU,
 * before smp_init() starts a second: until then no lock has a waiter, so
 * no lock is between the two ways of taking it.
 */
#include <asm/cpu.h>
#include <asm/spinlock.h>
#include <kernel/printk.h>

/* CPUID leaf 1, ECX bit 31: reserved for hypervisors to say they are there. */
#define CPUID_1_ECX_HYPERVISOR (1U << 31)

bool virt_spin_lock_on;

void virt_spin_lock_init(void)
{
	if (!(cpuid(1).ecx & CPUID_1_ECX_HYPERVISOR))
		return;
	virt_spin_lock_on = true;
	pr_info("spinlock: under a hypervisor: taken by test-and-set, not in turn "
		"(CONFIG_SPINLOCK_VIRT)\n");
}
