; SPDX-License-Identifier: GPL-2.0
;
; 32-bit entry point.  GRUB jumps here in protected mode with paging off,
; EAX = Multiboot2 magic and EBX = physical address of the boot information.
;
; This code runs at its physical address (its section is linked at the load
; address, not in the higher half), so every reference to a higher-half
; symbol goes through PHYS().  It checks that the CPU can run the kernel,
; builds the boot page tables, enters long mode and jumps to head64.asm.
; A failed check prints "ERR: <reason>" on the VGA screen and the serial
; port, and halts: there is nothing else a kernel that cannot start can do.

%include "asm/boot.inc"

global _start
global boot_pml4
global boot_stack_guard
global boot_stack_bottom
global boot_stack_top
global boot_gdt
extern long_mode_entry

section .boot.text exec align=16
bits 32

_start:
	cli
	cld
	mov esp, PHYS(boot_stack_top)
	mov esi, ebx			; keep the boot information pointer

	cmp eax, MB2_BOOTLOADER_MAGIC
	mov edx, msg_no_multiboot
	jne boot_error

	call check_cpu
	call setup_page_tables
	call enable_long_mode

	lgdt [boot_gdt_ptr32]
	jmp BOOT_CS:long_mode_entry

; Long mode needs CPUID, its extended leaves, the LM bit, and (for W^X)
; the NX bit.  CPUID exists when EFLAGS.ID can be toggled.
check_cpu:
	pushfd
	pop eax
	mov ecx, eax
	xor eax, 1 << 21
	push eax
	popfd
	pushfd
	pop eax
	push ecx
	popfd
	cmp eax, ecx
	mov edx, msg_no_cpuid
	je boot_error

	mov eax, 0x80000000
	cpuid
	cmp eax, 0x80000001
	mov edx, msg_no_ext_cpuid
	jb boot_error

	mov eax, 0x80000001
	cpuid
	test edx, 1 << 29
	mov edx, msg_no_long_mode
	jz boot_error
	mov eax, 0x80000001
	cpuid
	test edx, 1 << 20
	mov edx, msg_no_nx
	jz boot_error
	ret

; Map the first GiB three times with 2 MiB pages: at 0 (identity, so that
; this code keeps running when paging comes on), at KERNEL_VMA (where the
; kernel is linked) and at PAGE_OFFSET (the direct map, where C finds
; physical memory).  start_kernel() removes the identity map;
; paging_init() replaces the rest.
setup_page_tables:
	mov edi, PHYS(boot_pml4)
	xor eax, eax
	mov ecx, 5 * 4096 / 4		; PML4, three PDPTs and the PD
	rep stosd

	mov eax, PHYS(boot_pdpt_low) + PTE_PRESENT + PTE_WRITE
	mov [PHYS(boot_pml4)], eax
	mov eax, PHYS(boot_pdpt_high) + PTE_PRESENT + PTE_WRITE
	mov [PHYS(boot_pml4) + 511 * 8], eax
	mov eax, PHYS(boot_pdpt_direct) + PTE_PRESENT + PTE_WRITE
	mov [PHYS(boot_pml4) + DIRECT_MAP_PML4_INDEX * 8], eax

	mov eax, PHYS(boot_pd) + PTE_PRESENT + PTE_WRITE
	mov [PHYS(boot_pdpt_low)], eax
	mov [PHYS(boot_pdpt_high) + 510 * 8], eax
	mov [PHYS(boot_pdpt_direct)], eax

	mov edi, PHYS(boot_pd)
	mov eax, PTE_PRESENT + PTE_WRITE + PTE_HUGE
	mov ecx, 512
.map_2m:
	mov [edi], eax
	add eax, 0x200000
	add edi, 8
	loop .map_2m
	ret

; PAE paging with the tables above, long mode and no-execute pages in EFER,
; then paging on (with write protection honoured in ring 0).
enable_long_mode:
	mov eax, PHYS(boot_pml4)
	mov cr3, eax

	mov eax, cr4
	or eax, CR4_PAE | CR4_PGE
	mov cr4, eax

	mov ecx, MSR_EFER
	rdmsr
	or eax, EFER_LME | EFER_NXE
	wrmsr

	mov eax, cr0
	or eax, CR0_PG | CR0_WP | CR0_PE
	mov cr0, eax
	ret

; Print "ERR: " and the string at EDX in white on red at the top left of the
; VGA text screen, and on COM1, then halt for good.
boot_error:
	mov ebp, edx
	mov edi, 0xb8000
	mov esi, msg_err
	call .puts
	mov esi, ebp
	call .puts
.halt:
	cli
	hlt
	jmp .halt

.puts:
	lodsb
	test al, al
	jz .done
	mov ah, 0x4f
	stosw
	mov bl, al
	mov dx, 0x3fd			; COM1 line status: wait for an empty
	mov ecx, 100000			; transmitter, but not forever
.wait:
	in al, dx
	test al, 0x20
	loopz .wait
	mov al, bl
	mov dx, 0x3f8
	out dx, al
	jmp .puts
.done:
	ret

section .boot.rodata align=8

msg_err:		db "ERR: ", 0
msg_no_multiboot:	db "not loaded by a Multiboot2 boot loader", 0
msg_no_cpuid:		db "no CPUID instruction", 0
msg_no_ext_cpuid:	db "no extended CPUID leaves, cannot check for long mode", 0
msg_no_long_mode:	db "no long mode: this CPU cannot run a 64-bit kernel", 0
msg_no_nx:		db "no NX (execute-disable) support", 0

; lgdt operand for 32-bit mode: the table's physical address.
align 8
boot_gdt_ptr32:
	dw boot_gdt_end - boot_gdt - 1
	dd PHYS(boot_gdt)

; The boot GDT: null, 64-bit kernel code, kernel data.  The accessed bits
; are preset so that the CPU never writes to the table, which may become
; read-only.
section .rodata
align 16
boot_gdt:
	dq 0
	dq 0x00af9b000000ffff		; BOOT_CS: present, ring 0, code, L=1
	dq 0x00cf93000000ffff		; BOOT_DS: present, ring 0, data, writable
boot_gdt_end:

global boot_gdt_ptr64
align 8
	dw 0				; pad so that the base is 8-byte aligned
boot_gdt_ptr64:
	dw boot_gdt_end - boot_gdt - 1
	dq boot_gdt

; 8 KiB aligned: with page table isolation, bit 12 of CR3 set means the
; user tables (<asm/pti.h>), and the entry code tests it whatever the
; tables live (entry.asm).
section .bss nobits write align=8192
boot_pml4:		resb 4096
boot_pdpt_low:		resb 4096
boot_pdpt_high:		resb 4096
boot_pd:		resb 4096
boot_pdpt_direct:	resb 4096
boot_stack_guard:	resb 4096	; unmapped by stacks_init(): overflow faults
boot_stack_bottom:	resb BOOT_STACK_SIZE
boot_stack_top:
