// SPDX-License-Identifier: GPL-2.0
/*
 * The user suite: ring 3 and the system call entry, tested from a real
 * ring 3.  Each case builds an address space (pgd_alloc()), maps a user
 * code page holding a few instructions and a user stack page, and sends
 * a kernel thread there with start_user_thread(); the program reports
 * through its exit status (no write() yet), which task_wait() returns.
 *
 * The programs are assembled here, as top-level assembly in .rodata,
 * and copied to the code page: they use no absolute address of their
 * own, so they run wherever they land.
 *
 * "ktest.user=faults" is a boot mode that runs the fault programs one
 * after another and goes on: the host checks the line each one printed
 * (Linux's format) on the serial port, and that the kernel went on.
 */
#include <asm/cpu.h>
#include <asm/desc.h>
#include <asm/interrupt.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/pgtable.h>
#include <asm/pti.h>
#include <asm/ptrace.h>
#include <asm/sections.h>
#include <asm/segment.h>
#include <asm/stacks.h>
#include <asm/uaccess.h>
#include <asm/user_fault.h>
#include <kernel/boot_mode.h>
#include <kernel/clocksource.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/page_alloc.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/process.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>

#define USER_CODE      0x400000UL
#define USER_STACK_TOP 0x7ffffff00000UL
#define USER_STACK     (USER_STACK_TOP - PAGE_SIZE)
#define USER_DATA      USER_MIN_ADDR		   /* the uaccess cases' mapped page */
#define USER_UNMAPPED  (USER_DATA + PAGE_SIZE)	   /* and the hole after it */
#define KERNEL_ADDR    (PAGE_OFFSET + (2UL << 20)) /* a direct-map page, present */

/*
 * One of two string literals, by CONFIG_PAGE_TABLE_ISOLATION: an #ifdef,
 * as IS_ENABLED() cannot choose a literal that is to be concatenated.
 */
#ifdef CONFIG_PAGE_TABLE_ISOLATION
#define PTI_OR_NOT(isolated, shared) isolated
#else
#define PTI_OR_NOT(isolated, shared) shared
#endif

/* A program between two labels; see the top. */
#define USER_PROG(name, body)                              \
	__asm__(".pushsection .rodata.user_test, \"a\"\n"  \
		".globl " #name "\n" #name ":\n" body "\n" \
		".globl " #name "_end\n" #name "_end:\n"   \
		".popsection\n");                          \
	extern const u8 name[], name##_end[]

#define SYS_EXIT_EDI "mov $60, %eax\n syscall\n ud2\n"

USER_PROG(prog_getpid_exit, "mov $39, %eax\n syscall\n mov %eax, %edi\n" SYS_EXIT_EDI);
/* exit_group(CS), exit_group(SS): the selectors ring 3 runs with. */
USER_PROG(prog_selectors, "mov %cs, %edi\n mov $231, %eax\n syscall\n ud2\n");
USER_PROG(prog_ss, "mov %ss, %edi\n mov $231, %eax\n syscall\n ud2\n");

/*
 * Every register but RAX, RCX and R11 loaded with a pattern, a getpid,
 * then each compared: exit(N) names the first that changed (1 RBX, 2 RDX,
 * 3 RSI, 4 RDI, 5 RBP, 6-8 R8-R10, 9-11 R12-R14, 14 R15), exit(0) if
 * none did.  RCX must hold the return address (12), R11 the flags as they
 * are after the return (15), RSP be the same (13): SYSCALL's ABI.  The
 * verdict is carried in R11, once R11 is checked.
 */
