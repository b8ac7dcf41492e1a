// SPDX-License-Identifier: GPL-2.0
/*
 * The banner line printed first at boot: name, version, configuration
 * name, and the compiler that built the kernel.
 */
#include <kernel/setup.h>

const char kernel_banner[] =
	"Kestrel " KERNEL_VERSION " (" CONFIG_LOCALVERSION ") x86_64, gcc " __VERSION__;
