; SPDX-License-Identifier: GPL-2.0
;
; The Multiboot2 header: what makes GRUB's "multiboot2" command accept
; kernel.elf.  It must lie 8-byte aligned within the first 32 KiB of the
; file; the linker script puts its section first.  GRUB loads the ELF
; segments where their physical addresses say, and the entry point is the
; ELF entry (_start).  One tag asks for page-aligned modules: the
; initramfs's pages go back to the frame allocator once it is unpacked,
; and a first page shared with something else could not.

MB2_HEADER_MAGIC	equ 0xe85250d6
MB2_ARCH_I386		equ 0		; 32-bit protected mode entry
MB2_HEADER_LEN		equ mb2_header_end - mb2_header_start

section .multiboot2 align=8
mb2_header_start:
	dd MB2_HEADER_MAGIC
	dd MB2_ARCH_I386
	dd MB2_HEADER_LEN
	dd (0x100000000 - (MB2_HEADER_MAGIC + MB2_ARCH_I386 + MB2_HEADER_LEN)) & 0xffffffff

	; module alignment tag: type 6, flags 0, size 8
	align 8
	dw 6
	dw 0
	dd 8

	; end tag: type 0, flags 0, size 8
	align 8
	dw 0
	dw 0
	dd 8
mb2_header_end:
