/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The two cascaded 8259A interrupt controllers (arch/x86_64/kernel/i8259.c).
 *
 * At power-on they deliver IRQs 0-7 on vectors 8-15, the CPU's own
 * exception vectors; i8259_init() moves IRQs 0-15 to vectors 32-47.
 */
#ifndef _ASM_I8259_H
#define _ASM_I8259_H

#include <kernel/types.h>

#define PIC_MASTER_CMD	0x20
#define PIC_MASTER_DATA 0x21
#define PIC_SLAVE_CMD	0xa0
#define PIC_SLAVE_DATA	0xa1

#define PIC_CASCADE_IRQ 2 /* the slave's output, on the master */

struct irq_chip;

void i8259_init(unsigned int vector_base);
/* Mask every line, the cascade too: the I/O APIC delivers instead. */
void i8259_mask_all(void);
/* i8259_init(IRQ0_VECTOR), as the chip irq.c drives. */
const struct irq_chip *i8259_chip_init(void);
void i8259_mask(unsigned int irq);
void i8259_unmask(unsigned int irq);
/* Both chips' interrupt masks, slave in the high byte (set bit = masked). */
u16 i8259_get_mask(void);
/* Is @irq in service, i.e. did the PIC really deliver it? */
bool i8259_in_service(unsigned int irq);
void i8259_eoi(unsigned int irq);
/* Acknowledge the cascade on the master only (spurious IRQ 15). */
void i8259_eoi_master(void);

#endif
