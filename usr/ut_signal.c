// SPDX-License-Identifier: GPL-2.0
/*
 * usertest's signal cases: handlers and their frames, sigreturn, masks,
 * restarts, faults caught, job control (stop and continue), SIGCHLD,
 * process groups and execve()'s reset.  Each case that changes a
 * disposition runs in a child (run_in_child()), as usertest may be init.
 *
 * Where a case needs a signal to come while the process sleeps, a helper
 * child sends it again and again until the sleep ends: no timing is
 * assumed, and a signal that comes before the sleep only runs the handler
 * once more.
 */
#include <errno.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "usertest.h"

/* Linux's struct sigaction for rt_sigaction(), x86_64 */
struct ksigaction {
	unsigned long handler, flags, restorer, mask;
};

#define KSIGSET 8 /* the kernel's sigset_t size */

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

static volatile sig_atomic_t calls;
static volatile int last_sig, last_code, last_pid, last_status;
static void *volatile last_addr;
static volatile unsigned long last_mask;
static void *volatile last_uc;

static void count_handler(int sig)
{
	calls++;
	last_sig = sig;
}

static void info_handler(int sig, siginfo_t *si, void *uc)
{
	sigset_t now;

	calls++;
	last_sig = sig;
	last_code = si->si_code;
	last_pid = si->si_pid;
	last_status = si->si_status;
	last_uc = uc;
	sigprocmask(SIG_BLOCK, NULL, &now);
	memcpy((void *)&last_mask, &now, sizeof(last_mask));
}

static int set_handler(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	return sigaction(sig, &sa, NULL);
}

static int set_info_handler(int sig, int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = info_handler;
	sa.sa_flags = SA_SIGINFO | flags;
	return sigaction(sig, &sa, NULL);
}

/* A child that sends @sig to @target every 5 ms until it is killed or @target is gone. */
static pid_t start_pinger(pid_t target, int sig)
{
	pid_t pid = fork();

	if (!pid)
		for (;;) {
			if (kill(target, sig))
				_exit(0);
			sleep_ms(5);
		}
	return pid;
}

static void stop_child(pid_t pid)
{
	if (pid > 0) {
		kill(pid, SIGKILL);
		wait_status(pid);
	}
}

/* A child that sleeps until it is killed. */
static pid_t start_sleeper(void)
{
	pid_t pid = fork();

	if (!pid)
		for (;;)
			pause();
	return pid;
}

static unsigned long mask_of(int sig)
{
	return 1UL << (sig - 1);
}

static unsigned long blocked_now(void)
{
	unsigned long set = 0;

	raw_syscall6(SYS_rt_sigprocmask, SIG_BLOCK, 0, (long)&set, KSIGSET, 0, 0);
	return set;
}

static void handler_args_and_siginfo(struct utest *t, void *arg)
{
	(void)arg;
	calls = 0;
	UT_EXPECT(t, !set_info_handler(SIGUSR1, 0), "sigaction: %d", errno);
	UT_EXPECT(t, !kill(getpid(), SIGUSR1), "kill: %d", errno);
	UT_EXPECT(t, calls == 1, "the handler ran %d times", (int)calls);
	UT_EXPECT(t, last_sig == SIGUSR1, "sig %d", last_sig);
	UT_EXPECT(t, last_code == SI_USER, "si_code %d", last_code);
	UT_EXPECT(t, last_pid == getpid(), "si_pid %d", last_pid);
	UT_EXPECT(t, last_uc != NULL, "no ucontext");
	UT_EXPECT(t, last_mask & mask_of(SIGUSR1), "SIGUSR1 not blocked in its handler: %#lx",
		  last_mask);
	UT_EXPECT(t, !(blocked_now() & mask_of(SIGUSR1)), "still blocked after: %#lx",
		  blocked_now());

	/* SA_NODEFER: not blocked in the handler; SA_RESETHAND: SIG_DFL after. */
	UT_EXPECT(t, !set_info_handler(SIGUSR2, SA_NODEFER | SA_RESETHAND), "sigaction: %d", errno);
	UT_EXPECT(t, !syscall(SYS_tgkill, getpid(), getpid(), SIGUSR2), "tgkill: %d", errno);
	UT_EXPECT(t, calls == 2 && last_sig == SIGUSR2, "calls %d sig %d", (int)calls, last_sig);
	UT_EXPECT(t, last_code == SI_TKILL, "tgkill's si_code %d", last_code);
	UT_EXPECT(t, !(last_mask & mask_of(SIGUSR2)), "SA_NODEFER, yet blocked: %#lx", last_mask);
	{
		struct sigaction old;

		sigaction(SIGUSR2, NULL, &old);
		UT_EXPECT(t, old.sa_handler == SIG_DFL, "SA_RESETHAND left %p",
			  (void *)old.sa_handler);
	}
	UT_EXPECT(t, raw_sys(SYS_tgkill, getpid() + 100000, getpid(), SIGUSR1) == -ESRCH,
		  "tgkill with a wrong tgid");
	UT_EXPECT(t, raw_sys(SYS_tkill, 0, SIGUSR1, 0) == -EINVAL, "tkill(0)");
}

void signal_handler_gets_siginfo(struct utest *t)
{
	expect_exit(t, run_in_child(t, handler_args_and_siginfo, NULL), 0, "the child");
}

/*
 * sig_roundtrip(in, out, pid): load every register the handler may
 * clobber from @in (RBX, RBP, R12-R15, R8-R10, RDX, MXCSR, XMM0-15), set
 * DF and CF, kill(pid, SIGUSR1) by hand, and store what the registers
 * hold after into @out.  clobber_handler overwrites all of them (and
 * returns through sa_restorer without restoring any): only sigreturn can
 * bring them back.
 */
struct regset {
	unsigned long gpr[10];			 /* rbx rbp r12 r13 r14 r15 r8 r9 r10 rdx */
	unsigned long rsi, rdi, rflags, ret;	 /* after */
	unsigned long mxcsr, rsp, in_mxcsr, pad; /* after, before, before */
	unsigned char xmm[16][16];		 /* at 144 */
};

void sig_roundtrip(const struct regset *in, struct regset *out, long pid);
void clobber_handler(int sig);
unsigned long handler_rsp, handler_flags, handler_mxcsr, handler_rdi;

