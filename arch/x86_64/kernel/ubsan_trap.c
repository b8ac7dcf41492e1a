// SPDX-License-Identifier: GPL-2.0
/*
 * Which invalid opcodes are UBSan's (CONFIG_UBSAN_TRAP), for the #UD
 * report: asm/bug.h says how they are told apart.
 */
#include <asm/bug.h>
#include <asm/sections.h>
#include <kernel/compiler.h>

extern const unsigned long __deliberate_ud2_start[], __deliberate_ud2_end[];

/*
 * Clang's check kinds, the displacement of its "ud1 kind(%eax), %eax"
 * (its SanitizerHandler numbering), as UBSan's reports name them.
 */
static const char *const clang_check_kinds[] = {
	[0] = "signed-integer-overflow", /* add */
	[1] = "unreachable",
	[3] = "division-overflow",
	[8] = "invalid-builtin-use",
	[10] = "invalid-load",
	[12] = "signed-integer-overflow", /* mul */
	[13] = "signed-integer-overflow", /* negate */
	[18] = "array-index-out-of-bounds",
	[19] = "pointer-overflow",
	[20] = "shift-out-of-bounds",
	[21] = "signed-integer-overflow", /* sub */
	[22] = "type-mismatch",		  /* null, alignment or object size */
	[24] = "variable-length-array",
};

static bool deliberate(unsigned long rip)
{
	const unsigned long *p;

	for (p = __deliberate_ud2_start; p < __deliberate_ud2_end; p++)
		if (*p == rip)
			return true;
	return false;
}

const char *ubsan_trap_kind(unsigned long rip)
{
	const u8 *ip = (const u8 *)rip;

	/* Only kernel text is read: RIP may be anything. */
	if (rip < (unsigned long)_text || rip + 5 > (unsigned long)_etext)
		return NULL;
	if (ip[0] == 0x67 && ip[1] == 0x0f && ip[2] == 0xb9 && ip[3] == 0x40) {
		const char *kind =
			ip[4] < ARRAY_SIZE(clang_check_kinds) ? clang_check_kinds[ip[4]] : NULL;

		return kind ? kind : "undefined behaviour";
	}
	if (ip[0] == 0x0f && ip[1] == 0x0b && !deliberate(rip))
		return "undefined behaviour";
	return NULL;
}
