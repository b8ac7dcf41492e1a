/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The I/O APICs (arch/x86_64/kernel/io_apic.c): each turns the interrupt
 * lines wired to it (GSIs gsi_base ... gsi_base + entries - 1) into
 * messages to a local APIC, one redirection entry per line.
 */
#ifndef _ASM_IO_APIC_H
#define _ASM_IO_APIC_H

#include <kernel/types.h>

struct irq_chip;

/* A redirection entry's fields (its 64 bits; the destination in 63:56). */
#define IOAPIC_RTE_VECTOR	0xffULL
#define IOAPIC_RTE_DEST_LOGICAL (1ULL << 11)
#define IOAPIC_RTE_POLARITY_LOW (1ULL << 13)
#define IOAPIC_RTE_REMOTE_IRR	(1ULL << 14)
#define IOAPIC_RTE_LEVEL	(1ULL << 15)
#define IOAPIC_RTE_MASKED	(1ULL << 16)
#define IOAPIC_RTE_DEST_SHIFT	56

/*
 * Every I/O APIC of the MADT mapped, all its entries masked, ISA IRQs
 * 0-15 programmed through the overrides (masked until request_irq()), the
 * local APIC enabled and the 8259s masked: the chip for irq.c.  NULL,
 * with a warning, if there is no MADT or no I/O APIC in it (irq.c then
 * uses the 8259).
 */
const struct irq_chip *io_apic_init(void);

/* The GSI ISA @irq is wired to, or -1 if it has none (IRQ 2 on QEMU). */
int io_apic_irq_gsi(unsigned int irq);
/* The redirection entry of @gsi, read from the chip; false if no I/O APIC has it. */
bool io_apic_read_rte(unsigned int gsi, u64 *rte);
/* How many GSIs the I/O APICs have in all (the highest one's end). */
unsigned int io_apic_nr_gsis(void);

#endif