__asm__(".text\n"
	".globl sig_roundtrip\n"
	"sig_roundtrip:\n"
	"\tpush %rbx\n\tpush %rbp\n\tpush %r12\n\tpush %r13\n\tpush %r14\n\tpush %r15\n"
	"\tpush %rsi\n"
	"\tldmxcsr 128(%rdi)\n"
	"\tmovdqu 144(%rdi), %xmm0\n\tmovdqu 160(%rdi), %xmm1\n"
	"\tmovdqu 176(%rdi), %xmm2\n\tmovdqu 192(%rdi), %xmm3\n"
	"\tmovdqu 208(%rdi), %xmm4\n\tmovdqu 224(%rdi), %xmm5\n"
	"\tmovdqu 240(%rdi), %xmm6\n\tmovdqu 256(%rdi), %xmm7\n"
	"\tmovdqu 272(%rdi), %xmm8\n\tmovdqu 288(%rdi), %xmm9\n"
	"\tmovdqu 304(%rdi), %xmm10\n\tmovdqu 320(%rdi), %xmm11\n"
	"\tmovdqu 336(%rdi), %xmm12\n\tmovdqu 352(%rdi), %xmm13\n"
	"\tmovdqu 368(%rdi), %xmm14\n\tmovdqu 384(%rdi), %xmm15\n"
	"\tmov 0(%rdi), %rbx\n\tmov 8(%rdi), %rbp\n\tmov 16(%rdi), %r12\n"
	"\tmov 24(%rdi), %r13\n\tmov 32(%rdi), %r14\n\tmov 40(%rdi), %r15\n"
	"\tmov 48(%rdi), %r8\n\tmov 56(%rdi), %r9\n\tmov 64(%rdi), %r10\n"
	"\tmov %rdx, %rax\n\tmov 72(%rdi), %rdx\n"
	"\tmov %rax, %rdi\n\tmov $10, %esi\n\tmov $62, %eax\n"
	"\tmov %rsp, %rcx\n\tmov 0(%rsp), %r11\n\tmov %rcx, 120(%r11)\n"
	"\tstd\n\tstc\n"
	"\tsyscall\n"
	"\tpushfq\n\tcld\n"
	"\txchg %rax, 8(%rsp)\n"
	"\tmov %rbx, 0(%rax)\n\tmov %rbp, 8(%rax)\n\tmov %r12, 16(%rax)\n"
	"\tmov %r13, 24(%rax)\n\tmov %r14, 32(%rax)\n\tmov %r15, 40(%rax)\n"
	"\tmov %r8, 48(%rax)\n\tmov %r9, 56(%rax)\n\tmov %r10, 64(%rax)\n"
	"\tmov %rdx, 72(%rax)\n\tmov %rsi, 80(%rax)\n\tmov %rdi, 88(%rax)\n"
	"\tpop %rcx\n\tmov %rcx, 96(%rax)\n"
	"\tpop %rcx\n\tmov %rcx, 104(%rax)\n"
	"\tstmxcsr 112(%rax)\n"
	"\tmovdqu %xmm0, 144(%rax)\n\tmovdqu %xmm1, 160(%rax)\n"
	"\tmovdqu %xmm2, 176(%rax)\n\tmovdqu %xmm3, 192(%rax)\n"
	"\tmovdqu %xmm4, 208(%rax)\n\tmovdqu %xmm5, 224(%rax)\n"
	"\tmovdqu %xmm6, 240(%rax)\n\tmovdqu %xmm7, 256(%rax)\n"
	"\tmovdqu %xmm8, 272(%rax)\n\tmovdqu %xmm9, 288(%rax)\n"
	"\tmovdqu %xmm10, 304(%rax)\n\tmovdqu %xmm11, 320(%rax)\n"
	"\tmovdqu %xmm12, 336(%rax)\n\tmovdqu %xmm13, 352(%rax)\n"
	"\tmovdqu %xmm14, 368(%rax)\n\tmovdqu %xmm15, 384(%rax)\n"
	"\tpop %r15\n\tpop %r14\n\tpop %r13\n\tpop %r12\n\tpop %rbp\n\tpop %rbx\n"
	"\tret\n"
	".globl clobber_handler\n"
	"clobber_handler:\n"
	"\tmov %rsp, handler_rsp(%rip)\n"
	"\tmov %rdi, handler_rdi(%rip)\n"
	"\tpushfq\n\tpop %rax\n\tmov %rax, handler_flags(%rip)\n"
	"\tstmxcsr handler_mxcsr(%rip)\n"
	"\tmovabs $0xa5a5a5a5a5a5a5a5, %rax\n"
	"\tmov %rax, %rbx\n\tmov %rax, %rbp\n\tmov %rax, %r8\n\tmov %rax, %r9\n"
	"\tmov %rax, %r10\n\tmov %rax, %r11\n\tmov %rax, %r12\n\tmov %rax, %r13\n"
	"\tmov %rax, %r14\n\tmov %rax, %r15\n\tmov %rax, %rcx\n\tmov %rax, %rdx\n"
	"\tmov %rax, %rsi\n\tmov %rax, %rdi\n"
	"\tpcmpeqd %xmm0, %xmm0\n\tpcmpeqd %xmm1, %xmm1\n\tpcmpeqd %xmm2, %xmm2\n"
	"\tpcmpeqd %xmm3, %xmm3\n\tpcmpeqd %xmm4, %xmm4\n\tpcmpeqd %xmm5, %xmm5\n"
	"\tpcmpeqd %xmm6, %xmm6\n\tpcmpeqd %xmm7, %xmm7\n\tpcmpeqd %xmm8, %xmm8\n"
	"\tpcmpeqd %xmm9, %xmm9\n\tpcmpeqd %xmm10, %xmm10\n\tpcmpeqd %xmm11, %xmm11\n"
	"\tpcmpeqd %xmm12, %xmm12\n\tpcmpeqd %xmm13, %xmm13\n\tpcmpeqd %xmm14, %xmm14\n"
	"\tpcmpeqd %xmm15, %xmm15\n"
	"\tmovl $0x7f80, -4(%rsp)\n\tldmxcsr -4(%rsp)\n"
	"\tclc\n"
	"	ret\n");

static void roundtrip(struct utest *t, void *arg)
{
	struct regset in, out;
	int i, j;

	(void)arg;
	memset(&in, 0, sizeof(in));
	memset(&out, 0, sizeof(out));
	for (i = 0; i < 10; i++)
		in.gpr[i] = 0x1111111111111111UL * (i + 1) ^ 0x0123456789abcdefUL;
	for (i = 0; i < 16; i++)
		for (j = 0; j < 16; j++)
			in.xmm[i][j] = (unsigned char)(i * 16 + j + 1);
	in.in_mxcsr = 0x3f80; /* round down, all masked: not the default 0x1f80 */
	UT_EXPECT(t, !set_handler(SIGUSR1, clobber_handler, 0), "sigaction: %d", errno);
	sig_roundtrip(&in, &out, getpid());
	UT_EXPECT(t, handler_rdi == SIGUSR1, "the handler's RDI %lu", handler_rdi);
	UT_EXPECT(t, (handler_rsp & 15) == 8, "the handler's RSP %#lx, not as after a call",
		  handler_rsp);
	UT_EXPECT(t, out.rsp - handler_rsp >= 128 + 8,
		  "the frame at %#lx is in the red zone of %#lx", handler_rsp, out.rsp);
	UT_EXPECT(t, !(handler_flags & 0x400), "DF set in the handler: %#lx", handler_flags);
	UT_EXPECT(t, (handler_mxcsr & 0xffff) == 0x1f80, "the handler's MXCSR %#lx", handler_mxcsr);
	for (i = 0; i < 10; i++)
		UT_EXPECT(t, out.gpr[i] == in.gpr[i], "register %d is %#lx, not %#lx", i,
			  out.gpr[i], in.gpr[i]);
	UT_EXPECT(t, out.rdi == (unsigned long)getpid() && out.rsi == SIGUSR1,
		  "RDI %#lx RSI %#lx, not kill()'s arguments", out.rdi, out.rsi);
	UT_EXPECT(t, out.ret == 0, "kill() returned %ld", (long)out.ret);
	UT_EXPECT(t, (out.rflags & 0x401) == 0x401, "RFLAGS %#lx lost DF or CF", out.rflags);
	UT_EXPECT(t, (out.mxcsr & 0xffff) == 0x3f80, "MXCSR %#lx after", out.mxcsr);
	for (i = 0; i < 16; i++)
		UT_EXPECT(t, !memcmp(out.xmm[i], in.xmm[i], 16), "XMM%d not restored", i);
}

void sigreturn_restores_every_register(struct utest *t)
{
	expect_exit(t, run_in_child(t, roundtrip, NULL), 0, "the child");
}

/* wait4() on a sleeping child while a pinger sends SIGUSR1: @restart says SA_RESTART. */
static void interrupted_wait4(struct utest *t, void *arg)
{
	bool restart = arg != NULL;
	pid_t sleeper = start_sleeper(), pinger = -1;
	int status = 0;
	long ret;

	calls = 0;
	set_handler(SIGUSR1, count_handler, restart ? SA_RESTART : 0);
	if (restart) {
		/* A third child kills the sleeper once a few signals have come. */
		pid_t killer = fork();

		if (!killer) {
			sleep_ms(100);
			kill(sleeper, SIGKILL);
			_exit(0);
		}
		pinger = start_pinger(getpid(), SIGUSR1);
		ret = raw_syscall6(SYS_wait4, sleeper, (long)&status, 0, 0, 0, 0);
		UT_EXPECT(t, ret == sleeper, "wait4 with SA_RESTART returned %ld", ret);
		UT_EXPECT(t, ret != sleeper || (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL),
			  "status %#x", status);
		stop_child(pinger);
		wait_status(killer);
	} else {
		/* Should the call restart, the sleeper's end ends it: a failure, no hang. */
		pid_t killer = fork();

		if (!killer) {
			sleep_ms(2000);
			kill(sleeper, SIGKILL);
			_exit(0);
		}
		pinger = start_pinger(getpid(), SIGUSR1);
		ret = raw_syscall6(SYS_wait4, sleeper, (long)&status, 0, 0, 0, 0);
		UT_EXPECT(t, ret == -EINTR, "wait4 without SA_RESTART returned %ld", ret);
		stop_child(pinger);
		stop_child(killer);
		stop_child(sleeper);
	}
	UT_EXPECT(t, calls > 0, "the handler never ran");
}

static void interrupted_nanosleep(struct utest *t, void *arg)
{
	struct timespec req = { 100, 0 }, rem = { -1, -1 };
	pid_t pinger;
	long ret;

	calls = 0;
	/* nanosleep() is never restarted after a handler, SA_RESTART or not (signal(7)). */
	set_handler(SIGUSR1, count_handler, arg ? SA_RESTART : 0);
	pinger = start_pinger(getpid(), SIGUSR1);
	ret = raw_syscall6(SYS_nanosleep, (long)&req, (long)&rem, 0, 0, 0, 0);
	stop_child(pinger);
	UT_EXPECT(t, ret == -EINTR, "nanosleep returned %ld", ret);
	UT_EXPECT(t,
		  rem.tv_sec > 50 && rem.tv_sec <= 100 && rem.tv_nsec >= 0 &&
			  rem.tv_nsec < 1000000000L,
		  "time left %lld.%09ld", (long long)rem.tv_sec, rem.tv_nsec);
	UT_EXPECT(t, calls > 0, "the handler never ran");
}

void signal_interrupts_wait4_and_nanosleep(struct utest *t)
{
	expect_exit(t, run_in_child(t, interrupted_wait4, NULL), 0, "wait4, no SA_RESTART");
	expect_exit(t, run_in_child(t, interrupted_wait4, (void *)1), 0, "wait4, SA_RESTART");
	expect_exit(t, run_in_child(t, interrupted_nanosleep, NULL), 0, "nanosleep");
	expect_exit(t, run_in_child(t, interrupted_nanosleep, (void *)1), 0,
		    "nanosleep, SA_RESTART");
}

static void masks(struct utest *t, void *arg)
{
	sigset_t set, old, pend;
	unsigned long raw = ~0UL, got = 0;
	pid_t sender;

	(void)arg;
	calls = 0;
	set_handler(SIGUSR1, count_handler, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &old);
	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGUSR1);
	UT_EXPECT(t, calls == 0, "a blocked signal ran its handler");
	sigpending(&pend);
	UT_EXPECT(t, sigismember(&pend, SIGUSR1), "not pending");
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	UT_EXPECT(t, calls == 1, "unblocking ran the handler %d times, not once", (int)calls);
	sigpending(&pend);
	UT_EXPECT(t, !sigismember(&pend, SIGUSR1), "still pending");

	/* SIGKILL and SIGSTOP cannot be blocked. */
	raw_syscall6(SYS_rt_sigprocmask, SIG_SETMASK, (long)&raw, 0, KSIGSET, 0, 0);
	got = blocked_now();
	UT_EXPECT(t, !(got & (mask_of(SIGKILL) | mask_of(SIGSTOP))), "mask %#lx", got);
	UT_EXPECT(t, got & mask_of(SIGUSR2), "mask %#lx", got);
	raw = 0;
	raw_syscall6(SYS_rt_sigprocmask, SIG_SETMASK, (long)&raw, 0, KSIGSET, 0, 0);
	UT_EXPECT(t, raw_syscall6(SYS_rt_sigprocmask, 3, (long)&raw, 0, KSIGSET, 0, 0) == -EINVAL,
		  "how 3");
	UT_EXPECT(t, raw_syscall6(SYS_rt_sigprocmask, SIG_BLOCK, (long)&raw, 0, 4, 0, 0) == -EINVAL,
		  "size 4");
	UT_EXPECT(t, raw_syscall6(SYS_rt_sigprocmask, SIG_BLOCK, 16, 0, KSIGSET, 0, 0) == -EFAULT,
		  "bad set");
	UT_EXPECT(t, raw_syscall6(SYS_rt_sigprocmask, SIG_BLOCK, 0, 16, KSIGSET, 0, 0) == -EFAULT,
		  "bad old set");
	UT_EXPECT(t, raw_syscall6(SYS_rt_sigpending, 16, KSIGSET, 0, 0, 0, 0) == -EFAULT,
		  "sigpending, bad set");
	UT_EXPECT(t, raw_syscall6(SYS_rt_sigpending, (long)&raw, 9, 0, 0, 0, 0) == -EINVAL,
		  "sigpending, size 9");

	/* sigsuspend: the signal, sent before, waits blocked until the mask lets it in. */
	calls = 0;
	sigprocmask(SIG_BLOCK, &set, NULL);
	sender = fork();
	if (!sender) {
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	wait_status(sender);
	UT_EXPECT(t, calls == 0, "blocked, yet the handler ran");
	sigemptyset(&old);
	UT_EXPECT(t, sigsuspend(&old) == -1 && errno == EINTR, "sigsuspend: %d", errno);
	UT_EXPECT(t, calls == 1, "the handler ran %d times", (int)calls);
	UT_EXPECT(t, blocked_now() & mask_of(SIGUSR1), "sigsuspend did not restore the mask");
	UT_EXPECT(t, raw_syscall6(SYS_rt_sigsuspend, 16, KSIGSET, 0, 0, 0, 0) == -EFAULT,
		  "sigsuspend, bad set");
}

void signal_masks_block_and_unblock(struct utest *t)
{
	expect_exit(t, run_in_child(t, masks, NULL), 0, "the child");
}

static sigjmp_buf fault_env;

static void fault_handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	calls++;
	last_sig = sig;
	last_code = si->si_code;
	last_addr = si->si_addr;
	siglongjmp(fault_env, 1);
}

static void *opaque(void *p)
{
	__asm__("" : "+r"(p));
	return p;
}

static void caught_faults(struct utest *t, void *arg)
{
	struct sigaction sa;
	int i;

	(void)arg;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fault_handler;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
	sigaction(SIGILL, &sa, NULL);
	calls = 0;
	for (i = 0; i < 2; i++) {
		void *bad = (void *)(0x10UL + 8 * i);

		if (!sigsetjmp(fault_env, 1)) {
			(void)*(volatile long *)opaque(bad);
			UT_EXPECT(t, 0, "a read of %p did not fault", bad);
		}
		UT_EXPECT(t, calls == i + 1 && last_sig == SIGSEGV, "calls %d sig %d", (int)calls,
			  last_sig);
		UT_EXPECT(t, last_addr == bad, "si_addr %p, not %p", last_addr, bad);
		UT_EXPECT(t, last_code == SEGV_MAPERR, "si_code %d", last_code);
		UT_EXPECT(t, !(blocked_now() & mask_of(SIGSEGV)), "SIGSEGV still blocked");
	}
	if (!sigsetjmp(fault_env, 1))
		*(volatile char *)opaque((void *)(uintptr_t)caught_faults) = 0;
	UT_EXPECT(t, last_sig == SIGSEGV && last_code == SEGV_ACCERR, "write to text: %d %d",
		  last_sig, last_code);
	if (!sigsetjmp(fault_env, 1))
		__asm__ volatile("xor %%ecx, %%ecx\n\tmov $1, %%eax\n\tcltd\n\tidivl %%ecx" ::
					 : "eax", "ecx", "edx");
	UT_EXPECT(t, last_sig == SIGFPE && last_code == FPE_INTDIV, "idiv 0: %d %d", last_sig,
		  last_code);
	if (!sigsetjmp(fault_env, 1))
		__asm__ volatile("ud2");
	UT_EXPECT(t, last_sig == SIGILL && last_code == ILL_ILLOPN, "ud2: %d %d", last_sig,
		  last_code);
}

