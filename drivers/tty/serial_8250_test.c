// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the 16550 start-up probe against a model UART.  QEMU loops a
 * byte back at once, real hardware one character time later, so the
 * model answers the line status register only after a given number of
 * reads: the probe must wait for data-ready, and give up, in a bounded
 * number of reads, on a UART that never answers or a port with none.
 */
#include <kernel/compiler.h>
#include <kernel/ktest.h>
#include "serial_8250.h"

struct model_uart {
	struct uart_port port;
	unsigned long delay; /* LSR reads before the byte is back; ~0 never */
	bool absent;	     /* no UART: every read gives 0xff */
	bool dlab, loop;     /* LCR and MCR bits the probe set */
	u8 sent;
	bool has_sent;
	unsigned long lsr_reads, rx_reads; /* since the byte was sent */
};

static struct model_uart *model_of(const struct uart_port *port)
{
	return container_of(port, struct model_uart, port);
}

static bool byte_back(const struct model_uart *m)
{
	return m->has_sent && m->lsr_reads > m->delay;
}

static u8 model_in(const struct uart_port *port, unsigned int reg)
{
	struct model_uart *m = model_of(port);

	if (m->absent)
		return 0xff;
	if (reg == UART_LSR) {
		m->lsr_reads++;
		return LSR_THRE | (byte_back(m) ? LSR_DR : 0);
	}
	if (reg == UART_RX) {
		m->rx_reads++;
		return byte_back(m) ? m->sent : 0; /* before: what the register held */
	}
	return 0;
}

static void model_out(const struct uart_port *port, unsigned int reg, u8 value)
{
	struct model_uart *m = model_of(port);

	if (reg == UART_LCR) {
		m->dlab = value & 0x80;
	} else if (reg == UART_MCR) {
		m->loop = value & 0x10;
	} else if (reg == UART_TX && !m->dlab && m->loop) { /* with DLAB set it is DLL */
		m->sent = value;
		m->has_sent = true;
		m->lsr_reads = m->rx_reads = 0;
	}
}

static bool probe(struct model_uart *m, unsigned long delay, unsigned int divisor)
{
	*m = (struct model_uart){ .port = { model_in, model_out }, .delay = delay };
	return uart_setup(&m->port, divisor);
}

/* QEMU: the byte is back at the first look. */
static void loopback_at_once(struct ktest *t)
{
	struct model_uart m;

	KTEST_EXPECT_TRUE(t, probe(&m, 0, 1));
	KTEST_EXPECT_EQ(t, m.rx_reads, 1);
}

/* A real 16550 at 115200 and at 9600 baud: the byte takes a while. */
static void loopback_after_a_character_time(struct ktest *t)
{
	struct model_uart m;

	KTEST_EXPECT_TRUE(t, probe(&m, 87, 1));
	KTEST_EXPECT_EQ(t, m.lsr_reads, 88);
	KTEST_EXPECT_TRUE(t, probe(&m, 1042, 12));
	KTEST_EXPECT_TRUE(t, probe(&m, uart_loopback_polls(12) - 1, 12));
}

/* A UART that never loops back: no console, after a bounded wait. */
static void silent_uart_times_out(struct ktest *t)
{
	struct model_uart m;

	KTEST_EXPECT_FALSE(t, probe(&m, ~0UL, 1));
	KTEST_EXPECT_EQ(t, m.lsr_reads, uart_loopback_polls(1));
	KTEST_EXPECT_EQ(t, m.rx_reads, 0);
	KTEST_EXPECT_FALSE(t, probe(&m, uart_loopback_polls(12), 12));
}

/* No UART at all: the port reads 0xff, data-ready included; over at once. */
static void absent_uart_fails_at_once(struct ktest *t)
{
	struct model_uart m;

	m = (struct model_uart){ .port = { model_in, model_out }, .absent = true };
	KTEST_EXPECT_FALSE(t, uart_setup(&m.port, 1));
}

static const struct ktest_case serial_8250_cases[] = {
	KTEST_CASE(loopback_at_once),
	KTEST_CASE(loopback_after_a_character_time),
	KTEST_CASE(silent_uart_times_out),
	KTEST_CASE(absent_uart_fails_at_once),
	{},
};
KTEST_SUITE(serial_8250, serial_8250_cases);
