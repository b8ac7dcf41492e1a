// SPDX-License-Identifier: GPL-2.0
/*
 * The I/O APIC: the legacy IRQs through the I/O APICs the MADT lists,
 * to the boot CPU's local APIC.
 *
 * Each I/O APIC has two registers in a page of MMIO: IOREGSEL picks an
 * internal register, IOWIN reads or writes it.  Redirection entry n (two
 * 32-bit halves at 0x10 + 2n) routes GSI gsi_base + n.  At init every
 * entry of every I/O APIC is masked, then ISA IRQs 0-15 are programmed:
 * IRQ n on GSI n, edge-triggered and active high as the ISA bus has it,
 * unless an interrupt source override says otherwise (QEMU wires the
 * PIT's IRQ 0 to GSI 2, and the ACPI SCI on IRQ 9 is level-triggered).
 * An IRQ whose GSI an override gave to another IRQ has no line (IRQ 2,
 * the 8259 cascade, on QEMU).  Vectors stay IRQ0_VECTOR + n, so the IDT
 * and the handlers see the same numbers as under the 8259; the entries
 * stay masked until request_irq() unmasks them.
 *
 * The 8259s are initialized to the same vectors, then masked whole, and
 * the local APICs' LINT0 (the 8259's virtual wire) is masked too: should
 * an 8259 still raise something, it arrives on a vector the kernel knows.
 *
 * Locking: one CPU programs the entries today, with interrupts off; a
 * redirection entry is two register pairs, so SMP will need a lock here.
 */
#define pr_fmt(fmt) "IOAPIC: " fmt

#include <asm/apic.h>
#include <asm/i8259.h>
#include <asm/io.h>
#include <asm/io_apic.h>
#include <asm/irq.h>
#include <asm/irqflags.h>
#include <asm/pgtable.h>
#include <kernel/acpi.h>
#include <kernel/compiler.h>
#include <kernel/printk.h>

#define IOREGSEL	 0x00
#define IOWIN		 0x10
#define IOAPIC_ID	 0x00
#define IOAPIC_VER	 0x01
#define IOAPIC_RTE(n)	 (0x10 + 2 * (n))
#define IOAPIC_MMIO_SIZE 0x20

struct io_apic {
	void *regs;
	u8 id;
	u32 gsi_base;
	unsigned int entries;
};

static struct io_apic io_apics[MADT_MAX_IOAPICS];
static unsigned int nr_io_apics;
static int irq_gsi[NR_IRQS];

static u32 io_apic_read(struct io_apic *a, u8 reg)
{
	writel(a->regs + IOREGSEL, reg);
	return readl(a->regs + IOWIN);
}

static void io_apic_write(struct io_apic *a, u8 reg, u32 val)
{
	writel(a->regs + IOREGSEL, reg);
	writel(a->regs + IOWIN, val);
}

static struct io_apic *gsi_apic(unsigned int gsi, unsigned int *pin)
{
	unsigned int i;

	for (i = 0; i < nr_io_apics; i++) {
		if (gsi >= io_apics[i].gsi_base &&
		    gsi - io_apics[i].gsi_base < io_apics[i].entries) {
			*pin = gsi - io_apics[i].gsi_base;
			return &io_apics[i];
		}
	}
	return NULL;
}

bool io_apic_read_rte(unsigned int gsi, u64 *rte)
{
	unsigned int pin;
	struct io_apic *a = gsi_apic(gsi, &pin);
	unsigned long flags;

	if (!a)
		return false;
	flags = local_irq_save();
	*rte = io_apic_read(a, IOAPIC_RTE(pin)) | (u64)io_apic_read(a, IOAPIC_RTE(pin) + 1) << 32;
	local_irq_restore(flags);
	return true;
}

/* High half first: the entry is masked (or about to be) while it is half written. */
static void write_rte(unsigned int gsi, u64 rte)
{
	unsigned int pin;
	struct io_apic *a = gsi_apic(gsi, &pin);
	unsigned long flags;

	if (!a)
		return;
	flags = local_irq_save();
	io_apic_write(a, IOAPIC_RTE(pin), IOAPIC_RTE_MASKED);
	io_apic_write(a, IOAPIC_RTE(pin) + 1, rte >> 32);
	io_apic_write(a, IOAPIC_RTE(pin), rte);
	local_irq_restore(flags);
}

static void set_masked(unsigned int irq, bool masked)
{
	u64 rte;

	if (irq >= NR_IRQS || irq_gsi[irq] < 0 || !io_apic_read_rte(irq_gsi[irq], &rte))
		return;
	rte = masked ? rte | IOAPIC_RTE_MASKED : rte & ~IOAPIC_RTE_MASKED;
	write_rte(irq_gsi[irq], rte);
}

static void io_apic_mask(unsigned int irq)
{
	set_masked(irq, true);
}

static void io_apic_unmask(unsigned int irq)
{
	set_masked(irq, false);
}

static bool io_apic_masked(unsigned int irq)
{
	u64 rte;

	if (irq >= NR_IRQS || irq_gsi[irq] < 0 || !io_apic_read_rte(irq_gsi[irq], &rte))
		return true;
	return rte & IOAPIC_RTE_MASKED;
}