void sigsegv_handler_gets_address_and_longjmps(struct utest *t)
{
	expect_exit(t, run_in_child(t, caught_faults, NULL), 0, "the child");
}

static void nop_handler(int sig)
{
	(void)sig;
}

void rt_sigaction_bad_arguments(struct utest *t)
{
	struct ksigaction ka = { 0 }, old;
	long ret;

	ret = raw_syscall6(SYS_rt_sigaction, SIGUSR1, 16, 0, KSIGSET, 0, 0);
	UT_EXPECT(t, ret == -EFAULT, "a bad act: %ld", ret);
	ret = raw_syscall6(SYS_rt_sigaction, SIGUSR1, 0, 16, KSIGSET, 0, 0);
	UT_EXPECT(t, ret == -EFAULT, "a bad oact: %ld", ret);
	ret = raw_syscall6(SYS_rt_sigaction, 0, (long)&ka, 0, KSIGSET, 0, 0);
	UT_EXPECT(t, ret == -EINVAL, "signal 0: %ld", ret);
	ret = raw_syscall6(SYS_rt_sigaction, 65, 0, (long)&old, KSIGSET, 0, 0);
	UT_EXPECT(t, ret == -EINVAL, "signal 65: %ld", ret);
	ret = raw_syscall6(SYS_rt_sigaction, SIGUSR1, 0, (long)&old, 4, 0, 0);
	UT_EXPECT(t, ret == -EINVAL, "sigsetsize 4: %ld", ret);
	ka.handler = (unsigned long)nop_handler;
	ret = raw_syscall6(SYS_rt_sigaction, SIGKILL, (long)&ka, 0, KSIGSET, 0, 0);
	UT_EXPECT(t, ret == -EINVAL, "catching SIGKILL: %ld", ret);
	ka.handler = (unsigned long)SIG_IGN;
	ret = raw_syscall6(SYS_rt_sigaction, SIGSTOP, (long)&ka, 0, KSIGSET, 0, 0);
	UT_EXPECT(t, ret == -EINVAL, "ignoring SIGSTOP: %ld", ret);
	ret = raw_syscall6(SYS_rt_sigaction, SIGKILL, 0, (long)&old, KSIGSET, 0, 0);
	UT_EXPECT(t, ret == 0 && old.handler == 0, "asking about SIGKILL: %ld", ret);
}

/* What a hand-made frame holds (Linux's struct rt_sigframe, from uc_flags to the mask). */
struct frame {
	unsigned long pretcode, uc_flags, uc_link, ss_sp, ss_flags, ss_size;
	unsigned long r8, r9, r10, r11, r12, r13, r14, r15;
	unsigned long rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip, eflags;
	unsigned short cs, gs, fs, ss;
	unsigned long err, trapno, oldmask, cr2, fpstate, reserved[8];
	unsigned long sigmask;
	unsigned char info[128];
};

static unsigned long frame_stack[512] __attribute__((aligned(16)));

static void landed(void)
{
	_exit(42);
}

/* rt_sigreturn() on @f, from a stack pointing past its pretcode. */
static void sigreturn_on(struct frame *f)
{
	__asm__ volatile("mov %0, %%rsp\n\tmov $15, %%eax\n\tsyscall" ::"r"((char *)f + 8)
			 : "memory");
}

enum { GOOD, BAD_STACK, BAD_CS, BAD_FPSTATE };

static void corrupt_frame(int how)
{
	static struct frame f;
	unsigned short cs, ss;

	__asm__("mov %%cs, %0\n\tmov %%ss, %1" : "=r"(cs), "=r"(ss));
	memset(&f, 0, sizeof(f));
	f.uc_flags = 0x6; /* UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS */
	f.rip = (unsigned long)landed;
	f.rsp = (unsigned long)&frame_stack[500]; /* 16-aligned: as after a call less 8 */
	f.rsp -= 8;
	f.cs = cs;
	f.ss = ss;
	f.eflags = 0x202;
	f.ss_flags = SS_DISABLE;
	if (how == BAD_CS)
		f.cs = 0;
	if (how == BAD_FPSTATE)
		f.fpstate = 0x10;
	if (how == BAD_STACK)
		__asm__ volatile("mov $8, %%rsp\n\tmov $15, %%eax\n\tsyscall" ::: "memory");
	sigreturn_on(&f);
}

static void good_frame(void)
{
	corrupt_frame(GOOD);
}

static void frame_bad_stack(void)
{
	corrupt_frame(BAD_STACK);
}

static void frame_bad_cs(void)
{
	corrupt_frame(BAD_CS);
}

static void frame_bad_fpstate(void)
{
	corrupt_frame(BAD_FPSTATE);
}

void rt_sigreturn_corrupt_frame_segfaults(struct utest *t)
{
	pid_t pid = fork();

	/* A frame made by hand as Linux lays it out lands where it says. */
	if (!pid) {
		good_frame();
		_exit(1);
	}
	expect_exit(t, wait_status(pid), 42, "a good hand-made frame");
	expect_fault(t, frame_bad_stack, SIGSEGV, "rt_sigreturn with RSP 8");
	expect_fault(t, frame_bad_cs, SIGSEGV, "a frame with CS 0");
	expect_fault(t, frame_bad_fpstate, SIGSEGV, "a frame with fpstate 0x10");
}

/* Where a forged frame's program lands: it exits 42 with RFLAGS as a program may have them. */
static void landed_checks_rflags(void)
{
	unsigned long fl;

	__asm__ volatile("pushfq\n\tpop %0" : "=r"(fl));
	if (fl & 0x3000) /* IOPL */
		_exit(10);
	if (fl & 0x4000) /* NT */
		_exit(11);
	if (!(fl & 0x200)) /* IF */
		_exit(12);
	if (fl & 0x20000) /* VM */
		_exit(13);
	_exit(42);
}

static struct frame forged;
static unsigned char forged_fx[512 + 64] __attribute__((aligned(64)));

/* A frame that lands in landed_checks_rflags(), for each case to spoil one field of. */
static void forge_frame(void)
{
	unsigned short cs, ss;

	__asm__("mov %%cs, %0\n\tmov %%ss, %1" : "=r"(cs), "=r"(ss));
	memset(&forged, 0, sizeof(forged));
	forged.uc_flags = 0x6; /* UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS */
	forged.rip = (unsigned long)landed_checks_rflags;
	forged.rsp = (unsigned long)&frame_stack[500] - 8;
	forged.cs = cs;
	forged.ss = ss;
	forged.eflags = 0x202;
	forged.ss_flags = SS_DISABLE;
}

/* The wait status of a child that calls rt_sigreturn() on the forged frame. */
static int sigreturn_forged(void)
{
	pid_t pid = fork();

	if (!pid) {
		sigreturn_on(&forged);
		_exit(99);
	}
	return wait_status(pid);
}

/*
 * rt_sigreturn() on frames no handler left: ring 3 gets no more than it
 * had (IOPL, NT and VM are not taken, IF stays set), and a RIP, RSP,
 * selector or FXSAVE area that cannot be returned to (or restored: one
 * not 64-byte aligned, or an MXCSR with reserved bits) ends the process
 * with the signal Linux gives (a bad RSP faults on the first push,
 * SIGBUS for a non-canonical one as #SS), never faulting the kernel.
 */
