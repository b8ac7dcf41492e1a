// SPDX-License-Identifier: GPL-2.0
/*
 * Serial console on COM1, a 16550-compatible UART at I/O port 0x3f8.
 *
 * Polled output only: each byte waits for the transmitter to empty.  The
 * UART is checked in loopback mode before use, so a machine without one
 * gets a message instead of a console that writes into nothing.
 */
#include <asm/io.h>
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/printk.h>

#define COM1_BASE	0x3f8
#define UART_CLOCK	115200		/* the divisor latch divides this */

#define UART_TX		0		/* transmit holding (DLAB=0) */
#define UART_RX		0		/* receive buffer (DLAB=0) */
#define UART_DLL	0		/* divisor latch, low byte (DLAB=1) */
#define UART_DLM	1		/* divisor latch, high byte (DLAB=1) */
#define UART_IER	1		/* interrupt enable */
#define UART_FCR	2		/* FIFO control */
#define UART_LCR	3		/* line control */
#define UART_MCR	4		/* modem control */
#define UART_LSR	5		/* line status */

#define LCR_8N1		0x03
#define LCR_DLAB	0x80
#define FCR_ENABLE_CLEAR 0x07		/* enable FIFOs, clear both */
#define MCR_DTR_RTS_OUT2 0x0b
#define MCR_LOOP	0x10
#define LSR_THRE	0x20		/* transmit holding register empty */

#define LOOPBACK_BYTE	0xae
#define TX_TIMEOUT	100000		/* polls before giving up on a byte */

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

/* Set up 8N1 at @divisor; returns whether the loopback test passed. */
static bool uart_setup(unsigned int divisor)
{
	outb(COM1_BASE + UART_IER, 0);
	outb(COM1_BASE + UART_LCR, LCR_DLAB);
	outb(COM1_BASE + UART_DLL, divisor & 0xff);
	outb(COM1_BASE + UART_DLM, divisor >> 8);
	outb(COM1_BASE + UART_LCR, LCR_8N1);
	outb(COM1_BASE + UART_FCR, FCR_ENABLE_CLEAR);

	outb(COM1_BASE + UART_MCR, MCR_LOOP | MCR_DTR_RTS_OUT2);
	outb(COM1_BASE + UART_TX, LOOPBACK_BYTE);
	if (inb(COM1_BASE + UART_RX) != LOOPBACK_BYTE)
		return false;
	outb(COM1_BASE + UART_MCR, MCR_DTR_RTS_OUT2);
	return true;
}

static int serial_console_init(void)
{
	unsigned int divisor = uart_divisor(CONFIG_SERIAL_BAUD);

	if (!uart_setup(divisor)) {
		pr_warn("serial: no working 16550 UART at %#x, no serial console\n", COM1_BASE);
		return -ENODEV;
	}
	register_console(&serial_console);
	if (UART_CLOCK / divisor != CONFIG_SERIAL_BAUD)
		pr_notice("serial: %d baud is not possible, running at %u baud\n",
			  CONFIG_SERIAL_BAUD, UART_CLOCK / divisor);
	return 0;
}
console_initcall(serial_console_init);
