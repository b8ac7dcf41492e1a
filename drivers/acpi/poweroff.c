// SPDX-License-Identifier: GPL-2.0
/*
 * Power off through ACPI: enter the S5 sleep state, as Linux's
 * acpi_power_off() does without an AML interpreter's help.
 *
 * At boot the FADT and the DSDT say which ports and values S5 takes
 * (drivers/acpi/sleep.c), and the log says what was found, or why
 * nothing was: that is when a user can still read it.  acpi_power_off()
 * then switches the chipset to ACPI mode if the firmware left it in
 * legacy mode (SCI_EN clear: the SMI handler may own PM1), and writes
 * SLP_TYPx to each PM1 control register, first alone and then with
 * SLP_EN, keeping the register's other bits, as ACPICA does.  QEMU's
 * PIIX4 and ICH9 end the virtual machine at that write.
 */
#define pr_fmt(fmt) "ACPI: " fmt

#include <asm/io.h>
#include <kernel/acpi.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/printk.h>

#define PM1_SCI_EN	  0x0001
#define PM1_SLP_TYP_SHIFT 10
#define PM1_SLP_TYP	  (7 << PM1_SLP_TYP_SHIFT)
#define PM1_SLP_EN	  0x2000
/* Port reads to wait for ACPI mode, or for the power to go: a second or more. */
#define WAIT_READS	  1000000

/* Found once at boot, before any task can power off; read only after. */
static struct acpi_s5 s5;
static bool s5_found;

static int acpi_poweroff_init(void)
{
	const struct acpi_table_header *fadt = acpi_get_table("FACP");
	int err = fadt ? acpi_find_s5(&acpi_kernel_mem, (const struct acpi_table_fadt *)fadt, &s5)
		       : -ENODEV;

	if (err) {
		pr_warn("no way to power off found: poweroff will halt instead\n");
		return err;
	}
	s5_found = true;
	if (s5.pm1b_control)
		pr_info("S5 (power off): SLP_TYPa %u at PM1a_CNT %#x, SLP_TYPb %u at "
			"PM1b_CNT %#x\n",
			s5.type.a, s5.pm1a_control, s5.type.b, s5.pm1b_control);
	else
		pr_info("S5 (power off): SLP_TYPa %u at PM1a_CNT %#x\n", s5.type.a,
			s5.pm1a_control);
	return 0;
}
device_initcall(acpi_poweroff_init);

static bool in_acpi_mode(void)
{
	return inw(s5.pm1a_control) & PM1_SCI_EN;
}

static void enter_acpi_mode(void)
{
	int i;

	if (in_acpi_mode() || !s5.smi_command || !s5.acpi_enable)
		return;
	outb(s5.smi_command, s5.acpi_enable);
	for (i = 0; i < WAIT_READS && !in_acpi_mode(); i++)
		;
	if (!in_acpi_mode())
		pr_warn("the chipset did not switch to ACPI mode; trying S5 anyway\n");
}

static void write_sleep_type(u16 port, u8 type, u16 enable)
{
	u16 val = inw(port) & ~(PM1_SLP_TYP | PM1_SLP_EN);

	outw(port, val | type << PM1_SLP_TYP_SHIFT | enable);
}

void acpi_power_off(void)
{
	int i;

	if (!s5_found) {
		pr_err("cannot power off: no S5 found at boot\n");
		return;
	}
	enter_acpi_mode();
	write_sleep_type(s5.pm1a_control, s5.type.a, 0);
	if (s5.pm1b_control)
		write_sleep_type(s5.pm1b_control, s5.type.b, 0);
	write_sleep_type(s5.pm1a_control, s5.type.a, PM1_SLP_EN);
	if (s5.pm1b_control)
		write_sleep_type(s5.pm1b_control, s5.type.b, PM1_SLP_EN);
	for (i = 0; i < WAIT_READS; i++)
		inw(s5.pm1a_control);
	pr_err("the machine is still running after entering S5\n");
}
