/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ACPI tables: finding one by its signature (drivers/acpi/tables.c).
 *
 * The boot loader hands over a copy of the RSDP; from there the XSDT (or,
 * before ACPI 2.0, the RSDT) lists the physical addresses of the other
 * tables.  All of it is firmware data: every length and checksum is
 * checked before a table is believed, and whatever is refused is reported.
 * The walk reads physical memory only through struct acpi_mem, so that the
 * host tests can hand it a memory image of their own.
 */
#ifndef _KERNEL_ACPI_H
#define _KERNEL_ACPI_H

#include <kernel/compiler.h>
#include <kernel/types.h>

#define ACPI_RSDP_V1_SIZE     20
#define ACPI_RSDP_V2_SIZE     36
#define ACPI_ROOT_MAX_ENTRIES 256 /* more than any real machine lists */
#define ACPI_TABLE_MAX_SIZE   (1U << 20)

struct acpi_rsdp {
	char signature[8]; /* "RSD PTR " */
	u8 checksum;	   /* of the first 20 bytes */
	char oem_id[6];
	u8 revision; /* 0: ACPI 1.0, 2: 2.0 and later */
	u32 rsdt_address;
	u32 length; /* revision 2 and later: of the whole RSDP */
	u64 xsdt_address;
	u8 extended_checksum; /* of all @length bytes */
	u8 reserved[3];
} __packed;

struct acpi_table_header {
	char signature[4];
	u32 length; /* of the whole table, header included */
	u8 revision;
	u8 checksum; /* all bytes of the table add up to 0 */
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	u32 creator_id;
	u32 creator_revision;
} __packed;

struct acpi_generic_address {
	u8 space_id; /* 0: system memory */
	u8 bit_width;
	u8 bit_offset;
	u8 access_size;
	u64 address;
} __packed;

struct acpi_table_hpet {
	struct acpi_table_header header;
	u32 block_id;
	struct acpi_generic_address address;
	u8 number;
	u16 minimum_tick;
	u8 page_protection;
} __packed;

/*
 * The Fixed ACPI Description Table ("FACP"), as far as entering a sleep
 * state needs it.  Its length grew with each revision (116 bytes in ACPI
 * 1.0): a field is there only if the table's length covers it
 * (acpi_fadt_has()).
 */
struct acpi_table_fadt {
	struct acpi_table_header header;
	u32 firmware_ctrl;
	u32 dsdt;
	u8 model;
	u8 preferred_profile;
	u16 sci_interrupt;
	u32 smi_command; /* port that switches to ACPI mode; 0 if always in it */
	u8 acpi_enable;	 /* the value that does it */
	u8 acpi_disable;
	u8 s4_bios_request;
	u8 pstate_control;
	u32 pm1a_event_block;
	u32 pm1b_event_block;
	u32 pm1a_control_block; /* I/O port of PM1a_CNT */
	u32 pm1b_control_block; /* and of PM1b_CNT; 0 if there is none */
	u8 unused[116 - 72];	/* to the end of ACPI 1.0's FADT */
	struct acpi_generic_address reset_register;
	u8 reset_value;
	u16 arm_boot_flags;
	u8 minor_revision;
	u64 x_firmware_ctrl;
	u64 x_dsdt; /* ACPI 2.0: the DSDT's 64-bit address, used when not 0 */
	struct acpi_generic_address x_pm1a_event_block;
	struct acpi_generic_address x_pm1b_event_block;
	struct acpi_generic_address x_pm1a_control_block;
	struct acpi_generic_address x_pm1b_control_block;
} __packed;

#define acpi_fadt_has(fadt, field) \
	(offsetof(struct acpi_table_fadt, field) + sizeof((fadt)->field) <= (fadt)->header.length)

#define ACPI_SPACE_SYSTEM_IO 1

/* How the walk reads @len bytes at physical address @phys; NULL if it cannot. */
struct acpi_mem {
	const void *(*map)(const struct acpi_mem *mem, u64 phys, size_t len);
};

