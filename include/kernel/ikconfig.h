/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The embedded .config (kernel/configs.c, CONFIG_IKCONFIG): the text of
 * the file, not NUL-terminated.
 */
#ifndef _KERNEL_IKCONFIG_H
#define _KERNEL_IKCONFIG_H

extern const char kernel_config_data[], kernel_config_data_end[];

#endif
