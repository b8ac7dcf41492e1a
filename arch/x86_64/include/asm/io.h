/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86 port I/O.
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <kernel/types.h>

static inline void outb(u16 port, u8 val)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(val), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 val;

	__asm__ __volatile__("inb %1, %0" : "=a"(val) : "Nd"(port));
	return val;
}

static inline void outw(u16 port, u16 val)
{
	__asm__ __volatile__("outw %0, %1" : : "a"(val), "Nd"(port));
}

static inline u16 inw(u16 port)
{
	u16 val;

	__asm__ __volatile__("inw %1, %0" : "=a"(val) : "Nd"(port));
	return val;
}

static inline void outl(u16 port, u32 val)
{
	__asm__ __volatile__("outl %0, %1" : : "a"(val), "Nd"(port));
}

static inline u32 inl(u16 port)
{
	u32 val;

	__asm__ __volatile__("inl %1, %0" : "=a"(val) : "Nd"(port));
	return val;
}

/* Memory-mapped device registers (from ioremap()): one access each, never merged. */
static inline u32 readl(const void *addr)
{
	return *(const volatile u32 *)addr;
}

static inline void writel(void *addr, u32 val)
{
	*(volatile u32 *)addr = val;
}

static inline u64 readq(const void *addr)
{
	return *(const volatile u64 *)addr;
}

static inline void writeq(void *addr, u64 val)
{
	*(volatile u64 *)addr = val;
}

#endif