/* clang-format off */
USER_PROG(prog_regs,
	"movabs $0x0101010101010001, %rbx\n"
	"movabs $0x0202020202020002, %rdx\n"
	"movabs $0x0303030303030003, %rsi\n"
	"movabs $0x0404040404040004, %rdi\n"
	"movabs $0x0505050505050005, %rbp\n"
	"movabs $0x0606060606060006, %r8\n"
	"movabs $0x0707070707070007, %r9\n"
	"movabs $0x0808080808080008, %r10\n"
	"movabs $0x0909090909090009, %r12\n"
	"movabs $0x0a0a0a0a0a0a000a, %r13\n"
	"movabs $0x0b0b0b0b0b0b000b, %r14\n"
	"movabs $0x0e0e0e0e0e0e000e, %r15\n"
	"mov %rsp, %rax\n not %rax\n mov %rax, -16(%rsp)\n" /* ~RSP, below pushfq's slot */
	"mov $39, %eax\n syscall\n"
	"1: pushfq\n pop %rax\n cmp %rax, %r11\n jne 8f\n"
	"lea 1b(%rip), %rax\n cmp %rax, %rcx\n mov $12, %r11d\n jne 7f\n"
	"mov -16(%rsp), %rax\n not %rax\n cmp %rax, %rsp\n mov $13, %r11d\n jne 7f\n"
	"movabs $0x0101010101010001, %rax\n cmp %rax, %rbx\n mov $1, %r11d\n jne 7f\n"
	"movabs $0x0202020202020002, %rax\n cmp %rax, %rdx\n mov $2, %r11d\n jne 7f\n"
	"movabs $0x0303030303030003, %rax\n cmp %rax, %rsi\n mov $3, %r11d\n jne 7f\n"
	"movabs $0x0404040404040004, %rax\n cmp %rax, %rdi\n mov $4, %r11d\n jne 7f\n"
	"movabs $0x0505050505050005, %rax\n cmp %rax, %rbp\n mov $5, %r11d\n jne 7f\n"
	"movabs $0x0606060606060006, %rax\n cmp %rax, %r8\n mov $6, %r11d\n jne 7f\n"
	"movabs $0x0707070707070007, %rax\n cmp %rax, %r9\n mov $7, %r11d\n jne 7f\n"
	"movabs $0x0808080808080008, %rax\n cmp %rax, %r10\n mov $8, %r11d\n jne 7f\n"
	"movabs $0x0909090909090009, %rax\n cmp %rax, %r12\n mov $9, %r11d\n jne 7f\n"
	"movabs $0x0a0a0a0a0a0a000a, %rax\n cmp %rax, %r13\n mov $10, %r11d\n jne 7f\n"
	"movabs $0x0b0b0b0b0b0b000b, %rax\n cmp %rax, %r14\n mov $11, %r11d\n jne 7f\n"
	"movabs $0x0e0e0e0e0e0e000e, %rax\n cmp %rax, %r15\n mov $14, %r11d\n jne 7f\n"
	"xor %r11d, %r11d\n jmp 7f\n"
	"8: mov $15, %r11d\n"
	"7: mov %r11d, %edi\n" SYS_EXIT_EDI);
/* clang-format on */

/*
 * An unknown number twice, a far one (2^31) once: -ENOSYS each time.
 * Then getpid with a high bit set in RAX, which Linux ignores (it reads
 * the number as 32 bits): the pid again, exit(4) if not.
 */
USER_PROG(prog_enosys, "mov $500, %eax\n syscall\n cmp $-38, %rax\n mov $1, %edi\n jne 7f\n"
		       "mov $500, %eax\n syscall\n cmp $-38, %rax\n mov $2, %edi\n jne 7f\n"
		       "mov $0x80000000, %eax\n syscall\n cmp $-38, %rax\n"
		       "mov $3, %edi\n jne 7f\n"
		       "mov $39, %eax\n syscall\n mov %rax, %rbx\n"
		       "movabs $0x10000000027, %rax\n syscall\n cmp %rax, %rbx\n"
		       "mov $4, %edi\n jne 7f\n"
		       "xor %edi, %edi\n"
		       "7: " SYS_EXIT_EDI);

/*
 * Copied to the end of a page mapped at TASK_SIZE_MAX (the page user
 * memory never has, which only a test maps), the SYSCALL instruction
 * takes the last two bytes below the canonical boundary: its return
 * address is 0x800000000000, the first non-canonical one.
 */
USER_PROG(prog_noncanonical, "mov $39, %eax\n syscall\n");

/*
 * nanosleep({0, 20 ms}) from a timespec on the stack, then exit(0); the
 * case changes the frame while the program sleeps.
 */
USER_PROG(prog_sleep, "push $20000000\n push $0\n mov %rsp, %rdi\n xor %esi, %esi\n"
		      "mov $35, %eax\n syscall\n mov %eax, %edi\n" SYS_EXIT_EDI);

/* nanosleep with hostile pointers and values: exit(N) names the first wrong result. */
USER_PROG(prog_sleep_bad,
	  "xor %edi, %edi\n xor %esi, %esi\n mov $35, %eax\n syscall\n"
	  "cmp $-14, %rax\n mov $1, %edi\n jne 7f\n"
	  "movabs $0xffffffff80100000, %rdi\n mov $35, %eax\n syscall\n"
	  "cmp $-14, %rax\n mov $2, %edi\n jne 7f\n"
	  "mov $0x7ffffffffff8, %rdi\n mov $35, %eax\n syscall\n" /* wraps past TASK_SIZE_MAX */
	  "cmp $-14, %rax\n mov $3, %edi\n jne 7f\n"
	  "mov $0x7fffffeffff8, %rdi\n mov $35, %eax\n syscall\n" /* stack page into the hole */
	  "cmp $-14, %rax\n mov $4, %edi\n jne 7f\n"
	  "push $1000000000\n push $0\n mov %rsp, %rdi\n mov $35, %eax\n syscall\n"
	  "cmp $-22, %rax\n mov $5, %edi\n jne 7f\n"
	  "xor %edi, %edi\n"
	  "7: " SYS_EXIT_EDI);