void rt_sigreturn_forged_frames(struct utest *t)
{
	static const struct {
		const char *what;
		unsigned long rip, rsp, fpstate;
		unsigned short cs, ss;
		int sig, or_sig;
	} bad[] = {
		{ "RIP 1 << 47 (non-canonical)", .rip = 0x800000000000UL, .sig = SIGSEGV },
		{ "RIP 0xdead000000000000", .rip = 0xdead000000000000UL, .sig = SIGSEGV },
		{ "RIP in the kernel's half", .rip = 0xffffffff80100000UL, .sig = SIGSEGV },
		{ "RIP 0x7ffffffff000", .rip = 0x7ffffffff000UL, .sig = SIGSEGV },
		/* #SS on hardware, SIGBUS; QEMU's TCG raises #GP for it, SIGSEGV */
		{ "RSP non-canonical", .rsp = 0x8000000000000000UL, .sig = SIGBUS,
		  .or_sig = SIGSEGV },
		{ "RSP in the kernel's half", .rsp = 0xffffffff80100000UL, .sig = SIGSEGV },
		{ "CS 0x0b", .cs = 0x0b, .sig = SIGSEGV },
		{ "CS 0x13", .cs = 0x13, .sig = SIGSEGV },
		{ "CS 0x1b", .cs = 0x1b, .sig = SIGSEGV },
		{ "CS 0xfffb (past the GDT)", .cs = 0xfffb, .sig = SIGSEGV },
		{ "CS 0x07 (the LDT)", .cs = 0x07, .sig = SIGSEGV },
		{ "SS 0x0b", .ss = 0x0b, .sig = SIGSEGV },
		{ "SS 0x13", .ss = 0x13, .sig = SIGSEGV },
		{ "SS 0x07 (the LDT)", .ss = 0x07, .sig = SIGSEGV },
		{ "fpstate in the kernel's half", .fpstate = 0xffffffff80100000UL, .sig = SIGSEGV },
		{ "fpstate non-canonical", .fpstate = 0x800000000000UL, .sig = SIGSEGV },
		{ "fpstate across the end of user space", .fpstate = 0x7fffffffffc0UL,
		  .sig = SIGSEGV },
	};
	unsigned short cs, ss;
	size_t i;
	int st;

	__asm__("mov %%cs, %0\n\tmov %%ss, %1" : "=r"(cs), "=r"(ss));
	forge_frame();
	forged.eflags = 0x202 | 0x3000 | 0x4000 | 0x20000 | 0x80000 | 0x100000 | 0x200000;
	expect_exit(t, sigreturn_forged(), 42, "RFLAGS with IOPL 3, NT, VM, VIF, VIP, ID");
	forge_frame();
	forged.eflags = 0x2;
	expect_exit(t, sigreturn_forged(), 42, "RFLAGS with IF clear");
	forge_frame();
	forged.eflags = 0x302;
	expect_signal(t, sigreturn_forged(), SIGTRAP, "RFLAGS with TF: a trap after one step");
	forge_frame();
	forged.eflags = ~0UL;
	expect_signal(t, sigreturn_forged(), SIGTRAP, "RFLAGS all ones");
	forge_frame();
	forged.cs = ss;
	expect_signal(t, sigreturn_forged(), SIGSEGV, "CS the user's data segment");
	forge_frame();
	forged.ss = cs;
	expect_signal(t, sigreturn_forged(), SIGSEGV, "SS the user's code segment");
	forge_frame();
	forged.ss = 0;
	expect_signal(t, sigreturn_forged(), SIGSEGV, "SS 0, restored as it is");
	forge_frame();
	forged.ss = 0;
	forged.uc_flags = 0;
	expect_exit(t, sigreturn_forged(), 42, "SS 0 in an old frame: the user's data segment");
	forge_frame();
	memset(forged_fx, 0xff, 512);
	memset(forged_fx + 24, 0, 4);
	forged_fx[25] = 0x1f; /* MXCSR 0x1f00, and every other byte 0xff */
	forged.fpstate = (unsigned long)forged_fx;
	expect_exit(t, sigreturn_forged(), 42, "an FXSAVE area of 0xff bytes but MXCSR");
	/* What FXRSTOR would fault on, as it does in Linux's restore: a bad frame. */
	forged_fx[26] = 0xff;
	forged_fx[27] = 0xff; /* MXCSR's reserved bits 16-31 */
	expect_signal(t, sigreturn_forged(), SIGSEGV, "an FXSAVE area with MXCSR 0xffff1f00");
	memset(forged_fx, 0, sizeof(forged_fx));
	forged_fx[24 + 8 + 1] = 0x1f; /* MXCSR 0x1f00 at its place from fpstate */
	forged.fpstate = (unsigned long)forged_fx + 8;
	expect_signal(t, sigreturn_forged(), SIGSEGV, "an FXSAVE area not 64-byte aligned");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		forge_frame();
		if (bad[i].rip)
			forged.rip = bad[i].rip;
		if (bad[i].rsp)
			forged.rsp = bad[i].rsp;
		if (bad[i].fpstate)
			forged.fpstate = bad[i].fpstate;
		if (bad[i].cs)
			forged.cs = bad[i].cs;
		if (bad[i].ss)
			forged.ss = bad[i].ss;
		st = sigreturn_forged();
		if (!bad[i].or_sig || !WIFSIGNALED(st) || WTERMSIG(st) != bad[i].or_sig)
			expect_signal(t, st, bad[i].sig, bad[i].what);
	}
	/* And the kernel is still there to say so: the same frame, unspoiled, lands. */
	forge_frame();
	expect_exit(t, sigreturn_forged(), 42, "a good frame after them");
}

/*
 * Linux sends a stop's or a continue's SIGCHLD from the child as it
 * stops or resumes, which may be after wait4() saw it: wait for it, with
 * a bound only for a failure to end the case.
 */
static void await_sigchld(int code)
{
	int i;

	for (i = 0; i < 200 && last_code != code; i++)
		sleep_ms(10);
}

static void job_control(struct utest *t, void *arg)
{
	static const int stops[] = { SIGSTOP, SIGTSTP };
	pid_t pid = start_sleeper();
	int status = 0;
	long ret;
	size_t i;

	(void)arg;
	/*
	 * A group of its own, under this process in this session: Linux
	 * discards SIGTSTP sent to a process of an orphaned group
	 * (is_current_pgrp_orphaned()), and the suite's own group is one
	 * when a test runner starts it in the background.
	 */
	setpgid(pid, pid);
	calls = 0;
	set_info_handler(SIGCHLD, 0);
	for (i = 0; i < 2; i++) {
		last_code = 0;
		kill(pid, stops[i]);
		ret = raw_syscall6(SYS_wait4, pid, (long)&status, WUNTRACED, 0, 0, 0);
		while (ret == -EINTR)
			ret = raw_syscall6(SYS_wait4, pid, (long)&status, WUNTRACED, 0, 0, 0);
		UT_EXPECT(t, ret == pid && status == (stops[i] << 8 | 0x7f),
			  "wait4(WUNTRACED) after signal %d: %ld, status %#x", stops[i], ret,
			  status);
		ret = raw_syscall6(SYS_wait4, pid, (long)&status, WUNTRACED | WNOHANG, 0, 0, 0);
		UT_EXPECT(t, ret == 0, "the stop was reported twice: %ld", ret);
		await_sigchld(CLD_STOPPED);
		UT_EXPECT(t, last_code == CLD_STOPPED && last_pid == pid && last_status == stops[i],
			  "SIGCHLD: code %d pid %d status %d", last_code, last_pid, last_status);
		last_code = 0;
		kill(pid, SIGCONT);
		do
			ret = raw_syscall6(SYS_wait4, pid, (long)&status, WCONTINUED, 0, 0, 0);
		while (ret == -EINTR);
		UT_EXPECT(t, ret == pid && status == 0xffff, "wait4(WCONTINUED): %ld, status %#x",
			  ret, status);
		await_sigchld(CLD_CONTINUED);
		UT_EXPECT(t, last_code == CLD_CONTINUED && last_status == SIGCONT,
			  "SIGCHLD: code %d status %d", last_code, last_status);
	}
	/* SIGKILL ends a stopped process. */
	kill(pid, SIGSTOP);
	do
		ret = raw_syscall6(SYS_wait4, pid, (long)&status, WUNTRACED, 0, 0, 0);
	while (ret == -EINTR);
	kill(pid, SIGKILL);
	expect_signal(t, wait_status(pid), SIGKILL, "a stopped child killed");
	UT_EXPECT(t, last_code == CLD_KILLED && last_status == SIGKILL,
		  "SIGCHLD: code %d status %d", last_code, last_status);
}

void stop_and_continue_seen_by_wait4(struct utest *t)
{
	expect_exit(t, run_in_child(t, job_control, NULL), 0, "the child");
}

