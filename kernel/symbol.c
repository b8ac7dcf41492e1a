// SPDX-License-Identifier: GPL-2.0
/*
 * Addresses as text for reports: "start_kernel+0x4a/0x120" when the
 * kernel has its symbol table (CONFIG_KALLSYMS), plain hex otherwise.
 * Kept apart from kallsyms.c so that callers need no #ifdef.
 */
#include <kernel/kallsyms.h>
#include <kernel/sprintf.h>

static int format_symbol(char *buf, size_t size, unsigned long addr, unsigned long lookup)
{
	unsigned long sym_size, offset;
	const char *name = kallsyms_lookup(lookup, &sym_size, &offset);

	if (!name)
		return scnprintf(buf, size, "0x%lx", addr);
	return scnprintf(buf, size, "%s+0x%lx/0x%lx", name, offset + (addr - lookup), sym_size);
}

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	return format_symbol(buf, size, addr, addr);
}

int sprint_backtrace(char *buf, size_t size, unsigned long addr)
{
	return format_symbol(buf, size, addr, addr - 1);
}