/* The faults, one each */
USER_PROG(prog_null_read, "xor %eax, %eax\n mov (%rax), %rax\n ud2\n");
USER_PROG(prog_kernel_write, "movabs $0xffff888000200000, %rax\n movq $1, (%rax)\n ud2\n");
USER_PROG(prog_kernel_read, "movabs $0xffff888000200000, %rax\n mov (%rax), %rax\n ud2\n");
USER_PROG(prog_exec_nx, "movabs $0x7fffffeff000, %rax\n jmp *%rax\n");
USER_PROG(prog_write_ro, "lea 0(%rip), %rax\n movb $0, (%rax)\n ud2\n");
USER_PROG(prog_de, "xor %ecx, %ecx\n xor %edx, %edx\n mov $1, %eax\n div %ecx\n ud2\n");
USER_PROG(prog_ud, "ud2\n");
USER_PROG(prog_cli, "cli\n ud2\n");
USER_PROG(prog_hlt, "hlt\n ud2\n");
USER_PROG(prog_in, "in $0x60, %al\n ud2\n");
USER_PROG(prog_out, "out %al, $0x80\n ud2\n");
USER_PROG(prog_mov_cr3, "mov %rax, %cr3\n ud2\n");

BUILD_BUG_ON(KERNEL_ADDR != 0xffff888000200000UL);
BUILD_BUG_ON(USER_STACK != 0x7fffffeff000UL);

/* One user program's address space, kept until its task is collected. */
struct uctx {
	u64 *pgd;
	void *code, *stack;
	unsigned long ip;
};

static void uctx_free(struct uctx *c)
{
	pgd_free(c->pgd);
	if (c->code)
		free_page(c->code);
	if (c->stack)
		free_page(c->stack);
	memset(c, 0, sizeof(*c));
}

/*
 * Code page at @code_va (read and execute) with the program at its end
 * if @at_end, else at its start; stack page below USER_STACK_TOP (read,
 * write, no execute).
 */
static int uctx_init(struct uctx *c, const u8 *start, const u8 *end, unsigned long code_va,
		     bool at_end)
{
	size_t len = end - start;
	unsigned long off = at_end ? PAGE_SIZE - len : 0;

	memset(c, 0, sizeof(*c));
	c->pgd = pgd_alloc();
	c->code = alloc_page();
	c->stack = alloc_page();
	if (!c->pgd || !c->code || !c->stack)
		goto nomem;
	memset(c->code, 0xcc, PAGE_SIZE); /* int3 around the program */
	memcpy((u8 *)c->code + off, start, len);
	memset(c->stack, 0, PAGE_SIZE);
	if (map_page_in(c->pgd, code_va, virt_to_phys(c->code), _PAGE_PRESENT | _PAGE_USER) ||
	    map_page_in(c->pgd, USER_STACK, virt_to_phys(c->stack),
			_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_NX))
		goto nomem;
	c->ip = code_va + off;
	return 0;
nomem:
	uctx_free(c);
	return -ENOMEM;
}

static int user_thread(void *arg)
{
	struct uctx *c = arg;

	current->thread.cr3 = virt_to_phys(c->pgd);
	start_user_thread(c->ip, USER_STACK_TOP);
}

/* Run the program of @c in a task named @name: its wait status, or -errno. */
static int uctx_run(struct uctx *c, const char *name, int *pid)
{
	struct task_struct *p = kthread_run(user_thread, c, "%s", name);
	int status, err;

	if (IS_ERR(p))
		return PTR_ERR(p);
	if (pid)
		*pid = p->pid;
	err = task_wait(p->pid, &status);
	return err ? err : status;
}

/* Build, run, free: the program's wait status, or -errno. */
static int run_prog(const u8 *start, const u8 *end, const char *name, int *pid)
{
	struct uctx c;
	int ret = uctx_init(&c, start, end, USER_CODE, false);

	if (ret)
		return ret;
	ret = uctx_run(&c, name, pid);
	uctx_free(&c);
	return ret;
}

#define RUN(prog, name, pid) run_prog(prog, prog##_end, name, pid)

/*
 * Both system calls take the entry's fast path, and getpid returns
 * through SYSRET: the frame is one it restores.
 */
static void getpid_and_exit_round_trip(struct ktest *t)
{
	unsigned long iret_exits = syscall_iret_exits, full_calls = syscall_full_calls;
	int pid = 0, status = RUN(prog_getpid_exit, "u-getpid", &pid);

	KTEST_ASSERT_TRUE(t, status >= 0);
	KTEST_EXPECT_TRUE(t, WIFEXITED(status));
	KTEST_EXPECT_EQ(t, WEXITSTATUS(status), pid & 0xff);
	KTEST_EXPECT_EQ(t, syscall_iret_exits - iret_exits, 0);
	KTEST_EXPECT_EQ(t, syscall_full_calls - full_calls, 0);
}

/* CS and SS are ring 3's, as SYSRET and iretq loaded them. */
static void runs_in_ring_3(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, RUN(prog_selectors, "u-cs", NULL), W_EXITCODE(USER_CS, 0));
	KTEST_EXPECT_EQ(t, RUN(prog_ss, "u-ss", NULL), W_EXITCODE(USER_DS, 0));
}

