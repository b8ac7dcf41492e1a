; SPDX-License-Identifier: GPL-2.0
;
; The system call entry (SYSCALL, through MSR_LSTAR), and a new user
; thread's first entry to ring 3.  CONFIG_USER_MODE only.
;
; SYSCALL leaves the CPU in ring 0 with the user's RSP, RIP in RCX, RFLAGS
; in R11, the flags of SFMASK cleared (IF among them: nothing can
; interrupt the first instructions) and the user's GS base.  The entry
; swaps GS to reach the per-CPU area (<asm/percpu.h>), parks the user's
; RSP there, switches to the task's kernel stack, and builds the struct
; pt_regs an interrupt from ring 3 would (<asm/ptrace.h>): the frame an
; iretq would pop, SYSCALL_VECTOR, the number as orig_ax, the registers.
;
; Two paths, as Linux's entry had them until 4.15 (its fast path and its
; "ptregs" stubs):
;
; The fast path serves every call that reads its arguments and nothing
; else of the frame, which is nearly all of them.  It saves the frame and
; the registers a C function may clobber, but leaves RBX, RBP and R12-R15
; in their registers: the handler keeps them, so they go back as they
; came, and their slots are skipped with one instruction.  It calls the
; handler straight from syscall_fast_table (kernel/syscall.c), with
; interrupts on, and returns by SYSRET unless the exit has work to do.
; Whether SYSRET may restore the frame is settled before the call, from
; what SYSCALL gave: a fast call never changes the frame, so RCX and R11
; are its RIP and RFLAGS by construction, and what is left to refuse is a
; RIP that is not canonical and a TF or RF set (syscall_64.c says why).
;
; The full path stores those six registers too, making the frame the
; whole of the user's state, and runs do_syscall_64() (syscall_64.c),
; which decides between SYSRET and iretq from the frame as it is then.
; It takes the calls marked SYSCALL_DEFINEn_PTREGS (fork() copies the
; frame to the child), a number without a call (for its log line), and a
; frame SYSRET cannot restore.  A fast call whose exit has work (a
; reschedule, a pending signal) completes the frame the same way and
; does the work in C (<kernel/process.h>'s EXIT_WORK_*): that work may
; read or rewrite the frame.
;
; Constants and offsets shared with C are computed by the build
; (asm-offsets.c); the user suite's round trip checks the selectors a
; system call saved against USER_CS and USER_DS.
;
; With CONFIG_PAGE_TABLE_ISOLATION the entry switches CR3 to the kernel
; tables once the user's RSP is parked (RSP is then the only free
; register), and the SYSRET exits switch back to the user tables last,
; keeping RAX in the per-CPU area across the switch (<asm/pti.h>).

%define USER_RFLAGS		0x202	; IF and the always-one bit

%include "asm/calling.inc"

global entry_SYSCALL_64
global syscall_ptregs_stub
global enter_user_mode
global resume_user_mode
extern syscall_fast_table
extern do_syscall_64
extern syscall_exit_work
extern return_to_user
extern __need_resched
extern current_task
extern exit_to_user_mode

; Store the registers the fast path left live into their slots.
%macro SAVE_CALLEE_SAVED 0
	mov [rsp + PT_REGS_RBX], rbx
	mov [rsp + PT_REGS_RBP], rbp
	mov [rsp + PT_REGS_R12], r12
	mov [rsp + PT_REGS_R13], r13
	mov [rsp + PT_REGS_R14], r14
	mov [rsp + PT_REGS_R15], r15
%endmacro

; Back to ring 3 with RCX, R11 and RSP already the user's.
%macro SYSRET_TO_USER 0
%ifdef CONFIG_PAGE_TABLE_ISOLATION
	mov [PER_CPU_ENTRY(PERCPU_SCRATCH)], rax
	SWITCH_TO_USER_CR3 rax
	mov rax, [PER_CPU_ENTRY(PERCPU_SCRATCH)]
%endif
	swapgs
	o64 sysret
%endmacro

section .entry.text progbits alloc exec nowrite align=16

