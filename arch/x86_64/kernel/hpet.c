// SPDX-License-Identifier: GPL-2.0
/*
 * The HPET's main counter as a clocksource.
 *
 * The ACPI HPET table says where the registers are; the capabilities
 * register says how long one count is (in femtoseconds) and whether the
 * counter has 64 bits.  So the rate needs no calibration, unlike the
 * TSC's, and the TSC's can be checked against it.  Every read is an
 * uncached memory-mapped access, which makes it the slower clock to read.
 */
#define pr_fmt(fmt) "hpet: " fmt

#include <asm/hpet.h>
#include <asm/io.h>
#include <asm/pgtable.h>
#include <kernel/acpi.h>
#include <kernel/clocksource.h>
#include <kernel/printk.h>

#define HPET_MMIO_SIZE	   1024
#define HPET_CAPABILITIES  0x000
#define HPET_CONFIG	   0x010
#define HPET_COUNTER	   0x0f0
#define HPET_CAP_64BIT	   (1ULL << 13)
#define HPET_CFG_ENABLE	   1ULL
#define HPET_MAX_PERIOD_FS 100000000ULL /* 100 ns: the slowest the spec allows */
#define FSEC_PER_SEC	   1000000000000000ULL

static void *hpet_regs;

static u64 read_hpet64(void)
{
	return readq(hpet_regs + HPET_COUNTER);
}

static u64 read_hpet32(void)
{
	return readl(hpet_regs + HPET_COUNTER);
}

static struct clocksource hpet_clocksource = {
	.name = "hpet",
	.rate_source = "period from its capabilities register",
};

/* The registers' physical address from the ACPI table, or 0. */
static u64 hpet_address(void)
{
	const struct acpi_table_hpet *t = (const void *)acpi_get_table("HPET");

	if (!t) {
		pr_info("no ACPI HPET table\n");
		return 0;
	}
	if (t->header.length < sizeof(*t) || t->address.space_id != 0 || !t->address.address) {
		pr_warn("ACPI HPET table gives no memory address (space %u), not used\n",
			t->address.space_id);
		return 0;
	}
	return t->address.address;
}

struct clocksource *hpet_clocksource_init(void)
{
	u64 phys, caps, period;

	if (hpet_clocksource.freq_hz)
		return &hpet_clocksource;
	phys = hpet_address();
	if (!phys)
		return NULL;
	hpet_regs = ioremap(phys, HPET_MMIO_SIZE);
	if (!hpet_regs) {
		pr_warn("cannot map its registers at %#llx\n", (unsigned long long)phys);
		return NULL;
	}
	caps = readq(hpet_regs + HPET_CAPABILITIES);
	period = caps >> 32;
	if (!period || period > HPET_MAX_PERIOD_FS) {
		pr_warn("counter period of %lu fs is impossible, not used\n",
			(unsigned long)period);
		return NULL;
	}
	if (clocksource_set_rate(&hpet_clocksource, (FSEC_PER_SEC + period / 2) / period))
		return NULL;
	writeq(hpet_regs + HPET_CONFIG, readq(hpet_regs + HPET_CONFIG) | HPET_CFG_ENABLE);
	hpet_clocksource.read = caps & HPET_CAP_64BIT ? read_hpet64 : read_hpet32;
	hpet_clocksource.mask = caps & HPET_CAP_64BIT ? ~0ULL : 0xffffffffULL;
	pr_info("at %#llx, %u-bit counter, %lu fs per count\n", (unsigned long long)phys,
		caps & HPET_CAP_64BIT ? 64 : 32, (unsigned long)period);
	return &hpet_clocksource;
}
