// SPDX-License-Identifier: GPL-2.0
/*
 * Starting the application processors (CONFIG_SMP).
 *
 * The MADT lists the CPUs (drivers/acpi/madt.c); the boot CPU is the one
 * whose local APIC ID this CPU reads.  For each other one, in MADT order,
 * smp_init() makes what the CPU needs before it runs a single kernel
 * instruction (its idle task and stack, its three IST stacks; the GDT,
 * TSS and per-CPU copy already exist for every possible CPU), then wakes
 * it as Intel's MultiProcessor Specification says and Linux still does:
 * INIT, 10 ms, startup IPI, 200 us, a second startup IPI if the first was
 * missed.  The startup IPI starts the CPU in real mode in a page below
 * 1 MiB, the trampoline (trampoline_64.asm), which takes it to long mode
 * and into start_secondary() here.  The boot CPU waits for the new CPU to
 * mark itself online, at most a second, before it starts the next: they
 * share the trampoline.
 *
 * The scheduler does not run tasks on the other CPUs yet.  An AP that is
 * up waits in its idle loop with interrupts on, for the IPIs of smp.c:
 * calls to run and TLB shootdowns.  Nothing else interrupts it: the I/O
 * APIC delivers to the boot CPU, and its local APIC timer is off.
 */
#include <asm/apic.h>
#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/pgtable.h>
#include <asm/pti.h>
#include <asm/smp.h>
#include <asm/stacks.h>
#include <kernel/acpi.h>
#include <kernel/bootinfo.h>
#include <kernel/cpumask.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/smp.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/time.h>

/* trampoline_64.asm: the blob and the fields smpboot.c fills in. */
extern const char trampoline_start[], trampoline_end[];
extern const char tr_gdt[], tr_gdt_ptr[], tr_pm_jump[], tr_lm_jump[], tr_cr3[], tr_stack[],
	tr_entry[], tr_cpu[], tr_protected_mode[], tr_long_mode[];

/*
 * Four pages below 1 MiB: the trampoline's PML4 (8 KiB aligned, as every
 * PML4 the kernel loads: <asm/pti.h>), a PDPT and a page directory that
 * map the first 2 MiB at their own address, and the blob.
 */
#define TRAMPOLINE_PAGES 4
#define TR_PML4		 0
#define TR_PDPT		 1
#define TR_PD		 2
#define TR_CODE		 3
/* The lowest it may start (the real-mode IVT and BIOS data are below), and the end. */
#define TRAMPOLINE_MIN	 0x2000
#define TRAMPOLINE_MAX	 0x9f000 /* the EBDA and the VGA window are above */

#define AP_WAIT_NS (1000ULL * 1000 * 1000)

u32 cpu_apic_id[NR_CPUS];

/* What start_secondary() gives each AP of the boot CPU's state. */
static unsigned long boot_cr0, boot_cr4;
static u64 boot_efer;
static phys_addr_t trampoline_phys;

static bool overlaps(phys_addr_t a, phys_addr_t a_end, phys_addr_t b, phys_addr_t b_end)
{
	return a < b_end && b < a_end;
}

/* Is [@start, @end) usable RAM that nothing the boot loader left lies in? */
static bool low_range_free(const struct boot_info *bi, phys_addr_t start, phys_addr_t end)
{
	bool ram = false;
	size_t i;

	for (i = 0; i < bi->nr_mmap; i++) {
		const struct boot_mem_region *r = &bi->mmap[i];

		if (!overlaps(start, end, r->addr, r->addr + r->len))
			continue;
		if (r->type != BOOT_MEM_AVAILABLE)
			return false;
		if (r->addr <= start && r->addr + r->len >= end)
			ram = true;
	}
	if (overlaps(start, end, bi->info_phys, bi->info_phys + bi->info_size))
		return false;
	for (i = 0; i < bi->nr_modules; i++)
		if (overlaps(start, end, bi->modules[i].start, bi->modules[i].end))
			return false;
	return ram;
}

/*
 * The highest fit in low memory.  mm_init() hands out nothing below
 * 1 MiB, so what the memory map calls RAM there is the kernel's to use.
 */
static phys_addr_t find_trampoline(const struct boot_info *bi)
{
	phys_addr_t p = (TRAMPOLINE_MAX - TRAMPOLINE_PAGES * PAGE_SIZE) & ~(2 * PAGE_SIZE - 1);

	BUILD_BUG_ON(TRAMPOLINE_MIN < 2 * PAGE_SIZE);
	for (; p >= TRAMPOLINE_MIN; p -= 2 * PAGE_SIZE)
		if (low_range_free(bi, p, p + TRAMPOLINE_PAGES * PAGE_SIZE))
			return p;
	return 0;
}