static void sigchld(struct utest *t, void *arg)
{
	sigset_t set, none;
	pid_t pid;
	long ret;

	(void)arg;
	calls = 0;
	set_info_handler(SIGCHLD, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	pid = fork();
	if (!pid)
		_exit(7);
	sigemptyset(&none);
	while (!calls)
		sigsuspend(&none);
	UT_EXPECT(t, last_sig == SIGCHLD && last_code == CLD_EXITED, "sig %d code %d", last_sig,
		  last_code);
	UT_EXPECT(t, last_pid == pid && last_status == 7, "pid %d (not %d) status %d", last_pid,
		  (int)pid, last_status);
	expect_exit(t, wait_status(pid), 7, "the child");

	/* SIG_IGN: no zombie, and wait4() finds no child once it has ended. */
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	signal(SIGCHLD, SIG_IGN);
	pid = fork();
	if (!pid)
		_exit(3);
	ret = raw_syscall6(SYS_wait4, pid, 0, 0, 0, 0, 0);
	UT_EXPECT(t, ret == -ECHILD, "wait4 with SIGCHLD ignored: %ld", ret);

	/* SA_NOCLDWAIT with a handler: the same, and the handler still runs. */
	calls = 0;
	set_info_handler(SIGCHLD, SA_NOCLDWAIT);
	pid = fork();
	if (!pid)
		_exit(4);
	do
		ret = raw_syscall6(SYS_wait4, pid, 0, 0, 0, 0, 0);
	while (ret == -EINTR);
	UT_EXPECT(t, ret == -ECHILD, "wait4 with SA_NOCLDWAIT: %ld", ret);
	UT_EXPECT(t, calls == 1, "SIGCHLD handler ran %d times", (int)calls);
}

void sigchld_arrives_and_sig_ign_reaps(struct utest *t)
{
	expect_exit(t, run_in_child(t, sigchld, NULL), 0, "the child");
}

/* A child of the group that takes @sig's default action, even if it comes before it is ready. */
static pid_t group_member(int sig)
{
	pid_t pid = fork();

	if (!pid) {
		sigset_t set;

		signal(sig, SIG_DFL);
		sigemptyset(&set);
		sigaddset(&set, sig);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		for (;;)
			pause();
	}
	return pid;
}

/* kill(-pgrp) and kill(0) reach the caller's group: itself and its two children. */
static void pgrp_case(struct utest *t, void *arg)
{
	static const int how[] = { 1, 0 }; /* kill(-pgrp), then kill(0) */
	sigset_t set;
	size_t i;

	(void)arg;
	UT_EXPECT(t, !setpgid(0, 0), "setpgid: %d", errno);
	set_handler(SIGUSR2, count_handler, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	for (i = 0; i < 2; i++) {
		pid_t a, b;

		calls = 0;
		sigprocmask(SIG_BLOCK, &set, NULL);
		a = group_member(SIGUSR2);
		b = group_member(SIGUSR2);
		UT_EXPECT(t, !kill(how[i] ? -getpid() : 0, SIGUSR2), "kill: %d", errno);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		UT_EXPECT(t, calls == 1, "the sender's own handler ran %d times", (int)calls);
		expect_signal(t, wait_status(a), SIGUSR2, "the first of the group");
		expect_signal(t, wait_status(b), SIGUSR2, "the second of the group");
	}
	UT_EXPECT(t, raw_sys(SYS_kill, -0x7ffffff0, SIGUSR2, 0) == -ESRCH, "no such group");
}

void kill_process_group(struct utest *t)
{
	expect_exit(t, run_in_child(t, pgrp_case, NULL), 0, "the child");
}

/*
 * Kill @pid, an orphan (not the caller's to wait for), and wait until it
 * is gone, reaped by whoever adopted it: what it held must be back
 * before the next case (and the kernel's leak cases after usertest)
 * counts memory.  The 5 s bound only keeps a reaper that never comes
 * (a container's init) from holding the case up.
 */
static void end_orphan(pid_t pid)
{
	int i;

	kill(pid, SIGKILL);
	for (i = 0; i < 500 && !kill(pid, 0); i++)
		sleep_ms(10);
}

static int hup_fd = -1;

static void hup_writes(int sig)
{
	(void)sig;
	if (write(hup_fd, "H", 1) != 1)
		_exit(9);
	_exit(7);
}

/*
 * A group leader that exits with a child in its group: the child's
 * group is then orphaned (no member is left with a parent in another
 * group of its session, which could continue it).  With @stopped the
 * child has stopped before; without, it sends itself SIGTSTP once its
 * parent has gone.  What it writes on the pipe: 'H' from its SIGHUP
 * handler, 'T' once its SIGTSTP is over; the 10 s poll() bounds a
 * failure only.
 */
static void orphan_in_group(struct utest *t, bool stopped, char want, const char *what)
{
	struct pollfd pfd;
	int fds[2], st;
	pid_t a, b = 0;
	char c = 0;

	if (!UT_EXPECT(t, !pipe(fds), "pipe: %d", errno))
		return;
	a = fork();
	if (!a) {
		pid_t me = getpid();

		close(fds[0]);
		if (setpgid(0, 0))
			_exit(2);
		b = fork();
		if (!b) {
			int i;

			hup_fd = fds[1];
			set_handler(SIGHUP, hup_writes, 0);
			if (stopped)
				raise(SIGSTOP);
			for (i = 0; i < 1000 && getppid() == me; i++)
				sleep_ms(10);
			raise(SIGTSTP);
			_exit(write(fds[1], "T", 1) == 1 ? 0 : 9);
		}
		/* Exit once it is stopped (if it is to be), and say who it is first. */
		if (b < 0 || (stopped && (waitpid(b, &st, WUNTRACED) != b || !WIFSTOPPED(st))))
			_exit(3);
		_exit(write(fds[1], &b, sizeof(b)) == sizeof(b) ? 0 : 4);
	}
	close(fds[1]);
	expect_exit(t, wait_status(a), 0, "the group's leader");
	UT_EXPECT(t, read(fds[0], &b, sizeof(b)) == sizeof(b), "no pid from the leader");
	pfd = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	if (UT_EXPECT(t, poll(&pfd, 1, 10000) == 1, "%s: the child did not go on in 10 s", what))
		UT_EXPECT(t, read(fds[0], &c, 1) == 1 && c == want, "%s: it wrote '%c', not '%c'",
			  what, c, want);
	if (b > 0)
		end_orphan(b);
	close(fds[0]);
}

/*
 * An orphaned process group is out of job control (POSIX; Linux's
 * kill_orphaned_pgrp() and get_signal()): orphaned by an exit while one
 * of it is stopped, it gets SIGHUP, then SIGCONT, so that a shell's exit
 * leaves no job stopped for good; and in it SIGTSTP (SIGTTIN, SIGTTOU)
 * with its default action stops nothing, as nobody could continue it.
 */
void orphaned_stopped_group_gets_sighup(struct utest *t)
{
	orphan_in_group(t, true, 'H', "stopped, then orphaned");
	orphan_in_group(t, false, 'T', "SIGTSTP once orphaned");
}

static void exec_reset(struct utest *t, void *arg)
{
	char *argv[] = { NULL, "sigstate", NULL }, *envp[] = { NULL };
	sigset_t set;

	(void)arg;
	set_handler(SIGUSR1, count_handler, 0);
	signal(SIGUSR2, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	expect_exit(t, spawn_self(argv, envp), 0, "usertest sigstate");
}

void execve_resets_handlers(struct utest *t)
{
	expect_exit(t, run_in_child(t, exec_reset, NULL), 0, "the child");
}

/* After exec_reset: SIGUSR1 caught before is SIG_DFL, SIGUSR2 still ignored, SIGHUP blocked. */
int mode_sigstate(void)
{
	struct sigaction sa;
	sigset_t set;
	int bad = 0;

	sigaction(SIGUSR1, NULL, &sa);
	if (sa.sa_handler != SIG_DFL)
		bad |= 1;
	sigaction(SIGUSR2, NULL, &sa);
	if (sa.sa_handler != SIG_IGN)
		bad |= 2;
	sigprocmask(SIG_BLOCK, NULL, &set);
	if (!sigismember(&set, SIGHUP))
		bad |= 4;
	return bad;
}

static volatile sig_atomic_t spin_done;

static void spin_handler(int sig)
{
	(void)sig;
	spin_done = 1;
}

static void spinning(struct utest *t, void *arg)
{
	pid_t pinger;

	(void)arg;
	spin_done = 0;
	set_handler(SIGUSR1, spin_handler, 0);
	pinger = start_pinger(getpid(), SIGUSR1);
	while (!spin_done)
		__asm__ volatile("" ::: "memory");
	stop_child(pinger);
	UT_EXPECT(t, spin_done, "");
}

void signal_reaches_a_spinning_process(struct utest *t)
{
	expect_exit(t, run_in_child(t, spinning, NULL), 0, "the child");
}

static void altstack(struct utest *t, void *arg)
{
	static char stack[16384] __attribute__((aligned(16)));
	stack_t ss = { .ss_sp = stack, .ss_size = sizeof(stack) }, old;
	struct sigaction sa;
	char *where;
	long ret;

	(void)arg;
	/* The C library checks some of this itself: ask the kernel. */
	ss.ss_size = 100;
	ret = raw_sys(SYS_sigaltstack, &ss, 0, 0);
	UT_EXPECT(t, ret == -ENOMEM, "a tiny stack: %ld", ret);
	ss.ss_size = sizeof(stack);
	ss.ss_flags = 77;
	ret = raw_sys(SYS_sigaltstack, &ss, 0, 0);
	UT_EXPECT(t, ret == -EINVAL, "flags 77: %ld", ret);
	ret = raw_sys(SYS_sigaltstack, 16, 0, 0);
	UT_EXPECT(t, ret == -EFAULT, "a bad pointer: %ld", ret);
	ss.ss_flags = 0;
	UT_EXPECT(t, !sigaltstack(&ss, &old), "sigaltstack: %d", errno);
	UT_EXPECT(t, old.ss_flags == SS_DISABLE, "old flags %d", old.ss_flags);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = info_handler;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigaction(SIGUSR1, &sa, NULL);
	calls = 0;
	kill(getpid(), SIGUSR1);
	where = (char *)last_uc;
	UT_EXPECT(t, calls == 1 && where > stack && where < stack + sizeof(stack),
		  "the handler's frame at %p, not on %p", (void *)where, (void *)stack);
	UT_EXPECT(t, !sigaltstack(NULL, &old) && old.ss_flags == 0 && old.ss_sp == stack,
		  "after: flags %d sp %p", old.ss_flags, old.ss_sp);
}

void sigaltstack_runs_handler_there(struct utest *t)
{
	expect_exit(t, run_in_child(t, altstack, NULL), 0, "the child");
}

static void timedwait(struct utest *t, void *arg)
{
	struct timespec zero = { 0, 0 }, short_wait = { 0, 50000000L };
	unsigned long these = mask_of(SIGUSR2);
	sigset_t set;
	siginfo_t si;
	pid_t pinger;
	long ret;

	(void)arg;
	calls = 0;
	set_handler(SIGUSR1, count_handler, 0);
	set_handler(SIGUSR2, count_handler, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	kill(getpid(), SIGUSR2);
	memset(&si, 0, sizeof(si));
	ret = raw_syscall6(SYS_rt_sigtimedwait, (long)&these, (long)&si, (long)&zero, KSIGSET, 0,
			   0);
	UT_EXPECT(t, ret == SIGUSR2, "a pending signal: %ld", ret);
	UT_EXPECT(t, si.si_signo == SIGUSR2 && si.si_code == SI_USER && si.si_pid == getpid(),
		  "siginfo %d %d %d", si.si_signo, si.si_code, (int)si.si_pid);
	UT_EXPECT(t, calls == 0, "the handler ran");
	ret = raw_syscall6(SYS_rt_sigtimedwait, (long)&these, 0, (long)&zero, KSIGSET, 0, 0);
	UT_EXPECT(t, ret == -EAGAIN, "nothing pending, no wait: %ld", ret);
	ret = raw_syscall6(SYS_rt_sigtimedwait, (long)&these, 0, (long)&short_wait, KSIGSET, 0, 0);
	UT_EXPECT(t, ret == -EAGAIN, "nothing in 50 ms: %ld", ret);
	/* Waiting with no time limit: the pinger's signal ends it, without its handler. */
	pinger = start_pinger(getpid(), SIGUSR2);
	ret = raw_syscall6(SYS_rt_sigtimedwait, (long)&these, 0, 0, KSIGSET, 0, 0);
	stop_child(pinger);
	UT_EXPECT(t, ret == SIGUSR2 && calls == 0, "waited for %ld, handler calls %d", ret,
		  (int)calls);
	/* Another signal, unblocked and caught, ends the wait with EINTR. */
	pinger = start_pinger(getpid(), SIGUSR1);
	ret = raw_syscall6(SYS_rt_sigtimedwait, (long)&these, 0, 0, KSIGSET, 0, 0);
	stop_child(pinger);
	UT_EXPECT(t, ret == -EINTR && calls > 0, "another signal: %ld, calls %d", ret, (int)calls);
	ret = raw_syscall6(SYS_rt_sigtimedwait, (long)&these, 0, (long)&zero, 4, 0, 0);
	UT_EXPECT(t, ret == -EINVAL, "size 4: %ld", ret);
	ret = raw_syscall6(SYS_rt_sigtimedwait, 16, 0, (long)&zero, KSIGSET, 0, 0);
	UT_EXPECT(t, ret == -EFAULT, "a bad set: %ld", ret);
}

void sigtimedwait_takes_a_signal(struct utest *t)
{
	expect_exit(t, run_in_child(t, timedwait, NULL), 0, "the child");
}

/*
 * A child reading the console, under a pinger's SIGUSR1 (blocked until
 * its handler is set): exit 0 for EINTR, 1 for anything else.  The
 * pinger is the caller's child, so that nothing outlives the case.
 */
static pid_t console_reader_pinged(bool restart, pid_t *pinger)
{
	sigset_t set, old;
	pid_t pid;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &old);
	pid = fork();
	if (!pid) {
		char c;
		ssize_t n;

		set_handler(SIGUSR1, count_handler, restart ? SA_RESTART : 0);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		n = read(STDIN_FILENO, &c, 1);
		_exit(n < 0 && errno == EINTR ? 0 : 1);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	*pinger = start_pinger(pid, SIGUSR1);
	return pid;
}

/*
 * A read of the console that a handler interrupts gives EINTR, and with
 * SA_RESTART goes on reading (until killed).  Kestrel only: the case
 * needs a console nobody types on.
 */
void signal_interrupts_console_read(struct utest *t)
{
	pid_t pid, pinger;
	int status, i;

	if (!on_kestrel()) {
		ut_skip(t, "only on Kestrel, whose console has nothing typed");
		return;
	}
	pid = console_reader_pinged(false, &pinger);
	expect_exit(t, wait_status(pid), 0, "a console read without SA_RESTART");
	stop_child(pinger);
	pid = console_reader_pinged(true, &pinger);
	for (i = 0; i < 10; i++) { /* half a second of reading through signals */
		status = -1;
		if (raw_syscall6(SYS_wait4, pid, (long)&status, WNOHANG, 0, 0, 0) == pid)
			break;
		sleep_ms(50);
	}
	stop_child(pinger);
	UT_EXPECT(t, status == -1, "with SA_RESTART the reader ended: status %#x", status);
	if (status == -1) {
		kill(pid, SIGKILL);
		expect_signal(t, wait_status(pid), SIGKILL, "the reader with SA_RESTART");
	}
}

static void exit3(int sig)
{
	(void)sig;
	_exit(3);
}

/* kill(self, SIGUSR1) with RSP at 16: no frame can be written there. */
static void signal_on_bad_stack(bool altstack)
{
	static char stack[16384] __attribute__((aligned(16)));
	stack_t ss = { .ss_sp = stack, .ss_size = sizeof(stack) };

	set_handler(SIGUSR1, count_handler, 0);
	if (altstack) {
		sigaltstack(&ss, NULL);
		set_handler(SIGSEGV, exit3, SA_ONSTACK);
	} else {
		set_handler(SIGSEGV, exit3, 0);
	}
	__asm__ volatile(
		"mov $10, %%esi\n\tmov $62, %%eax\n\tmov $16, %%rsp\n\tsyscall\n\tud2" ::"D"(
			(long)getpid())
		: "memory");
}

static void bad_stack_no_altstack(void)
{
	signal_on_bad_stack(false);
}

/*
 * A frame that cannot be written is a SIGSEGV, whose own frame cannot be
 * written either: the process dies of it; unless its handler runs on an
 * alternate stack, as a stack overflow handler does.
 */
void unwritable_frame_gives_sigsegv(struct utest *t)
{
	pid_t pid;

	expect_fault(t, bad_stack_no_altstack, SIGSEGV, "a signal with RSP 16");
	pid = fork();
	if (!pid) {
		signal_on_bad_stack(true);
		_exit(0);
	}
	expect_exit(t, wait_status(pid), 3, "the same with an SA_ONSTACK SIGSEGV handler");
}

/*
 * A vfork() parent waits for its child to exec or exit, but a fatal
 * signal ends the wait, as in Linux (wait_for_vfork_done() is killable):
 * SIGKILL to a parent whose vfork() child sleeps for good ends the parent
 * at once.  The 5 s of WNOHANG polls bound a failure only.
 */
void sigkill_ends_a_vfork_parent(struct utest *t)
{
	int fds[2], st = 0, i;
	pid_t a, c = 0, r = 0;

	if (!UT_EXPECT(t, !pipe(fds), "pipe: %d", errno))
		return;
	a = fork();
	if (!a) {
		pid_t v = vfork();

		if (!v) {
			pid_t me = getpid();

			if (write(fds[1], &me, sizeof(me)) != sizeof(me))
				_exit(1);
			for (;;)
				pause();
		}
		_exit(0);
	}
	close(fds[1]);
	UT_EXPECT(t, read(fds[0], &c, sizeof(c)) == sizeof(c), "no pid from the vfork() child");
	close(fds[0]);
	kill(a, SIGKILL);
	for (i = 0; i < 500 && !(r = waitpid(a, &st, WNOHANG)); i++)
		sleep_ms(10);
	UT_EXPECT(t, r == a, "the vfork() parent is still there 5 s after SIGKILL");
	if (c > 0)
		end_orphan(c);
	if (r == a)
		expect_signal(t, st, SIGKILL, "the vfork() parent");
	else
		expect_signal(t, wait_status(a), SIGKILL,
			      "the vfork() parent, once its child died");
}

/*
 * Stop and continue, round after round, a child that spins (on another
 * CPU, when there is one): each stop and each continue is reported by
 * wait4() exactly once and in order, and the child never stays stopped
 * or running when it should not.  A stop lost against a SIGCONT, or a
 * parent's wake-up lost, hangs the wait (the boot's time limit fails it).
 */
static void stop_continue_rounds(struct utest *t, void *arg)
{
	const int rounds = 40;
	int status = 0, i, bad = 0;
	pid_t pid;
	long ret;

	(void)arg;
	pid = fork();
	if (!pid)
		for (;;)
			__asm__ volatile("" ::: "memory");
	setpgid(pid, pid); /* a group that is not orphaned: SIGTSTP stops it */
	for (i = 0; i < rounds && !bad; i++) {
		int stop = i % 2 ? SIGTSTP : SIGSTOP;

		kill(pid, stop);
		do
			ret = raw_syscall6(SYS_wait4, pid, (long)&status, WUNTRACED, 0, 0, 0);
		while (ret == -EINTR);
		bad |= !UT_EXPECT(t, ret == pid && status == (stop << 8 | 0x7f),
				  "round %d: wait4(WUNTRACED): %ld, status %#x", i, ret, status);
		kill(pid, SIGCONT);
		do
			ret = raw_syscall6(SYS_wait4, pid, (long)&status, WCONTINUED, 0, 0, 0);
		while (ret == -EINTR);
		bad |= !UT_EXPECT(t, ret == pid && status == 0xffff,
				  "round %d: wait4(WCONTINUED): %ld, status %#x", i, ret, status);
		ret = raw_syscall6(SYS_wait4, pid, (long)&status, WUNTRACED | WCONTINUED | WNOHANG,
				   0, 0, 0);
		bad |= !UT_EXPECT(t, ret == 0, "round %d: a report twice: %ld, status %#x", i, ret,
				  status);
	}
	kill(pid, SIGKILL);
	expect_signal(t, wait_status(pid), SIGKILL, "the spinning child");
}

void stop_continue_rounds_each_reported_once(struct utest *t)
{
	expect_exit(t, run_in_child(t, stop_continue_rounds, NULL), 0, "the child");
}

#define PINGERS	     4
#define PINGS_ROUNDS 40

/*
 * Several children signal this process at once, each with a signal of
 * its own (signals are not queued twice), and wait for an answer on a
 * pipe before the next: rt_sigtimedwait() must take every one of them,
 * PINGERS * PINGS_ROUNDS in all, each with its sender's pid.  A signal
 * lost, or a wait that sleeps through one (no wake-up), ends in the 5 s
 * time limit and fails.
 */
static void signals_from_many(struct utest *t, void *arg)
{
	struct timespec limit = { 5, 0 };
	int acks[PINGERS][2], got[PINGERS] = { 0 }, i, n, bad = 0;
	pid_t pids[PINGERS];
	unsigned long these = 0;
	sigset_t set;

	(void)arg;
	sigemptyset(&set);
	for (i = 0; i < PINGERS; i++) {
		sigaddset(&set, SIGRTMIN + 4 + i);
		these |= mask_of(SIGRTMIN + 4 + i);
	}
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (i = 0; i < PINGERS; i++) {
		if (!UT_EXPECT(t, !pipe(acks[i]), "pipe: %d", errno))
			return;
		pids[i] = fork();
		if (!pids[i]) {
			pid_t parent = getppid();
			char c;

			for (n = 0; n < PINGS_ROUNDS; n++)
				if (kill(parent, SIGRTMIN + 4 + i) || read(acks[i][0], &c, 1) != 1)
					_exit(1);
			_exit(0);
		}
	}
	for (n = 0; n < PINGERS * PINGS_ROUNDS && !bad; n++) {
		siginfo_t si;
		long sig;

		memset(&si, 0, sizeof(si));
		sig = raw_syscall6(SYS_rt_sigtimedwait, (long)&these, (long)&si, (long)&limit,
				   KSIGSET, 0, 0);
		i = (int)sig - SIGRTMIN - 4;
		if (!UT_EXPECT(t, i >= 0 && i < PINGERS, "signal %d of %d: %ld", n,
			       PINGERS * PINGS_ROUNDS, sig)) {
			bad = 1;
			break;
		}
		bad |= !UT_EXPECT(t, si.si_pid == pids[i] && si.si_code == SI_USER,
				  "signal %ld from %d (not %d), code %d", sig, (int)si.si_pid,
				  (int)pids[i], si.si_code);
		got[i]++;
		bad |= !UT_EXPECT(t, write(acks[i][1], "", 1) == 1, "ack: %d", errno);
	}
	for (i = 0; i < PINGERS; i++) {
		UT_EXPECT(t, bad || got[i] == PINGS_ROUNDS, "pinger %d: %d signals of %d", i,
			  got[i], PINGS_ROUNDS);
		if (bad)
			kill(pids[i], SIGKILL);
		close(acks[i][1]);
		close(acks[i][0]);
		if (bad)
			wait_status(pids[i]);
		else
			expect_exit(t, wait_status(pids[i]), 0, "a pinger");
	}
}

void signals_from_many_children_each_taken(struct utest *t)
{
	expect_exit(t, run_in_child(t, signals_from_many, NULL), 0, "the child");
}
