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
;
; With CONFIG_USER_MODE (the Makefile passes it to NASM), an interrupt or
; exception may come from ring 3, with the user's GS base loaded: the
; common path swaps GS when the saved CS has RPL 3, and swaps it back on
; the way out when the CS it returns to has RPL 3 (<asm/percpu.h>).  One
; kernel-mode fault needs the swap too: the iretq to ring 3 itself, which
; faults (#GP) after the swap back when the frame it would load is bad (a
; non-canonical RIP).  Its saved RIP is iret_to_user; traps.c then turns
; it into the user's fault (fixup_bad_iret()), as Linux does.
;
; NMI, #MC and #DF can also arrive in the few instructions where the CPU
; is in ring 0 with the user's GS (the syscall entry before its swapgs,
; the exits between swapgs and sysretq or iretq): their saved CS is the
; kernel's, so no swap happens and GS stays the user's in the handler.
; Linux's paranoid_entry reads MSR_GS_BASE for them; Kestrel does not:
; all three are fatal here (die(), dumpstack.c, panic()), and never
; return.  Their report reads current and the preemption count through
; GS, which there is the user's base, always 0: those reads reach the
; per-CPU template, so such a report may name the wrong task, and
; nothing worse (nothing on that path writes per-CPU data).  An NMI or
; #MC handler that returns, or that must name the right task, needs the
; MSR check first.
;
; With CONFIG_PAGE_TABLE_ISOLATION ring 3 runs on the user tables, which
; map this file's code and the .bss..entry data but not the task's
; stack (<asm/pti.h>).  An entry from ring 3 lands on the per-CPU entry
; stack (TSS.RSP0), saves the registers there, switches CR3 to the
; kernel tables and moves the whole frame to the top of the task's
; stack, where it would have been without isolation.  The way out copies
; the iretq frame back to the entry stack before it switches CR3 to the
; user tables.  The same three fatal exceptions can also find the user
; tables live in ring 0 (in the windows above, and between the CR3
; switch and iretq): the common path switches to the kernel's for them
; and, as they never return, does not switch back.  For that test to be
; right every PML4 the kernel ever loads is 8 KiB aligned, the boot
; tables' too (head32.asm).
;
; All of it is in .entry.text, which the linker gives pages of its own.

%include "asm/calling.inc"

global interrupt_stubs_start
extern interrupt_dispatch
%ifdef CONFIG_USER_MODE
global return_to_user
global iret_to_user
extern cpu_has_smap
%endif

; The stubs are 8 bytes apart, in groups of STUBS_PER_GROUP that end with a
; jump to interrupt_common: a stub's own jump is a short one (2 bytes,
; reaching 127 bytes on), which leaves room in 8 bytes for two pushes.  A
; near jump to interrupt_common from each stub would take 16 bytes a stub,
; and a table of their addresses; this way a stub's address is arithmetic
; (interrupt_stub() in <asm/sections.h>, which shares these numbers), and
; the 256 of them take 2,304 bytes instead of 6,144.
%define STUB_SIZE	8
%define STUBS_PER_GROUP	15
%define GROUP_SIZE	128		; 15 stubs and the group's jump

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

section .entry.text progbits alloc exec nowrite align=16

; "push byte" sign-extends: vectors 128-255 are pushed as negative numbers,
; and interrupt_common keeps the low byte.  Stubs and groups are padded
; with int3 to their size by "times", not "align": an alignment of 128 would
; become the whole text segment's, and GRUB then needs half a MiB more RAM
; to load the kernel (debug_defconfig stopped booting in 5 MiB).
align 16
interrupt_stubs_start:
%assign vec 0
%assign group 0
%rep (256 + STUBS_PER_GROUP - 1) / STUBS_PER_GROUP
group_ %+ group:
%rep STUBS_PER_GROUP
%if vec < 256
stub_ %+ vec:
	has_error_code vec
%if err == 0
	push byte 0
