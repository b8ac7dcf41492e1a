// SPDX-License-Identifier: GPL-2.0
/*
 * What powering off takes on this machine, as its ACPI tables say: the
 * PM1a (and PM1b) control ports from the FADT, the SLP_TYP values of the
 * \_S5 object in the DSDT the FADT points to, and the SMI command that
 * switches the chipset from legacy to ACPI mode.
 *
 * Only what is needed is read, and only where the FADT's length says the
 * field exists: ACPI 1.0's 32-bit fields, and from ACPI 2.0 on the 64-bit
 * X_ fields, which win when set (as the specification says).  A control
 * register that is not in the system I/O space is refused: on PCs it
 * always is, and guessing at another space would write who knows where.
 * No port is touched here, so that the host tests can run all of it
 * (drivers/acpi/poweroff.c does the writing).
 */
#define pr_fmt(fmt) "ACPI: " fmt

#include <kernel/acpi.h>
#include <kernel/errno.h>
#include <kernel/printk.h>

_Static_assert(offsetof(struct acpi_table_fadt, x_dsdt) == 140, "FADT layout");
_Static_assert(offsetof(struct acpi_table_fadt, x_pm1b_control_block) == 184, "FADT layout");

#define PORT_MAX 0xffff

/*
 * A PM1 control register: the X_ generic address if the FADT has one
 * set, else the 32-bit port.  0 for none; -ENODEV, reported, if unusable.
 */
static int control_port(const char *name, u32 port, const struct acpi_generic_address *x,
			bool has_x)
{
	u64 addr = port;

	if (has_x && x->address) {
		if (x->space_id != ACPI_SPACE_SYSTEM_IO) {
			pr_warn("FADT: X_%s_CNT_BLK is in address space %u, not system I/O\n", name,
				x->space_id);
			return -ENODEV;
		}
		addr = x->address;
	}
	if (addr > PORT_MAX) {
		pr_warn("FADT: %s_CNT_BLK %#llx is not an I/O port\n", name,
			(unsigned long long)addr);
		return -ENODEV;
	}
	return addr;
}

/* The DSDT the FADT points to, mapped whole and checked; NULL, reported, if none. */
static const struct acpi_table_header *find_dsdt(const struct acpi_mem *mem,
						 const struct acpi_table_fadt *fadt)
{
	u64 phys = fadt->dsdt;

	if (acpi_fadt_has(fadt, x_dsdt) && fadt->x_dsdt)
		phys = fadt->x_dsdt;
	if (!phys) {
		pr_warn("FADT: no DSDT\n");
		return NULL;
	}
	return acpi_map_table(mem, phys, "DSDT");
}

static int find_ports(const struct acpi_table_fadt *fadt, struct acpi_s5 *s5)
{
	int a, b;

	a = control_port("PM1a", fadt->pm1a_control_block, &fadt->x_pm1a_control_block,
			 acpi_fadt_has(fadt, x_pm1a_control_block));
	b = control_port("PM1b", fadt->pm1b_control_block, &fadt->x_pm1b_control_block,
			 acpi_fadt_has(fadt, x_pm1b_control_block));
	if (a < 0 || b < 0)
		return -ENODEV;
	if (!a) {
		pr_warn("FADT: no PM1a_CNT_BLK\n");
		return -ENODEV;
	}
	s5->pm1a_control = a;
	s5->pm1b_control = b;
	return 0;
}

int acpi_find_s5(const struct acpi_mem *mem, const struct acpi_table_fadt *fadt, struct acpi_s5 *s5)
{
	const struct acpi_table_header *dsdt;
	const u8 *aml;
	int err;

	if (!acpi_fadt_has(fadt, pm1b_control_block)) {
		pr_warn("FADT: %u bytes, too short for the PM1 control blocks\n",
			fadt->header.length);
		return -ENODEV;
	}
	err = find_ports(fadt, s5);
	if (err)
		return err;
	s5->smi_command = fadt->smi_command;
	s5->acpi_enable = fadt->acpi_enable;
	if (fadt->smi_command > PORT_MAX) {
		pr_warn("FADT: SMI_CMD %#x is not an I/O port, ignored\n", fadt->smi_command);
		s5->smi_command = 0;
	}
	dsdt = find_dsdt(mem, fadt);
	if (!dsdt)
		return -ENODEV;
	aml = (const u8 *)dsdt + sizeof(*dsdt);
	err = acpi_aml_find_s5(aml, dsdt->length - sizeof(*dsdt), &s5->type);
	if (err == -ENOENT)
		pr_warn("DSDT: no \\_S5 package\n");
	else if (err == -ERANGE)
		pr_warn("DSDT: \\_S5 has a sleep type over 7\n");
	else if (err)
		pr_warn("DSDT: \\_S5 is not a package of integer constants\n");
	return err;
}
