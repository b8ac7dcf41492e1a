// SPDX-License-Identifier: GPL-2.0
/*
 * usertest's cases for the small system calls a C library and BusyBox
 * make: getrandom() and /dev/urandom, resource limits, prctl(), the host
 * name, scheduling and CPU queries, process times, alarm() and the
 * interval timer, identities, and reboot()'s refusals.
 *
 * Raw system calls where the kernel's own answer is the point.  What
 * would change the build machine (its host name, a reboot) runs only on
 * Kestrel.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "usertest.h"

#define GRND_NONBLOCK 0x0001
#define GRND_RANDOM   0x0002
#define GRND_INSECURE 0x0004
#define GETRANDOM_MAX 33554431L

static bool all_equal(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (p[i] != p[0])
			return false;
	return true;
}

void getrandom_fills_and_differs(struct utest *t)
{
	static const int flags[] = { 0,
				     GRND_NONBLOCK,
				     GRND_RANDOM,
				     GRND_INSECURE,
				     GRND_NONBLOCK | GRND_RANDOM,
				     GRND_NONBLOCK | GRND_INSECURE };
	static const size_t sizes[] = { 1, 16, 255, 256, 257, 4097 };
	static unsigned char a[4097], b[4097];
	size_t i;
	long ret;

	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		memset(a, 0, sizeof(a));
		memset(b, 0, sizeof(b));
		ret = raw_sys(SYS_getrandom, a, 64, flags[i]);
		UT_EXPECT(t, ret == 64, "getrandom(64, %#x) returned %ld", flags[i], ret);
		raw_sys(SYS_getrandom, b, 64, flags[i]);
		UT_EXPECT(t, memcmp(a, b, 64) && !all_equal(a, 64),
			  "two calls with flags %#x gave the same or constant bytes", flags[i]);
	}
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		memset(a, 0, sizeof(a));
		a[sizes[i]] = 0x5a;
		ret = raw_sys(SYS_getrandom, a, sizes[i], 0);
		UT_EXPECT(t, ret == (long)sizes[i], "getrandom(%zu) returned %ld", sizes[i], ret);
		UT_EXPECT(t, sizes[i] < 16 || !all_equal(a, sizes[i]), "%zu bytes all the same",
			  sizes[i]);
		UT_EXPECT(t, sizes[i] >= sizeof(a) || a[sizes[i]] == 0x5a,
			  "getrandom(%zu) wrote past the end", sizes[i]);
	}
	ret = raw_sys(SYS_getrandom, 0, 0, 0);
	UT_EXPECT(t, ret == 0, "getrandom(NULL, 0) returned %ld", ret);
}

void getrandom_refuses_bad_flags_and_pointers(struct utest *t)
{
	static const unsigned int bad[] = { 0x8, 0x10, 0x80000000u, GRND_RANDOM | GRND_INSECURE,
					    GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE };
	unsigned char buf[16];
	size_t i;
	long ret;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ret = raw_sys(SYS_getrandom, buf, sizeof(buf), bad[i]);
		UT_EXPECT(t, ret == -EINVAL, "getrandom(flags %#x) returned %ld", bad[i], ret);
	}
	ret = raw_sys(SYS_getrandom, 0, 16, 0);
	UT_EXPECT(t, ret == -EFAULT, "getrandom(NULL, 16) returned %ld", ret);
	ret = raw_sys(SYS_getrandom, 0xffffffff80000000UL, 16, 0);
	UT_EXPECT(t, ret == -EFAULT, "getrandom(kernel address) returned %ld", ret);
}

/*
 * A huge length is cut to 33554431 bytes on Kestrel (Linux's old cap;
 * Linux 5.18 and later take up to 2 GiB, and stop here at the end of the
 * mapping, which is also what the case checks there).
 */
void getrandom_caps_a_huge_length(struct utest *t)
{
	size_t size = (GETRANDOM_MAX + 1 + 4095) & ~4095UL;
	unsigned char *p =
		mmap(0, size + 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long ret;

	if (p == MAP_FAILED) {
		UT_EXPECT(t, 0, "mmap of %zu bytes failed: %d", size, errno);
		return;
	}
	munmap(p + size, 4096);
	p[GETRANDOM_MAX] = 0x5a;
	ret = raw_sys(SYS_getrandom, p, ~0UL, 0);
	if (on_kestrel()) {
		UT_EXPECT(t, ret == GETRANDOM_MAX, "getrandom(SIZE_MAX) returned %ld", ret);
		UT_EXPECT(t, p[GETRANDOM_MAX] == 0x5a, "a byte past the cap was written");
	} else {
		UT_EXPECT(t, ret == GETRANDOM_MAX || ret == (long)size,
			  "getrandom(SIZE_MAX) returned %ld", ret);
	}
	UT_EXPECT(t, !all_equal(p + GETRANDOM_MAX - 64, 64), "the last bytes were not filled");
	munmap(p, size);
}

static long read_dev(const char *path, unsigned char *buf, size_t n)
{
	int fd = open(path, O_RDWR);
	long ret;

	if (fd < 0)
		return -errno;
	ret = read(fd, buf, n);
	if (ret >= 0 && write(fd, "stir", 4) != 4)
		ret = -1000;
	close(fd);
	return ret;
}

void dev_urandom_and_random_read(struct utest *t)
{
	static const char *const devs[] = { "/dev/urandom", "/dev/random" };
	unsigned char a[200], b[200];
	size_t i;

	for (i = 0; i < 2; i++) {
		long ra = read_dev(devs[i], a, sizeof(a)), rb = read_dev(devs[i], b, sizeof(b));

		UT_EXPECT(t, ra == sizeof(a) && rb == sizeof(b), "%s: reads gave %ld and %ld",
			  devs[i], ra, rb);
		UT_EXPECT(t, memcmp(a, b, sizeof(a)) && !all_equal(a, sizeof(a)),
			  "%s: two reads gave the same or constant bytes", devs[i]);
	}
}