static void *tr_page(unsigned int n)
{
	return phys_to_virt(trampoline_phys + n * PAGE_SIZE);
}

/* The address of the field @sym of the blob's copy. */
static void *tr_field(const char *sym)
{
	return (char *)tr_page(TR_CODE) + (sym - trampoline_start);
}

/* Write @val in the @size bytes at @off in field @sym: a field may be unaligned. */
static void tr_put(const char *sym, size_t off, u64 val, size_t size)
{
	memcpy((char *)tr_field(sym) + off, &val, size);
}

static u32 tr_phys(const char *sym)
{
	return trampoline_phys + TR_CODE * PAGE_SIZE + (sym - trampoline_start);
}

static void setup_trampoline(void)
{
	u64 *pml4 = tr_page(TR_PML4), *pdpt = tr_page(TR_PDPT), *pd = tr_page(TR_PD);

	memset(pml4, 0, 3 * PAGE_SIZE);
	pml4[0] = (trampoline_phys + TR_PDPT * PAGE_SIZE) | _PAGE_PRESENT | _PAGE_RW;
	pdpt[0] = (trampoline_phys + TR_PD * PAGE_SIZE) | _PAGE_PRESENT | _PAGE_RW;
	pd[0] = _PAGE_PRESENT | _PAGE_RW | _PAGE_PSE; /* 0-2 MiB, executable */
	/* The kernel's half, whose lower tables are shared: the kernel as it is mapped. */
	memcpy(pml4 + KERNEL_PML4_FIRST, kernel_pml4 + KERNEL_PML4_FIRST,
	       (PTRS_PER_TABLE - KERNEL_PML4_FIRST) * sizeof(*pml4));

	memcpy(tr_page(TR_CODE), trampoline_start, trampoline_end - trampoline_start);
	/* lgdt's operand: a 16-bit limit, then the 32-bit base. */
	tr_put(tr_gdt_ptr, 2, tr_phys(tr_gdt), 4);
	tr_put(tr_pm_jump, 0, tr_phys(tr_protected_mode), 4);
	tr_put(tr_lm_jump, 0, tr_phys(tr_long_mode), 4);
	tr_put(tr_cr3, 0, trampoline_phys + TR_PML4 * PAGE_SIZE, 8);
	tr_put(tr_entry, 0, (unsigned long)start_secondary, 8);
}

/* Busy-wait @ns by the clocksource: the INIT and SIPI gaps. */
static void wait_ns(u64 ns)
{
	u64 end = ktime_get() + ns;

	while (ktime_get() < end)
		cpu_relax();
}

/* The user tables need them too: the CPU switches to them whatever CR3 is. */
static int alloc_ist_stacks(unsigned int cpu, unsigned long *tops)
{
	unsigned int ist;
	int err = cpu_ist_stacks_alloc(cpu, tops);

	if (err || !IS_ENABLED(CONFIG_PAGE_TABLE_ISOLATION))
		return err;
	for (ist = 1; ist <= NR_IST_STACKS; ist++) {
		const struct stack_info *s = cpu_ist_stack(cpu, ist);

		pti_map_kernel(s->bottom, s->top);
	}
	return 0;
}

/* The AP's idle task: pid 0 as on the boot CPU, on a stack of its own. */
static struct task_struct *make_idle(unsigned int cpu)
{
	struct task_struct *idle = kzalloc(sizeof(*idle));

	if (!idle)
		return NULL;
	if (task_stack_alloc(&idle->thread.stack, idle)) {
		kfree(idle);
		return NULL;
	}
	snprintf(idle->comm, sizeof(idle->comm), "idle/%u", cpu);
	sched_init_idle(idle, cpu);
	return idle;
}

static struct task_struct *ap_idle[NR_CPUS];
static unsigned long ap_ist_tops[NR_CPUS][NR_IST_STACKS];

static int wake_ap(unsigned int cpu)
{
	u32 apic_id = cpu_apic_id[cpu];
	u64 start;

	tr_put(tr_stack, 0, ap_idle[cpu]->thread.stack.top, 8);
	tr_put(tr_cpu, 0, cpu, 4);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);

	apic_send_init(apic_id);
	wait_ns(10 * 1000 * 1000);
	apic_send_sipi(apic_id, (trampoline_phys + TR_CODE * PAGE_SIZE) >> PAGE_SHIFT);
	wait_ns(200 * 1000);
	if (!cpu_online(cpu))
		apic_send_sipi(apic_id, (trampoline_phys + TR_CODE * PAGE_SIZE) >> PAGE_SHIFT);
	if (!apic_wait_icr_idle())
		pr_warn("smp: CPU %u (APIC ID %u): the startup IPI was never sent\n", cpu, apic_id);
	start = ktime_get();
	while (!cpu_online(cpu)) {
		if (ktime_get() - start > AP_WAIT_NS) {
			/*
			 * Back to waiting for a SIPI: a CPU that came late would
			 * otherwise run the trampoline with the next one's stack
			 * and number.
			 */
			apic_send_init(apic_id);
			return -ETIMEDOUT;
		}
		cpu_relax();
	}
	return 0;
}

/* Each AP's first C: the kernel's page tables, then this CPU's own state. */
__noreturn void start_secondary(unsigned int cpu)
{
	write_cr3(virt_to_phys(kernel_pml4));
	write_cr0(boot_cr0);
	write_cr4(boot_cr4);
	wrmsr(MSR_EFER, boot_efer);
	percpu_load(cpu);
	this_cpu_write(current_task, ap_idle[cpu]);
	pat_init();
	gdt_init(ap_ist_tops[cpu]);
	idt_load();
	if (IS_ENABLED(CONFIG_USER_MODE))
		syscall_cpu_init();
	lapic_init();
	lapic_timer_start_ap();
	ap_idle[cpu]->exec_start = ktime_get();
	cpumask_set_cpu(cpu, &cpu_online_mask);
	/*
	 * Its tick and IPIs reach it (the I/O APIC sends device interrupts
	 * to the boot CPU): it runs tasks from here, as the boot CPU does.
	 */
	cpu_idle();
}

/* Prepare and wake AP @cpu; on failure, undo and say why. */
static bool bring_up(unsigned int cpu)
{
	int err = -ENOMEM;

	ap_idle[cpu] = make_idle(cpu);
	if (!ap_idle[cpu])
		goto fail;
	err = alloc_ist_stacks(cpu, ap_ist_tops[cpu]);
	if (err)
		goto free_idle;
	err = wake_ap(cpu);
	if (!err)
		return true;
	/* A CPU that never came may still come: its stacks stay, and it stays offline. */
	pr_err("smp: CPU %u (APIC ID %u) did not come up within 1 s; going on without it\n", cpu,
	       cpu_apic_id[cpu]);
	return false;
free_idle:
	task_stack_free(&ap_idle[cpu]->thread.stack);
	kfree(ap_idle[cpu]);
	ap_idle[cpu] = NULL;
fail:
	pr_err("smp: CPU %u (APIC ID %u): no memory for its stacks (error %d)\n", cpu,
	       cpu_apic_id[cpu], err);
	return false;
}

void smp_init(void)
{
	const struct madt_info *madt = acpi_madt();
	unsigned int i, cpu = 1, boot_id;

	if (!madt || !lapic_enabled()) {
		pr_info("smp: no MADT, or no local APIC in use; running on the boot CPU alone\n");
		return;
	}
	boot_id = lapic_id();
	cpu_apic_id[0] = boot_id;
	if (madt_cpu_index(madt, boot_id) < 0)
		pr_warn("smp: the boot CPU (APIC ID %u) is not in the MADT\n", boot_id);
	trampoline_phys = find_trampoline(&boot_info);
	if (!trampoline_phys) {
		pr_err("smp: no free low memory for the trampoline; running on the boot CPU "
		       "alone\n");
		return;
	}
	if (IS_ENABLED(CONFIG_SPINLOCK_VIRT))
		virt_spin_lock_init();
	smp_ipi_init();
	boot_cr0 = read_cr0();
	boot_cr4 = read_cr4();
	boot_efer = rdmsr(MSR_EFER);
	setup_trampoline();
	if (madt->nr_cpus > 1)
		lapic_timer_prepare_aps();

	for (i = 0; i < madt->nr_cpus; i++) {
		if (madt->cpus[i].apic_id == boot_id)
			continue;
		/* As Linux: online-capable CPUs are for hot-plug, not for boot. */
		if (!madt->cpus[i].enabled)
			continue;
		/* xAPIC addresses 8 bits, and 0xff is the broadcast. */
		if (madt->cpus[i].apic_id >= 0xff && !lapic_x2apic_mode()) {
			pr_warn("smp: APIC ID %u needs x2APIC mode; that CPU stays off\n",
				madt->cpus[i].apic_id);
			continue;
		}
		if (cpu == NR_CPUS) {
			pr_warn("smp: %u CPUs, CONFIG_NR_CPUS is %u: the rest stay off\n",
				madt->nr_cpus, NR_CPUS);
			break;
		}
		cpu_apic_id[cpu] = madt->cpus[i].apic_id;
		cpumask_set_cpu(cpu, &cpu_possible_mask);
		bring_up(cpu);
		cpu++;
	}
	pr_info("smp: Brought up %u of %u CPUs (trampoline at %#llx)\n", num_online_cpus(),
		num_possible_cpus(), (unsigned long long)trampoline_phys);
}
