/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Error codes in pointers, as in Linux: a function that returns an object
 * or an error returns ERR_PTR(-ENOMEM) and the like, which no valid
 * pointer can equal (the top 4095 addresses are never an object).
 */
#ifndef _KERNEL_ERR_H
#define _KERNEL_ERR_H

#include <kernel/compiler.h>
#include <kernel/types.h>

#define MAX_ERRNO 4095

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return (unsigned long)ptr >= (unsigned long)-MAX_ERRNO;
}

#endif
