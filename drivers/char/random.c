// SPDX-License-Identifier: GPL-2.0
/*
 * Random numbers: a ChaCha20 generator (RFC 8439's block function) with
 * fast key erasure, as Linux's crng, and the character devices
 * /dev/random (1,8) and /dev/urandom (1,9) that read from it.
 *
 * Strength.  The generator is only as unpredictable as its seed:
 *
 *  - With RDRAND (CPUID.1:ECX bit 30), the key is seeded from 256 bits
 *    of it at boot and a word of it is stirred in at every request:
 *    the output is as strong as the CPU's generator.
 *  - Without RDRAND, the seed is the TSC, the date from the CMOS clock,
 *    the boot's timing and what programs wrote to /dev/urandom.  That
 *    is a few tens of bits that an observer of the boot can guess, and
 *    none at all under QEMU -icount, whose TSC counts instructions: the
 *    output is unique to a boot and fine for hash tables or the
 *    stack canary's kind of use, NOT for keys.  The boot log says so.
 *
 * Like Linux since 5.18 the generator never blocks: it is seeded before
 * any program runs, so GRND_RANDOM, GRND_NONBLOCK and GRND_INSECURE all
 * read the same bytes and /dev/random reads as /dev/urandom.
 *
 * Fast key erasure: each request takes one block of the base key, whose
 * first half replaces the base key and whose second half is the request's
 * own key, from which its output is made outside the lock.  Once a
 * request returns, nothing left in the kernel can recompute its bytes.
 * crng_lock guards the base state (crng), on any CPU.  It is taken with
 * interrupts off so that a caller in an interrupt handler stays possible,
 * though none asks for random bytes today; nothing is taken under it.
 */
#define pr_fmt(fmt) "random: " fmt

#include <asm/archrandom.h>
#include <asm/cpu.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/random.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <kernel/time.h>

#define CHACHA_KEY_WORDS   CRNG_KEY_WORDS
#define CHACHA_BLOCK_BYTES 64
#define CHACHA_BLOCK_WORDS 16

static struct {
	u32 key[CHACHA_KEY_WORDS];
	u64 generation; /* the nonce of the base key's blocks: never the same twice */
	bool seeded, rdrand;
} crng;
static DEFINE_SPINLOCK(crng_lock);

static inline u32 rol32(u32 v, int n)
{
	return v << n | v >> (32 - n);
}

#define QUARTERROUND(x, a, b, c, d)                          \
	do {                                                 \
		x[a] += x[b], x[d] = rol32(x[d] ^ x[a], 16); \
		x[c] += x[d], x[b] = rol32(x[b] ^ x[c], 12); \
		x[a] += x[b], x[d] = rol32(x[d] ^ x[a], 8);  \
		x[c] += x[d], x[b] = rol32(x[b] ^ x[c], 7);  \
	} while (0)

void chacha20_block(const u32 key[CHACHA_KEY_WORDS], u64 counter, u64 nonce,
		    u32 out[CHACHA_BLOCK_WORDS])
{
	u32 in[CHACHA_BLOCK_WORDS] = {
		0x61707865, 0x3320646e, 0x79622d32, 0x6b206574, /* "expand 32-byte k" */
	};
	int i;

	memcpy(&in[4], key, CHACHA_KEY_WORDS * sizeof(u32));
	in[12] = (u32)counter;
	in[13] = (u32)(counter >> 32);
	in[14] = (u32)nonce;
	in[15] = (u32)(nonce >> 32);
	memcpy(out, in, sizeof(in));
	for (i = 0; i < 10; i++) { /* 20 rounds: a column round, then a diagonal one */
		QUARTERROUND(out, 0, 4, 8, 12);
		QUARTERROUND(out, 1, 5, 9, 13);
		QUARTERROUND(out, 2, 6, 10, 14);
		QUARTERROUND(out, 3, 7, 11, 15);
		QUARTERROUND(out, 0, 5, 10, 15);
		QUARTERROUND(out, 1, 6, 11, 12);
		QUARTERROUND(out, 2, 7, 8, 13);
		QUARTERROUND(out, 3, 4, 9, 14);
	}
	for (i = 0; i < CHACHA_BLOCK_WORDS; i++)
		out[i] += in[i];
	memset(in, 0, sizeof(in));
}

