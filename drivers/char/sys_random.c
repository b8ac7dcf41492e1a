// SPDX-License-Identifier: GPL-2.0
/*
 * getrandom(2): the generator of drivers/char/random.c for programs
 * (glibc asks at start-up, for malloc's and the stack protector's use).
 *
 * Linux's flags and errors: GRND_NONBLOCK, GRND_RANDOM, GRND_INSECURE,
 * any other bit or GRND_RANDOM with GRND_INSECURE -EINVAL.  The generator
 * is seeded before any program runs, so no flag changes what is read and
 * nothing blocks.  One call gives at most 33554431 bytes (INT_MAX >> 6,
 * the cap of Linux's urandom_read() until 5.18); the bytes are made a
 * chunk at a time on the kernel stack, from one key drawn for the call
 * (crng_stream), and copied out, so a bad pointer
 * gives -EFAULT if nothing was copied, and the count copied otherwise,
 * as Linux.  A long request offers the CPU between chunks and ends early
 * for a signal, returning what it has.
 */
#include <kernel/errno.h>
#include <kernel/preempt.h>
#include <kernel/random.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>

#define GRND_NONBLOCK 0x0001
#define GRND_RANDOM   0x0002
#define GRND_INSECURE 0x0004

#define GETRANDOM_MAX (0x7fffffff >> 6)
#define CHUNK	      512 /* a multiple of the 64-byte block: no bytes dropped */

SYSCALL_DEFINE3(getrandom, char __user *, ubuf, size_t, len, unsigned int, flags)
{
	struct crng_stream stream;
	u8 chunk[CHUNK];
	size_t done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	if (len > GETRANDOM_MAX)
		len = GETRANDOM_MAX;
	crng_stream_init(&stream);
	while (done < len) {
		size_t n = len - done < CHUNK ? len - done : CHUNK;
		unsigned long left;

		if (done && done % 4096 == 0) {
			if (signal_pending(current))
				break;
			cond_resched();
		}
		crng_stream_fill(&stream, chunk, n);
		left = copy_to_user(ubuf + done, chunk, n);
		done += n - left;
		if (left)
			break;
	}
	memset(chunk, 0, sizeof(chunk));
	memset(&stream, 0, sizeof(stream));
	return done || !len ? (long)done : -EFAULT;
}
