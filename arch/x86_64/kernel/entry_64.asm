; SPDX-License-Identifier: GPL-2.0
;
; The system call entry (SYSCALL, through MSR_LSTAR), and a new user
; thread's first entry to ring 3.  CONFIG_USER_MODE only.
;
; SYSCALL leaves the CPU in ring 0 with the user's RSP, RIP in RCX, RFLAGS
; in R11, the flags of SFMASK cleared (IF among them: nothing can
; interrupt the first instructions) and the user's GS base.  The entry
; swaps GS to reach the per-CPU area (<asm/percpu.h>), parks the user's
; RSP there, switches to the task's kernel stack, and builds the same
; struct pt_regs as an interrupt from ring 3 would (<asm/ptrace.h>): the
; frame an iretq would pop, SYSCALL_VECTOR, the number as orig_ax, the
; 15 registers.  do_syscall_64() (syscall_64.c) runs the call and says
; whether SYSRET can restore what the frame now holds; when not, the
; exit is the interrupts' iretq path (return_to_user in entry.asm).
;
; The selectors repeat <asm/segment.h>, which NASM cannot read; the user
; suite's round trip checks the selectors a system call saved against
; USER_CS and USER_DS.  The per-CPU offsets are in <asm/calling.inc>.
;
; With CONFIG_PAGE_TABLE_ISOLATION the entry switches CR3 to the kernel
; tables once the user's RSP is parked (RSP is then the only free
; register), and the SYSRET exit switches back to the user tables last,
; keeping RAX in the per-CPU area across the switch (<asm/pti.h>).

%define USER_DS			0x33	; GDT entry 6, RPL 3
%define USER_CS			0x3b	; GDT entry 7, RPL 3
%define SYSCALL_VECTOR		256
%define USER_RFLAGS		0x202	; IF and the always-one bit

%include "asm/calling.inc"

global entry_SYSCALL_64
global enter_user_mode
global resume_user_mode
extern do_syscall_64
extern return_to_user

section .entry.text progbits alloc exec nowrite align=16

align 16
entry_SYSCALL_64:
	swapgs
	mov [gs:PERCPU_USER_RSP], rsp
	SWITCH_TO_KERNEL_CR3 rsp
	mov rsp, [gs:PERCPU_TOP_OF_STACK]
	push qword USER_DS		; ss
	push qword [gs:PERCPU_USER_RSP]	; rsp
	push r11			; rflags
	push qword USER_CS		; cs
	push rcx			; rip
	push rax			; orig_ax: the number
	push qword SYSCALL_VECTOR	; vector
	PUSH_REGS
	mov rdi, rsp
	call do_syscall_64		; interrupts off again when it returns
	test al, al
	jz return_to_user
	; SYSRET: RCX and R11 hold the frame's RIP and RFLAGS, as checked.
	POP_REGS
	mov rsp, [rsp + 40]		; vector, orig_ax, rip, cs, rflags: then rsp
%ifdef CONFIG_PAGE_TABLE_ISOLATION
	mov [gs:PERCPU_SCRATCH], rax
	SWITCH_TO_USER_CR3 rax
	mov rax, [gs:PERCPU_SCRATCH]
%endif
	swapgs
	o64 sysret

; void enter_user_mode(unsigned long ip [rdi], unsigned long sp [rsi],
;		       unsigned long stack_top [rdx])
;
; Drop whatever the kernel stack holds, build the user frame at its top
; (where task_pt_regs() finds it) with every register zero, and leave
; through return_to_user.  The frame is pushed from registers, not copied:
; the caller's own frames lie where it goes.
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
	jmp return_to_user

; void resume_user_mode(void)
;
; Leave for ring 3 through the frame already at the top of the running
; task's kernel stack (fork() wrote the child's there), dropping the rest
; of the stack.  PERCPU_TOP_OF_STACK is that top (switch_to()).
resume_user_mode:
	cli
	mov rsp, [gs:PERCPU_TOP_OF_STACK]
	sub rsp, PT_REGS_SIZE
	jmp return_to_user
