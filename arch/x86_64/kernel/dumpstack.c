// SPDX-License-Identifier: GPL-2.0
/*
 * Exception reports, at the verbosity chosen in Kconfig:
 *
 *   TERSE   one line: name, vector, RIP
 *   NORMAL  the error code decoded, the task, RIP and RSP with the
 *           function's name, CR2 for page faults, the stack a double
 *           fault found (and whose task stack it is)
 *   FULL    NORMAL, then every register, RFLAGS decoded, the control and
 *           segment registers, a stack dump and a backtrace
 *
 * Fatal reports are printed whatever the console log level: a fault that
 * explains nothing is worse than a noisy one.  Documentation/arch/x86_64/
 * exceptions.md shows a real report of each level.
 */
#include <asm/cpu.h>
#include <asm/page.h>
#include <asm/segment.h>
#include <asm/stacks.h>
#include <asm/traps.h>
#include <kernel/kallsyms.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/sprintf.h>
#include <kernel/stacktrace.h>
#include <kernel/string.h>

#define STACK_DUMP_WORDS 32
#define BACKTRACE_LINES	 16
#define BACKTRACE_FRAMES 1024 /* recursion shows as one folded line */

static bool report_fatal;

/* A fatal report shows whatever the log level; a breakpoint's is a warning. */
static __printf(1, 2) void report(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	if (report_fatal)
		vprintk_emit(LOGLEVEL_EMERG, LOG_FORCE, fmt, args);
	else
		vprintk_emit(LOGLEVEL_WARNING, 0, fmt, args);
	va_end(args);
}

static bool has_selector_error(unsigned int vector)
{
	return vector == X86_TRAP_TS || vector == X86_TRAP_NP || vector == X86_TRAP_SS ||
	       vector == X86_TRAP_GP;
}

static bool has_error_code(unsigned int vector)
{
	return has_selector_error(vector) || vector == X86_TRAP_DF || vector == X86_TRAP_PF ||
	       vector == X86_TRAP_AC || vector == X86_TRAP_CP || vector == X86_TRAP_VC ||
	       vector == X86_TRAP_SX;
}

static void show_page_fault_error(unsigned long err)
{
	const char *access = err & X86_PF_WRITE	  ? "write to"
			     : err & X86_PF_INSTR ? "instruction fetch from"
						  : "read of";

	report("  %s %s page in %s mode%s%s%s\n", access,
	       err & X86_PF_PROT ? "a present (protection violation)" : "a not-present",
	       err & X86_PF_USER ? "user" : "kernel",
	       err & X86_PF_RSVD ? ", reserved bit set in a page table entry" : "",
	       err & X86_PF_PK ? ", protection key" : "",
	       err & X86_PF_SHSTK ? ", shadow stack" : "");
}

static void show_selector_error(unsigned long err)
{
	const char *table = err & SEL_ERR_IDT ? "IDT vector" : err & SEL_ERR_LDT ? "LDT" : "GDT";

	if (!err) {
		report("  no selector involved (a non-canonical address, a privileged "
		       "instruction or a bad operand)\n");
		return;
	}
	report("  selector %#06lx: %s entry %lu%s\n", err & 0xfff8, table, SEL_ERR_INDEX(err),
	       err & SEL_ERR_EXT ? ", during delivery of an external event" : "");
}

/* Which part of the kernel image @addr is in, or NULL. */
static const char *image_section(unsigned long addr)
{
	if (addr >= (unsigned long)_text && addr < (unsigned long)_etext)
		return "kernel text";
	if (addr >= (unsigned long)__start_rodata && addr < (unsigned long)_erodata)
		return "kernel read-only data";
	if (addr >= (unsigned long)__start_data && addr < (unsigned long)_end)
		return "kernel data";
	return NULL;
}

/* What CR2 points at, when that says something. */
static void show_fault_address(unsigned long cr2)
{
	const struct stack_info *guarded = stack_guarding(cr2);
	const char *section = image_section(cr2);
	unsigned long size, offset;
	char sym[KSYM_SYMBOL_LEN];

	if (cr2 < PAGE_SIZE) {
		report("  CR2: %016lx (NULL pointer dereference)\n", cr2);
	} else if (guarded) {
		report("  CR2: %016lx (guard page below the %s: stack overflow)\n", cr2,
		       guarded->name);
	} else if (section && kallsyms_lookup(cr2, &size, &offset)) {
		sprint_symbol(sym, sizeof(sym), cr2);
		report("  CR2: %016lx (%s, %s)\n", cr2, section, sym);
	} else if (section) {
		report("  CR2: %016lx (%s)\n", cr2, section);
	} else {
		report("  CR2: %016lx\n", cr2);
	}
}