/*
 * The table with signature @sig, found from the RSDP copy at @rsdp
 * (@rsdp_len bytes), read through @mem, with its length and checksum
 * checked; NULL if there is none.  Tables, entries and root tables that
 * fail a check are reported (pr_warn) and skipped.
 */
const struct acpi_table_header *acpi_find_table(const struct acpi_mem *mem, const void *rsdp,
						size_t rsdp_len, const char *sig);

/*
 * The table at physical address @phys (one a table points to, such as the
 * FADT's DSDT), if its signature is @sig and its length and checksum are
 * right; NULL, reported, if not.
 */
const struct acpi_table_header *acpi_map_table(const struct acpi_mem *mem, u64 phys,
					       const char *sig);

/* The values a sleep state's package gives for SLP_TYPa and SLP_TYPb. */
struct acpi_sleep_type {
	u8 a, b;
};

/*
 * Find Name (_S5, Package () { a, b, ... }) in the @len bytes of AML at
 * @aml (drivers/acpi/aml_s5.c): 0 and *@typ, -ENOENT if there is no such
 * object, -EINVAL if none can be decoded, -ERANGE if a value does not fit
 * SLP_TYP's 3 bits.  Reads nothing outside the @len bytes.
 */
int acpi_aml_find_s5(const u8 *aml, size_t len, struct acpi_sleep_type *typ);

/* What powering off (S5) takes: registers from the FADT, values from the DSDT. */
struct acpi_s5 {
	u16 pm1a_control; /* I/O ports; pm1b_control 0 if there is none */
	u16 pm1b_control;
	u16 smi_command; /* write acpi_enable here for ACPI mode; 0 if not needed */
	u8 acpi_enable;
	struct acpi_sleep_type type;
};

/*
 * Fill *@s5 from @fadt and the DSDT it points to, read through @mem
 * (drivers/acpi/sleep.c): 0, or a negative errno once the reason is
 * reported (pr_warn).
 */
int acpi_find_s5(const struct acpi_mem *mem, const struct acpi_table_fadt *fadt,
		 struct acpi_s5 *s5);

/*
 * The Multiple APIC Description Table ("APIC"): the interrupt controllers
 * and the CPUs (drivers/acpi/madt.c).  After the header come the local
 * APIC's 32-bit address and the flags, then entries of { type, length,
 * ... } to the table's end.  acpi_parse_madt() turns it into struct
 * madt_info, the only form the rest of the kernel reads.
 */
#define ACPI_MADT_HEADER_SIZE 44
#define ACPI_MADT_PCAT_COMPAT (1U << 0) /* there are 8259s too (to mask) */

enum acpi_madt_type {
	ACPI_MADT_LOCAL_APIC = 0,
	ACPI_MADT_IO_APIC = 1,
	ACPI_MADT_INT_OVERRIDE = 2,
	ACPI_MADT_LOCAL_APIC_NMI = 4,
	ACPI_MADT_LAPIC_OVERRIDE = 5, /* the local APIC's 64-bit address */
	ACPI_MADT_LOCAL_X2APIC = 9,
	ACPI_MADT_LOCAL_X2APIC_NMI = 0xa,
};

/* A processor entry's flags: usable now, or can be brought online later. */
#define ACPI_MADT_ENABLED	 (1U << 0)
#define ACPI_MADT_ONLINE_CAPABLE (1U << 1)

/* MPS INTI flags of overrides and NMI entries: 0 in a field means "as the bus says". */
#define ACPI_MADT_POLARITY_MASK	    0x3
#define ACPI_MADT_POLARITY_CONFORMS 0x0
#define ACPI_MADT_POLARITY_HIGH	    0x1
#define ACPI_MADT_POLARITY_LOW	    0x3
#define ACPI_MADT_TRIGGER_MASK	    0xc
#define ACPI_MADT_TRIGGER_CONFORMS  0x0
#define ACPI_MADT_TRIGGER_EDGE	    0x4
#define ACPI_MADT_TRIGGER_LEVEL	    0xc

/* Fixed maxima: what lies beyond is reported and left out, never written past. */
#define MADT_MAX_CPUS	   64
#define MADT_MAX_IOAPICS   8
#define MADT_MAX_OVERRIDES 16
#define MADT_MAX_NMIS	   16

#define MADT_NMI_ALL_CPUS 0xffffffffU /* an NMI entry's UID for every CPU */

struct madt_cpu {
	u32 acpi_uid; /* the processor's UID in the namespace */
	u32 apic_id;  /* x2APIC entries: the full 32 bits */
	bool enabled; /* present now; else online-capable, for hot-plug only */
};

struct madt_ioapic {
	u8 id;
	u32 address;  /* of its two registers, IOREGSEL and IOWIN */
	u32 gsi_base; /* the GSI of its first redirection entry */
};

struct madt_override {
	u8 bus;	   /* 0: ISA */
	u8 source; /* the bus's IRQ */
	u32 gsi;
	u16 flags; /* ACPI_MADT_POLARITY_* | ACPI_MADT_TRIGGER_* */
};

struct madt_nmi {
	u32 acpi_uid; /* MADT_NMI_ALL_CPUS for every CPU */
	u8 lint;      /* LINT0 or LINT1 */
	u16 flags;
};

struct madt_info {
	u64 lapic_address; /* from the header, or the 64-bit override entry */
	u32 flags;	   /* ACPI_MADT_PCAT_COMPAT */
	/* Usable CPUs (enabled or online-capable), in MADT order: the first N. */
	unsigned int nr_cpus;
	struct madt_cpu cpus[MADT_MAX_CPUS];
	unsigned int nr_ioapics;
	struct madt_ioapic ioapics[MADT_MAX_IOAPICS];
	unsigned int nr_overrides;
	struct madt_override overrides[MADT_MAX_OVERRIDES];
	unsigned int nr_nmis;
	struct madt_nmi nmis[MADT_MAX_NMIS];
	/* What was left out: usable CPUs past MADT_MAX_CPUS, and entries refused. */
	unsigned int cpus_dropped;
	unsigned int bad_entries;
};

/*
 * Parse the MADT in the @len bytes at @table into *@info: 0, or -EINVAL
 * (reported) when the table itself is unusable (too short for its header,
 * not "APIC", a length past @len, a bad checksum).  Entries that are
 * short for their type, duplicate a CPU or do not fit the maxima are
 * reported and left out; an entry of length 0 or 1, or one running past
 * the table's end, ends the walk (reported) with what came before it.
 * Reads nothing outside the @len bytes.  Pure: the host tests run it.
 */
int acpi_parse_madt(const void *table, size_t len, struct madt_info *info);

/* The index in @info->cpus of the CPU with @apic_id, or -1. */
int madt_cpu_index(const struct madt_info *info, u32 apic_id);

/*
 * The firmware's MADT, parsed once at boot by acpi_madt_init() (called
 * from init_IRQ(), which logs the one-line summary); NULL when there is no
 * usable MADT, and the kernel then runs on one CPU with the 8259.  The
 * CPUs the lead's bring-up starts are acpi_madt()->cpus[0 .. nr_cpus - 1];
 * the boot CPU is the one whose apic_id lapic_id() returns.
 */
const struct madt_info *acpi_madt(void);
void acpi_madt_init(void);

/* The kernel's own view: tables through the direct map (drivers/acpi/boot.c)... */
extern const struct acpi_mem acpi_kernel_mem;
/* ...found from the RSDP the boot loader passed. */
const struct acpi_table_header *acpi_get_table(const char *sig);
/*
 * Enter S5, as found at boot (drivers/acpi/poweroff.c, CONFIG_ACPI_POWEROFF).
 * Returns, having said why, if the machine is still running.
 */
void acpi_power_off(void);

#endif
