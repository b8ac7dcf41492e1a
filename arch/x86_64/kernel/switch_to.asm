; SPDX-License-Identifier: GPL-2.0
;
; The context switch, and the first instructions of every new task.
;
; __switch_to_asm(prev, next) is called like any C function, so the
; caller has already saved every register the ABI lets a call clobber.
; What is left to save is the callee-saved set: RBX, RBP, R12-R15, and
; the stack pointer, which is all there is of a task that is not running
; (xv6's swtch does the same in its 13 instructions).  RSP goes into
; task->thread.sp, at offset 0 of struct task_struct (asm/thread.h); the
; return address on the new stack decides where the new task goes on.
;
; A new task's stack (process.c) holds a frame of six registers and the
; address of ret_from_kthread, so its first switch "returns" there with
; R12 = the task's function and R13 = its argument.

global __switch_to_asm
global ret_from_kthread
extern schedule_tail
extern task_exit

section .text

; void __switch_to_asm(struct task_struct *prev [rdi], struct task_struct *next [rsi])
__switch_to_asm:
	push rbp
	push rbx
	push r12
	push r13
	push r14
	push r15
	mov [rdi], rsp
	mov rsp, [rsi]
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbx
	pop rbp
	ret

; Entered by the first switch to a task, with interrupts off.  RBP is 0,
; so a backtrace from inside the task ends at its function.
ret_from_kthread:
	call schedule_tail
	mov rdi, r13
	call r12
	mov edi, eax
	call task_exit			; never returns
.unreachable:
	ud2

; A ud2 the kernel means, not UBSan's (asm/bug.h).
section .deliberate_ud2 progbits alloc noexec nowrite align=8
	dq .unreachable