/* XOR @len bytes of @buf into the base key, then make it a new key.  crng_lock held. */
static void crng_stir(const void *buf, size_t len)
{
	u32 block[CHACHA_BLOCK_WORDS];
	const u8 *p = buf;
	size_t i;

	for (i = 0; i < len; i++)
		((u8 *)crng.key)[i % sizeof(crng.key)] ^= p[i];
	chacha20_block(crng.key, 0, ~crng.generation++, block);
	memcpy(crng.key, block, sizeof(crng.key));
	memset(block, 0, sizeof(block));
}

/* crng_lock held.  Everything the machine offers, hardware first. */
static void crng_seed(void)
{
	unsigned long words[CHACHA_KEY_WORDS / 2];
	u64 timing[4];
	unsigned int i;

	crng.rdrand = true;
	for (i = 0; i < ARRAY_SIZE(words); i++)
		if (!arch_get_random_long(&words[i]))
			crng.rdrand = false;
	if (crng.rdrand)
		crng_stir(words, sizeof(words));
	timing[0] = rdtsc();
	timing[1] = (u64)ktime_get_real();
	timing[2] = ktime_get();
	timing[3] = jiffies ^ tick_gap_ns;
	crng_stir(timing, sizeof(timing));
	memset(words, 0, sizeof(words));
	crng.seeded = true;
}

/* A fresh key for one request, and a new base key: fast key erasure. */
static void crng_request_key(u32 key[CRNG_KEY_WORDS])
{
	u32 block[CHACHA_BLOCK_WORDS];
	unsigned long hw, flags;
	u64 tsc = rdtsc();

	spin_lock_irqsave(&crng_lock, flags);
	if (!crng.seeded)
		crng_seed();
	crng_stir(&tsc, sizeof(tsc));
	if (crng.rdrand && arch_get_random_long(&hw))
		crng_stir(&hw, sizeof(hw));
	chacha20_block(crng.key, 0, crng.generation++, block);
	memcpy(crng.key, block, sizeof(crng.key));
	memcpy(key, block + CHACHA_KEY_WORDS, sizeof(crng.key));
	spin_unlock_irqrestore(&crng_lock, flags);
	memset(block, 0, sizeof(block));
}

void crng_stream_init(struct crng_stream *s)
{
	crng_request_key(s->key);
	s->counter = 0;
}

void crng_stream_fill(struct crng_stream *s, void *buf, size_t len)
{
	u32 block[CHACHA_BLOCK_WORDS];
	u8 *p = buf;

	while (len) {
		size_t n = len < CHACHA_BLOCK_BYTES ? len : CHACHA_BLOCK_BYTES;

		chacha20_block(s->key, s->counter++, 0, block);
		memcpy(p, block, n);
		p += n;
		len -= n;
	}
	memset(block, 0, sizeof(block));
}

void get_random_bytes(void *buf, size_t len)
{
	struct crng_stream s;

	crng_stream_init(&s);
	crng_stream_fill(&s, buf, len);
	memset(&s, 0, sizeof(s));
}

void add_device_randomness(const void *buf, size_t len)
{
	unsigned long flags;

	spin_lock_irqsave(&crng_lock, flags);
	crng_stir(buf, len);
	spin_unlock_irqrestore(&crng_lock, flags);
}

bool random_seeded_from_hardware(void)
{
	return crng.rdrand;
}

static int random_init(void)
{
	unsigned long flags;

	spin_lock_irqsave(&crng_lock, flags);
	if (!crng.seeded)
		crng_seed();
	spin_unlock_irqrestore(&crng_lock, flags);
	if (crng.rdrand)
		pr_info("crng seeded from RDRAND, the TSC and the clock\n");
	else
		pr_warn("crng seeded from the TSC and the clock only (no RDRAND): predictable, "
			"not for secrets\n");
	return 0;
}
device_initcall(random_init);

/* /dev/random and /dev/urandom: the same never-blocking bytes, as Linux since 5.18. */
static ssize_t random_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	get_random_bytes(buf, count);
	return count;
}

/* Mixed in, but credited nothing, as Linux does with what root writes. */
static ssize_t random_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	add_device_randomness(buf, count);
	return count;
}

const struct file_operations random_fops = {
	.llseek = noop_llseek,
	.read = random_read,
	.write = random_write,
};
