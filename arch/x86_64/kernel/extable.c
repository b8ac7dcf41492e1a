// SPDX-License-Identifier: GPL-2.0
/*
 * The exception table's lookup (<asm/extable.h>).
 *
 * The linker collects the entries in the order of the objects, not of
 * their addresses, and there are a handful (one per user access
 * primitive), so the lookup is a linear search rather than Linux's
 * sort at boot and binary search; it runs only when the kernel faults.
 */
#include <asm/extable.h>

extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

const struct exception_table_entry *search_exception_tables(unsigned long ip)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++)
		if (e->insn == ip)
			return e;
	return NULL;
}

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e = search_exception_tables(regs->rip);

	if (!e)
		return false;
	regs->rip = e->fixup;
	return true;
}
