/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU variables, reached through GS, as Linux's x86_64 has them.
 *
 * DEFINE_PER_CPU() puts a variable in .data..percpu.  That section is
 * only a template: percpu_init() (percpu.c) copies it once per possible
 * CPU into an area the linker reserves, and each CPU's MSR_GS_BASE holds
 * the distance from the template to its own copy.  A %gs-relative access
 * to a per-CPU variable's link address therefore lands in the running
 * CPU's copy: this_cpu_read(x) is one "mov %gs:x, reg", which no
 * interrupt can split and no migration can tear, so it needs neither a
 * lock nor preemption off.  Only a pointer that outlives the instruction
 * (this_cpu_ptr()) needs the caller to stay on its CPU.
 *
 * The system call entry has no free register and no stack it may use
 * (SYSCALL leaves RSP the user's), so what it needs, the kernel stack to
 * switch to and a slot to park the user's RSP, is found the same way:
 * struct percpu below, in each CPU's cpu_entry_area.  Every entry from
 * ring 3 swaps GS once with SWAPGS, every exit to ring 3 swaps it back
 * (entry.asm, entry_64.asm); MSR_KERNEL_GS_BASE holds the user's GS base
 * while the kernel runs.
 *
 * Before percpu_init(), GS base is 0, so the same instructions reach the
 * template itself: the banner printk() that runs first finds a
 * preemption count there as it will in its copy later.
 *
 * The host program (ARCH=host) is one thread on a host GS it must not
 * touch: there a per-CPU variable is a plain variable.
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

/*
 * With CONFIG_PAGE_TABLE_ISOLATION, where ring 3's interrupts land
 * (TSS.RSP0): the task's stack is not mapped in the user tables, so
 * the CPU pushes its frame here and the entry code moves it.  The most
 * it holds is 28 words: an iretq's frame, the #GP that iretq raised
 * when its frame was bad (and the word the CPU skips to align it), and
 * the registers (entry.asm).
 */
#define ENTRY_STACK_SIZE 512

#define MSR_FS_BASE	   0xc0000100
#define MSR_GS_BASE	   0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102

#ifndef __ASSEMBLY__
#include <kernel/compiler.h>
#include <kernel/kconfig.h>
#include <kernel/types.h>

#define PER_CPU_SECTION		     ".data..percpu"
/* Page-aligned variables come first, so that each fills pages of its own. */
#define PER_CPU_PAGE_ALIGNED_SECTION ".data..percpu..page_aligned"

#if IS_ENABLED(CONFIG_HOST)
#define DECLARE_PER_CPU(type, name)		extern __typeof__(type) name
#define DEFINE_PER_CPU(type, name)		__typeof__(type) name
#define DEFINE_PER_CPU_PAGE_ALIGNED(type, name) __typeof__(type) name
#else
#define DECLARE_PER_CPU(type, name) extern __section(PER_CPU_SECTION) __typeof__(type) name
#define DEFINE_PER_CPU(type, name)  __section(PER_CPU_SECTION) __typeof__(type) name
#define DEFINE_PER_CPU_PAGE_ALIGNED(type, name) \
	__section(PER_CPU_PAGE_ALIGNED_SECTION) __aligned(4096) __typeof__(type) name
#endif

/*
 * The distance from the template to each CPU's copy, which is also what
 * that CPU's MSR_GS_BASE holds.  Set for every possible CPU at boot, so
 * that per_cpu() works for a CPU that is not up yet.
 */
extern unsigned long __per_cpu_offset[];
DECLARE_PER_CPU(unsigned long, this_cpu_off);

#if IS_ENABLED(CONFIG_HOST)
#define per_cpu_offset(cpu)	   (0UL * (cpu))
#define this_cpu_read(var)	   (var)
#define this_cpu_read_stable(var)  (var)
#define this_cpu_write(var, val)   ((var) = (val))
#define this_cpu_add(var, val)	   ((var) += (val))
#define this_cpu_dec_and_test(var) (--(var) == 0)
#define __my_cpu_offset		   0UL
#else
#define per_cpu_offset(cpu) __per_cpu_offset[cpu]
#define __my_cpu_offset	    this_cpu_read(this_cpu_off)

/*
 * The operand is the variable's link address as an immediate, printed
 * bare (%c): -mcmodel=kernel puts every symbol in the top 2 GiB, where
 * it fits a sign-extended 32-bit displacement.
 */
#define this_cpu_read(var)                                                                     \
	({                                                                                     \
		__typeof__(var) __v;                                                           \
		__asm__ __volatile__("mov %%gs:%c1, %0" : "=r"(__v) : "i"(&(var)) : "memory"); \
		__v;                                                                           \
	})

/*
 * A read the compiler may merge with others or move, for a value that
 * stays the same for as long as the code that reads it runs (current).
 */
#define this_cpu_read_stable(var)                                      \
	({                                                             \
		__typeof__(var) __v;                                   \
		__asm__("mov %%gs:%c1, %0" : "=r"(__v) : "i"(&(var))); \
		__v;                                                   \
	})

#define this_cpu_write(var, val)                                                               \
	do {                                                                                   \
		__typeof__(var) __v = (val);                                                   \
		__asm__ __volatile__("mov %0, %%gs:%c1" : : "r"(__v), "i"(&(var)) : "memory"); \
	} while (0)

#define this_cpu_add(var, val)                                                                 \
	do {                                                                                   \
		__typeof__(var) __v = (val);                                                   \
		__asm__ __volatile__("add %0, %%gs:%c1" : : "r"(__v), "i"(&(var)) : "memory"); \
	} while (0)

/* Decrement, and say whether the result is 0: one instruction, as Linux's preempt_enable(). */
#define this_cpu_dec_and_test(var)                                                             \
	({                                                                                     \
		bool __z;                                                                      \
		__asm__ __volatile__("decl %%gs:%c1" : "=@ccz"(__z) : "i"(&(var)) : "memory"); \
		__z;                                                                           \
	})
#endif

#define this_cpu_inc(var) this_cpu_add(var, 1)
#define this_cpu_dec(var) this_cpu_add(var, -1)

/*
 * The running CPU's copy of @lval, which is a per-CPU variable or a member
 * of one reached through a pointer to the template (a kmem_cache's
 * per-CPU part, say), as an lvalue in GCC's and Clang's __seg_gs address
 * space: the compiler reads and writes it with a %gs prefix as it would a
 * plain variable, so an access folds into a compare or an increment, as
 * Linux's raw_cpu_*() do on x86 where it trusts the compiler with named
 * address spaces (USE_X86_SEG_SUPPORT, GCC only there; Kestrel's tests
 * run these under both).  Nothing here is volatile: the caller keeps
 * preemption off, so that its accesses all reach one CPU's copy, and no
 * interrupt handler may change the same copy meanwhile.
 *
 * Both compilers take %gs:X and a plain X for the same memory, which
 * they are not under SMP (the template is no CPU's copy): a function
 * that uses these must not also touch the template by name or through
 * the same pointer, or the compiler may fold the one access into the
 * other.  Another CPU's copy, or this one, reached by this_cpu_ptr() or
 * per_cpu_ptr() (whose result the compiler cannot see through), or by a
 * call, is safe.
 */
#if IS_ENABLED(CONFIG_HOST)
#define __raw_cpu_var(lval) (lval)
#else
#define __raw_cpu_var(lval) (*(__typeof__(lval) __seg_gs *)(uintptr_t)(&(lval)))
#endif
#define raw_cpu_read(lval)	 (__raw_cpu_var(lval))
#define raw_cpu_write(lval, val) ((void)(__raw_cpu_var(lval) = (val)))
#define raw_cpu_inc(lval)	 ((void)__raw_cpu_var(lval)++)
#define raw_cpu_dec(lval)	 ((void)__raw_cpu_var(lval)--)

/*
 * @ptr moved by @off, through a register the compiler cannot see into,
 * as Linux's RELOC_HIDE(): the result points into another CPU's copy,
 * outside the object @ptr points to, which the compiler (and UBSan's
 * object-size check) would otherwise take for an overflow of it.
 */
#define RELOC_HIDE(ptr, off)                                         \
	({                                                           \
		unsigned long __p;                                   \
		__asm__("" : "=r"(__p) : "0"((unsigned long)(ptr))); \
		(__typeof__(ptr))(__p + (off));                      \
	})

/* @ptr, a per-CPU variable's address, moved to @cpu's copy. */
#define per_cpu_ptr(ptr, cpu) RELOC_HIDE(ptr, per_cpu_offset(cpu))
#define per_cpu(var, cpu)     (*per_cpu_ptr(&(var), cpu))
/* The running CPU's copy: the caller must not migrate while it uses it. */
#define this_cpu_ptr(ptr)     RELOC_HIDE(ptr, __my_cpu_offset)

/*
 * What the entry code finds through GS, in each CPU's cpu_entry_area
 * (<asm/desc.h>).  The assembly reaches the members at offsets the build
 * computes (PERCPU_* of asm-offsets.c) from the area's symbol.
 */
struct percpu {
	unsigned long top_of_stack; /* the running task's kernel stack top (= TSS.RSP0) */
	unsigned long user_rsp;	    /* the user's RSP, parked by the syscall entry */
	unsigned long entry_stack;  /* the entry stack's top (PTI only) */
	unsigned long scratch;	    /* a register, across the CR3 switch of an exit (PTI) */
};

/*
 * Copy the template for every possible CPU and point the boot CPU's GS
 * at its copy; the user's GS base starts at 0.  The first thing
 * setup_arch() does.
 */
void percpu_init(void);
/* Load @cpu's GS base on the CPU that runs this: an AP, as it starts. */
void percpu_load(unsigned int cpu);

#endif /* __ASSEMBLY__ */
#endif
