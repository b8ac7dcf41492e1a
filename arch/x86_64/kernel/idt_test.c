// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the descriptor tables as the CPU sees them (sgdt, sidt, str),
 * of the stacks' guard pages, of handler registration through software
 * interrupts, and of recovery from a breakpoint.
 */
#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/interrupt.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/segment.h>
#include <asm/stacks.h>
#include <asm/traps.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/sprintf.h>

#define TEST_VECTOR 0x81

static void gdt_is_loaded(struct ktest *t)
{
	const u64 *gdt_table = this_cpu_ptr(&cpu_entry_area)->gdt;
	struct desc_ptr gdtr;

	store_gdt(&gdtr);
	KTEST_EXPECT_EQ(t, gdtr.base, (u64)gdt_table);
	KTEST_EXPECT_EQ(t, gdtr.limit, GDT_ENTRIES * 8 - 1);
	KTEST_EXPECT_EQ(t, read_seg(cs), KERNEL_CS);
	KTEST_EXPECT_EQ(t, read_seg(ss), KERNEL_DS);
	/*
	 * An iretq to ring 3 loads a null DS in place of the kernel's DPL 0
	 * one, and 64-bit mode ignores DS, so nothing reloads it: once a user
	 * task has run (CONFIG_USER_MODE), DS may be null.
	 */
	if (!IS_ENABLED(CONFIG_USER_MODE) || read_seg(ds))
		KTEST_EXPECT_EQ(t, read_seg(ds), KERNEL_DS);
	/* 64-bit code: L set, D clear */
	KTEST_EXPECT_EQ(t, (gdt_table[GDT_ENTRY_KERNEL_CS] >> 53) & 3, 1);
}

static void tss_is_loaded_with_ist_stacks(struct ktest *t)
{
	const struct cpu_entry_area *area = this_cpu_ptr(&cpu_entry_area);
	const u64 *gdt_table = area->gdt;
	const struct tss *tss = &area->tss;
	unsigned int ist;

	KTEST_EXPECT_EQ(t, store_tr(), TSS_SELECTOR);
	/* ltr marks the descriptor busy: type 0xb */
	KTEST_EXPECT_EQ(t, (gdt_table[GDT_ENTRY_TSS] >> 40) & 0xf, 0xb);
	for (ist = 1; ist <= NR_IST_STACKS; ist++) {
		const struct stack_info *s = stack_containing(tss->ist[ist - 1] - 8);

		KTEST_EXPECT_EQ(t, tss->ist[ist - 1], ist_stack_top(ist));
		KTEST_EXPECT_TRUE(t, s && s->top == tss->ist[ist - 1]);
		KTEST_EXPECT_EQ(t, tss->ist[ist - 1] % 16, 0);
	}
}

/*
 * The stub at interrupt_stub(@v) pushes @v: "push byte 0" where the CPU
 * pushes no error code, "push byte v" (the low byte of v), then a short
 * jump.  Fails if entry.asm's layout and <asm/sections.h> disagree.
 */
static bool stub_pushes(unsigned int v)
{
	const u8 *p = (const u8 *)interrupt_stub(v);

	if (p[0] == 0x6a && p[1] == 0 && p[2] == 0x6a)
		p += 2;
	return p[0] == 0x6a && p[1] == (u8)v && p[2] == 0xeb;
}

static void idt_gates_point_to_stubs(struct ktest *t)
{
	struct desc_ptr idtr;
	unsigned int v, bad = 0;

	store_idt(&idtr);
	KTEST_EXPECT_EQ(t, idtr.base, (u64)idt_table);
	KTEST_EXPECT_EQ(t, idtr.limit, NR_VECTORS * 16 - 1);
	for (v = 0; v < NR_VECTORS; v++) {
		const struct idt_gate *g = &idt_table[v];

		bad += gate_offset(g) != interrupt_stub(v) || !stub_pushes(v) ||
		       g->selector != KERNEL_CS || g->type_attr != GATE_INTERRUPT;
	}
	KTEST_EXPECT_EQ(t, bad, 0);
}

static void ist_only_for_df_nmi_mc(struct ktest *t)
{
	unsigned int v, others = 0;

	KTEST_EXPECT_EQ(t, idt_table[X86_TRAP_DF].ist, IST_DOUBLE_FAULT);
	KTEST_EXPECT_EQ(t, idt_table[X86_TRAP_NMI].ist, IST_NMI);
	KTEST_EXPECT_EQ(t, idt_table[X86_TRAP_MC].ist, IST_MACHINE_CHECK);
	for (v = 0; v < NR_VECTORS; v++)
		if (v != X86_TRAP_DF && v != X86_TRAP_NMI && v != X86_TRAP_MC)
			others += idt_table[v].ist != 0;
	KTEST_EXPECT_EQ(t, others, 0);
}

static void guard_pages_are_unmapped(struct ktest *t)
{
	unsigned int i;
	phys_addr_t phys;
	u64 flags;

	for (i = 0; i < nr_kernel_stacks; i++) {
		const struct stack_info *s = &kernel_stacks[i];

		KTEST_EXPECT_FALSE(t, translate(s->guard, &phys, &flags));
		KTEST_EXPECT_FALSE(t, translate(s->bottom - 1, &phys, &flags));
		KTEST_EXPECT_TRUE(t, translate(s->bottom, &phys, &flags));
		KTEST_EXPECT_TRUE(t, translate(s->top - 1, &phys, &flags));
		KTEST_EXPECT_EQ(t, s->guard + PAGE_SIZE, s->bottom);
	}
}

