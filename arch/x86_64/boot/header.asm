; SPDX-License-Identifier: GPL-2.0
;
; The Multiboot2 header: what makes GRUB's "multiboot2" command accept
; kernel.elf.  It must lie 8-byte aligned within the first 32 KiB of the
; file; the linker script puts its section first.  GRUB loads the ELF
; segments where their physical addresses say, and the entry point is the
; ELF entry (_start).  One tag asks for page-aligned modules: the
; initramfs's pages go back to the frame allocator once it is unpacked,
; and a first page shared with something else could not.
;
; Another asks for a 1024x768, 32 bpp linear framebuffer, flagged optional
; (GRUB boots the kernel without one): UEFI has no VGA text mode, and GRUB
; sets this mode there unless grub.cfg's gfxpayload says another (see
; scripts/mkiso).  On BIOS grub.cfg sets gfxpayload=text, so the VGA text
; console stays the default; either way GRUB passes a framebuffer tag
; (type 8) that says which it set up.

MB2_HEADER_MAGIC	equ 0xe85250d6
MB2_ARCH_I386		equ 0		; 32-bit protected mode entry
MB2_HEADER_LEN		equ mb2_header_end - mb2_header_start
MB2_TAG_OPTIONAL	equ 1
MB2_FB_WIDTH		equ 1024
MB2_FB_HEIGHT		equ 768
MB2_FB_DEPTH		equ 32

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

	; framebuffer tag: type 5, optional, size 20: width, height, depth
	align 8
	dw 5
	dw MB2_TAG_OPTIONAL
	dd 20
	dd MB2_FB_WIDTH
	dd MB2_FB_HEIGHT
	dd MB2_FB_DEPTH

	; end tag: type 0, flags 0, size 8
	align 8
	dw 0
	dw 0
	dd 8
mb2_header_end:
