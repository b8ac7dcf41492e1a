// SPDX-License-Identifier: GPL-2.0
/*
 * The banner line printed first at boot: name, version, configuration
 * name, and the compiler that built the kernel.  The configuration's name
 * is CONFIG_LOCALVERSION, which each defconfig sets to its own, followed
 * by what changed since: the fragments merged on top, and ", modified"
 * for any other change (generated/origin.h, scripts/config-origin).
 */
#include <generated/origin.h>
#include <kernel/setup.h>

/* GCC's __VERSION__ is a bare "12.2.0"; Clang's names it: "Debian Clang 14.0.6". */
#ifdef __clang__
#define COMPILER_VERSION __VERSION__
#else
#define COMPILER_VERSION "gcc " __VERSION__
#endif

const char kernel_banner[] = "Kestrel " KERNEL_VERSION " (" CONFIG_LOCALVERSION ORIGIN_NOTE
			     ") x86_64, " COMPILER_VERSION;