static void syscall_keeps_registers(struct ktest *t)
{
	int status = RUN(prog_regs, "u-regs", NULL);

	/* exit(N): the register N of prog_regs that changed (15: R11, 12: RCX, 13: RSP) */
	KTEST_EXPECT_EQ(t, status, W_EXITCODE(0, 0));
}

/* Each unknown number takes the full path, whose dispatch logs it. */
static void unknown_number_is_enosys_logged_once(struct ktest *t)
{
	unsigned long before = syscall_unknown_reports, full_calls = syscall_full_calls;

	KTEST_EXPECT_EQ(t, RUN(prog_enosys, "u-enosys", NULL), W_EXITCODE(0, 0));
	KTEST_EXPECT_EQ(t, syscall_full_calls - full_calls, 3);
	/* 500 twice and the far one once: two lines */
	KTEST_EXPECT_EQ(t, syscall_unknown_reports - before, 2);
	KTEST_EXPECT_EQ(t, RUN(prog_enosys, "u-enosys", NULL), W_EXITCODE(0, 0));
	KTEST_EXPECT_EQ(t, syscall_unknown_reports - before, 2);
}

/*
 * The return address 0x800000000000 is not canonical: SYSRET must not
 * be used (Intel's faults in ring 0 with the user's stack), iretq is,
 * its #GP becomes the program's, and the task dies of SIGSEGV.
 */
static void noncanonical_return_goes_through_iret(struct ktest *t)
{
	unsigned long iret_exits = syscall_iret_exits;
	struct uctx c;
	int status;

	KTEST_ASSERT_EQ(
		t, uctx_init(&c, prog_noncanonical, prog_noncanonical_end, TASK_SIZE_MAX, true), 0);
	KTEST_EXPECT_EQ(t, c.ip + (prog_noncanonical_end - prog_noncanonical), 0x800000000000UL);
	status = uctx_run(&c, "u-noncanon", NULL);
	uctx_free(&c);
	KTEST_EXPECT_EQ(t, status, W_EXITCODE(0, SIGSEGV));
	KTEST_EXPECT_EQ(t, syscall_iret_exits - iret_exits, 1);
}

/*
 * A frame SYSRET cannot restore (a null SS, as a debugger could write
 * while the program sleeps in a system call): iretq, whose #GP in ring 0
 * on the frame is made the program's (fixup_bad_iret()): SIGSEGV, and
 * the kernel goes on.
 */
static void bad_frame_iret_fault_is_the_users(struct ktest *t)
{
	unsigned long iret_exits = syscall_iret_exits, iret_faults = user_iret_faults;
	struct task_struct *p;
	unsigned int ms;
	struct uctx c;
	int status;

	KTEST_ASSERT_EQ(t, uctx_init(&c, prog_sleep, prog_sleep_end, USER_CODE, false), 0);
	p = kthread_run(user_thread, &c, "u-badss");
	if (IS_ERR(p)) {
		uctx_free(&c);
		KTEST_ASSERT_TRUE(t, false);
	}
	for (ms = 0; ms < 1000 && p->state != TASK_SLEEPING; ms++)
		msleep(1);
	KTEST_EXPECT_EQ(t, p->state, TASK_SLEEPING);
	task_pt_regs(p)->ss = 0;
	task_regs_changed(p);
	KTEST_EXPECT_EQ(t, task_wait(p->pid, &status), 0);
	uctx_free(&c);
	KTEST_EXPECT_EQ(t, status, W_EXITCODE(0, SIGSEGV));
	KTEST_EXPECT_EQ(t, syscall_iret_exits - iret_exits, 1);
	KTEST_EXPECT_EQ(t, user_iret_faults - iret_faults, 1);
}

/* Untouched, the same program sleeps and exits 0. */
static void nanosleep_sleeps_and_rejects_bad_pointers(struct ktest *t)
{
	u64 start = ktime_get();

	KTEST_EXPECT_EQ(t, RUN(prog_sleep, "u-sleep", NULL), W_EXITCODE(0, 0));
	KTEST_EXPECT_TRUE(t, ktime_get() - start >= 20 * NSEC_PER_MSEC);
	/* exit(N): NULL, kernel, wrapping, half-mapped timespec, tv_nsec out of range */
	KTEST_EXPECT_EQ(t, RUN(prog_sleep_bad, "u-sleepbad", NULL), W_EXITCODE(0, 0));
}

struct user_fault_case {
	const u8 *start, *end;
	const char *name;
	int sig;
};

static const struct user_fault_case user_fault_cases[] = {
	{ prog_null_read, prog_null_read_end, "u-null", SIGSEGV },
	{ prog_kernel_write, prog_kernel_write_end, "u-kwrite", SIGSEGV },
	{ prog_kernel_read, prog_kernel_read_end, "u-kread", SIGSEGV },
	{ prog_exec_nx, prog_exec_nx_end, "u-execnx", SIGSEGV },
	{ prog_write_ro, prog_write_ro_end, "u-writero", SIGSEGV },
	{ prog_de, prog_de_end, "u-de", SIGFPE },
	{ prog_ud, prog_ud_end, "u-ud", SIGILL },
	{ prog_cli, prog_cli_end, "u-cli", SIGSEGV },
	{ prog_hlt, prog_hlt_end, "u-hlt", SIGSEGV },
	{ prog_in, prog_in_end, "u-in", SIGSEGV },
	{ prog_out, prog_out_end, "u-out", SIGSEGV },
	{ prog_mov_cr3, prog_mov_cr3_end, "u-movcr3", SIGSEGV },
};