/*
 * A double fault from a kernel stack overflow: the page fault on the guard
 * page could not push its own frame.  Tell which stack, and prove that the
 * report itself runs on the double-fault stack.
 */
static void show_double_fault(const struct pt_regs *regs, unsigned long cr2)
{
	const struct stack_info *over = stack_guarding(cr2);
	const struct stack_info *here = stack_containing(current_stack_pointer());

	if (!over)
		over = stack_guarding(regs->rsp);
	if (over && over->task)
		report("  stack overflow in task %s (pid %d): its stack is exhausted "
		       "(CR2 %016lx, RSP %016lx)\n",
		       over->task->comm, over->task->pid, cr2, (unsigned long)regs->rsp);
	else if (over)
		report("  kernel stack overflow: %s exhausted (CR2 %016lx, RSP %016lx)\n",
		       over->name, cr2, (unsigned long)regs->rsp);
	report("  handled on the %s\n", here ? here->name : "(unknown stack)");
}

static void show_where(const struct pt_regs *regs)
{
	const struct stack_info *stack = stack_containing(regs->rsp);
	char sym[KSYM_SYMBOL_LEN];

	sprint_symbol(sym, sizeof(sym), regs->rip);
	report("  RIP: %04lx:%016lx %s\n", regs->cs, regs->rip, sym);
	report("  RSP: %04lx:%016lx (%s)\n", regs->ss, regs->rsp,
	       stack			   ? stack->name
	       : stack_guarding(regs->rsp) ? "in a guard page"
					   : "not on a known stack");
}

static void show_registers(const struct pt_regs *regs)
{
	static const char *const flag_names[22] = {
		[0] = "CF",  [2] = "PF",   [4] = "AF",	 [6] = "ZF",  [7] = "SF",  [8] = "TF",
		[9] = "IF",  [10] = "DF",  [11] = "OF",	 [14] = "NT", [16] = "RF", [17] = "VM",
		[18] = "AC", [19] = "VIF", [20] = "VIP", [21] = "ID",
	};
	char flags[80] = ""; /* stays empty when no named flag is set */
	int i, n = 0;

	report("  RAX: %016lx RBX: %016lx RCX: %016lx\n", regs->rax, regs->rbx, regs->rcx);
	report("  RDX: %016lx RSI: %016lx RDI: %016lx\n", regs->rdx, regs->rsi, regs->rdi);
	report("  RBP: %016lx R8:  %016lx R9:  %016lx\n", regs->rbp, regs->r8, regs->r9);
	report("  R10: %016lx R11: %016lx R12: %016lx\n", regs->r10, regs->r11, regs->r12);
	report("  R13: %016lx R14: %016lx R15: %016lx\n", regs->r13, regs->r14, regs->r15);
	for (i = 0; i < 22; i++)
		if (flag_names[i] && (regs->rflags & (1UL << i)))
			n += scnprintf(flags + n, sizeof(flags) - n, " %s", flag_names[i]);
	report("  RFLAGS: %016lx [%s ] IOPL=%lu\n", regs->rflags, flags, (regs->rflags >> 12) & 3);
	report("  CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n", read_cr0(), read_cr2(),
	       read_cr3(), read_cr4());
	report("  CS: %04lx SS: %04lx DS: %04x ES: %04x FS: %04x GS: %04x\n", regs->cs, regs->ss,
	       read_seg(ds), read_seg(es), read_seg(fs), read_seg(gs));
}

/*
 * The words above RSP, as far as its stack goes.  From the word that holds
 * RSP: a leaf function may leave RSP off a word's boundary (Clang gives a
 * lone volatile int exactly 4 bytes), and a word read from there would
 * show two halves, and the last would cross the stack's top.
 */
static void show_stack(const struct pt_regs *regs)
{
	const struct stack_info *stack = stack_containing(regs->rsp), *guarded;
	const unsigned long *p = (const unsigned long *)(regs->rsp & ~7UL), *end;
	int i;

	if (!stack) {
		guarded = stack_guarding(regs->rsp);
		if (guarded)
			report("  Stack: RSP is in the guard page below the %s, not dumped\n",
			       guarded->name);
		else
			report("  Stack: RSP is not on a known stack, not dumped\n");
		return;
	}
	end = min(p + STACK_DUMP_WORDS, (const unsigned long *)stack->top);
	report("  Stack (%s):\n", stack->name);
	while (p < end) {
		char line[100];
		int n = scnprintf(line, sizeof(line), "   %016lx:", (unsigned long)p);

		for (i = 0; i < 4 && p < end; i++, p++)
			n += scnprintf(line + n, sizeof(line) - n, " %016lx", *p);
		report("%s\n", line);
	}
}