/* A level-triggered entry's remote IRR clears on the local APIC's EOI broadcast. */
static void io_apic_eoi(unsigned int irq)
{
	lapic_eoi();
}

static bool io_apic_valid(unsigned int irq)
{
	return irq < NR_IRQS && irq_gsi[irq] >= 0;
}

static const struct irq_chip io_apic_chip = {
	.name = "IO-APIC",
	.mask = io_apic_mask,
	.unmask = io_apic_unmask,
	.eoi = io_apic_eoi,
	.masked = io_apic_masked,
	.valid = io_apic_valid,
};

int io_apic_irq_gsi(unsigned int irq)
{
	return irq < NR_IRQS ? irq_gsi[irq] : -1;
}

unsigned int io_apic_nr_gsis(void)
{
	unsigned int i, end = 0;

	for (i = 0; i < nr_io_apics; i++)
		end = max(end, io_apics[i].gsi_base + io_apics[i].entries);
	return end;
}

static bool map_io_apics(const struct madt_info *madt)
{
	unsigned int i, pin;

	for (i = 0; i < madt->nr_ioapics; i++) {
		const struct madt_ioapic *m = &madt->ioapics[i];
		struct io_apic *a = &io_apics[nr_io_apics];

		a->regs = ioremap(m->address, IOAPIC_MMIO_SIZE);
		if (!a->regs) {
			pr_warn("cannot map I/O APIC %u at %#x; left out\n", m->id, m->address);
			continue;
		}
		a->id = m->id;
		a->gsi_base = m->gsi_base;
		a->entries = ((io_apic_read(a, IOAPIC_VER) >> 16) & 0xff) + 1;
		for (pin = 0; pin < a->entries; pin++) {
			io_apic_write(a, IOAPIC_RTE(pin), IOAPIC_RTE_MASKED);
			io_apic_write(a, IOAPIC_RTE(pin) + 1, 0);
		}
		pr_info("IOAPIC[%u]: apic_id %u, version %#x, address %#x, GSI %u-%u\n",
			nr_io_apics, a->id, io_apic_read(a, IOAPIC_VER) & 0xff, m->address,
			a->gsi_base, a->gsi_base + a->entries - 1);
		nr_io_apics++;
	}
	return nr_io_apics > 0;
}

/* The override of ISA @irq, if the MADT has one. */
static const struct madt_override *isa_override(const struct madt_info *madt, unsigned int irq)
{
	unsigned int i;

	for (i = 0; i < madt->nr_overrides; i++)
		if (madt->overrides[i].bus == 0 && madt->overrides[i].source == irq)
			return &madt->overrides[i];
	return NULL;
}

/* Would another ISA IRQ's override take @gsi? */
static bool gsi_taken(const struct madt_info *madt, unsigned int irq, unsigned int gsi)
{
	unsigned int i;

	for (i = 0; i < madt->nr_overrides; i++)
		if (madt->overrides[i].bus == 0 && madt->overrides[i].source != irq &&
		    madt->overrides[i].gsi == gsi)
			return true;
	return false;
}

static void setup_isa_irqs(const struct madt_info *madt, u32 dest)
{
	unsigned int irq;

	for (irq = 0; irq < NR_IRQS; irq++) {
		const struct madt_override *o = isa_override(madt, irq);
		unsigned int gsi = o ? o->gsi : irq;
		u16 flags = o ? o->flags : 0;
		u64 rte = IRQ0_VECTOR + irq;
		unsigned int pin;

		irq_gsi[irq] = -1;
		if ((!o && gsi_taken(madt, irq, gsi)) || !gsi_apic(gsi, &pin))
			continue;
		/* ISA: "conforms to the bus" is active high, edge-triggered. */
		if ((flags & ACPI_MADT_POLARITY_MASK) == ACPI_MADT_POLARITY_LOW)
			rte |= IOAPIC_RTE_POLARITY_LOW;
		if ((flags & ACPI_MADT_TRIGGER_MASK) == ACPI_MADT_TRIGGER_LEVEL)
			rte |= IOAPIC_RTE_LEVEL;
		rte |= IOAPIC_RTE_MASKED | (u64)dest << IOAPIC_RTE_DEST_SHIFT;
		write_rte(gsi, rte);
		irq_gsi[irq] = gsi;
	}
}

const struct irq_chip *io_apic_init(void)
{
	const struct madt_info *madt = acpi_madt();
	u32 dest;

	if (!madt || !madt->nr_ioapics) {
		pr_warn("%s; using the 8259 PIC instead\n",
			madt ? "the MADT lists no I/O APIC" : "no MADT");
		return NULL;
	}
	if (!map_io_apics(madt)) {
		pr_warn("no I/O APIC could be mapped; using the 8259 PIC instead\n");
		return NULL;
	}
	/* The 8259s on known vectors, then silent for good. */
	i8259_init(IRQ0_VECTOR);
	i8259_mask_all();
	lapic_init();
	dest = lapic_id();
	if (dest > 0xff)
		pr_warn("boot CPU's APIC ID %u does not fit a redirection entry\n", dest);
	setup_isa_irqs(madt, dest);
	return &io_apic_chip;
}
