// SPDX-License-Identifier: GPL-2.0
/*
 * The 8259A programmable interrupt controllers: a master for IRQs 0-7
 * and a slave for IRQs 8-15, cascaded into the master's IRQ 2.
 *
 * Initialization is the four-word ICW sequence each chip expects; after it
 * every line is masked except the cascade, and request_irq() unmasks lines
 * as drivers claim them.  With the I/O APIC (CONFIG_X86_IO_APIC) the
 * chips are initialized all the same, then fully masked.
 *
 * IRQ 7 and IRQ 15 are also what the 8259 delivers when a request goes
 * away before the CPU acknowledges it.  Such a spurious IRQ has no bit in
 * the in-service register, and must not be acknowledged: an EOI would end
 * some other, real interrupt.  A spurious IRQ 15 did go through the master
 * (on the cascade line), so the master alone gets its EOI.
 */
#include <asm/i8259.h>
#include <asm/io.h>
#include <asm/irq.h>

#define ICW1_INIT     0x10
#define ICW1_ICW4     0x01 /* an ICW4 follows */
#define ICW4_8086     0x01
#define OCW3_READ_ISR 0x0b
#define PIC_EOI	      0x20

static u8 master_mask = 0xff, slave_mask = 0xff;

/* Old PICs need a moment between writes; a write to port 0x80 takes about 1 us. */
static void io_wait(void)
{
	outb(0x80, 0);
}

static void write_masks(void)
{
	outb(PIC_MASTER_DATA, master_mask);
	outb(PIC_SLAVE_DATA, slave_mask);
}

void i8259_init(unsigned int vector_base)
{
	outb(PIC_MASTER_CMD, ICW1_INIT | ICW1_ICW4);
	io_wait();
	outb(PIC_SLAVE_CMD, ICW1_INIT | ICW1_ICW4);
	io_wait();
	outb(PIC_MASTER_DATA, vector_base); /* ICW2: vector of IRQ 0 */
	io_wait();
	outb(PIC_SLAVE_DATA, vector_base + 8);
	io_wait();
	outb(PIC_MASTER_DATA, 1 << PIC_CASCADE_IRQ); /* ICW3: slave on IRQ 2 */
	io_wait();
	outb(PIC_SLAVE_DATA, PIC_CASCADE_IRQ); /* ICW3: cascade identity */
	io_wait();
	outb(PIC_MASTER_DATA, ICW4_8086);
	io_wait();
	outb(PIC_SLAVE_DATA, ICW4_8086);
	io_wait();

	master_mask = 0xff & ~(1 << PIC_CASCADE_IRQ);
	slave_mask = 0xff;
	write_masks();
}

void i8259_mask(unsigned int irq)
{
	if (irq < 8)
		master_mask |= 1 << irq;
	else
		slave_mask |= 1 << (irq - 8);
	write_masks();
}

void i8259_unmask(unsigned int irq)
{
	if (irq < 8)
		master_mask &= ~(1 << irq);
	else
		slave_mask &= ~(1 << (irq - 8));
	write_masks();
}

u16 i8259_get_mask(void)
{
	return inb(PIC_MASTER_DATA) | inb(PIC_SLAVE_DATA) << 8;
}

bool i8259_in_service(unsigned int irq)
{
	u16 port = irq < 8 ? PIC_MASTER_CMD : PIC_SLAVE_CMD;

	outb(port, OCW3_READ_ISR);
	return inb(port) & (1 << (irq & 7));
}

void i8259_eoi_master(void)
{
	outb(PIC_MASTER_CMD, PIC_EOI);
}

void i8259_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC_SLAVE_CMD, PIC_EOI);
	i8259_eoi_master();
}

void i8259_mask_all(void)
{
	master_mask = slave_mask = 0xff;
	write_masks();
}

static bool i8259_spurious(unsigned int irq)
{
	if ((irq != 7 && irq != 15) || i8259_in_service(irq))
		return false;
	if (irq == 15)
		i8259_eoi_master();
	return true;
}

static bool i8259_masked(unsigned int irq)
{
	return i8259_get_mask() & (1 << irq);
}

static bool i8259_valid(unsigned int irq)
{
	return irq < NR_IRQS && irq != PIC_CASCADE_IRQ;
}

static const struct irq_chip i8259_chip = {
	.name = "XT-PIC",
	.mask = i8259_mask,
	.unmask = i8259_unmask,
	.eoi = i8259_eoi,
	.spurious = i8259_spurious,
	.masked = i8259_masked,
	.valid = i8259_valid,
};

const struct irq_chip *i8259_chip_init(void)
{
	i8259_init(IRQ0_VECTOR);
	return &i8259_chip;
}
