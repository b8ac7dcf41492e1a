/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86_64 part of the user access functions (<kernel/uaccess.h> has
 * the interface): the address check, SMAP's window, and the copies.
 *
 * With SMAP (CR4.SMAP, where CPUID has it) the kernel's reads and writes
 * of user pages fault unless RFLAGS.AC is set: a stray kernel pointer into
 * user memory, which a program chose, oopses instead of being followed.
 * Each deliberate access opens the window with STAC and closes it with
 * CLAC around exactly its own instructions.  STAC and CLAC are #UD on a
 * CPU without SMAP, hence the test of cpu_has_smap (Linux patches them
 * in at boot instead).  The system call entry's SFMASK clears AC, so a
 * program cannot open the window for the kernel.
 *
 * Each copy is one "rep movsb" listed in the exception table
 * (<asm/extable.h>): when it faults, RCX holds the bytes it has not
 * copied, which is what the copy returns.
 */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <asm/extable.h>
#include <asm/page.h>
#include <kernel/compiler.h>
#include <kernel/types.h>

extern bool cpu_has_smap;

static __always_inline void stac(void)
{
	if (cpu_has_smap)
		__asm__ __volatile__("stac" : : : "memory");
}

static __always_inline void clac(void)
{
	if (cpu_has_smap)
		__asm__ __volatile__("clac" : : : "memory");
}

/*
 * [@addr, @addr + @size) lies in user space, [0, TASK_SIZE_MAX), with no
 * wrap.  A zero @size at TASK_SIZE_MAX itself is allowed, as Linux does.
 */
static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE_MAX && a <= TASK_SIZE_MAX - size;
}

/* Copy @n bytes between kernel and checked user memory; the bytes not copied. */
static inline unsigned long raw_copy_user(void *to, const void *from, unsigned long n)
{
	stac();
	__asm__ __volatile__("1:	rep movsb\n"
			     "2:\n\t" _ASM_EXTABLE(1b, 2b)
			     : "+c"(n), "+D"(to), "+S"(from)
			     :
			     : "memory");
	clac();
	return n;
}

/*
 * One load or store of 1, 2, 4 or 8 bytes at checked user address @p: 0,
 * or -EFAULT.  One instruction, so a fault leaves nothing half done
 * (get_user() and put_user() are single accesses, as in Linux).
 */
/* The fixup of a single access: err = -EFAULT, and on after the access. */
#define __UACCESS_FIXUP                              \
	"2:\n\t"                                     \
	".pushsection .text.uaccess_fixup, \"ax\"\n" \
	"3:	movl $-14, %0\n\t" /* -EFAULT */     \
	"jmp 2b\n\t"                                 \
	".popsection\n\t" _ASM_EXTABLE(1b, 3b)

#define __uaccess_get(type, dst, p)                                           \
	do {                                                                  \
		type __v = 0;                                                 \
		__asm__ __volatile__("1:	mov %2, %1\n" __UACCESS_FIXUP \
				     : "+r"(err), "+r"(__v)                   \
				     : "m"(*(const volatile type *)(p))       \
				     : "memory");                             \
		*(type *)(dst) = __v;                                         \
	} while (0)

#define __uaccess_put(type, src, p)                                   \
	__asm__ __volatile__("1:	mov %2, %1\n" __UACCESS_FIXUP \
			     : "+r"(err), "+m"(*(volatile type *)(p)) \
			     : "r"(*(const type *)(src))              \
			     : "memory")

static __always_inline int raw_get_user_n(void *dst, const void __user *p, unsigned long n)
{
	int err = 0;

	stac();
	switch (n) {
	case 1:
		__uaccess_get(u8, dst, p);
		break;
	case 2:
		__uaccess_get(u16, dst, p);
		break;
	case 4:
		__uaccess_get(u32, dst, p);
		break;
	default:
		__uaccess_get(u64, dst, p);
		break;
	}
	clac();
	return err;
}

static __always_inline int raw_put_user_n(const void *src, void __user *p, unsigned long n)
{
	int err = 0;

	stac();
	switch (n) {
	case 1:
		__uaccess_put(u8, src, p);
		break;
	case 2:
		__uaccess_put(u16, src, p);
		break;
	case 4:
		__uaccess_put(u32, src, p);
		break;
	default:
		__uaccess_put(u64, src, p);
		break;
	}
	clac();
	return err;
}

#endif