/*
 * Backtrace lines, with runs of one return address (deep recursion)
 * folded into one line.
 */
struct trace {
	unsigned long addr;  /* pending line, 0 for none */
	unsigned int repeat; /* times @addr came again */
	unsigned int lines;
	bool reliable;
};

static void trace_flush(struct trace *tr)
{
	char sym[KSYM_SYMBOL_LEN];

	if (!tr->addr)
		return;
	sprint_backtrace(sym, sizeof(sym), tr->addr);
	if (tr->repeat)
		report("   %s[<%016lx>] %s (%u more times)\n", tr->reliable ? "" : "? ", tr->addr,
		       sym, tr->repeat);
	else
		report("   %s[<%016lx>] %s\n", tr->reliable ? "" : "? ", tr->addr, sym);
	tr->addr = 0;
	tr->repeat = 0;
	tr->lines++;
}

static void trace_add(struct trace *tr, unsigned long addr)
{
	if (addr == tr->addr) {
		tr->repeat++;
		return;
	}
	trace_flush(tr);
	tr->addr = addr;
}

static bool is_text(unsigned long addr)
{
	return addr >= (unsigned long)_text && addr < (unsigned long)_etext;
}

/* Is [p, p + 2 words) a frame record on the same stack as @stack? */
static bool valid_frame(const struct stack_info *stack, unsigned long p)
{
	return stack && !(p & 7) && p >= stack->bottom && p + 16 <= stack->top;
}

/*
 * GCC leaves out the frame of a function that needs no stack, even with
 * -fno-omit-frame-pointer; it also has none before its prologue ran.  In
 * both cases RBP is still the caller's, and the return address into the
 * caller is at RSP (or above the pushed RBP).  Tell from the function's
 * first bytes, "push %rbp; mov %rsp,%rbp", whether its frame exists.
 */
static unsigned long frameless_return_address(const struct pt_regs *regs)
{
	static const u8 prologue[] = { 0x55, 0x48, 0x89, 0xe5 };
	const struct stack_info *stack = stack_containing(regs->rsp);
	unsigned long size, offset, ret;
	const u8 *fn;

	if (!stack || regs->rsp + 16 > stack->top || !kallsyms_lookup(regs->rip, &size, &offset))
		return 0;
	fn = (const u8 *)(regs->rip - offset);
	if (!memcmp(fn, prologue, sizeof(prologue)) && offset >= sizeof(prologue))
		return 0;
	ret = ((const unsigned long *)regs->rsp)[fn[0] == prologue[0] && offset >= 1];
	return is_text(ret) ? ret : 0;
}

static void frame_pointer_trace(const struct pt_regs *regs, struct trace *tr)
{
	const struct stack_info *stack = stack_containing(regs->rbp);
	unsigned long fp = regs->rbp, prev = 0, ret = frameless_return_address(regs);
	unsigned int frames = 0;

	if (ret)
		trace_add(tr, ret);
	while (valid_frame(stack, fp) && fp > prev && frames++ < BACKTRACE_FRAMES) {
		const unsigned long *frame = (const unsigned long *)fp;

		if (!is_text(frame[1]) || tr->lines >= BACKTRACE_LINES)
			break;
		trace_add(tr, frame[1]);
		prev = fp;
		fp = frame[0];
	}
}

/* No frame pointers: every text address on the stack, some of them stale. */
static void stack_scan_trace(const struct pt_regs *regs, struct trace *tr)
{
	const struct stack_info *stack = stack_containing(regs->rsp);
	unsigned long sp;

	tr->reliable = false;
	for (sp = regs->rsp & ~7UL; stack && sp < stack->top && tr->lines < BACKTRACE_LINES;
	     sp += 8)
		if (is_text(*(const unsigned long *)sp))
			trace_add(tr, *(const unsigned long *)sp);
}

/*
 * The faulting function, then its callers: through the frame pointer
 * chain with FRAME_POINTER=y, else by scanning the stack, marked "?" as
 * Linux does.
 */
static void show_backtrace(const struct pt_regs *regs)
{
	struct trace tr = { .reliable = true };
	char sym[KSYM_SYMBOL_LEN];

	sprint_symbol(sym, sizeof(sym), regs->rip);
	report("  Call Trace:\n");
	report("   [<%016lx>] %s\n", regs->rip, sym);
	if (IS_ENABLED(CONFIG_FRAME_POINTER))
		frame_pointer_trace(regs, &tr);
	else
		stack_scan_trace(regs, &tr);
	trace_flush(&tr);
}

