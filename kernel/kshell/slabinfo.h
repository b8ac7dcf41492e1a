/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What slabinfo (slabinfo.c) shares with meminfo: the slab caches' counts,
 * taken into one buffer that only the shell task uses.
 */
#ifndef _KERNEL_KSHELL_SLABINFO_H
#define _KERNEL_KSHELL_SLABINFO_H

#include <kernel/slab.h>

#define SLABINFO_MAX_CACHES 64

/*
 * Take the caches' counts now: *@caches points at the first
 * SLABINFO_MAX_CACHES of them.  Returns how many caches there are (0
 * without CONFIG_HEAP_SLAB), which may be more.
 */
unsigned int slabinfo_snapshot(const struct slab_info **caches);

#endif