static void user_faults_kill_the_task(struct ktest *t)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(user_fault_cases); i++) {
		const struct user_fault_case *f = &user_fault_cases[i];
		int status = run_prog(f->start, f->end, f->name, NULL);

		if (status != W_EXITCODE(0, f->sig))
			printk("    # %s: status %#x\n", f->name, status);
		KTEST_EXPECT_EQ(t, status, W_EXITCODE(0, f->sig));
	}
}

/*
 * The uaccess cases run on a test address space of their own, loaded in
 * the running task (thread.cr3, so that a preemption keeps it).
 */
static void use_pgd(u64 *pgd)
{
	unsigned long flags = local_irq_save();

	current->thread.cr3 = pgd ? virt_to_phys(pgd) : 0;
	write_cr3(pgd ? virt_to_phys(pgd) : virt_to_phys(kernel_pml4));
	local_irq_restore(flags);
}

static u8 kernel_data[16] = "kernel data";

static void uaccess_rejects_hostile_pointers(struct ktest *t)
{
	u64 *pgd = pgd_alloc();
	u8 *page = alloc_page(), buf[32];
	char str[16];
	u64 v = 1;

	if (!pgd || !page ||
	    map_page_in(pgd, USER_DATA, virt_to_phys(page),
			_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_NX)) {
		pgd_free(pgd);
		if (page)
			free_page(page);
		KTEST_ASSERT_TRUE(t, false);
	}
	memset(page, 'u', PAGE_SIZE);
	use_pgd(pgd);

	/* NULL, kernel text, kernel data, unmapped user, past the top, non-canonical */
	KTEST_EXPECT_EQ(t, copy_from_user(buf, NULL, 8), 8);
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)_text, 8), 8);
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)kernel_data, "x", 1), 1);
	KTEST_EXPECT_EQ(t, kernel_data[0], 'k');
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)USER_UNMAPPED, 8), 8);
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)USER_UNMAPPED, buf, 8), 8);
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)(TASK_SIZE_MAX - 8), 16), 16);
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)-16UL, 32), 32);
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)USER_DATA, -1UL), -1UL);
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)0x800000000000UL, 8), 8);
	/* Length 0 copies nothing, even from NULL */
	KTEST_EXPECT_EQ(t, copy_from_user(buf, NULL, 0), 0);
	/* Mapped: all of it */
	memset(buf, 0, sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)USER_DATA, 32), 0);
	KTEST_EXPECT_EQ(t, buf[0], 'u');
	KTEST_EXPECT_EQ(t, buf[31], 'u');
	/* Mapped into unmapped: exactly the 10 bytes before the hole */
	memset(buf, 0, sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)(USER_UNMAPPED - 10), 32), 22);
	KTEST_EXPECT_EQ(t, buf[9], 'u');
	KTEST_EXPECT_EQ(t, buf[10], 0);
	memset(buf, 'k', sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)(USER_UNMAPPED - 10), buf, 32), 22);
	KTEST_EXPECT_EQ(t, page[PAGE_SIZE - 10], 'k');
	KTEST_EXPECT_EQ(t, page[PAGE_SIZE - 11], 'u');
	/* get_user and put_user */
	KTEST_EXPECT_EQ(t, put_user(0x1234567890abcdefULL, (u64 __user *)USER_DATA), 0);
	KTEST_EXPECT_EQ(t, get_user(v, (u64 __user *)USER_DATA), 0);
	KTEST_EXPECT_EQ(t, v, 0x1234567890abcdefULL);
	KTEST_EXPECT_EQ(t, get_user(v, (u64 __user *)NULL), -EFAULT);
	KTEST_EXPECT_EQ(t, v, 0);
	KTEST_EXPECT_EQ(t, put_user(v, (u64 __user *)(USER_UNMAPPED - 4)), -EFAULT);
	KTEST_EXPECT_EQ(t, get_user(v, (u64 __user *)kernel_data), -EFAULT);
	/* strncpy_from_user: a string, one too long, one that runs into the hole, bad pointers */
	memcpy(page + 100, "hello", 6);
	KTEST_EXPECT_EQ(t, strncpy_from_user(str, (const char __user *)USER_DATA + 100, 16), 5);
	KTEST_EXPECT_EQ(t, strcmp(str, "hello"), 0);
	KTEST_EXPECT_EQ(t, strncpy_from_user(str, (const char __user *)USER_DATA + 100, 3), 3);
	KTEST_EXPECT_EQ(t, strncpy_from_user(str, (const char __user *)USER_UNMAPPED - 4, 16),
			-EFAULT);
	KTEST_EXPECT_EQ(t, strncpy_from_user(str, NULL, 16), -EFAULT);
	KTEST_EXPECT_EQ(t, strncpy_from_user(str, (const char __user *)kernel_data, 16), -EFAULT);
	KTEST_EXPECT_EQ(t, strncpy_from_user(str, (const char __user *)USER_DATA, 0), 0);

	use_pgd(NULL);
	pgd_free(pgd);
	free_page(page);
}

