// SPDX-License-Identifier: GPL-2.0
/*
 * The .config this kernel was built from, inside the kernel
 * (CONFIG_IKCONFIG), as Linux's kernel/configs.c: the shell's config
 * command prints it, and a kernel.elf found later still says how it was
 * configured.
 *
 * The file goes in plain, between the markers "IKCFG_ST" and "IKCFG_ED"
 * that Linux's extract-ikconfig looks for, so it reads as it is with
 * "strings kernel.elf".  kernel/Makefile names the file (IKCONFIG_FILE)
 * and rebuilds this object when it changes; the compiler's dependency
 * list does not see an .incbin.
 */
#include <kernel/compiler.h>
#include <kernel/ikconfig.h>

asm(".section .rodata.ikconfig, \"a\"\n"
    ".ascii \"IKCFG_ST\"\n"
    ".global kernel_config_data\n"
    "kernel_config_data:\n"
    ".incbin \"" IKCONFIG_FILE "\"\n"
    ".global kernel_config_data_end\n"
    "kernel_config_data_end:\n"
    ".ascii \"IKCFG_ED\"\n"
    ".previous\n");