/* The tests run in init: on its own stack, above an unmapped guard page. */
static void runs_on_its_task_stack(struct ktest *t)
{
	const struct stack_info *s = stack_containing(current_stack_pointer());
	phys_addr_t phys;
	u64 flags;

	KTEST_ASSERT_NOT_NULL(t, s);
	KTEST_EXPECT_TRUE(t, s->task == current);
	KTEST_EXPECT_EQ(t, s->bottom, current->thread.stack.bottom);
	KTEST_EXPECT_EQ(t, s->top - s->bottom, TASK_STACK_SIZE);
	KTEST_EXPECT_EQ(t, s->guard + PAGE_SIZE, s->bottom);
	KTEST_EXPECT_FALSE(t, translate(s->guard, &phys, &flags));
	KTEST_EXPECT_TRUE(t, stack_guarding(s->guard) == s);
}

/* What the test handler saw, and a register it changes for the interrupted code. */
static unsigned long seen_vector, seen_rbx, seen_rip;

static void test_handler(struct pt_regs *regs)
{
	seen_vector = regs->vector;
	seen_rbx = regs->rbx;
	seen_rip = regs->rip;
	regs->rax = 0x600d;
}

static void registered_handler_runs(struct ktest *t)
{
	unsigned long rax = 0, after;

	KTEST_ASSERT_EQ(t, register_interrupt_handler(TEST_VECTOR, test_handler), 0);
	__asm__ __volatile__("int %[vec]\n\t"
			     "1: leaq 1b(%%rip), %[after]"
			     : "+a"(rax), [after] "=r"(after)
			     : [vec] "i"(TEST_VECTOR), "b"(0xfeedfacecafeUL)
			     : "memory");
	unregister_interrupt_handler(TEST_VECTOR);

	KTEST_EXPECT_EQ(t, seen_vector, TEST_VECTOR);
	KTEST_EXPECT_EQ(t, seen_rbx, 0xfeedfacecafeUL); /* saved on entry */
	KTEST_EXPECT_EQ(t, seen_rip, after);		/* returns behind the int */
	KTEST_EXPECT_EQ(t, rax, 0x600d);		/* restored from the frame */
}

static void registration_is_checked(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, register_interrupt_handler(NR_VECTORS, test_handler), -EINVAL);
	KTEST_EXPECT_EQ(t, register_interrupt_handler(TEST_VECTOR, NULL), -EINVAL);
	/* the exceptions are taken by traps.c */
	KTEST_EXPECT_EQ(t, register_interrupt_handler(X86_TRAP_PF, test_handler), -EBUSY);
	KTEST_ASSERT_EQ(t, register_interrupt_handler(TEST_VECTOR, test_handler), 0);
	KTEST_EXPECT_EQ(t, register_interrupt_handler(TEST_VECTOR, test_handler), -EBUSY);
	unregister_interrupt_handler(TEST_VECTOR);
	KTEST_EXPECT_EQ(t, register_interrupt_handler(TEST_VECTOR, test_handler), 0);
	unregister_interrupt_handler(TEST_VECTOR);
}

static void breakpoint_is_recoverable(struct ktest *t)
{
	volatile int reached = 0;
	unsigned long after;
	char rip[32];
	u64 since = ktest_mute_console();

	__asm__ __volatile__("int3\n\t"
			     "1: leaq 1b(%%rip), %0"
			     : "=r"(after)
			     :
			     : "memory");
	reached = 1;
	ktest_unmute_console();

	KTEST_EXPECT_EQ(t, reached, 1);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "#BP Breakpoint (vector 3)"));
	scnprintf(rip, sizeof(rip), "%016lx", after);
	KTEST_EXPECT_TRUE(t, ktest_log_contains(since, rip));
	KTEST_EXPECT_FALSE(t, irqs_disabled()); /* iretq restored IF */
}

static void exception_names(struct ktest *t)
{
	KTEST_EXPECT_STREQ(t, exception_mnemonic(X86_TRAP_PF), "#PF");
	KTEST_EXPECT_STREQ(t, exception_name(X86_TRAP_PF), "Page Fault");
	KTEST_EXPECT_STREQ(t, exception_name(X86_TRAP_DF), "Double Fault");
	KTEST_EXPECT_STREQ(t, exception_name(X86_TRAP_GP), "General Protection");
	KTEST_EXPECT_STREQ(t, exception_mnemonic(X86_TRAP_DE), "#DE");
	KTEST_EXPECT_STREQ(t, exception_name(NR_EXCEPTIONS), "Interrupt");
}

static const struct ktest_case descriptor_cases[] = {
	KTEST_CASE(gdt_is_loaded),
	KTEST_CASE(tss_is_loaded_with_ist_stacks),
	KTEST_CASE(idt_gates_point_to_stubs),
	KTEST_CASE(ist_only_for_df_nmi_mc),
	KTEST_CASE(guard_pages_are_unmapped),
	KTEST_CASE(runs_on_its_task_stack),
	{},
};
KTEST_SUITE(descriptor_tables, descriptor_cases);

static const struct ktest_case interrupt_cases[] = {
	KTEST_CASE(registered_handler_runs),
	KTEST_CASE(registration_is_checked),
	KTEST_CASE(breakpoint_is_recoverable),
	KTEST_CASE(exception_names),
	{},
};
KTEST_SUITE(interrupts, interrupt_cases);