/*
 * A kernel read of a user page outside the window: with SMAP it faults.
 * The read is listed in the exception table so that the case survives
 * to say so; anywhere else it oopses ("BUG: SMAP: ...").
 */
static bool read_without_stac(unsigned long addr)
{
	bool faulted = false;
	u8 v;

	__asm__ __volatile__("1:	movb (%2), %1\n"
			     "2:\n\t"
			     ".pushsection .text.uaccess_fixup, \"ax\"\n"
			     "3:	movb $1, %0\n\t"
			     "jmp 2b\n\t"
			     ".popsection\n\t" _ASM_EXTABLE(1b, 3b)
			     : "+q"(faulted), "=q"(v)
			     : "r"(addr)
			     : "memory");
	return faulted;
}

static void smap_stops_stray_kernel_access(struct ktest *t)
{
	u64 *pgd;
	u8 *page;

	if (!cpu_has_smap) {
		ktest_skip(t, "the CPU has no SMAP (QEMU: -cpu max has it)");
		return;
	}
	pgd = pgd_alloc();
	page = alloc_page();
	if (pgd && page &&
	    !map_page_in(pgd, USER_DATA, virt_to_phys(page), _PAGE_PRESENT | _PAGE_USER)) {
		use_pgd(pgd);
		KTEST_EXPECT_TRUE(t, read_without_stac(USER_DATA));
		stac();
		KTEST_EXPECT_TRUE(t, !read_without_stac(USER_DATA));
		clac();
		use_pgd(NULL);
	} else {
		KTEST_EXPECT_TRUE(t, false);
	}
	pgd_free(pgd);
	if (page)
		free_page(page);
}

#define AC_TEST_VECTOR 0x82
static unsigned long flags_in_handler;

static void record_flags(struct pt_regs *regs)
{
	flags_in_handler = native_save_fl();
}

/*
 * An interrupt in the middle of a user copy (AC set) runs its handler,
 * and whatever it switches to, with SMAP's window closed: interrupt
 * gates keep AC, the entry clears it.
 */
static void interrupt_closes_the_smap_window(struct ktest *t)
{
	if (!cpu_has_smap) {
		ktest_skip(t, "the CPU has no SMAP (QEMU: -cpu max has it)");
		return;
	}
	KTEST_ASSERT_EQ(t, register_interrupt_handler(AC_TEST_VECTOR, record_flags), 0);
	stac();
	__asm__ __volatile__("int %0" : : "i"(AC_TEST_VECTOR) : "memory");
	KTEST_EXPECT_TRUE(t, native_save_fl() & X86_EFLAGS_AC); /* iretq restored it */
	clac();
	unregister_interrupt_handler(AC_TEST_VECTOR);
	KTEST_EXPECT_EQ(t, flags_in_handler & X86_EFLAGS_AC, 0);
}

/* The kernel half is the kernel's own; user pages make user tables above them. */
static void pgd_shares_the_kernel_half(struct ktest *t)
{
	u64 *pgd = pgd_alloc();
	u8 *page = alloc_page();
	u64 flags = 0;
	phys_addr_t phys;
	int i;

	KTEST_ASSERT_TRUE(t, pgd && page);
	for (i = 0; i < KERNEL_PML4_FIRST; i++)
		KTEST_EXPECT_EQ(t, pgd[i], 0);
	KTEST_EXPECT_EQ(t,
			memcmp(pgd + KERNEL_PML4_FIRST, kernel_pml4 + KERNEL_PML4_FIRST,
			       KERNEL_PML4_FIRST * sizeof(u64)),
			0);
	KTEST_EXPECT_EQ(
		t, map_page_in(pgd, USER_CODE, virt_to_phys(page), _PAGE_PRESENT | _PAGE_USER), 0);
	KTEST_EXPECT_TRUE(t, pgd[PML4_INDEX(USER_CODE)] & _PAGE_USER);
	KTEST_EXPECT_TRUE(t, translate_in(pgd, USER_CODE, &phys, &flags) && (flags & _PAGE_USER));
	/* The kernel half takes no user page, and a mapped page is not replaced. */
	KTEST_EXPECT_EQ(t,
			map_page_in(pgd, PGTABLE_TEST_SCRATCH, virt_to_phys(page),
				    _PAGE_PRESENT | _PAGE_USER),
			-EINVAL);
	KTEST_EXPECT_EQ(t, map_page_in(pgd, USER_CODE, virt_to_phys(page), _PAGE_PRESENT), -EBUSY);
	pgd_free(pgd);
	free_page(page);
}

