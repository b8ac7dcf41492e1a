; SPDX-License-Identifier: GPL-2.0
;
; The real-mode trampoline an application processor starts in.
;
; A startup IPI (SIPI) starts the AP in real mode at CS:IP = (page << 8):0,
; page being the IPI's vector: the code must sit in a page below 1 MiB.
; This blob is kernel data (.rodata), never run where it is linked:
; smpboot.c copies it to such a page and fills in the fields marked
; "filled by smpboot.c" before each SIPI.  Everything here is therefore
; written relative to trampoline_start: the real-mode part addresses it
; through DS = CS, the rest through EBX, the blob's physical base, which
; the real-mode part computes and every mode after it keeps.
;
; The way up is the one head32.asm takes for the boot CPU, one step
; earlier: real mode, 32-bit protected mode with the blob's own GDT, then
; PAE paging on page tables smpboot.c built beside the blob (the blob's
; page mapped at its own address, and the kernel's upper half), long
; mode, and a jump to start_secondary(cpu) in the kernel's upper half, on
; the stack of the AP's idle task.  start_secondary() loads the kernel's
; page tables and this CPU's GDT, TSS and IDT.
;
; One AP runs this at a time: smpboot.c waits for each to report in from
; start_secondary(), by which time it has taken all it needs from here,
; before it fills the fields for the next.

%include "asm/boot.inc"

global trampoline_start
global trampoline_end
global tr_gdt
global tr_gdt_ptr
global tr_pm_jump
global tr_lm_jump
global tr_cr3
global tr_stack
global tr_entry
global tr_cpu

TR_CODE32	equ 0x08
TR_DATA		equ 0x10
TR_CODE64	equ 0x18

%define OFF(x)	((x) - trampoline_start)

section .rodata
align 16

trampoline_start:
bits 16
	cli
	cld
	mov ax, cs
	mov ds, ax
	xor ebx, ebx
	mov bx, ax
	shl ebx, 4			; the blob's physical base, for every mode below
	o32 lgdt [OFF(tr_gdt_ptr)]
	mov eax, cr0
	or eax, CR0_PE
	mov cr0, eax
	o32 jmp far [OFF(tr_pm_jump)]

bits 32
tr_protected_mode:
	mov ax, TR_DATA
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov eax, cr4
	or eax, CR4_PAE | CR4_PGE
	mov cr4, eax
	mov eax, [ebx + OFF(tr_cr3)]
	mov cr3, eax
	mov ecx, MSR_EFER
	rdmsr
	or eax, EFER_LME | EFER_NXE
	wrmsr
	mov eax, cr0
	or eax, CR0_PG | CR0_WP
	mov cr0, eax
	jmp far [ebx + OFF(tr_lm_jump)]

bits 64
tr_long_mode:
	mov ebx, ebx			; 64-bit mode leaves the upper halves undefined
	xor eax, eax
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov fs, ax
	mov gs, ax
	mov rsp, [rbx + OFF(tr_stack)]
	mov edi, [rbx + OFF(tr_cpu)]
	mov rax, [rbx + OFF(tr_entry)]
	xor ebp, ebp			; ends frame-pointer backtraces
	push 0				; as head64.asm: a return would fault at NULL
	jmp rax

align 8
; The blob's GDT: null, 32-bit code, data, 64-bit code.  Accessed bits
; preset, as in head32.asm's, so that the CPU never writes to it.
tr_gdt:
	dq 0
	dq 0x00cf9b000000ffff		; TR_CODE32: present, ring 0, code, D=1, 4 GiB
	dq 0x00cf93000000ffff		; TR_DATA: present, ring 0, data, writable, 4 GiB
	dq 0x00af9b000000ffff		; TR_CODE64: present, ring 0, code, L=1
tr_gdt_end:

align 8
tr_gdt_ptr:				; lgdt's operand: base filled by smpboot.c
	dw tr_gdt_end - tr_gdt - 1
	dd 0
align 8
tr_pm_jump:				; far pointers (offset, selector): offsets filled
	dd 0
	dw TR_CODE32
align 8
tr_lm_jump:
	dd 0
	dw TR_CODE64
align 8
tr_cr3:		dq 0			; the trampoline's PML4, below 4 GiB
tr_stack:	dq 0			; the idle task's stack top
tr_entry:	dq 0			; start_secondary()
tr_cpu:		dd 0			; the CPU number, start_secondary()'s argument
trampoline_end:

; Offsets smpboot.c needs to patch the far pointers, as symbols.
global tr_protected_mode
global tr_long_mode
