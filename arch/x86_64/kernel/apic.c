// SPDX-License-Identifier: GPL-2.0
/*
 * The local APIC: enabled on each CPU, in x2APIC mode (registers are MSRs)
 * where the CPU has it, in xAPIC mode (a page of uncached MMIO) otherwise,
 * and the calls the rest of the kernel needs from it: the end of
 * interrupt, the ID, raw register access for the APIC timer, and the IPIs
 * the AP bring-up sends (INIT, SIPI) and SMP will send (fixed vectors).
 *
 * One mode for all CPUs: the BSP's first lapic_init() chooses it, and the
 * APs, which run the same code on the same kind of CPU, follow.  Both
 * paths are always compiled; CONFIG_X86_X2APIC only decides whether a
 * CPU that offers x2APIC is switched to it.
 *
 * Spurious interrupts (vector 0xff) come when an interrupt goes away
 * between the APIC raising INTR and the CPU acknowledging it.  The APIC
 * sets no in-service bit for them, so they get no EOI, which would end
 * some other interrupt in service; they are counted.
 */
#define pr_fmt(fmt) "APIC: " fmt

#include <asm/apic.h>
#include <asm/cpu.h>
#include <asm/interrupt.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <kernel/acpi.h>
#include <kernel/compiler.h>
#include <kernel/panic.h>
#include <kernel/printk.h>

#define ICR_IDLE_TRIES 1000000 /* polls of the delivery status; far above QEMU's 0 */

static bool x2apic;
static void *lapic_mmio;
static bool mode_chosen;
unsigned long lapic_spurious_count;

bool lapic_x2apic_mode(void)
{
	return x2apic;
}

u32 lapic_read(unsigned int reg)
{
	if (x2apic)
		return rdmsr(APIC_BASE_MSR + (reg >> 4));
	return readl(lapic_mmio + reg);
}

void lapic_write(unsigned int reg, u32 val)
{
	if (x2apic)
		wrmsr(APIC_BASE_MSR + (reg >> 4), val);
	else
		writel(lapic_mmio + reg, val);
}

u32 lapic_id(void)
{
	return x2apic ? lapic_read(APIC_ID) : lapic_read(APIC_ID) >> 24;
}

/*
 * The EOI register takes any value; in x2APIC mode it must be 0, or the
 * write faults.
 */
void lapic_eoi(void)
{
	lapic_write(APIC_EOI, 0);
}

bool apic_wait_icr_idle(void)
{
	unsigned int i;

	if (x2apic)
		return true; /* an x2APIC ICR write does not return before the IPI is sent */
	for (i = 0; i < ICR_IDLE_TRIES; i++) {
		if (!(lapic_read(APIC_ICR) & APIC_ICR_BUSY))
			return true;
		cpu_relax();
	}
	return false;
}

/*
 * One IPI: @low is the ICR's low word, @dest the destination APIC ID.
 * With interrupts off: in xAPIC mode the destination (ICR2) and the
 * command (ICR, whose write sends) are two writes, and a handler that
 * sent an IPI of its own between them would leave this one going to its
 * destination.  In x2APIC mode the write is one WRMSR, but WRMSR to the
 * x2APIC is not serializing: the fence makes this CPU's earlier stores
 * visible before the IPI can be seen (what the receiver of a
 * call-function IPI will read).  A previous xAPIC IPI still pending would
 * be overwritten: the wait comes first.
 */
static void icr_write(u32 low, u32 dest)
{
	unsigned long flags = local_irq_save();

	if (x2apic) {
		__asm__ __volatile__("mfence; lfence" : : : "memory");
		wrmsr(APIC_BASE_MSR + (APIC_ICR >> 4), (u64)dest << 32 | low);
	} else {
		if (!apic_wait_icr_idle())
			pr_warn("the last IPI is still pending; sending over it\n");
		writel(lapic_mmio + APIC_ICR2, dest << 24);
		writel(lapic_mmio + APIC_ICR, low);
	}
	local_irq_restore(flags);
}

void apic_send_ipi(u32 apicid, u8 vector)
{
	icr_write(APIC_DM_FIXED | vector, apicid);
}

void apic_send_ipi_allbutself(u8 vector)
{
	icr_write(APIC_DEST_ALLBUT | APIC_DM_FIXED | vector, 0);
}

void apic_send_init(u32 apicid)
{
	icr_write(APIC_INT_LEVELTRIG | APIC_INT_ASSERT | APIC_DM_INIT, apicid);
	apic_wait_icr_idle();
	/* The deassert: an 82489DX needed it, x2APIC mode has no such message. */
	if (!x2apic) {
		icr_write(APIC_INT_LEVELTRIG | APIC_DM_INIT, apicid);
		apic_wait_icr_idle();
	}
}

