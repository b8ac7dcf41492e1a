/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Deliberate invalid opcodes, and telling them from UBSan's.
 *
 * With CONFIG_UBSAN_TRAP every failed check is an invalid opcode in the
 * code: Clang's "ud1 kind(%eax), %eax" names the check, GCC's ud2 does
 * not.  The kernel's own ud2s (a fault test, the unreachable end of a
 * task) are listed in the .deliberate_ud2 table, so that any other ud2 in
 * kernel text can be blamed on UBSan.
 */
#ifndef _ASM_BUG_H
#define _ASM_BUG_H

/* A ud2 for inline assembly, listed as meant. */
#define ASM_UD2                                   \
	"1:\tud2\n\t"                             \
	".pushsection .deliberate_ud2, \"a\"\n\t" \
	".balign 8\n\t"                           \
	".quad 1b\n\t"                            \
	".popsection\n\t"

#ifndef __ASSEMBLY__
/*
 * The UBSan check that trapped at @rip ("shift-out-of-bounds"; "undefined
 * behaviour" for GCC's ud2, which does not say), or NULL if the invalid
 * opcode there is not UBSan's.  CONFIG_UBSAN_TRAP only.
 */
const char *ubsan_trap_kind(unsigned long rip);
#endif

#endif
