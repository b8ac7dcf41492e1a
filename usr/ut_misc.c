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
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
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
/*
 * The kernel fills all 32 MiB: a machine booted with less memory to spare
 * (the time group's smallest-RAM boots) cannot run this case, and says so.
 */
void getrandom_caps_a_huge_length(struct utest *t)
{
	size_t size = (GETRANDOM_MAX + 1 + 4095) & ~4095UL;
	unsigned char *p;
	struct sysinfo si;
	long ret;

	if (!sysinfo(&si) && (unsigned long long)si.freeram * si.mem_unit < size + (16UL << 20)) {
		ut_skip(t, "only with 48 MiB of memory free");
		return;
	}
	p = mmap(0, size + 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
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

struct lim {
	unsigned long cur, max;
};

#define RLIM_INF (~0UL)

static long prlimit(int pid, int res, const struct lim *new, struct lim *old)
{
	return raw_syscall6(SYS_prlimit64, pid, res, (long)new, (long)old, 0, 0);
}

void rlimits_round_trip_and_refuse(struct utest *t)
{
	struct lim l, old, got;
	long ret;

	ret = raw_sys(SYS_getrlimit, RLIMIT_NOFILE, &l, 0);
	UT_EXPECT(t, ret == 0 && l.cur <= l.max && l.cur >= 64, "getrlimit(NOFILE): %ld, %lu/%lu",
		  ret, l.cur, l.max);
	ret = prlimit(0, RLIMIT_NOFILE, 0, &got);
	UT_EXPECT(t, ret == 0 && got.cur == l.cur && got.max == l.max,
		  "prlimit64(0) gave %ld, %lu/%lu", ret, got.cur, got.max);
	ret = prlimit(getpid(), RLIMIT_NOFILE, 0, &got);
	UT_EXPECT(t, ret == 0 && got.cur == l.cur, "prlimit64(own pid) gave %ld", ret);
	if (on_kestrel()) {
		ret = raw_sys(SYS_getrlimit, RLIMIT_STACK, &got, 0);
		UT_EXPECT(t, ret == 0 && got.cur == 8UL << 20, "RLIMIT_STACK %lu", got.cur);
		ret = raw_sys(SYS_getrlimit, RLIMIT_CORE, &got, 0);
		UT_EXPECT(t, ret == 0 && got.cur == 0, "RLIMIT_CORE %lu", got.cur);
		ret = raw_sys(SYS_getrlimit, RLIMIT_AS, &got, 0);
		UT_EXPECT(t, ret == 0 && got.cur == RLIM_INF, "RLIMIT_AS %lu", got.cur);
	}
	/* Lower the soft limit, read it back, and put it back: the old value comes out. */
	got.cur = 40;
	got.max = l.max;
	ret = prlimit(0, RLIMIT_NOFILE, &got, &old);
	UT_EXPECT(t, ret == 0 && old.cur == l.cur && old.max == l.max,
		  "prlimit64(set 40) gave %ld, old %lu/%lu", ret, old.cur, old.max);
	raw_sys(SYS_getrlimit, RLIMIT_NOFILE, &got, 0);
	UT_EXPECT(t, got.cur == 40, "RLIMIT_NOFILE read back %lu", got.cur);
	ret = raw_sys(SYS_setrlimit, RLIMIT_NOFILE, &l, 0);
	UT_EXPECT(t, ret == 0, "setrlimit back returned %ld", ret);

	/* Hostile: soft above hard, no such resource, bad pointers, no such process. */
	got.cur = l.max;
	got.max = l.max - 1;
	ret = raw_sys(SYS_setrlimit, RLIMIT_NOFILE, &got, 0);
	UT_EXPECT(t, ret == -EINVAL, "soft above hard gave %ld", ret);
	got.cur = got.max = 1UL << 40;
	ret = raw_sys(SYS_setrlimit, RLIMIT_NOFILE, &got, 0);
	UT_EXPECT(t, ret == -EPERM, "RLIMIT_NOFILE of 2^40 gave %ld", ret);
	ret = raw_sys(SYS_getrlimit, 16, &got, 0);
	UT_EXPECT(t, ret == -EINVAL, "getrlimit(16) gave %ld", ret);
	ret = prlimit(0, 1000, 0, &got);
	UT_EXPECT(t, ret == -EINVAL, "prlimit64(1000) gave %ld", ret);
	ret = raw_sys(SYS_getrlimit, RLIMIT_NOFILE, 1, 0);
	UT_EXPECT(t, ret == -EFAULT, "getrlimit(bad pointer) gave %ld", ret);
	ret = raw_sys(SYS_setrlimit, RLIMIT_NOFILE, 1, 0);
	UT_EXPECT(t, ret == -EFAULT, "setrlimit(bad pointer) gave %ld", ret);
	ret = prlimit(0x7ffffff0, RLIMIT_NOFILE, 0, &got);
	UT_EXPECT(t, ret == -ESRCH, "prlimit64(no such pid) gave %ld", ret);
	ret = prlimit(-1, RLIMIT_NOFILE, 0, &got);
	UT_EXPECT(t, ret == -ESRCH, "prlimit64(-1) gave %ld", ret);
	raw_sys(SYS_getrlimit, RLIMIT_NOFILE, &got, 0);
	UT_EXPECT(t, got.cur == l.cur && got.max == l.max, "the limit changed to %lu/%lu", got.cur,
		  got.max);
}

/* In a child: limits are inherited, RLIMIT_NOFILE's soft limit bounds descriptors. */
static void nofile_child(struct utest *t, void *arg)
{
	struct lim l = { 12, 12 }, got, orig;
	int fds[64], n = 0, i, err = 0;
	pid_t pid;
	long ret;

	(void)arg;
	raw_sys(SYS_getrlimit, RLIMIT_NOFILE, &orig, 0);
	ret = raw_sys(SYS_setrlimit, RLIMIT_NOFILE, &l, 0);
	UT_EXPECT(t, ret == 0, "setrlimit(NOFILE, 12/12) returned %ld", ret);
	pid = fork();
	if (!pid) {
		raw_sys(SYS_getrlimit, RLIMIT_NOFILE, &got, 0);
		_exit(got.cur == 12 ? 0 : 1);
	}
	expect_exit(t, wait_status(pid), 0, "a child that inherits RLIMIT_NOFILE 12");
	while (n < 64) {
		int fd = open("/dev/null", O_RDONLY);

		if (fd < 0) {
			err = errno;
			break;
		}
		fds[n++] = fd;
		UT_EXPECT(t, fd < 12, "open() gave descriptor %d, limit 12", fd);
	}
	UT_EXPECT(t, err == EMFILE && n > 0, "open() stopped after %d with errno %d", n, err);
	ret = raw_sys(SYS_dup2, 0, 12, 0);
	UT_EXPECT(t, ret == -EBADF, "dup2(0, 12) under limit 12 gave %ld", ret);
	ret = raw_sys(SYS_fcntl, 0, F_DUPFD, 12);
	UT_EXPECT(t, ret == -EINVAL, "fcntl(0, F_DUPFD, 12) under limit 12 gave %ld", ret);
	ret = raw_sys(SYS_fcntl, 999, F_DUPFD, 12);
	UT_EXPECT(t, ret == -EBADF, "fcntl(999, F_DUPFD, 12) gave %ld", ret);
	for (i = 0; i < n; i++)
		close(fds[i]);
	/*
	 * Root may raise its hard limit again (a container's root may lack
	 * CAP_SYS_RESOURCE: -EPERM is Linux's answer there, not Kestrel's).
	 */
	l.cur = l.max = 20;
	ret = raw_sys(SYS_setrlimit, RLIMIT_NOFILE, &l, 0);
	UT_EXPECT(t, ret == 0 || (!on_kestrel() && ret == -EPERM), "raising it to 20 gave %ld",
		  ret);
}

void rlimit_nofile_inherited_and_enforced(struct utest *t)
{
	expect_exit(t, run_in_child(t, nofile_child, NULL), 0, "the RLIMIT_NOFILE child");
}

/* prctl() in a child, whose name may change: the name, the death signal, dumpable. */
static void prctl_child(struct utest *t, void *arg)
{
	char name[32];
	long ret;
	int sig = -1;

	(void)arg;
	ret = raw_sys(SYS_prctl, PR_SET_NAME, "ut-name-0123456789", 0);
	UT_EXPECT(t, ret == 0, "PR_SET_NAME returned %ld", ret);
	memset(name, 'x', sizeof(name));
	ret = raw_sys(SYS_prctl, PR_GET_NAME, name, 0);
	UT_EXPECT(t, ret == 0 && !strcmp(name, "ut-name-0123456"), "PR_GET_NAME: %ld, \"%.16s\"",
		  ret, name);
	{
		int fd = open("/proc/self/comm", O_RDONLY);

		if (fd >= 0) {
			char comm[32] = "";

			ret = read(fd, comm, sizeof(comm) - 1);
			close(fd);
			UT_EXPECT(t, !strcmp(comm, "ut-name-0123456\n"), "/proc/self/comm: \"%s\"",
				  comm);
		}
	}
	ret = raw_sys(SYS_prctl, PR_SET_NAME, 1, 0);
	UT_EXPECT(t, ret == -EFAULT, "PR_SET_NAME(bad pointer) returned %ld", ret);
	ret = raw_sys(SYS_prctl, PR_GET_NAME, 1, 0);
	UT_EXPECT(t, ret == -EFAULT, "PR_GET_NAME(bad pointer) returned %ld", ret);

	ret = raw_sys(SYS_prctl, PR_SET_PDEATHSIG, SIGUSR1, 0);
	UT_EXPECT(t, ret == 0, "PR_SET_PDEATHSIG returned %ld", ret);
	ret = raw_sys(SYS_prctl, PR_GET_PDEATHSIG, &sig, 0);
	UT_EXPECT(t, ret == 0 && sig == SIGUSR1, "PR_GET_PDEATHSIG: %ld, %d", ret, sig);
	ret = raw_sys(SYS_prctl, PR_SET_PDEATHSIG, 65, 0);
	UT_EXPECT(t, ret == -EINVAL, "PR_SET_PDEATHSIG(65) returned %ld", ret);
	ret = raw_sys(SYS_prctl, PR_GET_PDEATHSIG, 1, 0);
	UT_EXPECT(t, ret == -EFAULT, "PR_GET_PDEATHSIG(bad pointer) returned %ld", ret);

	ret = raw_sys(SYS_prctl, PR_GET_DUMPABLE, 0, 0);
	UT_EXPECT(t, ret == 1, "PR_GET_DUMPABLE returned %ld", ret);
	ret = raw_sys(SYS_prctl, PR_SET_DUMPABLE, 0, 0);
	UT_EXPECT(t, ret == 0 && raw_sys(SYS_prctl, PR_GET_DUMPABLE, 0, 0) == 0,
		  "PR_SET_DUMPABLE(0) returned %ld", ret);
	ret = raw_sys(SYS_prctl, PR_SET_DUMPABLE, 2, 0);
	UT_EXPECT(t, ret == -EINVAL, "PR_SET_DUMPABLE(2) returned %ld", ret);
	ret = raw_sys(SYS_prctl, 0x7fff, 0, 0);
	UT_EXPECT(t, ret == -EINVAL, "prctl(0x7fff) returned %ld", ret);
}

void prctl_name_deathsig_dumpable(struct utest *t)
{
	expect_exit(t, run_in_child(t, prctl_child, NULL), 0, "the prctl child");
}

struct utsname_raw {
	char sysname[65], nodename[65], release[65], version[65], machine[65], domainname[65];
};

/* The names uname() gives; setting them only on Kestrel (the host's are not ours). */
void sethostname_shows_in_uname(struct utest *t)
{
	static const char long_name[] =
		"a-host-name-of-sixty-four-bytes-exactly-0123456789-0123456789abc";
	struct utsname_raw u;
	long ret;

	ret = raw_sys(SYS_sethostname, "x", -1, 0);
	UT_EXPECT(t, ret == -EINVAL, "sethostname(len -1) returned %ld", ret);
	ret = raw_sys(SYS_sethostname, long_name, 65, 0);
	UT_EXPECT(t, ret == -EINVAL, "sethostname(len 65) returned %ld", ret);
	ret = raw_sys(SYS_setdomainname, long_name, 65, 0);
	UT_EXPECT(t, ret == -EINVAL, "setdomainname(len 65) returned %ld", ret);
	ret = raw_sys(SYS_sethostname, 1, 8, 0);
	UT_EXPECT(t, ret == -EFAULT, "sethostname(bad pointer) returned %ld", ret);
	if (!on_kestrel()) {
		ut_skip(t, "only on Kestrel: sets the host name");
		return;
	}
	ret = raw_sys(SYS_sethostname, "box-one-and-more", 7, 0);
	raw_sys(SYS_uname, &u, 0, 0);
	UT_EXPECT(t, ret == 0 && !strcmp(u.nodename, "box-one"), "sethostname: %ld, uname \"%s\"",
		  ret, u.nodename);
	ret = raw_sys(SYS_sethostname, long_name, 64, 0);
	raw_sys(SYS_uname, &u, 0, 0);
	UT_EXPECT(t, ret == 0 && !strcmp(u.nodename, long_name), "64 bytes: %ld, uname \"%s\"", ret,
		  u.nodename);
	ret = raw_sys(SYS_setdomainname, "example.org", 11, 0);
	raw_sys(SYS_uname, &u, 0, 0);
	UT_EXPECT(t, ret == 0 && !strcmp(u.domainname, "example.org"),
		  "setdomainname: %ld, uname \"%s\"", ret, u.domainname);
	raw_sys(SYS_sethostname, "kestrel", 7, 0);
	raw_sys(SYS_setdomainname, "(none)", 6, 0);
	raw_sys(SYS_uname, &u, 0, 0);
	UT_EXPECT(t, !strcmp(u.nodename, "kestrel") && !strcmp(u.sysname, "Linux"),
		  "uname after: \"%s\" \"%s\"", u.sysname, u.nodename);
}

void sched_affinity_and_policy(struct utest *t)
{
	unsigned long mask[16], allowed;
	unsigned int cpu = 77, node = 77;
	struct {
		int prio;
	} param = { 5 };
	long ret;

	memset(mask, 0, sizeof(mask));
	ret = raw_sys(SYS_sched_getaffinity, 0, sizeof(mask), mask);
	UT_EXPECT(t, ret >= 8 && !(ret & 7) && (mask[0] & 1), "sched_getaffinity: %ld, %#lx", ret,
		  mask[0]);
	/* One long: Kestrel's NR_CPUS is at most 64.  Which CPUs depends on the machine. */
	if (on_kestrel())
		UT_EXPECT(t, ret == 8, "sched_getaffinity gave %ld bytes", ret);
	allowed = mask[0];
	ret = raw_sys(SYS_sched_getaffinity, 0, 4, mask);
	UT_EXPECT(t, ret == -EINVAL, "sched_getaffinity(len 4) returned %ld", ret);
	ret = raw_sys(SYS_sched_getaffinity, 0, 12, mask);
	UT_EXPECT(t, ret == -EINVAL, "sched_getaffinity(len 12) returned %ld", ret);
	ret = raw_sys(SYS_sched_getaffinity, 0x7ffffff0, sizeof(mask), mask);
	UT_EXPECT(t, ret == -ESRCH, "sched_getaffinity(no pid) returned %ld", ret);
	ret = raw_sys(SYS_sched_getaffinity, 0, sizeof(mask), 1);
	UT_EXPECT(t, ret == -EFAULT, "sched_getaffinity(bad pointer) returned %ld", ret);
	ret = raw_sys(SYS_sched_setaffinity, 0, sizeof(mask), mask);
	UT_EXPECT(t, ret == 0, "sched_setaffinity(its own mask) returned %ld", ret);
	memset(mask, 0, sizeof(mask));
	ret = raw_sys(SYS_sched_setaffinity, 0, sizeof(mask), mask);
	UT_EXPECT(t, ret == -EINVAL, "sched_setaffinity(no CPU) returned %ld", ret);

	ret = raw_sys(SYS_getcpu, &cpu, &node, 0);
	UT_EXPECT(t, ret == 0 && cpu < 1024 && node < 1024, "getcpu: %ld, cpu %u node %u", ret, cpu,
		  node);
	UT_EXPECT(t, cpu >= 64 || (allowed & (1UL << cpu)), "getcpu: cpu %u, not in %#lx", cpu,
		  allowed);
	if (on_kestrel())
		UT_EXPECT(t, node == 0, "getcpu: node %u", node);
	ret = raw_sys(SYS_getcpu, 1, 0, 0);
	UT_EXPECT(t, ret == -EFAULT, "getcpu(bad pointer) returned %ld", ret);

	ret = raw_sys(SYS_sched_getscheduler, 0, 0, 0);
	UT_EXPECT(t, ret == 0, "sched_getscheduler(0) returned %ld (SCHED_OTHER is 0)", ret);
	ret = raw_sys(SYS_sched_getscheduler, -1, 0, 0);
	UT_EXPECT(t, ret == -EINVAL, "sched_getscheduler(-1) returned %ld", ret);
	ret = raw_sys(SYS_sched_getparam, 0, &param, 0);
	UT_EXPECT(t, ret == 0 && param.prio == 0, "sched_getparam: %ld, %d", ret, param.prio);
	ret = raw_sys(SYS_sched_getparam, 0, 0, 0);
	UT_EXPECT(t, ret == -EINVAL, "sched_getparam(NULL) returned %ld", ret);
	ret = raw_sys(SYS_sched_setscheduler, 0, SCHED_OTHER, &param);
	UT_EXPECT(t, ret == 0, "sched_setscheduler(SCHED_OTHER, 0) returned %ld", ret);
	param.prio = 5;
	ret = raw_sys(SYS_sched_setscheduler, 0, SCHED_OTHER, &param);
	UT_EXPECT(t, ret == -EINVAL, "sched_setscheduler(SCHED_OTHER, 5) returned %ld", ret);
	param.prio = 100;
	ret = raw_sys(SYS_sched_setscheduler, 0, SCHED_FIFO, &param);
	UT_EXPECT(t, ret == -EINVAL, "sched_setscheduler(SCHED_FIFO, 100) returned %ld", ret);
	ret = raw_sys(SYS_sched_get_priority_max, SCHED_FIFO, 0, 0);
	UT_EXPECT(t, ret == 99, "sched_get_priority_max(SCHED_FIFO) returned %ld", ret);
	ret = raw_sys(SYS_sched_get_priority_min, SCHED_RR, 0, 0);
	UT_EXPECT(t, ret == 1, "sched_get_priority_min(SCHED_RR) returned %ld", ret);
	ret = raw_sys(SYS_sched_get_priority_max, SCHED_OTHER, 0, 0);
	UT_EXPECT(t, ret == 0, "sched_get_priority_max(SCHED_OTHER) returned %ld", ret);
	ret = raw_sys(SYS_sched_get_priority_max, 42, 0, 0);
	UT_EXPECT(t, ret == -EINVAL, "sched_get_priority_max(42) returned %ld", ret);
}

/* In a child: setpriority() moves what getpriority() says, clamped to -20..19. */
static void priority_child(struct utest *t, void *arg)
{
	long ret, before = raw_sys(SYS_getpriority, PRIO_PROCESS, 0, 0);

	(void)arg;
	UT_EXPECT(t, before >= 1 && before <= 40, "getpriority() returned %ld", before);
	ret = raw_sys(SYS_setpriority, PRIO_PROCESS, 0, 5);
	UT_EXPECT(t, ret == 0, "setpriority(5) returned %ld", ret);
	ret = raw_sys(SYS_getpriority, PRIO_PROCESS, getpid(), 0);
	UT_EXPECT(t, ret == 15, "getpriority() after nice 5 returned %ld", ret);
	ret = raw_sys(SYS_setpriority, PRIO_PROCESS, 0, 100);
	UT_EXPECT(t, ret == 0 && raw_sys(SYS_getpriority, PRIO_PROCESS, 0, 0) == 1,
		  "setpriority(100) returned %ld: not clamped to 19", ret);
	ret = raw_sys(SYS_getpriority, 3, 0, 0);
	UT_EXPECT(t, ret == -EINVAL, "getpriority(which 3) returned %ld", ret);
	ret = raw_sys(SYS_setpriority, PRIO_PROCESS, 0x7ffffff0, 0);
	UT_EXPECT(t, ret == -ESRCH, "setpriority(no pid) returned %ld", ret);
	ret = raw_sys(SYS_getpriority, PRIO_PGRP, 0, 0);
	UT_EXPECT(t, ret >= 1 && ret <= 40, "getpriority(PRIO_PGRP) returned %ld", ret);
}

void nice_round_trip(struct utest *t)
{
	expect_exit(t, run_in_child(t, priority_child, NULL), 0, "the priority child");
}

static void burn_ms(long ms)
{
	long long end = clock_ns(CLOCK_PROCESS_CPUTIME_ID) + ms * 1000000LL;

	while (clock_ns(CLOCK_PROCESS_CPUTIME_ID) < end)
		;
}

struct rusage_raw {
	long utime_sec, utime_usec, stime_sec, stime_usec, rest[14];
};

static long long rusage_us(int who, long *ret)
{
	struct rusage_raw r;

	*ret = raw_sys(SYS_getrusage, who, &r, 0);
	return (r.utime_sec + r.stime_sec) * 1000000LL + r.utime_usec + r.stime_usec;
}

/* CPU time burnt shows in times() and getrusage(), a waited-for child's in the children's. */
void times_and_getrusage_count_cpu(struct utest *t)
{
	struct {
		long utime, stime, cutime, cstime;
	} tms;
	long ret, ticks;
	long long self0, self1, child0, child1;
	pid_t pid;

	self0 = rusage_us(RUSAGE_SELF, &ret);
	child0 = rusage_us(RUSAGE_CHILDREN, &ret);
	burn_ms(60);
	self1 = rusage_us(RUSAGE_SELF, &ret);
	UT_EXPECT(t, ret == 0 && self1 - self0 >= 50000, "getrusage(SELF): %ld, %lld us more", ret,
		  self1 - self0);
	ticks = raw_sys(SYS_times, &tms, 0, 0);
	UT_EXPECT(t, ticks > 0 && tms.utime + tms.stime >= 5,
		  "times(): %ld, utime %ld stime %ld (clock ticks of 10 ms)", ticks, tms.utime,
		  tms.stime);
	pid = fork();
	if (!pid) {
		burn_ms(60);
		_exit(0);
	}
	expect_exit(t, wait_status(pid), 0, "a child burning 60 ms");
	child1 = rusage_us(RUSAGE_CHILDREN, &ret);
	UT_EXPECT(t, ret == 0 && child1 - child0 >= 50000, "getrusage(CHILDREN): %ld, %lld us more",
		  ret, child1 - child0);
	rusage_us(2, &ret);
	UT_EXPECT(t, ret == -EINVAL, "getrusage(2) returned %ld", ret);
	ret = raw_sys(SYS_getrusage, RUSAGE_SELF, 1, 0);
	UT_EXPECT(t, ret == -EFAULT, "getrusage(bad pointer) returned %ld", ret);
	ret = raw_sys(SYS_times, 1, 0, 0);
	UT_EXPECT(t, ret == -EFAULT, "times(bad pointer) returned %ld", ret);
	ret = raw_sys(SYS_times, 0, 0, 0);
	UT_EXPECT(t, ret > 0, "times(NULL) returned %ld", ret);
}

/*
 * alarm(1) ends a child sleeping for 30 s with SIGALRM (its default
 * action, there being no handler), and not before a second.
 */
void alarm_delivers_sigalrm(struct utest *t)
{
	long long start = clock_ns(CLOCK_MONOTONIC), took;
	pid_t pid = fork();

	if (!pid) {
		struct timespec ts = { 30, 0 };

		alarm(1);
		nanosleep(&ts, 0);
		_exit(0);
	}
	expect_signal(t, wait_status(pid), SIGALRM, "a child after alarm(1)");
	took = clock_ns(CLOCK_MONOTONIC) - start;
	UT_EXPECT(t, took >= 1000000000LL && took < 20000000000LL, "SIGALRM after %lld ns", took);
}

struct itv {
	long int_sec, int_usec, val_sec, val_usec;
};

/* In a child, whose timer this is: what alarm() and getitimer() report. */
static void itimer_child(struct utest *t, void *arg)
{
	struct itv set = { 0, 0, 0, 0 }, got;
	long ret;

	(void)arg;
	ret = raw_sys(SYS_alarm, 100, 0, 0);
	UT_EXPECT(t, ret == 0, "the first alarm(100) returned %ld", ret);
	ret = raw_sys(SYS_alarm, 50, 0, 0);
	UT_EXPECT(t, ret == 100, "alarm(50) after alarm(100) returned %ld", ret);
	ret = raw_sys(SYS_getitimer, ITIMER_REAL, &got, 0);
	UT_EXPECT(t, ret == 0 && got.val_sec <= 50 && got.val_sec >= 48 && !got.int_sec,
		  "getitimer: %ld, %ld.%06ld left, interval %ld", ret, got.val_sec, got.val_usec,
		  got.int_sec);
	ret = raw_sys(SYS_alarm, 0, 0, 0);
	UT_EXPECT(t, ret == 50, "alarm(0) returned %ld", ret);
	ret = raw_sys(SYS_getitimer, ITIMER_REAL, &got, 0);
	UT_EXPECT(t, ret == 0 && !got.val_sec && !got.val_usec, "disarmed: %ld.%06ld left",
		  got.val_sec, got.val_usec);

	set.int_sec = 3;
	set.val_sec = 20;
	ret = raw_sys(SYS_setitimer, ITIMER_REAL, &set, &got);
	UT_EXPECT(t, ret == 0 && !got.val_sec && !got.val_usec, "setitimer: %ld", ret);
	ret = raw_sys(SYS_getitimer, ITIMER_REAL, &got, 0);
	UT_EXPECT(t, got.int_sec == 3 && got.val_sec >= 18 && got.val_sec <= 20,
		  "getitimer: interval %ld, %ld left", got.int_sec, got.val_sec);
	memset(&set, 0, sizeof(set));
	ret = raw_sys(SYS_setitimer, ITIMER_REAL, &set, 0);
	UT_EXPECT(t, ret == 0, "setitimer(0) returned %ld", ret);

	set.val_usec = 1000000;
	ret = raw_sys(SYS_setitimer, ITIMER_REAL, &set, 0);
	UT_EXPECT(t, ret == -EINVAL, "setitimer(usec 1000000) returned %ld", ret);
	set.val_usec = 0;
	set.val_sec = -1;
	ret = raw_sys(SYS_setitimer, ITIMER_REAL, &set, 0);
	UT_EXPECT(t, ret == -EINVAL, "setitimer(sec -1) returned %ld", ret);
	ret = raw_sys(SYS_setitimer, 5, &set, 0);
	UT_EXPECT(t, ret == -EINVAL, "setitimer(which 5) returned %ld", ret);
	ret = raw_sys(SYS_getitimer, 5, &got, 0);
	UT_EXPECT(t, ret == -EINVAL, "getitimer(which 5) returned %ld", ret);
	ret = raw_sys(SYS_getitimer, ITIMER_REAL, 1, 0);
	UT_EXPECT(t, ret == -EFAULT, "getitimer(bad pointer) returned %ld", ret);
	ret = raw_sys(SYS_setitimer, ITIMER_REAL, 1, 0);
	UT_EXPECT(t, ret == -EFAULT, "setitimer(bad pointer) returned %ld", ret);
}

void itimer_real_round_trip(struct utest *t)
{
	expect_exit(t, run_in_child(t, itimer_child, NULL), 0, "the itimer child");
}

/* An interval timer fires again and again: a child with a 50 ms period dies of it too. */
void itimer_interval_fires(struct utest *t)
{
	pid_t pid = fork();

	if (!pid) {
		struct itv set = { 0, 50000, 0, 50000 };
		struct timespec ts = { 30, 0 };

		raw_sys(SYS_setitimer, ITIMER_REAL, &set, 0);
		nanosleep(&ts, 0);
		_exit(0);
	}
	expect_signal(t, wait_status(pid), SIGALRM, "a child with a 50 ms interval timer");
}

/* In a child: set_robust_list() keeps its head, get_robust_list() gives it back. */
static void robust_child(struct utest *t, void *arg)
{
	static long head[3];
	void *got = 0;
	size_t len = 0;
	long ret;

	(void)arg;
	ret = raw_sys(SYS_set_robust_list, head, 23, 0);
	UT_EXPECT(t, ret == -EINVAL, "set_robust_list(len 23) returned %ld", ret);
	ret = raw_sys(SYS_set_robust_list, head, 24, 0);
	UT_EXPECT(t, ret == 0, "set_robust_list(len 24) returned %ld", ret);
	ret = raw_sys(SYS_get_robust_list, 0, &got, &len);
	UT_EXPECT(t, ret == 0 && got == head && len == 24, "get_robust_list: %ld, %p, %zu", ret,
		  got, len);
	ret = raw_sys(SYS_get_robust_list, 0x7ffffff0, &got, &len);
	UT_EXPECT(t, ret == -ESRCH, "get_robust_list(no pid) returned %ld", ret);
	ret = raw_sys(SYS_get_robust_list, 0, 1, &len);
	UT_EXPECT(t, ret == -EFAULT, "get_robust_list(bad pointer) returned %ld", ret);
}

void robust_list_round_trip(struct utest *t)
{
	expect_exit(t, run_in_child(t, robust_child, NULL), 0, "the robust list child");
}

/*
 * Root stays root; on Kestrel, becoming anyone else is -EPERM (on Linux
 * root may, which is not a thing to do to the build machine's usertest).
 */
void ids_are_root(struct utest *t)
{
	unsigned int r = 7, e = 7, s = 7;
	long ret;

	ret = raw_sys(SYS_getresuid, &r, &e, &s);
	UT_EXPECT(t, ret == 0 && r == geteuid() && e == geteuid() && s == geteuid(),
		  "getresuid: %ld, %u %u %u", ret, r, e, s);
	ret = raw_sys(SYS_getresgid, &r, &e, 1);
	UT_EXPECT(t, ret == -EFAULT, "getresgid(bad pointer) returned %ld", ret);
	ret = raw_sys(SYS_getgroups, -1, 0, 0);
	UT_EXPECT(t, ret == -EINVAL, "getgroups(-1) returned %ld", ret);
	if (!on_kestrel()) {
		ut_skip(t, "only on Kestrel: changes identities");
		return;
	}
	ret = raw_sys(SYS_setuid, 0, 0, 0);
	UT_EXPECT(t, ret == 0, "setuid(0) returned %ld", ret);
	ret = raw_sys(SYS_setgid, 0, 0, 0);
	UT_EXPECT(t, ret == 0, "setgid(0) returned %ld", ret);
	ret = raw_sys(SYS_setuid, 1000, 0, 0);
	UT_EXPECT(t, ret == -EPERM, "setuid(1000) returned %ld", ret);
	ret = raw_sys(SYS_setuid, -1, 0, 0);
	UT_EXPECT(t, ret == -EINVAL, "setuid(-1) returned %ld", ret);
	ret = raw_sys(SYS_setresuid, -1, 0, -1);
	UT_EXPECT(t, ret == 0, "setresuid(-1, 0, -1) returned %ld", ret);
	ret = raw_sys(SYS_getgroups, 0, 0, 0);
	UT_EXPECT(t, ret == 0, "getgroups(0) returned %ld", ret);
	ret = raw_sys(SYS_setgroups, 0, 0, 0);
	UT_EXPECT(t, ret == 0, "setgroups(0) returned %ld", ret);
	UT_EXPECT(t, getuid() == 0 && getgid() == 0, "no longer root");
}

/*
 * rseq() is not there: -ENOSYS, which glibc's start-up accepts (it then
 * does without).  Linux has it; there, a wrong length is -EINVAL.
 */
void rseq_is_enosys(struct utest *t)
{
	long ret = raw_syscall6(SYS_rseq, 0, 32, 0, 0x53053053, 0, 0);

	if (on_kestrel())
		UT_EXPECT(t, ret == -ENOSYS, "rseq() returned %ld", ret);
	else
		UT_EXPECT(t, ret == -EINVAL || ret == -EBUSY || ret == -EFAULT,
			  "rseq(NULL) returned %ld", ret);
}

#define LINUX_REBOOT_MAGIC1 0xfee1dead
#define LINUX_REBOOT_MAGIC2 672274793

/* A wrong magic or command is -EINVAL, and the machine goes on; CAD only on Kestrel. */
void reboot_refuses_bad_magic(struct utest *t)
{
	static const long bad[][3] = {
		{ 0, 0, 0x4321FEDC },
		{ LINUX_REBOOT_MAGIC1, 1, 0x4321FEDC },
		{ 1, LINUX_REBOOT_MAGIC2, 0x01234567 },
		{ LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, 0x12345678 },
	};
	size_t i;
	long ret;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ret = raw_syscall6(SYS_reboot, bad[i][0], bad[i][1], bad[i][2], 0, 0, 0);
		UT_EXPECT(t, ret == -EINVAL, "reboot(%#lx, %ld, %#lx) returned %ld", bad[i][0],
			  bad[i][1], bad[i][2], ret);
	}
	if (!on_kestrel())
		return;
	ret = raw_syscall6(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, 0, 0, 0, 0);
	UT_EXPECT(t, ret == 0, "reboot(CAD_OFF) returned %ld", ret);
}
