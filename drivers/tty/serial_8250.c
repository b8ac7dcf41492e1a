// SPDX-License-Identifier: GPL-2.0
/*
 * Serial console on COM1, a 16550-compatible UART at I/O port 0x3f8.
 *
 * Polled output only: each byte waits for the transmitter to empty.  The
 * UART is checked in loopback mode before use, so a machine without one
 * gets a message instead of a console that writes into nothing.
 *
 * The check waits for the looped-back byte on the line status register's
 * data-ready bit: a real 16550 shifts the byte out and back in, which
 * takes a character time (87 us at 115200 baud, 200 ms at 50), while
 * QEMU loops it back at once.  A port with no UART behind it reads 0xff,
 * data-ready included, so that case is over at the first poll.
 */
#include <asm/io.h>
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include "serial_8250.h"

#define UART_CLOCK 115200 /* the divisor latch divides this */

#define LCR_8N1		 0x03
#define LCR_DLAB	 0x80
#define FCR_ENABLE_CLEAR 0x07 /* enable FIFOs, clear both */
#define MCR_DTR_RTS_OUT2 0x0b
#define MCR_LOOP	 0x10

#define LOOPBACK_BYTE		   0xae
#define TX_TIMEOUT		   100000 /* polls before giving up on a byte */
/*
 * An I/O port read takes about a microsecond on the ISA or LPC bus, so
 * 1000 polls per unit of divisor wait some 11 character times at any
 * speed: enough for the slowest UART, and bounded if the UART never
 * answers.
 */
#define LOOPBACK_POLLS_PER_DIVISOR 1000UL

static unsigned int uart_divisor(unsigned int baud)
{
	unsigned int div = (UART_CLOCK + baud / 2) / baud;

	return div ? div : 1;
}

static void serial_putc(char c)
{
	unsigned int timeout = TX_TIMEOUT;

	while (!(inb(COM1_BASE + UART_LSR) & LSR_THRE) && --timeout)
		;
	outb(COM1_BASE + UART_TX, c);
}

static void serial_write(struct console *con, const char *text, size_t len, int level)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (text[i] == '\n')
			serial_putc('\r');
		serial_putc(text[i]);
	}
}

static struct console serial_console = {
	.name = "ttyS0",
	.write = serial_write,
};

unsigned long uart_loopback_polls(unsigned int divisor)
{
	return LOOPBACK_POLLS_PER_DIVISOR * divisor;
}

/* Send a byte to ourselves; true if it comes back, in time and unchanged. */
static bool uart_loopback(const struct uart_port *port, unsigned int divisor)
{
	unsigned long polls = uart_loopback_polls(divisor);

	port->out(port, UART_MCR, MCR_LOOP | MCR_DTR_RTS_OUT2);
	port->out(port, UART_TX, LOOPBACK_BYTE);
	while (!(port->in(port, UART_LSR) & LSR_DR))
		if (!--polls)
			return false;
	if (port->in(port, UART_RX) != LOOPBACK_BYTE)
		return false;
	port->out(port, UART_MCR, MCR_DTR_RTS_OUT2);
	return true;
}

bool uart_setup(const struct uart_port *port, unsigned int divisor)
{
	port->out(port, UART_IER, 0);
	port->out(port, UART_LCR, LCR_DLAB);
	port->out(port, UART_DLL, divisor & 0xff);
	port->out(port, UART_DLM, divisor >> 8);
	port->out(port, UART_LCR, LCR_8N1);
	port->out(port, UART_FCR, FCR_ENABLE_CLEAR);
	return uart_loopback(port, divisor);
}

static u8 com1_in(const struct uart_port *port, unsigned int reg)
{
	return inb(COM1_BASE + reg);
}

static void com1_out(const struct uart_port *port, unsigned int reg, u8 value)
{
	outb(COM1_BASE + reg, value);
}

static const struct uart_port com1 = { .in = com1_in, .out = com1_out };
static bool com1_ready;

bool serial_console_ready(void)
{
	return com1_ready;
}

static int serial_console_init(void)
{
	unsigned int divisor = uart_divisor(CONFIG_SERIAL_BAUD);

	if (!uart_setup(&com1, divisor)) {
		pr_warn("serial: no working 16550 UART at %#x, no serial console\n", COM1_BASE);
		return -ENODEV;
	}
	com1_ready = true;
	register_console(&serial_console);
	if (UART_CLOCK / divisor != CONFIG_SERIAL_BAUD)
		pr_notice("serial: %d baud is not possible, running at %u baud\n",
			  CONFIG_SERIAL_BAUD, UART_CLOCK / divisor);
	return 0;
}
console_initcall(serial_console_init);
