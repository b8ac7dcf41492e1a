/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The part of the 16550 driver (drivers/tty/serial_8250.c) that its tests
 * drive: the start-up and loopback probe, which reaches the UART's
 * registers through struct uart_port so that a test can stand a model
 * UART in for the real one.
 */
#ifndef _DRIVERS_TTY_SERIAL_8250_H
#define _DRIVERS_TTY_SERIAL_8250_H

#include <kernel/types.h>

#define COM1_BASE 0x3f8
#define COM1_IRQ  4

#define UART_TX	 0 /* transmit holding (DLAB=0) */
#define UART_RX	 0 /* receive buffer (DLAB=0) */
#define UART_DLL 0 /* divisor latch, low byte (DLAB=1) */
#define UART_DLM 1 /* divisor latch, high byte (DLAB=1) */
#define UART_IER 1 /* interrupt enable */
#define UART_FCR 2 /* FIFO control */
#define UART_LCR 3 /* line control */
#define UART_MCR 4 /* modem control */
#define UART_LSR 5 /* line status */

#define IER_RDI 0x01 /* interrupt when a byte is received */

#define LSR_DR	 0x01 /* a received byte is waiting */
#define LSR_THRE 0x20 /* transmit holding register empty */

struct uart_port {
	u8 (*in)(const struct uart_port *port, unsigned int reg);
	void (*out)(const struct uart_port *port, unsigned int reg, u8 value);
};

/*
 * Program 8N1 at @divisor, then send a byte in loopback mode and wait for
 * it to come back.  True if it did.
 */
bool uart_setup(const struct uart_port *port, unsigned int divisor);

/* Whether COM1 passed uart_setup() and is the serial console. */
bool serial_console_ready(void);

/* How many line status reads uart_setup() waits for the byte, at @divisor. */
unsigned long uart_loopback_polls(unsigned int divisor);

#endif
