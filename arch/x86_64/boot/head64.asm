; SPDX-License-Identifier: GPL-2.0
;
; 64-bit entry.  head32.asm far-jumps here with paging on, still running at
; physical (identity-mapped) addresses; this moves to the higher half,
; reloads the GDT and segments through their virtual addresses, switches to
; the kernel stack and enters start_kernel(boot information address).

%include "asm/boot.inc"

global long_mode_entry
extern boot_gdt_ptr64
extern boot_stack_top
extern start_kernel

section .boot.text exec
bits 64

long_mode_entry:
	mov rax, higher_half_entry
	jmp rax

section .text

higher_half_entry:
	lgdt [boot_gdt_ptr64]
	mov ax, BOOT_DS
	mov ds, ax
	mov es, ax
	mov ss, ax
	xor eax, eax
	mov fs, ax
	mov gs, ax

	mov rsp, boot_stack_top
	xor ebp, ebp			; ends frame-pointer backtraces
	mov edi, esi			; Multiboot2 information (physical)
	; start_kernel() never returns.  Entered as if called from address 0,
	; so that every backtrace, gdb's included, ends right above it (and a
	; return, were there one, faults at NULL with a report).
	push 0
	jmp start_kernel
