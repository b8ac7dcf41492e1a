// SPDX-License-Identifier: GPL-2.0
/*
 * Symbol lookup in the table that scripts/kallsyms generates.
 *
 * The table holds the kernel's text symbols sorted by address: each one's
 * offset from _text (32 bits cover any kernel) and the offset of its name
 * in one block of NUL-terminated strings.  A symbol ends where the next
 * one starts; the last one ends at _etext.  Nothing in the table depends
 * on where the table itself ends up, so its size is known before the final
 * link (see scripts/link-kernel).
 */
#include <asm/page.h>
#include <asm/sections.h>
#include <kernel/kallsyms.h>
#include <kernel/sprintf.h>

static unsigned long symbol_address(u32 i)
{
	return (unsigned long)_text + kallsyms_offsets[i];
}

/* Index of the last symbol at or below @addr; kallsyms_num if none. */
static u32 find_symbol(unsigned long addr)
{
	u32 lo = 0, hi = kallsyms_num;

	if (!kallsyms_num || addr < symbol_address(0))
		return kallsyms_num;
	while (hi - lo > 1) {
		u32 mid = lo + (hi - lo) / 2;

		if (symbol_address(mid) <= addr)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *size, unsigned long *offset)
{
	unsigned long start, end;
	u32 i;

	if (addr < (unsigned long)_text || addr >= (unsigned long)_etext)
		return NULL;
	i = find_symbol(addr);
	if (i == kallsyms_num)
		return NULL;
	start = symbol_address(i);
	end = i + 1 < kallsyms_num ? symbol_address(i + 1) : (unsigned long)_etext;
	*size = end - start;
	*offset = addr - start;
	return kallsyms_names + kallsyms_name_offsets[i];
}
