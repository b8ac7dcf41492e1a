// SPDX-License-Identifier: GPL-2.0
/*
 * Typing on the serial console: COM1's receive interrupt (IRQ 4) feeds
 * the console's tty (<kernel/tty.h>), beside the PS/2 keyboard.
 *
 * Bytes stay in the UART until the queue has room for them: when it is
 * full the handler turns the receive interrupt off and asks the queue to
 * call serial_unthrottle() once its reader has caught up.  The UART's
 * FIFO then fills, and a terminal or QEMU's character device behind it
 * waits, so text pasted or piped into the port arrives whole, however
 * long, and however busy the reader is.  Bytes typed during the boot,
 * after the port's set-up, wait in the FIFO for the reader too.
 */
#include <asm/io.h>
#include <asm/irq.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/tty.h>
#include "serial_8250.h"

#define MAX_BYTES_PER_IRQ 64

static void serial_unthrottle(void)
{
	outb(COM1_BASE + UART_IER, IER_RDI); /* a waiting byte raises the IRQ again */
}

static void serial_rx_interrupt(unsigned int irq)
{
	int i;

	for (i = 0; i < MAX_BYTES_PER_IRQ; i++) {
		if (!(inb(COM1_BASE + UART_LSR) & LSR_DR))
			return;
		if (!tty_room_or_throttle(console_tty(), serial_unthrottle)) {
			outb(COM1_BASE + UART_IER, 0);
			return;
		}
		tty_receive_char(console_tty(), inb(COM1_BASE + UART_RX));
	}
}

static int serial_input_init(void)
{
	int err;

	if (!serial_console_ready())
		return -ENODEV;
	err = request_irq(COM1_IRQ, serial_rx_interrupt, "serial");
	if (err) {
		pr_err("serial: cannot get IRQ %d (%d), no serial input\n", COM1_IRQ, err);
		return err;
	}
	outb(COM1_BASE + UART_IER, IER_RDI);
	pr_info("serial: input on IRQ %d\n", COM1_IRQ);
	return 0;
}
device_initcall(serial_input_init);