%endif
%if vec < 128
	push byte vec
%else
	push byte vec - 256
%endif
	jmp short group_end_ %+ group
	times STUB_SIZE - ($ - stub_ %+ vec) int3
%endif
%assign vec vec + 1
%endrep
group_end_ %+ group:
	jmp interrupt_common
	times GROUP_SIZE - ($ - group_ %+ group) int3
%assign group group + 1
%endrep

align 16
interrupt_common:
	and qword [rsp], 0xff		; the vector, of a "push byte"
%ifdef CONFIG_USER_MODE
	test byte [rsp + 24], 3		; the saved CS (above vector, error code, RIP)
	jnz .from_user
	cmp qword [rsp + 16], iret_to_user
	je .from_user
	PUSH_REGS
%ifdef CONFIG_PAGE_TABLE_ISOLATION
	; From ring 0 with the user tables live: only an NMI, #MC or #DF in
	; an entry or exit window (see the top).  Their handlers need the
	; kernel's tables to report, and never return.
	mov rax, cr3
	btr rax, PTI_USER_PGTABLE_BIT
	jnc .on_kernel_stack
	mov cr3, rax
%endif
	jmp .on_kernel_stack
.from_user:
	swapgs
	PUSH_REGS
%ifdef CONFIG_PAGE_TABLE_ISOLATION
	; The frame is on the entry stack (TSS.RSP0): switch to the kernel's
	; tables, then move it to where the task's user registers live, the
	; top of its stack, and go on there.
	SWITCH_TO_KERNEL_CR3 rax
	mov rsi, rsp
	mov rsp, [PER_CPU_ENTRY(PERCPU_TOP_OF_STACK)]
	sub rsp, PT_REGS_SIZE
	mov rdi, rsp
	mov ecx, PT_REGS_SIZE / 8
	cld
	rep movsq
%endif
.on_kernel_stack:
	; An interrupt gate does not clear RFLAGS.AC: one in the middle of a
	; user copy (<asm/uaccess.h>) would run its handler, and whatever task
	; it switches to, with SMAP's window open.  iretq restores the
	; interrupted AC.  (CLAC is #UD on a CPU without SMAP.)
	cmp byte [cpu_has_smap], 0
	je .ac_clear
	clac
.ac_clear:
%else
	PUSH_REGS
%endif
	cld				; the C ABI expects DF clear
	mov rdi, rsp
	call interrupt_dispatch
	POP_REGS
	add rsp, 16			; vector and error code
%ifdef CONFIG_USER_MODE
	test byte [rsp + 8], 3		; the CS it returns to
	jnz iret_frame_to_user
%endif
	iretq

%ifdef CONFIG_USER_MODE
; The way back to ring 3 through iretq, from a struct pt_regs at RSP: the
; system call exit when sysretq cannot be used, and a new user thread's
; first entry (entry_64.asm).  Interrupts are off.
return_to_user:
	POP_REGS
	add rsp, 16			; vector and error code
iret_frame_to_user:
%ifdef CONFIG_PAGE_TABLE_ISOLATION
	; The task's stack is not mapped in the user tables: iretq must find
	; its frame on the entry stack.  One register is needed across the
	; switch, and the per-CPU area, mapped in both, keeps it.
	mov [PER_CPU_ENTRY(PERCPU_SCRATCH)], rax
	mov rax, rsp
	mov rsp, [PER_CPU_ENTRY(PERCPU_ENTRY_STACK)]
	push qword [rax + 32]		; ss
	push qword [rax + 24]		; rsp
	push qword [rax + 16]		; rflags
	push qword [rax + 8]		; cs
	push qword [rax]		; rip
	SWITCH_TO_USER_CR3 rax
	mov rax, [PER_CPU_ENTRY(PERCPU_SCRATCH)]
%endif
	swapgs
iret_to_user:				; may fault: see the top of this file
	iretq
%endif
