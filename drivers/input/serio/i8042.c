// SPDX-License-Identifier: GPL-2.0
/*
 * The i8042 PS/2 controller and the keyboard on its first port.
 *
 * The controller is set up for what the decoder expects: keyboard
 * interrupts on IRQ 1, translation to scancode set 1 on, the mouse port
 * silent.  The interrupt handler feeds every byte to the decoder
 * (keyboard/atkbd.c) and queues the characters it types.
 */
#include <asm/io.h>
#include <asm/irq.h>
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/reboot.h>
#include <kernel/string.h>
#include <kernel/tty.h>
#include "../keyboard/atkbd.h"

#define I8042_DATA    0x60
#define I8042_STATUS  0x64 /* read */
#define I8042_COMMAND 0x64 /* write */

#define STATUS_OUTPUT_FULL 0x01
#define STATUS_INPUT_FULL  0x02
#define STATUS_AUX_DATA	   0x20 /* the byte is from the mouse port */

#define CMD_READ_CONFIG	 0x20
#define CMD_WRITE_CONFIG 0x60
#define CMD_DISABLE_AUX	 0xa7
#define CMD_DISABLE_KBD	 0xad
#define CMD_ENABLE_KBD	 0xae

#define CONFIG_KBD_IRQ	     0x01
#define CONFIG_AUX_IRQ	     0x02
#define CONFIG_KBD_CLOCK_OFF 0x10
#define CONFIG_TRANSLATE     0x40

#define WAIT_LOOPS	  100000
#define MAX_BYTES_PER_IRQ 16
#define KEYBOARD_IRQ	  1

static struct atkbd kbd;

static int wait_input_empty(void)
{
	int i;

	for (i = 0; i < WAIT_LOOPS; i++)
		if (!(inb(I8042_STATUS) & STATUS_INPUT_FULL))
			return 0;
	return -ETIMEDOUT;
}

static int wait_output_full(void)
{
	int i;

	for (i = 0; i < WAIT_LOOPS; i++)
		if (inb(I8042_STATUS) & STATUS_OUTPUT_FULL)
			return 0;
	return -ETIMEDOUT;
}

static int i8042_command(u8 cmd)
{
	int err = wait_input_empty();

	if (!err)
		outb(I8042_COMMAND, cmd);
	return err;
}

static int i8042_write_data(u8 val)
{
	int err = wait_input_empty();

	if (!err)
		outb(I8042_DATA, val);
	return err;
}

static void i8042_flush(void)
{
	int i;

	for (i = 0; i < MAX_BYTES_PER_IRQ && (inb(I8042_STATUS) & STATUS_OUTPUT_FULL); i++)
		inb(I8042_DATA);
}

static void i8042_interrupt(unsigned int irq)
{
	int i, c;

	for (i = 0; i < MAX_BYTES_PER_IRQ; i++) {
		u8 status = inb(I8042_STATUS), data;

		if (!(status & STATUS_OUTPUT_FULL))
			break;
		data = inb(I8042_DATA);
		if (status & STATUS_AUX_DATA)
			continue;
		c = atkbd_decode(&kbd, data);
		if (c == ATKBD_KEY_CTRL_ALT_DEL) {
			ctrl_alt_del();
		} else if (c == ATKBD_KEY_SCROLL_BACK || c == ATKBD_KEY_SCROLL_FORWARD) {
			console_scroll(c == ATKBD_KEY_SCROLL_BACK ? -1 : 1);
		} else if (c > 0xff) {
			const char *seq = atkbd_key_sequence(c);

			tty_receive(console_tty(), seq, strlen(seq));
		} else if (c != ATKBD_NO_CHAR) {
			tty_receive_char(console_tty(), c);
		}
	}
}

static int i8042_setup(void)
{
	int err;
	u8 config;

	err = i8042_command(CMD_DISABLE_KBD) ?: i8042_command(CMD_DISABLE_AUX);
	if (err)
		return err;
	i8042_flush();
	err = i8042_command(CMD_READ_CONFIG) ?: wait_output_full();
	if (err)
		return err;
	config = inb(I8042_DATA);
	config |= CONFIG_KBD_IRQ | CONFIG_TRANSLATE;
	config &= ~(CONFIG_AUX_IRQ | CONFIG_KBD_CLOCK_OFF);
	return i8042_command(CMD_WRITE_CONFIG) ?: i8042_write_data(config) ?:
	       i8042_command(CMD_ENABLE_KBD);
}

static int i8042_init(void)
{
	int err;

	/* No controller: the status port floats high. */
	if (inb(I8042_STATUS) == 0xff) {
		pr_info("i8042: no PS/2 controller\n");
		return -ENODEV;
	}
	atkbd_reset(&kbd);
	err = i8042_setup();
	if (err) {
		pr_err("i8042: controller does not respond (%d)\n", err);
		return err;
	}
	err = request_irq(KEYBOARD_IRQ, i8042_interrupt, "keyboard");
	if (err) {
		pr_err("i8042: cannot get IRQ %d (%d)\n", KEYBOARD_IRQ, err);
		return err;
	}
	pr_info("keyboard: PS/2 on IRQ %d, US layout\n", KEYBOARD_IRQ);
	return 0;
}

device_initcall(i8042_init);
