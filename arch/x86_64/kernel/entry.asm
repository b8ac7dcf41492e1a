; SPDX-License-Identifier: GPL-2.0
;
; Interrupt and exception entry: one small stub per vector, one common path.
;
; The CPU enters a stub with its own frame on the stack (SS, RSP, RFLAGS,
; CS, RIP) and, for a few exceptions, an error code.  Each stub pushes a
; dummy error code where the CPU pushes none, so that every frame has the
; same shape, then its vector number, and jumps to interrupt_common, which
; saves the general registers and calls interrupt_dispatch(struct pt_regs *)
; (idt.c).  The layout is struct pt_regs in <asm/ptrace.h>.
;
; Stack alignment: in 64-bit mode the CPU aligns RSP to 16 bytes before it
; pushes its frame; frame, error code, vector and 15 registers make 176
; bytes, a multiple of 16, so the C call sees the stack the ABI promises.

global interrupt_stubs
extern interrupt_dispatch

; Exceptions for which the CPU pushes an error code: #DF, #TS, #NP, #SS,
; #GP, #PF, #AC, #CP, #VC, #SX.  Sets "err" to 1 for those.
%macro has_error_code 1
	%if %1 == 8 || %1 == 10 || %1 == 11 || %1 == 12 || %1 == 13 || \
	    %1 == 14 || %1 == 17 || %1 == 21 || %1 == 29 || %1 == 30
		%assign err 1
	%else
		%assign err 0
	%endif
%endmacro

section .text

%assign vec 0
%rep 256
align 16
vector_ %+ vec:
	has_error_code vec
%if err == 0
	push 0
%endif
	push vec
	jmp interrupt_common
%assign vec vec + 1
%endrep

align 16
interrupt_common:
	push rax
	push rbx
	push rcx
	push rdx
	push rsi
	push rdi
	push rbp
	push r8
	push r9
	push r10
	push r11
	push r12
	push r13
	push r14
	push r15
	cld				; the C ABI expects DF clear
	mov rdi, rsp
	call interrupt_dispatch
	pop r15
	pop r14
	pop r13
	pop r12
	pop r11
	pop r10
	pop r9
	pop r8
	pop rbp
	pop rdi
	pop rsi
	pop rdx
	pop rcx
	pop rbx
	pop rax
	add rsp, 16			; vector and error code
	iretq

; The stubs' addresses, indexed by vector, for idt.c.
section .rodata
align 8
interrupt_stubs:
%assign vec 0
%rep 256
	dq vector_ %+ vec
%assign vec vec + 1
%endrep
