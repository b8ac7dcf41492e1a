/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The local APIC (arch/x86_64/kernel/apic.c): each CPU's own interrupt
 * controller, which takes the I/O APIC's messages, sends and receives
 * interprocessor interrupts, and has a timer.
 *
 * Registers are named by their xAPIC offsets in the 4 KiB MMIO page
 * (APIC_TPR 0x80 ...), whichever mode runs: in x2APIC mode lapic_read()
 * and lapic_write() turn offset R into MSR 0x800 + R / 16.  The ICR is
 * the exception (one 64-bit MSR in x2APIC mode, two registers in xAPIC
 * mode): send IPIs with the apic_send_*() calls, never with lapic_write().
 */
#ifndef _ASM_APIC_H
#define _ASM_APIC_H

#include <asm/irq.h>
#include <kernel/kconfig.h>
#include <kernel/types.h>

#define APIC_ID	     0x20 /* xAPIC: bits 31:24; x2APIC: all 32 bits */
#define APIC_LVR     0x30 /* version; bits 23:16: the highest LVT entry */
#define APIC_TPR     0x80
#define APIC_EOI     0xb0
#define APIC_LDR     0xd0
#define APIC_SPIV    0xf0
#define APIC_ISR     0x100 /* 8 registers, 0x10 apart: in service, by vector */
#define APIC_ESR     0x280
#define APIC_ICR     0x300
#define APIC_ICR2    0x310 /* xAPIC only: the destination, in bits 31:24 */
#define APIC_LVTT    0x320
#define APIC_LVTTHMR 0x330
#define APIC_LVTPC   0x340
#define APIC_LVT0    0x350
#define APIC_LVT1    0x360
#define APIC_LVTERR  0x370
#define APIC_TMICT   0x380
#define APIC_TMCCT   0x390
#define APIC_TDCR    0x3e0

#define APIC_SPIV_APIC_ENABLED	(1U << 8)
#define APIC_LVT_MASKED		(1U << 16)
#define APIC_LVT_LEVEL_TRIGGER	(1U << 15)
#define APIC_LVT_TIMER_PERIODIC (1U << 17)

/* ICR (low word) fields. */
#define APIC_DM_FIXED	   0x000
#define APIC_DM_NMI	   0x400
#define APIC_DM_INIT	   0x500
#define APIC_DM_STARTUP	   0x600
#define APIC_DM_EXTINT	   0x700
#define APIC_ICR_BUSY	   (1U << 12) /* xAPIC: delivery pending */
#define APIC_INT_ASSERT	   (1U << 14)
#define APIC_INT_LEVELTRIG (1U << 15)
#define APIC_DEST_SELF	   (1U << 18)
#define APIC_DEST_ALLBUT   (3U << 18)

#define MSR_IA32_APICBASE	 0x1b
#define MSR_IA32_APICBASE_BSP	 (1ULL << 8)
#define MSR_IA32_APICBASE_EXTD	 (1ULL << 10) /* x2APIC mode */
#define MSR_IA32_APICBASE_ENABLE (1ULL << 11)
#define MSR_IA32_APICBASE_BASE	 0xffffffffff000ULL
#define APIC_BASE_MSR		 0x800 /* x2APIC: register R is MSR 0x800 + R / 16 */

#define X86_FEATURE_X2APIC_ECX (1U << 21) /* CPUID leaf 1 */

#define SPURIOUS_APIC_VECTOR 0xff
#define LOCAL_TIMER_VECTOR   0xec /* as Linux's: the local APIC timer's tick */

/*
 * Enable this CPU's local APIC: the BSP calls it at boot (init_IRQ()),
 * each AP calls it on itself.  Interrupts off.  The first call chooses
 * the mode (x2APIC where CPUID has it and CONFIG_X86_X2APIC allows it,
 * or where the firmware already switched to it) and maps the xAPIC page;
 * every call sets the task priority to 0, masks LINT0 (the I/O APIC, not
 * the 8259's virtual wire, delivers), sets LINT1 to NMI on the BSP as the
 * MADT says, and software-enables the APIC with vector 0xff as spurious.
 */
void lapic_init(void);
/* This CPU's APIC ID (x2APIC: the full 32 bits). */
u32 lapic_id(void);
void lapic_eoi(void);
u32 lapic_read(unsigned int reg);
void lapic_write(unsigned int reg, u32 val);
/* true once lapic_init() has run on the BSP: the local APIC is in use. */
bool lapic_enabled(void);
/* true once lapic_init() has run on the BSP and chose x2APIC mode. */
bool lapic_x2apic_mode(void);

/*
 * IPIs.  Each waits for the previous one to leave (xAPIC) and writes the
 * ICR with interrupts off, so that an interrupt handler sending an IPI of
 * its own cannot come between the two writes of an xAPIC ICR.  They do
 * not wait for delivery.  apic_send_init() asserts INIT, then (xAPIC)
 * deasserts it, as the MP specification's sequence; the 10 ms before the
 * SIPIs, and the 200 us between them, are the caller's to wait.
 */
void apic_send_ipi(u32 apicid, u8 vector);
void apic_send_ipi_allbutself(u8 vector);
void apic_send_init(u32 apicid);
void apic_send_sipi(u32 apicid, u8 start_page);
/* xAPIC: false if the last IPI did not leave within a bound; x2APIC: true. */
bool apic_wait_icr_idle(void);

/*
 * The tick from the local APIC timer (apic_timer.c, CONFIG_TICK_LAPIC or
 * CONFIG_TICK_TSC_DEADLINE): calibrate it and start it on the boot CPU.
 * false (said in the log) if it cannot, and the PIT must tick instead.
 */
bool lapic_timer_init(void);
/*
 * Before the other CPUs start: each will tick from its own local APIC
 * timer, for its scheduler (the boot CPU's tick alone keeps time and runs
 * the timers).  Calibrates it if the boot CPU's tick is the PIT's; false
 * (said in the log) if it cannot, and the other CPUs run without a tick.
 */
bool lapic_timer_prepare_aps(void);
/* On each other CPU, once it is up: start its timer. */
void lapic_timer_start_ap(void);
/* The boot CPU's local APIC timer interrupts handled. */
extern unsigned long local_timer_count;
extern bool lapic_timer_ticking;

/* Is the tick the local APIC timer's (rather than the PIT's, on IRQ 0)? */
static inline bool lapic_ticks(void)
{
	return (IS_ENABLED(CONFIG_TICK_LAPIC) || IS_ENABLED(CONFIG_TICK_TSC_DEADLINE)) &&
	       lapic_timer_ticking;
}

/* Tick interrupts taken so far, from whichever timer ticks. */
static inline unsigned long tick_interrupts(void)
{
	return lapic_ticks() ? local_timer_count : irq_count[0];
}

/* Interrupts on vector 0xff: the APIC's spurious ones, counted, never acknowledged. */
extern unsigned long lapic_spurious_count;

#endif