align 16
entry_SYSCALL_64:
	swapgs
	mov [PER_CPU_ENTRY(PERCPU_USER_RSP)], rsp
	SWITCH_TO_KERNEL_CR3 rsp
	mov rsp, [PER_CPU_ENTRY(PERCPU_TOP_OF_STACK)]
	push qword USER_DS		; ss
	push qword [PER_CPU_ENTRY(PERCPU_USER_RSP)]	; rsp
	push r11			; rflags
	push qword USER_CS		; cs
	push rcx			; rip
	push rax			; orig_ax: the number
	push qword SYSCALL_VECTOR	; vector
	push rdi
	push rsi
	push rdx
	push rcx
	push rax
	push r8
	push r9
	push r10
	push r11
	sub rsp, PT_REGS_CALLEE_SAVED_SIZE	; RBX, RBP, R12-R15: still live
	test r11d, X86_EFLAGS_TF | X86_EFLAGS_RF
	jnz syscall_full
	bt rcx, 47			; not canonical: RIP >= 1 << 47
	jc syscall_full
	mov eax, eax			; the number is 32 bits, as in Linux
	cmp rax, NR_syscalls
	jae syscall_full
	sti
	mov rdi, rsp
	call [syscall_fast_table + rax * 8]
	mov [rsp + PT_REGS_RAX], rax
	cli
	cmp byte [gs:__need_resched], 0
	jne syscall_work
	mov rcx, [gs:current_task]
	cmp qword [rcx + TASK_EXIT_WORK], 0
	jne syscall_work
	mov rdi, [rsp + PT_REGS_RDI]
	mov rsi, [rsp + PT_REGS_RSI]
	mov rdx, [rsp + PT_REGS_RDX]
	mov r10, [rsp + PT_REGS_R10]
	mov r8, [rsp + PT_REGS_R8]
	mov r9, [rsp + PT_REGS_R9]
	mov rcx, [rsp + PT_REGS_RIP]
	mov r11, [rsp + PT_REGS_RFLAGS]
	mov rsp, [rsp + PT_REGS_RSP]
	SYSRET_TO_USER

; long syscall_ptregs_stub(const struct pt_regs *regs)
;
; What syscall_fast_table holds for a number that needs the full path:
; the fast path calls it with interrupts on, and it drops the return
; address to take that path instead.
syscall_ptregs_stub:
	add rsp, 8
syscall_full:
	SAVE_CALLEE_SAVED
	mov rdi, rsp
	call do_syscall_64		; interrupts off again when it returns
	jmp syscall_exit

syscall_work:
	SAVE_CALLEE_SAVED
	mov rdi, rsp
	call syscall_exit_work		; the same
syscall_exit:
	test al, al
	jz return_to_user
	; SYSRET: RCX and R11 hold the frame's RIP and RFLAGS, as checked.
	POP_REGS
	mov rsp, [rsp + 40]		; vector, orig_ax, rip, cs, rflags: then rsp
	SYSRET_TO_USER

; void enter_user_mode(unsigned long ip [rdi], unsigned long sp [rsi],
;		       unsigned long stack_top [rdx])
;
; Drop whatever the kernel stack holds, build the user frame at its top
; (where task_pt_regs() finds it) with every register zero, and leave
; through return_to_user.  The frame is pushed from registers, not copied:
; the caller's own frames lie where it goes.  The exit work is done last,
; with interrupts off, as on every way to ring 3: a signal sent while
; execve() replaced the program ends the task before the new one runs.
enter_user_mode:
	cli
	mov rsp, rdx
	push qword USER_DS		; ss
	push rsi			; rsp
	push qword USER_RFLAGS		; rflags
	push qword USER_CS		; cs
	push rdi			; rip
	push qword 0			; orig_ax
	push qword SYSCALL_VECTOR	; as if returning from a system call
	xor eax, eax
%rep 15
	push rax
%endrep
	call exit_to_user_mode
	jmp return_to_user

; void resume_user_mode(void)
;
; Leave for ring 3 through the frame already at the top of the running
; task's kernel stack (fork() wrote the child's there), dropping the rest
; of the stack.  PERCPU_TOP_OF_STACK is that top (switch_to()).  The exit
; work too: a child killed before it first ran ends here.
resume_user_mode:
	cli
	mov rsp, [PER_CPU_ENTRY(PERCPU_TOP_OF_STACK)]
	sub rsp, PT_REGS_SIZE
	call exit_to_user_mode
	jmp return_to_user
