// SPDX-License-Identifier: GPL-2.0
/*
 * Boot modes: the one place where a boot turns from the test suites to
 * what its command line chose (include/kernel/boot_mode.h).  Each mode
 * is declared beside its code; this file finds it, runs it, and makes
 * sure that it ended the way it declared.  That last part is what the
 * four hand-written dispatchers it replaced each did a little
 * differently: a mode that must panic and did not now always panics
 * saying so, and a mode that must be counted always prints its count.
 */
#include <kernel/boot_mode.h>
#include <kernel/errno.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>

extern const struct boot_mode __boot_modes_start[], __boot_modes_end[];

/* scripts/boot-modes reads the table by this layout. */
BUILD_BUG_ON(sizeof(struct boot_mode) != 11 * 8);

/* Set while the command line is parsed, before any other task exists. */
static const struct boot_mode *chosen;

static const struct boot_mode *find_mode(const char *param, const char *name)
{
	const struct boot_mode *m;

	for (m = __boot_modes_start; m < __boot_modes_end; m++)
		if (!strcmp(m->param, param) && !strcmp(m->name, name))
			return m;
	return NULL;
}

/* A user who mistyped a name sees what this kernel can run. */
static void list_modes(const char *param)
{
	const struct boot_mode *m;
	bool any = false;

	pr_err("boot mode: %s= takes one of:", param);
	for (m = __boot_modes_start; m < __boot_modes_end; m++) {
		if (!strcmp(m->param, param) && !m->needs) {
			pr_cont(" %s", m->name);
			any = true;
		}
	}
	pr_cont("%s\n", any ? "" : " none in this configuration");
}

/*
 * A mode this configuration cannot run is refused here, and takes no
 * mode's place: the boot runs the suites, or the mode asked for next.
 */
int boot_mode_select(const char *param, const char *val)
{
	const struct boot_mode *m = val ? find_mode(param, val) : NULL;

	if (!m) {
		list_modes(param);
		return -EINVAL;
	}
	if (m->needs) {
		pr_err("boot mode: %s=%s needs %s, which this kernel lacks\n", param, val,
		       m->needs);
		return -EINVAL;
	}
	if (chosen && chosen != m) {
		pr_err("boot mode: %s=%s is already chosen; one mode a boot\n", chosen->param,
		       chosen->name);
		return -EBUSY;
	}
	chosen = m;
	return 0;
}

void boot_mode_address(const void *p)
{
	pr_info("boot mode: object at 0x%lx\n", (unsigned long)p);
}

/* The benchmarks (mm/heap_bench.c, ...) share one parameter, so it is here. */
BOOT_MODE_PARAM("bench", bench);

bool boot_mode_run(void)
{
	const struct boot_mode *m = chosen;
	unsigned long before;

	if (!m)
		return false;
	pr_info("boot mode %s=%s: %s\n", m->param, m->name, m->what);
	before = m->count ? READ_ONCE(*m->count) : 0;
	m->run();
	if (m->end == BOOT_MODE_PANICS)
		panic("boot mode %s=%s: the kernel went on", m->param, m->name);
	if (m->count)
		pr_info("boot mode %s=%s: %lu reported\n", m->param, m->name,
			READ_ONCE(*m->count) - before);
	return true;
}