void apic_send_sipi(u32 apicid, u8 start_page)
{
	icr_write(APIC_DM_STARTUP | start_page, apicid);
	apic_wait_icr_idle();
}

static void spurious_interrupt(struct pt_regs *regs)
{
	lapic_spurious_count++;
}

/* x2APIC where the CPU has it and the configuration allows, or the firmware chose it. */
static void choose_mode(void)
{
	u64 base = rdmsr(MSR_IA32_APICBASE);
	const struct madt_info *madt = acpi_madt();
	phys_addr_t phys = base & MSR_IA32_APICBASE_BASE;
	bool has_x2apic = cpuid(1).ecx & X86_FEATURE_X2APIC_ECX;

	mode_chosen = true;
	if (base & MSR_IA32_APICBASE_EXTD) {
		x2apic = true;
		pr_info("x2APIC mode (the firmware enabled it)\n");
		return;
	}
	if (IS_ENABLED(CONFIG_X86_X2APIC) && has_x2apic) {
		x2apic = true;
		pr_info("x2APIC mode\n");
		return;
	}
	if (madt && madt->lapic_address != phys)
		pr_warn("MADT puts the local APIC at %#llx, the CPU at %#llx; using the CPU's\n",
			(unsigned long long)madt->lapic_address, (unsigned long long)phys);
	lapic_mmio = ioremap(phys, PAGE_SIZE);
	if (!lapic_mmio)
		panic("APIC: cannot map the local APIC at %#llx", (unsigned long long)phys);
	pr_info("xAPIC mode, registers at %#llx%s\n", (unsigned long long)phys,
		has_x2apic ? " (x2APIC offered, CONFIG_X86_X2APIC off)" : "");
}

/* LINT1 as NMI if the MADT says so for this CPU (any CPU: UID all). */
static u32 lint1_setting(void)
{
	const struct madt_info *madt = acpi_madt();
	int me = madt ? madt_cpu_index(madt, lapic_id()) : -1;
	unsigned int i;

	if (!madt)
		return APIC_DM_NMI; /* the PC's wiring: NMI on LINT1 */
	for (i = 0; i < madt->nr_nmis; i++) {
		const struct madt_nmi *n = &madt->nmis[i];

		if (n->lint == 1 && (n->acpi_uid == MADT_NMI_ALL_CPUS ||
				     (me >= 0 && n->acpi_uid == madt->cpus[me].acpi_uid)))
			return APIC_DM_NMI;
	}
	return APIC_LVT_MASKED;
}

bool lapic_enabled(void)
{
	return mode_chosen;
}

void lapic_init(void)
{
	u64 base;
	unsigned int i, maxlvt;

	if (!mode_chosen)
		choose_mode();
	base = rdmsr(MSR_IA32_APICBASE);
	if (!(base & MSR_IA32_APICBASE_ENABLE)) {
		base |= MSR_IA32_APICBASE_ENABLE;
		wrmsr(MSR_IA32_APICBASE, base);
	}
	/* xAPIC to x2APIC goes with EN set: the enabled -> x2APIC transition is allowed. */
	if (x2apic && !(base & MSR_IA32_APICBASE_EXTD))
		wrmsr(MSR_IA32_APICBASE, base | MSR_IA32_APICBASE_EXTD);
	if (base & MSR_IA32_APICBASE_BSP)
		register_interrupt_handler(SPURIOUS_APIC_VECTOR, spurious_interrupt);
	maxlvt = (lapic_read(APIC_LVR) >> 16) & 0xff;
	lapic_write(APIC_TPR, 0); /* accept every priority */
	lapic_write(APIC_LVTT, APIC_LVT_MASKED);
	lapic_write(APIC_LVT0, APIC_LVT_MASKED | APIC_DM_EXTINT);
	lapic_write(APIC_LVT1, base & MSR_IA32_APICBASE_BSP ? lint1_setting() : APIC_LVT_MASKED);
	lapic_write(APIC_LVTERR, APIC_LVT_MASKED);
	if (maxlvt >= 4)
		lapic_write(APIC_LVTPC, APIC_LVT_MASKED);
	/* The ESR latches on a write: twice, to clear what came before. */
	lapic_write(APIC_ESR, 0);
	lapic_write(APIC_ESR, 0);
	lapic_write(APIC_SPIV, APIC_SPIV_APIC_ENABLED | SPURIOUS_APIC_VECTOR);
	/*
	 * An interrupt accepted before a warm reset may still be in service:
	 * each EOI ends the highest one.  Bounded, should the bits not go.
	 */
	for (i = 0; i < 256; i++) {
		unsigned int r;

		for (r = 0; r < 8 && !lapic_read(APIC_ISR + 0x10 * r); r++)
			;
		if (r == 8)
			break;
		lapic_eoi();
	}
}