/*
 * The caller's backtrace, for warnings that are not exceptions (lock
 * debugging): as Linux's dump_stack(), the task, then the call trace from
 * the caller of dump_stack() up.
 */
__noinline void dump_stack(void)
{
	struct pt_regs regs = {
		.rip = (unsigned long)__builtin_return_address(0),
		.rsp = current_stack_pointer(),
	};

	/* The caller's frame, which dump_stack()'s own frame points to. */
	if (IS_ENABLED(CONFIG_FRAME_POINTER))
		regs.rbp = *(unsigned long *)__builtin_frame_address(0);
	report_fatal = false;
	report("CPU: 0 PID: %d Comm: %s\n", current->pid, current->comm);
	show_backtrace(&regs);
}

/*
 * The backtrace of stack_trace_save()'s caller, from its caller up: the
 * frame pointer chain, or a scan of the stack without one.  Only its own
 * stack is walked, as dump_stack() does.
 */
__noinline unsigned int stack_trace_save(unsigned long *store, unsigned int size,
					 unsigned int skipnr)
{
	unsigned int n = 0, frames = 0;

	if (IS_ENABLED(CONFIG_FRAME_POINTER)) {
		unsigned long fp = (unsigned long)__builtin_frame_address(0), prev = 0;
		const struct stack_info *stack = stack_containing(fp);

		while (valid_frame(stack, fp) && fp > prev && n < size &&
		       frames++ < BACKTRACE_FRAMES) {
			const unsigned long *frame = (const unsigned long *)fp;

			if (!is_text(frame[1]))
				break;
			if (skipnr)
				skipnr--;
			else
				store[n++] = frame[1];
			prev = fp;
			fp = frame[0];
		}
	} else {
		unsigned long sp = current_stack_pointer() & ~7UL;
		const struct stack_info *stack = stack_containing(sp);

		for (; stack && sp < stack->top && n < size; sp += 8) {
			unsigned long addr = *(const unsigned long *)sp;

			if (!is_text(addr))
				continue;
			if (skipnr)
				skipnr--;
			else
				store[n++] = addr;
		}
	}
	return n;
}

void stack_trace_print(const unsigned long *entries, unsigned int nr_entries, int spaces)
{
	char sym[KSYM_SYMBOL_LEN];
	unsigned int i;

	for (i = 0; i < nr_entries; i++) {
		sprint_backtrace(sym, sizeof(sym), entries[i]);
		pr_err("%*s%s\n", spaces, "", sym);
	}
}

/*
 * As Linux's show_regs(): the running task, then where the code in @regs
 * was, its registers and its backtrace.  For reports made on behalf of
 * code that an interrupt stopped (the soft-lockup detector, from the
 * tick, with get_irq_regs()): the trace is that code's, not the handler's.
 */
void show_regs(const struct pt_regs *regs)
{
	report_fatal = false;
	report("CPU: 0 PID: %d Comm: %s\n", current->pid, current->comm);
	show_where(regs);
	show_registers(regs);
	show_backtrace(regs);
}

void show_exception(const struct pt_regs *regs, unsigned long cr2, bool fatal)
{
	unsigned int vector = regs->vector;
	const char *mnemonic = exception_mnemonic(vector);

	report_fatal = fatal;
	if (IS_ENABLED(CONFIG_EXCEPTION_VERBOSITY_TERSE)) {
		report("%s%s%s (vector %u) at RIP %016lx\n", mnemonic, *mnemonic ? " " : "",
		       exception_name(vector), vector, regs->rip);
		return;
	}
	if (has_error_code(vector))
		report("%s %s (vector %u), error code 0x%04lx\n", mnemonic, exception_name(vector),
		       vector, regs->error_code);
	else
		report("%s%s%s (vector %u)\n", mnemonic, *mnemonic ? " " : "",
		       exception_name(vector), vector);
	report("  PID: %d Comm: %s\n", current->pid, current->comm);
	if (vector == X86_TRAP_PF) {
		show_page_fault_error(regs->error_code);
		show_fault_address(cr2);
	} else if (has_selector_error(vector)) {
		show_selector_error(regs->error_code);
	} else if (vector == X86_TRAP_DF) {
		show_double_fault(regs, cr2);
	}
	show_where(regs);
	if (!IS_ENABLED(CONFIG_EXCEPTION_VERBOSITY_FULL))
		return;
	show_registers(regs);
	show_stack(regs);
	show_backtrace(regs);
}