/*
 * Whether @va is on an IST stack of any CPU (with @va 0: how many pages
 * they all take).
 */
static unsigned long ist_stack_pages(unsigned long va)
{
	unsigned long pages = 0;
	unsigned int cpu, ist;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		for (ist = 1; ist <= NR_IST_STACKS; ist++) {
			const struct stack_info *s = cpu_ist_stack(cpu, ist);

			if (!s)
				continue;
			if (va && va >= s->bottom && va < s->top)
				return 1;
			pages += (s->top - s->bottom) / PAGE_SIZE;
		}
	return va ? 0 : pages;
}

/* The kernel page at @va is one the user tables may map (<asm/pti.h>). */
static bool pti_may_map(unsigned long va)
{
	unsigned int i;

	if (va >= (unsigned long)__entry_text_start && va < (unsigned long)__entry_text_end)
		return true;
	if (va >= (unsigned long)__entry_bss_start && va < (unsigned long)__entry_bss_end)
		return true;
	for (i = 0; i < NR_CPUS; i++)
		if (va == (unsigned long)&per_cpu(cpu_entry_area, i))
			return true;
	return ist_stack_pages(va) != 0;
}

struct pti_walk {
	unsigned long pages, stray, writable_text;
};

/*
 * Check each page mapped under @table, of @level (4: a PML4 ... 1: a PT)
 * and mapping from @base, against pti_may_map().
 */
static void pti_walk(const u64 *table, int level, unsigned long base, struct pti_walk *w)
{
	unsigned long span = PAGE_SIZE << (9 * (level - 1)), va;
	unsigned int i;

	for (i = 0; i < PTRS_PER_TABLE; i++) {
		if (!(table[i] & _PAGE_PRESENT))
			continue;
		va = (unsigned long)((long)((base + i * span) << 16) >> 16);
		if (level > 1 && !(table[i] & _PAGE_PSE)) {
			pti_walk(phys_to_virt(table[i] & PTE_ADDR_MASK), level - 1, va, w);
			continue;
		}
		w->pages++;
		if (level > 1 || !pti_may_map(va) || (table[i] & _PAGE_USER))
			w->stray++;
		if (va >= (unsigned long)__entry_text_start &&
		    va < (unsigned long)__entry_text_end && (table[i] & _PAGE_RW))
			w->writable_text++;
	}
}

/*
 * Isolated, ring 3 runs on tables whose kernel half maps the entry code
 * and data, each CPU's entry area and the IST stacks, and nothing else: every page of a new
 * address space's user tables is walked and checked, and their count is
 * what the four ranges make.  The user half follows the kernel tables'
 * as pages are mapped.
 */
static void user_tables_map_only_the_entry_area(struct ktest *t)
{
	unsigned long expected, here = (unsigned long)user_tables_map_only_the_entry_area;
	/* Every CPU's area is mapped: which one this is does not matter. */
	const struct cpu_entry_area *area = this_cpu_ptr(&cpu_entry_area);
	struct pti_walk w = { 0 };
	u64 *pgd, *user;
	u8 *page;

	if (!IS_ENABLED(CONFIG_PAGE_TABLE_ISOLATION)) {
		ktest_skip(t, "CONFIG_PAGE_TABLE_ISOLATION is off");
		return;
	}
	pgd = pgd_alloc();
	page = alloc_page();
	KTEST_ASSERT_TRUE(t, pgd && page);
	user = pti_user_pgd(pgd);
	pti_walk(user, 4, 0, &w);
	expected = (unsigned long)(__entry_text_end - __entry_text_start) / PAGE_SIZE +
		   (unsigned long)(__entry_bss_end - __entry_bss_start) / PAGE_SIZE +
		   NR_CPUS * sizeof(struct cpu_entry_area) / PAGE_SIZE + ist_stack_pages(0);
	KTEST_EXPECT_EQ(t, w.stray, 0);
	KTEST_EXPECT_EQ(t, w.writable_text, 0);
	KTEST_EXPECT_EQ(t, w.pages, expected);
	/* What the CPU and the entry code reach, and what they do not. */
	KTEST_EXPECT_TRUE(t, pti_user_maps(pgd, (unsigned long)interrupt_stubs_start));
	KTEST_EXPECT_TRUE(t, pti_user_maps(pgd, (unsigned long)idt_table));
	KTEST_EXPECT_TRUE(t, pti_user_maps(pgd, (unsigned long)area->gdt));
	KTEST_EXPECT_TRUE(t, pti_user_maps(pgd, (unsigned long)&area->tss));
	KTEST_EXPECT_TRUE(t, pti_user_maps(pgd, (unsigned long)&area->percpu));
	KTEST_EXPECT_TRUE(t, pti_user_maps(pgd, area->tss.rsp[0] - 8));
	KTEST_EXPECT_TRUE(t, pti_user_maps(pgd, area->tss.ist[0] - 8));
	/* The rest of the per-CPU data is the kernel's alone. */
	KTEST_EXPECT_FALSE(t, pti_user_maps(pgd, (unsigned long)this_cpu_ptr(&this_cpu_off)));
	KTEST_EXPECT_FALSE(t, pti_user_maps(pgd, here));
	KTEST_EXPECT_FALSE(t, pti_user_maps(pgd, (unsigned long)current));
	KTEST_EXPECT_FALSE(t, pti_user_maps(pgd, current->thread.stack.top - 8));
	KTEST_EXPECT_FALSE(t, pti_user_maps(pgd, (unsigned long)kernel_pml4));
	KTEST_EXPECT_FALSE(t, pti_user_maps(pgd, (unsigned long)kernel_data));
	KTEST_EXPECT_FALSE(t, pti_user_maps(pgd, KERNEL_ADDR));
	/* A user page, mapped through the kernel tables, shows in ring 3's. */
	KTEST_EXPECT_FALSE(t, pti_user_maps(pgd, USER_CODE));
	KTEST_EXPECT_EQ(
		t, map_page_in(pgd, USER_CODE, virt_to_phys(page), _PAGE_PRESENT | _PAGE_USER), 0);
	KTEST_EXPECT_TRUE(t, pti_user_maps(pgd, USER_CODE));
	KTEST_EXPECT_EQ(t, user[PML4_INDEX(USER_CODE)], pgd[PML4_INDEX(USER_CODE)]);
	pgd_free(pgd);
	free_page(page);
}

