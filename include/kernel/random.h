/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's random numbers (drivers/char/random.c): a ChaCha20
 * generator seeded at boot, behind getrandom(), /dev/urandom and
 * /dev/random.  How strong they are depends on the CPU: seeded from
 * RDRAND they are as good as RDRAND; without it, from the TSC and the
 * clock only, they are predictable by whoever knows the boot (under QEMU
 * -icount the TSC counts instructions): never use them for secrets then.
 * The boot log says which (Documentation/core/misc-syscalls.md).
 */
#ifndef _KERNEL_RANDOM_H
#define _KERNEL_RANDOM_H

#include <kernel/types.h>

/* Fill @buf with @len random bytes.  Any context but an interrupt handler. */
void get_random_bytes(void *buf, size_t len);
/*
 * One request's own stream, for a caller that hands out many bytes a
 * piece at a time (getrandom()): a key drawn once, then block after block
 * of it.  Wipe it (memset) when done.
 */
#define CRNG_KEY_WORDS 8
struct crng_stream {
	u32 key[CRNG_KEY_WORDS];
	u64 counter;
};
void crng_stream_init(struct crng_stream *s);
/* The next @len bytes of @s; whole 64-byte blocks are used, the rest of the last dropped. */
void crng_stream_fill(struct crng_stream *s, void *buf, size_t len);

/* Stir @len bytes of @buf into the generator (a write to /dev/urandom). */
void add_device_randomness(const void *buf, size_t len);
/* Whether the generator was seeded from a hardware source (RDRAND). */
bool random_seeded_from_hardware(void);

/*
 * One 64-byte block of ChaCha20 (RFC 8439's block function) for @key,
 * block number @counter and @nonce, in DJB's layout of a 64-bit counter
 * and a 64-bit nonce (RFC 8439's 32-bit counter and 96-bit nonce are the
 * same words): the generator's core, and its suite's.
 */
void chacha20_block(const u32 key[CRNG_KEY_WORDS], u64 counter, u64 nonce, u32 out[16]);

struct file_operations;
/* /dev/random and /dev/urandom, minors 8 and 9 of the memory devices (drivers/char/mem.c). */
extern const struct file_operations random_fops;

#endif
