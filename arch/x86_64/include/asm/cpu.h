/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Control registers, MSRs, CPUID and the instructions that stop the CPU.
 */
#ifndef _ASM_CPU_H
#define _ASM_CPU_H

#include <asm/irqflags.h>
#include <kernel/types.h>

#define X86_CR0_PE	   (1UL << 0)
#define X86_CR0_MP	   (1UL << 1) /* WAIT/FWAIT honours TS */
#define X86_CR0_EM	   (1UL << 2) /* no x87: every FPU and SSE instruction traps */
#define X86_CR0_TS	   (1UL << 3) /* task switched: the next FPU instruction traps */
#define X86_CR0_WP	   (1UL << 16)
#define X86_CR0_PG	   (1UL << 31)
#define X86_CR4_PAE	   (1UL << 5)
#define X86_CR4_PGE	   (1UL << 7)
#define X86_CR4_OSFXSR	   (1UL << 9)  /* the OS saves SSE state with FXSAVE: SSE allowed */
#define X86_CR4_OSXMMEXCPT (1UL << 10) /* SSE exceptions are #XM, not #UD */
#define X86_CR4_SMEP	   (1UL << 20) /* no kernel execution of user pages */
#define X86_CR4_SMAP	   (1UL << 21) /* no kernel access to user pages unless RFLAGS.AC */
#define MSR_EFER	   0xc0000080
#define EFER_SCE	   (1UL << 0) /* SYSCALL and SYSRET enabled */
#define EFER_LME	   (1UL << 8)
#define EFER_LMA	   (1UL << 10)
#define EFER_NXE	   (1UL << 11)

#define __read_cr(n)                                                    \
	({                                                              \
		unsigned long __v;                                      \
		__asm__ __volatile__("mov %%cr" #n ", %0" : "=r"(__v)); \
		__v;                                                    \
	})

/* A segment register's selector: read_seg(ds). */
#define read_seg(seg)                                                     \
	({                                                                \
		u16 __sel;                                                \
		__asm__ __volatile__("mov %%" #seg ", %0" : "=r"(__sel)); \
		__sel;                                                    \
	})

static inline unsigned long read_cr0(void)
{
	return __read_cr(0);
}

static inline unsigned long read_cr2(void)
{
	return __read_cr(2);
}

static inline unsigned long read_cr3(void)
{
	return __read_cr(3);
}

static inline unsigned long read_cr4(void)
{
	return __read_cr(4);
}

static inline void invlpg(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

static inline void write_cr3(unsigned long val)
{
	__asm__ __volatile__("mov %0, %%cr3" : : "r"(val) : "memory");
}

static inline void write_cr0(unsigned long val)
{
	__asm__ __volatile__("mov %0, %%cr0" : : "r"(val) : "memory");
}

static inline void write_cr4(unsigned long val)
{
	__asm__ __volatile__("mov %0, %%cr4" : : "r"(val) : "memory");
}

static inline void wrmsr(u32 msr, u64 val)
{
	__asm__ __volatile__("wrmsr" : : "c"(msr), "a"((u32)val), "d"((u32)(val >> 32)) : "memory");
}

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

struct cpuid_regs {
	u32 eax, ebx, ecx, edx;
};

static inline struct cpuid_regs cpuid(u32 leaf)
{
	struct cpuid_regs r;

	__asm__ __volatile__("cpuid"
			     : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
			     : "a"(leaf), "c"(0));
	return r;
}

/*
 * The physical address bits of this CPU (MAXPHYADDR): in a page table
 * entry, an address bit above them is a reserved bit, and an access
 * through the entry faults.  36 where CPUID does not say, as the SDM.
 */
static inline unsigned int cpu_phys_bits(void)
{
	if (cpuid(0x80000000).eax >= 0x80000008)
		return cpuid(0x80000008).eax & 0xff;
	return 36;
}

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

static inline void cpu_relax(void)
{
	__asm__ __volatile__("pause");
}

static inline void halt(void)
{
	__asm__ __volatile__("hlt" : : : "memory");
}

#endif