static const struct ktest_case user_cases[] = { KTEST_CASE(pgd_shares_the_kernel_half),
						KTEST_CASE(user_tables_map_only_the_entry_area),
						KTEST_CASE(getpid_and_exit_round_trip),
						KTEST_CASE(runs_in_ring_3),
						KTEST_CASE(syscall_keeps_registers),
						KTEST_CASE(unknown_number_is_enosys_logged_once),
						KTEST_CASE(noncanonical_return_goes_through_iret),
						KTEST_CASE(
							nanosleep_sleeps_and_rejects_bad_pointers),
						KTEST_CASE(bad_frame_iret_fault_is_the_users),
						KTEST_CASE(user_faults_kill_the_task),
						KTEST_CASE(uaccess_rejects_hostile_pointers),
						KTEST_CASE(smap_stops_stray_kernel_access),
						KTEST_CASE(interrupt_closes_the_smap_window),
						{} };
KTEST_SUITE(user, user_cases);

/* ktest.user=faults: each fault program in turn; the kernel must go on. */
static void user_faults_mode(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(user_fault_cases); i++) {
		const struct user_fault_case *f = &user_fault_cases[i];
		int status = run_prog(f->start, f->end, f->name, NULL);

		if (status != W_EXITCODE(0, f->sig))
			panic("ktest: %s ended with status %#x, not signal %d", f->name, status,
			      f->sig);
	}
	pr_info("ktest: %zu user faults, and the kernel goes on\n", ARRAY_SIZE(user_fault_cases));
}

BOOT_MODE_PARAM("ktest.user", user);
BOOT_MODE(
	"ktest.user", faults, "one user program per kind of fault, each killed", user_faults_mode,
	.end = BOOT_MODE_RETURNS,
	.report = BOOT_MODE_REPORT(
		"u-null[{dec}]: segfault at 0 ip 0000000000400002 sp 00007ffffff00000 error 4{eol}",
		/* Isolated, ring 3 finds no kernel page at all: not "present" (bit 0). */
		"u-kwrite[{dec}]: segfault at ffff888000200000 ip 000000000040000a sp "
		"00007ffffff00000 error " PTI_OR_NOT("6", "7") "{eol}",
		"u-kread[{dec}]: segfault at ffff888000200000 ip 000000000040000a sp "
		"00007ffffff00000 error " PTI_OR_NOT("4", "5") "{eol}",
		"u-execnx[{dec}]: segfault at 7fffffeff000 ip 00007fffffeff000 sp "
		"00007ffffff00000 error 15{eol}",
		"u-writero[{dec}]: segfault at 400007 ip 0000000000400007 sp 00007ffffff00000 "
		"error 7{eol}",
		"traps: u-de[{dec}] trap divide error ip:400009 sp:7ffffff00000 error:0{eol}",
		"traps: u-ud[{dec}] trap invalid opcode ip:400000 sp:7ffffff00000 error:0{eol}",
		"traps: u-cli[{dec}] general protection fault ip:400000 sp:7ffffff00000 "
		"error:0{eol}",
		"traps: u-hlt[{dec}] general protection fault ip:400000 sp:7ffffff00000 "
		"error:0{eol}",
		"traps: u-in[{dec}] general protection fault ip:400000 sp:7ffffff00000 "
		"error:0{eol}",
		"traps: u-out[{dec}] general protection fault ip:400000 sp:7ffffff00000 "
		"error:0{eol}",
		"traps: u-movcr3[{dec}] general protection fault ip:400000 sp:7ffffff00000 "
		"error:0{eol}",
		"ktest: 12 user faults, and the kernel goes on"));
