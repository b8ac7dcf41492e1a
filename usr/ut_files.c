// SPDX-License-Identifier: GPL-2.0
/*
 * usertest's file cases: the writable root (create, write, read back,
 * truncate), the calls that change the namespace (mkdir, unlink, rmdir,
 * rename, link, symlink), attributes (access, chmod, chown, the times,
 * umask), fsync, statfs, mknod, fcntl, close_range, sendfile and
 * close-on-exec across execve, each with Linux's errors for hostile
 * arguments.  Raw system calls give the kernel's -errno directly.  The
 * cases work in a scratch directory of their own and run on Linux too.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <sys/wait.h>

#include "usertest.h"

#define BAD_PTR	    ((void *)0x10) /* never mapped */
#define KERNEL_PTR  ((void *)0xffff800000000000UL)
#define TMPFS_MAGIC 0x01021994

static long sys4(long nr, long a, long b, long c, long d)
{
	return raw_syscall6(nr, a, b, c, d, 0, 0);
}

static long sys5(long nr, long a, long b, long c, long d, long e)
{
	return raw_syscall6(nr, a, b, c, d, e, 0);
}

/* A new, empty directory for one case: /tmp's on Linux, /root's or /'s on Kestrel. */
static bool scratch(struct utest *t, const char *name, char *dir, size_t size)
{
	static const char *const bases[] = { "/tmp", "/root", "" };
	size_t i;

	for (i = 0; i < sizeof(bases) / sizeof(bases[0]); i++) {
		snprintf(dir, size, "%s/ut-%d-%s", bases[i], (int)getpid(), name);
		if (!mkdir(dir, 0755))
			return true;
	}
	UT_EXPECT(t, false, "no scratch directory %s: %d", dir, errno);
	return false;
}

/* Remove @path and all under it (links not followed). */
static void rm_rf(const char *path)
{
	struct dirent *e;
	char sub[512];
	struct stat st;
	DIR *d;

	if (lstat(path, &st))
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	d = opendir(path);
	while (d && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		rm_rf(sub);
	}
	if (d)
		closedir(d);
	rmdir(path);
}

static int put_text(const char *path, const char *text, int flags)
{
	int fd = open(path, O_WRONLY | O_CREAT | flags, 0644);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, text, strlen(text));
	close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -EIO;
}

/* The file's contents, NUL-terminated; the length or -errno. */
static long get_text(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n >= 0)
		buf[n] = 0;
	return n;
}

static bool text_is(const char *path, const char *want)
{
	char buf[256];

	return get_text(path, buf, sizeof(buf)) >= 0 && !strcmp(buf, want);
}

#define P(name) (snprintf(p, sizeof(p), "%s/%s", dir, name), p)
#define Q(name) (snprintf(q, sizeof(q), "%s/%s", dir, name), q)

void files_written_read_back_and_truncated(struct utest *t)
{
	char dir[128], p[256], buf[64];
	struct stat st;
	int fd;

	if (!scratch(t, "rw", dir, sizeof(dir)))
		return;
	fd = open(P("f"), O_RDWR | O_CREAT | O_EXCL, 0600);
	UT_EXPECT(t, fd >= 0, "O_CREAT|O_EXCL of a new file: %d", errno);
	UT_EXPECT(t, write(fd, "hello", 5) == 5, "write failed: %d", errno);
	close(fd);
	UT_EXPECT(t, raw_sys(SYS_open, P("f"), O_RDWR | O_CREAT | O_EXCL, 0600) == -EEXIST,
		  "O_EXCL of an existing file is not -EEXIST");
	UT_EXPECT(t, !put_text(P("f"), " world", O_APPEND) && text_is(P("f"), "hello world"),
		  "O_APPEND did not append");
	UT_EXPECT(t, !put_text(P("f"), "new", O_TRUNC) && text_is(P("f"), "new"),
		  "O_TRUNC did not empty the file");
	/* Growing with truncate() makes a hole of zeros; shrinking cuts. */
	UT_EXPECT(t, !truncate(P("f"), 10000), "truncate up failed: %d", errno);
	UT_EXPECT(t, !stat(P("f"), &st) && st.st_size == 10000, "size %ld after truncate",
		  (long)st.st_size);
	fd = open(P("f"), O_RDWR);
	UT_EXPECT(t, pread(fd, buf, 4, 5000) == 4 && !memcmp(buf, "\0\0\0\0", 4),
		  "the hole does not read as zeros");
	UT_EXPECT(t, pread(fd, buf, 4, 20000) == 0, "a read past the end is not 0");
	UT_EXPECT(t, !ftruncate(fd, 2), "ftruncate down failed: %d", errno);
	UT_EXPECT(t, pread(fd, buf, sizeof(buf), 0) == 2 && !memcmp(buf, "ne", 2),
		  "ftruncate did not cut the file");
	UT_EXPECT(t, raw_sys(SYS_ftruncate, fd, -1, 0) == -EINVAL, "ftruncate(-1) is not -EINVAL");
	close(fd);
	fd = open(P("f"), O_RDONLY);
	UT_EXPECT(t, raw_sys(SYS_ftruncate, fd, 0, 0) == -EINVAL,
		  "ftruncate of a read-only descriptor is not -EINVAL");
	close(fd);
	UT_EXPECT(t, raw_sys(SYS_ftruncate, 999, 0, 0) == -EBADF, "ftruncate(999) is not -EBADF");
	UT_EXPECT(t, raw_sys(SYS_truncate, dir, 0, 0) == -EISDIR, "truncate of a directory");
	UT_EXPECT(t, raw_sys(SYS_truncate, BAD_PTR, 0, 0) == -EFAULT, "truncate(bad pointer)");
	UT_EXPECT(t, raw_sys(SYS_open, P("f/x"), O_RDONLY, 0) == -ENOTDIR, "a file as a directory");
	UT_EXPECT(t, raw_sys(SYS_open, dir, O_WRONLY, 0) == -EISDIR, "a directory for writing");
	UT_EXPECT(t, raw_sys(SYS_open, P("f"), O_RDONLY | O_DIRECTORY, 0) == -ENOTDIR,
		  "O_DIRECTORY on a file");
	rm_rf(dir);
}

void mkdir_unlink_rmdir_errors(struct utest *t)
{
	char dir[128], p[256], q[256], longname[300];

	if (!scratch(t, "ns", dir, sizeof(dir)))
		return;
	memset(longname, 'n', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = 0;
	UT_EXPECT(t, !mkdir(P("d"), 0755), "mkdir failed: %d", errno);
	UT_EXPECT(t, raw_sys(SYS_mkdir, P("d"), 0755, 0) == -EEXIST, "mkdir twice");
	UT_EXPECT(t, raw_sys(SYS_mkdir, P("none/d"), 0755, 0) == -ENOENT, "mkdir under nothing");
	UT_EXPECT(t, raw_sys(SYS_mkdir, BAD_PTR, 0755, 0) == -EFAULT, "mkdir(bad pointer)");
	UT_EXPECT(t, raw_sys(SYS_mkdir, KERNEL_PTR, 0755, 0) == -EFAULT, "mkdir(kernel pointer)");
	UT_EXPECT(t, raw_sys(SYS_mkdir, longname, 0755, 0) == -ENAMETOOLONG, "a 299-byte name");
	UT_EXPECT(t, sys4(SYS_mkdirat, 999, (long)"x", 0755, 0) == -EBADF, "mkdirat(999)");
	UT_EXPECT(t, !put_text(P("d/f"), "x", 0), "cannot make d/f");
	UT_EXPECT(t, raw_sys(SYS_mkdir, P("d/f/g"), 0755, 0) == -ENOTDIR, "mkdir under a file");
	UT_EXPECT(t, raw_sys(SYS_rmdir, P("d"), 0, 0) == -ENOTEMPTY, "rmdir of a full directory");
	UT_EXPECT(t, raw_sys(SYS_rmdir, P("d/f"), 0, 0) == -ENOTDIR, "rmdir of a file");
	UT_EXPECT(t, raw_sys(SYS_rmdir, P("d/."), 0, 0) == -EINVAL, "rmdir of d/.");
	UT_EXPECT(t, raw_sys(SYS_unlink, P("d"), 0, 0) == -EISDIR, "unlink of a directory");
	UT_EXPECT(t, raw_sys(SYS_unlink, P("d/none"), 0, 0) == -ENOENT, "unlink of nothing");
	UT_EXPECT(t, raw_sys(SYS_unlink, P("d/f/"), 0, 0) == -ENOTDIR, "unlink of f/");
	UT_EXPECT(t, sys4(SYS_unlinkat, AT_FDCWD, (long)P("d"), 0x1, 0) == -EINVAL,
		  "unlinkat with a bad flag");
	UT_EXPECT(t, sys4(SYS_unlinkat, AT_FDCWD, (long)P("d/f"), 0, 0) == 0, "unlinkat of d/f");
	UT_EXPECT(t, access(P("d/f"), F_OK) && errno == ENOENT, "d/f is still there");
	UT_EXPECT(t, sys4(SYS_unlinkat, AT_FDCWD, (long)P("d"), AT_REMOVEDIR, 0) == 0,
		  "unlinkat(AT_REMOVEDIR) of an empty directory");
	/* mkdirat from a directory descriptor. */
	{
		int dfd = open(dir, O_RDONLY | O_DIRECTORY);

		UT_EXPECT(t, sys4(SYS_mkdirat, dfd, (long)"e", 0700, 0) == 0, "mkdirat(dfd, e)");
		UT_EXPECT(t, access(Q("e"), F_OK) == 0, "mkdirat made no %s", q);
		close(dfd);
	}
	rm_rf(dir);
}

void rename_over_files_itself_and_directories(struct utest *t)
{
	char dir[128], p[256], q[256];
	struct stat a, b;

	if (!scratch(t, "mv", dir, sizeof(dir)))
		return;
	put_text(P("a"), "A", 0);
	put_text(P("b"), "B", 0);
	mkdir(P("d"), 0755);
	mkdir(P("d/sub"), 0755);
	mkdir(P("e"), 0755);
	UT_EXPECT(t, !rename(P("a"), Q("b")) && text_is(Q("b"), "A"),
		  "rename over an existing file did not replace it");
	UT_EXPECT(t, access(P("a"), F_OK) && errno == ENOENT, "the old name stayed");
	stat(P("b"), &a);
	UT_EXPECT(t, !rename(P("b"), Q("b")), "rename onto itself failed: %d", errno);
	UT_EXPECT(t, !stat(P("b"), &b) && a.st_ino == b.st_ino, "rename onto itself changed it");
	UT_EXPECT(t, raw_sys(SYS_rename, P("d"), Q("d/sub/x"), 0) == -EINVAL,
		  "a directory moved into itself");
	UT_EXPECT(t, raw_sys(SYS_rename, P("e"), Q("d"), 0) == -ENOTEMPTY,
		  "a directory over a full one");
	UT_EXPECT(t, raw_sys(SYS_rename, P("b"), Q("e"), 0) == -EISDIR, "a file over a directory");
	UT_EXPECT(t, raw_sys(SYS_rename, P("e"), Q("b"), 0) == -ENOTDIR, "a directory over a file");
	UT_EXPECT(t, raw_sys(SYS_rename, P("none"), Q("x"), 0) == -ENOENT, "rename of nothing");
	UT_EXPECT(t, raw_sys(SYS_rename, BAD_PTR, Q("x"), 0) == -EFAULT, "rename(bad pointer)");
	UT_EXPECT(t,
		  sys5(SYS_renameat2, AT_FDCWD, (long)P("b"), AT_FDCWD, (long)Q("d"), 1) == -EEXIST,
		  "RENAME_NOREPLACE over an existing name");
	UT_EXPECT(t,
		  sys5(SYS_renameat2, AT_FDCWD, (long)P("b"), AT_FDCWD, (long)Q("d"), 3) == -EINVAL,
		  "RENAME_NOREPLACE|RENAME_EXCHANGE");
	UT_EXPECT(t, sys5(SYS_renameat2, AT_FDCWD, (long)P("b"), AT_FDCWD, (long)Q("e"), 2) == 0,
		  "RENAME_EXCHANGE of a file and a directory");
	UT_EXPECT(t, text_is(P("e"), "A") && !stat(Q("b"), &b) && S_ISDIR(b.st_mode),
		  "RENAME_EXCHANGE did not swap");
	/* A directory moves with its contents, and an empty one may be replaced. */
	UT_EXPECT(t, !rename(P("d"), Q("b/d2")) && access(Q("b/d2/sub"), F_OK) == 0,
		  "the moved directory lost its contents");
	UT_EXPECT(t, raw_sys(SYS_rename, P("b/d2/sub"), Q("b"), 0) == -ENOTEMPTY,
		  "a directory over its own ancestor");
	mkdir(P("empty"), 0755);
	UT_EXPECT(t, !rename(P("b/d2/sub"), Q("empty")), "over an empty directory: %d", errno);
	rm_rf(dir);
}

void links_symlinks_and_readlink(struct utest *t)
{
	char dir[128], p[256], q[256], buf[64];
	struct stat st;

	if (!scratch(t, "ln", dir, sizeof(dir)))
		return;
	put_text(P("f"), "data", 0);
	UT_EXPECT(t, !link(P("f"), Q("g")), "link failed: %d", errno);
	UT_EXPECT(t, !stat(P("g"), &st) && st.st_nlink == 2, "nlink %ld after link",
		  (long)st.st_nlink);
	UT_EXPECT(t, !put_text(P("g"), "more", O_APPEND) && text_is(Q("f"), "datamore"),
		  "the two names are not one file");
	UT_EXPECT(t, raw_sys(SYS_link, P("f"), Q("g"), 0) == -EEXIST, "link over a name");
	UT_EXPECT(t, raw_sys(SYS_link, dir, Q("dirlink"), 0) == -EPERM, "link of a directory");
	UT_EXPECT(t, raw_sys(SYS_link, P("none"), Q("x"), 0) == -ENOENT, "link of nothing");
	UT_EXPECT(t, !unlink(P("f")) && !stat(Q("g"), &st) && st.st_nlink == 1,
		  "unlink of one name did not drop nlink");
	UT_EXPECT(t, !symlink("g", P("l")), "symlink failed: %d", errno);
	UT_EXPECT(t, raw_sys(SYS_readlink, P("l"), buf, sizeof(buf)) == 1 && buf[0] == 'g',
		  "readlink did not give the target");
	UT_EXPECT(t, text_is(P("l"), "datamore"), "the link does not lead to the file");
	UT_EXPECT(t, !lstat(P("l"), &st) && S_ISLNK(st.st_mode) && st.st_size == 1,
		  "lstat of a link");
	UT_EXPECT(t, raw_sys(SYS_readlink, P("g"), buf, sizeof(buf)) == -EINVAL,
		  "readlink of a file");
	UT_EXPECT(t, raw_sys(SYS_readlink, P("l"), buf, 0) == -EINVAL, "readlink, size 0");
	UT_EXPECT(t, raw_sys(SYS_readlink, P("l"), BAD_PTR, 8) == -EFAULT,
		  "readlink to a bad buffer");
	UT_EXPECT(t, raw_sys(SYS_symlink, "g", P("l"), 0) == -EEXIST, "symlink over a name");
	UT_EXPECT(t, raw_sys(SYS_symlink, "", Q("m"), 0) == -ENOENT, "symlink to \"\"");
	UT_EXPECT(t, sys4(SYS_readlinkat, AT_FDCWD, (long)P("l"), (long)buf, 1) == 1, "readlinkat");
	rm_rf(dir);
}

void access_chmod_chown_times_umask(struct utest *t)
{
	struct timespec times[2] = { { 1000, 5 }, { 2000, 7 } };
	char dir[128], p[256];
	struct stat st;
	mode_t old;
	int status;
	pid_t pid;

	if (!scratch(t, "attr", dir, sizeof(dir)))
		return;
	put_text(P("f"), "x", 0);
	UT_EXPECT(t, !chmod(P("f"), 0644), "chmod failed: %d", errno);
	UT_EXPECT(t, raw_sys(SYS_access, P("f"), X_OK, 0) == -EACCES, "X_OK with no execute bit");
	UT_EXPECT(t, raw_sys(SYS_access, P("f"), R_OK | W_OK, 0) == 0, "R_OK|W_OK");
	UT_EXPECT(t, raw_sys(SYS_access, P("f"), 8, 0) == -EINVAL, "access with a bad mode");
	UT_EXPECT(t, raw_sys(SYS_access, P("none"), F_OK, 0) == -ENOENT, "access of nothing");
	UT_EXPECT(t, !chmod(P("f"), 04711) && !stat(P("f"), &st) && (st.st_mode & 07777) == 04711,
		  "chmod 4711 gave %o", st.st_mode);
	UT_EXPECT(t, raw_sys(SYS_access, P("f"), X_OK, 0) == 0, "X_OK with an execute bit");
	UT_EXPECT(t, sys4(SYS_faccessat2, AT_FDCWD, (long)P("f"), X_OK, 0x8000) == -EINVAL,
		  "faccessat2 with a bad flag");
	if (getuid() == 0) {
		UT_EXPECT(t,
			  !chown(P("f"), 12, 34) && !stat(P("f"), &st) && st.st_uid == 12 &&
				  st.st_gid == 34,
			  "chown did not store 12:34");
		UT_EXPECT(t, !(st.st_mode & S_ISUID), "chown kept the set-user-ID bit");
		UT_EXPECT(t,
			  !chown(P("f"), -1, 56) && !stat(P("f"), &st) && st.st_uid == 12 &&
				  st.st_gid == 56,
			  "chown -1:56 changed the owner");
	}
	UT_EXPECT(t, raw_sys(SYS_chmod, BAD_PTR, 0644, 0) == -EFAULT, "chmod(bad pointer)");
	UT_EXPECT(t, raw_sys(SYS_fchmod, 999, 0644, 0) == -EBADF, "fchmod(999)");
	/* utimensat: set both, omit one, refuse a bad nanosecond count. */
	UT_EXPECT(t, !utimensat(AT_FDCWD, P("f"), times, 0), "utimensat failed: %d", errno);
	UT_EXPECT(t,
		  !stat(P("f"), &st) && st.st_atim.tv_sec == 1000 && st.st_mtim.tv_sec == 2000 &&
			  st.st_mtim.tv_nsec == 7,
		  "times %ld/%ld", (long)st.st_atim.tv_sec, (long)st.st_mtim.tv_sec);
	times[0].tv_nsec = UTIME_OMIT;
	times[1].tv_sec = 3000;
	UT_EXPECT(t,
		  !utimensat(AT_FDCWD, P("f"), times, 0) && !stat(P("f"), &st) &&
			  st.st_atim.tv_sec == 1000 && st.st_mtim.tv_sec == 3000,
		  "UTIME_OMIT changed the access time");
	times[1].tv_nsec = 1000000000;
	UT_EXPECT(t, sys4(SYS_utimensat, AT_FDCWD, (long)P("f"), (long)times, 0) == -EINVAL,
		  "a nanosecond count of 10^9");
	UT_EXPECT(t, sys4(SYS_utimensat, AT_FDCWD, (long)P("f"), (long)BAD_PTR, 0) == -EFAULT,
		  "utimensat(bad times)");
	UT_EXPECT(t,
		  !utimensat(AT_FDCWD, P("f"), NULL, 0) && !stat(P("f"), &st) &&
			  st.st_mtim.tv_sec != 3000,
		  "utimensat(NULL) did not make the times now");
	/* umask: applied to creates, passed to a child. */
	old = umask(027);
	UT_EXPECT(t, umask(027) == 027, "umask did not keep 027");
	mkdir(P("d"), 0777);
	put_text(P("g"), "", 0);
	UT_EXPECT(t, !stat(P("d"), &st) && (st.st_mode & 0777) == 0750, "mkdir 0777 gave %o",
		  st.st_mode & 0777);
	UT_EXPECT(t, !stat(P("g"), &st) && (st.st_mode & 0777) == 0640, "creat 0644 gave %o",
		  st.st_mode & 0777);
	pid = fork();
	if (pid == 0)
		_exit(umask(0) == 027 ? 0 : 1);
	status = wait_status(pid);
	expect_exit(t, status, 0, "the child's umask");
	umask(old);
	rm_rf(dir);
}

void fsync_statfs_and_mknod(struct utest *t)
{
	char dir[128], p[256];
	struct stat st;
	long buf[16];
	int fd, fds[2];

	if (!scratch(t, "sync", dir, sizeof(dir)))
		return;
	fd = open(P("f"), O_RDWR | O_CREAT, 0644);
	UT_EXPECT(t, !fsync(fd) && !fdatasync(fd), "fsync of a file failed: %d", errno);
	UT_EXPECT(t, raw_sys(SYS_fsync, 999, 0, 0) == -EBADF, "fsync(999)");
	UT_EXPECT(t, !pipe(fds), "pipe failed");
	UT_EXPECT(t, raw_sys(SYS_fsync, fds[0], 0, 0) == -EINVAL, "fsync of a pipe");
	close(fds[0]);
	close(fds[1]);
	sync();
	UT_EXPECT(t, raw_sys(SYS_statfs, dir, buf, 0) == 0, "statfs failed");
	UT_EXPECT(t, buf[1] > 0 && buf[8] == 255, "statfs: f_bsize %ld, f_namelen %ld", buf[1],
		  buf[8]);
	if (on_kestrel())
		UT_EXPECT(t, buf[0] == TMPFS_MAGIC && buf[2] > 0 && buf[3] > 0 && buf[3] <= buf[2],
			  "statfs: type %#lx, blocks %ld, free %ld", buf[0], buf[2], buf[3]);
	UT_EXPECT(t, raw_sys(SYS_fstatfs, fd, buf, 0) == 0, "fstatfs failed");
	UT_EXPECT(t, raw_sys(SYS_statfs, dir, BAD_PTR, 0) == -EFAULT, "statfs to a bad buffer");
	UT_EXPECT(t, raw_sys(SYS_fstatfs, 999, buf, 0) == -EBADF, "fstatfs(999)");
	close(fd);
	UT_EXPECT(t, !mkfifo(P("fifo"), 0600) && !stat(P("fifo"), &st) && S_ISFIFO(st.st_mode),
		  "mkfifo made no FIFO");
	UT_EXPECT(t, raw_sys(SYS_mknod, P("dir"), S_IFDIR | 0755, 0) == -EPERM, "mknod S_IFDIR");
	UT_EXPECT(t, raw_sys(SYS_mknod, P("fifo"), S_IFIFO | 0600, 0) == -EEXIST, "mknod twice");
	if (getuid() == 0) {
		UT_EXPECT(t,
			  !mknod(P("null"), S_IFCHR | 0666, makedev(1, 3)) &&
				  !stat(P("null"), &st) && S_ISCHR(st.st_mode) &&
				  major(st.st_rdev) == 1 && minor(st.st_rdev) == 3,
			  "mknod of a character device");
		if (on_kestrel()) { /* Linux's /tmp may be mounted nodev */
			fd = open(P("null"), O_WRONLY);
			UT_EXPECT(t, fd >= 0 && write(fd, "x", 1) == 1, "the new /dev/null node");
			close(fd);
		}
	}
	rm_rf(dir);
}

void fcntl_dup_and_close_range(struct utest *t)
{
	int fd = open("/dev/null", O_RDWR), d, fl;

	if (!UT_EXPECT(t, fd >= 0, "open /dev/null failed: %d", errno))
		return;
	{
		char z[4] = "abc";
		int zero = open("/dev/zero", O_RDONLY);

		UT_EXPECT(t, pread(fd, z, 4, 100) == 0, "pread of /dev/null");
		UT_EXPECT(t, pread(zero, z, 4, 100) == 4 && !z[0] && !z[3], "pread of /dev/zero");
		close(zero);
		zero = open("/dev/full", O_RDWR);
		UT_EXPECT(t,
			  zero >= 0 && raw_sys(SYS_write, zero, "x", 1) == -ENOSPC &&
				  read(zero, z, 2) == 2 && !z[0],
			  "/dev/full: a write is not -ENOSPC, or a read not zeros");
		close(zero);
	}
	d = fcntl(fd, F_DUPFD, 50);
	UT_EXPECT(t, d == 50 && fcntl(d, F_GETFD) == 0, "F_DUPFD 50 gave %d", d);
	UT_EXPECT(t, fcntl(fd, F_DUPFD_CLOEXEC, 50) == 51 && fcntl(51, F_GETFD) == FD_CLOEXEC,
		  "F_DUPFD_CLOEXEC");
	UT_EXPECT(t, raw_sys(SYS_fcntl, fd, F_DUPFD, 1 << 20) == -EINVAL, "F_DUPFD past the limit");
	UT_EXPECT(t, raw_sys(SYS_fcntl, 999, F_GETFD, 0) == -EBADF, "F_GETFD of 999");
	UT_EXPECT(t, !fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK), "F_SETFL failed");
	fl = fcntl(fd, F_GETFL);
	UT_EXPECT(t,
		  (fl & (O_APPEND | O_NONBLOCK)) == (O_APPEND | O_NONBLOCK) &&
			  (fl & O_ACCMODE) == O_RDWR,
		  "F_GETFL gave %#x", fl);
	fcntl(fd, F_SETFL, O_WRONLY);
	UT_EXPECT(t, (fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND)) == O_RDWR,
		  "F_SETFL changed the access mode or kept O_APPEND");
	UT_EXPECT(t, dup2(fd, 60) == 60 && dup2(fd, 61) == 61 && dup2(fd, 62) == 62, "dup2");
	UT_EXPECT(t, raw_sys(SYS_close_range, 62, 61, 0) == -EINVAL, "close_range(62, 61)");
	UT_EXPECT(t, raw_sys(SYS_close_range, 60, 62, 8) == -EINVAL, "close_range, bad flag");
	UT_EXPECT(t,
		  raw_sys(SYS_close_range, 60, 61, 4) == 0 && fcntl(60, F_GETFD) == FD_CLOEXEC &&
			  fcntl(61, F_GETFD) == FD_CLOEXEC && fcntl(62, F_GETFD) == 0,
		  "CLOSE_RANGE_CLOEXEC");
	UT_EXPECT(t, raw_sys(SYS_close_range, 50, ~0U, 0) == 0, "close_range(50, ~0)");
	UT_EXPECT(t, fcntl(50, F_GETFD) < 0 && fcntl(62, F_GETFD) < 0 && fcntl(fd, F_GETFD) == 0,
		  "close_range closed the wrong descriptors");
	UT_EXPECT(t,
		  raw_sys(SYS_ioctl, fd, 0x5451 /* FIOCLEX */, 0) == 0 &&
			  fcntl(fd, F_GETFD) == FD_CLOEXEC,
		  "FIOCLEX");
	close(fd);
}

void sendfile_copies_and_checks(struct utest *t)
{
	char dir[128], p[256], q[256], buf[64];
	int in, out, fds[2];
	off_t off = 2;

	if (!scratch(t, "sf", dir, sizeof(dir)))
		return;
	put_text(P("in"), "0123456789", 0);
	in = open(P("in"), O_RDONLY);
	out = open(Q("out"), O_WRONLY | O_CREAT, 0644);
	UT_EXPECT(t, sys4(SYS_sendfile, out, in, 0, 4) == 4, "sendfile of 4 bytes");
	UT_EXPECT(t, sys4(SYS_sendfile, out, in, (long)&off, 3) == 3 && off == 5,
		  "sendfile from an offset: off %ld", (long)off);
	UT_EXPECT(t, lseek(in, 0, SEEK_CUR) == 4, "sendfile with an offset moved the file");
	UT_EXPECT(t, sys4(SYS_sendfile, out, in, 0, 100) == 6, "sendfile to the end");
	UT_EXPECT(t, sys4(SYS_sendfile, out, in, 0, 100) == 0, "sendfile at the end");
	UT_EXPECT(t, text_is(Q("out"), "0123234456789"), "sendfile copied the wrong bytes");
	UT_EXPECT(t, sys4(SYS_sendfile, in, out, 0, 1) == -EBADF, "sendfile the wrong way round");
	UT_EXPECT(t, sys4(SYS_sendfile, out, 999, 0, 1) == -EBADF, "sendfile from 999");
	UT_EXPECT(t, sys4(SYS_sendfile, out, in, (long)BAD_PTR, 1) == -EFAULT,
		  "sendfile with a bad offset pointer");
	close(out);
	out = open(Q("out"), O_WRONLY | O_APPEND);
	UT_EXPECT(t, sys4(SYS_sendfile, out, in, 0, 1) == -EINVAL, "sendfile to O_APPEND");
	close(out);
	/* copy_file_range: between regular files, at offsets or positions. */
	out = open(Q("cfr"), O_RDWR | O_CREAT | O_TRUNC, 0644);
	off = 6;
	UT_EXPECT(t,
		  raw_syscall6(SYS_copy_file_range, in, (long)&off, out, 0, 3, 0) == 3 &&
			  off == 9 && text_is(Q("cfr"), "678"),
		  "copy_file_range of 3 bytes from 6");
	UT_EXPECT(t, raw_syscall6(SYS_copy_file_range, in, 0, out, 0, 3, 1) == -EINVAL,
		  "copy_file_range with a flag");
	off = 0;
	UT_EXPECT(t,
		  raw_syscall6(SYS_copy_file_range, out, (long)&off, out, (long)&off, 2, 0) ==
			  -EINVAL,
		  "copy_file_range onto itself");
	UT_EXPECT(t, raw_syscall6(SYS_copy_file_range, 999, 0, out, 0, 1, 0) == -EBADF,
		  "copy_file_range from 999");
	close(out);
	/* To a pipe, as cat does. */
	pipe(fds);
	off = 0;
	UT_EXPECT(t,
		  sys4(SYS_sendfile, fds[1], in, (long)&off, 10) == 10 &&
			  read(fds[0], buf, sizeof(buf)) == 10 && !memcmp(buf, "0123456789", 10),
		  "sendfile to a pipe");
	UT_EXPECT(t, sys4(SYS_sendfile, in, fds[0], 0, 1) == -EBADF,
		  "sendfile to a read-only file");
	close(fds[0]);
	close(fds[1]);
	close(in);
	rm_rf(dir);
}

/*
 * usertest fdcheck OPEN CLOSED: exit 0 if descriptor OPEN is open and
 * CLOSED is not (what close_on_exec_closes_at_execve's child checks).
 */
int mode_fdcheck(int argc, char **argv)
{
	if (argc != 4)
		return 2;
	if (fcntl(atoi(argv[2]), F_GETFD) < 0)
		return 3;
	if (fcntl(atoi(argv[3]), F_GETFD) >= 0 || errno != EBADF)
		return 4;
	return 0;
}

void close_on_exec_closes_at_execve(struct utest *t)
{
	char *argv[] = { NULL, "fdcheck", "40", "41", NULL };
	char *const envp[] = { NULL };
	int fd = open("/dev/null", O_RDONLY), status;

	if (!UT_EXPECT(t, fd >= 0, "open /dev/null failed: %d", errno))
		return;
	UT_EXPECT(t, dup2(fd, 40) == 40, "dup2 to 40");
	UT_EXPECT(t, dup3(fd, 41, O_CLOEXEC) == 41, "dup3 to 41, O_CLOEXEC");
	UT_EXPECT(t, raw_sys(SYS_dup3, fd, 41, 1) == -EINVAL, "dup3 with a bad flag");
	UT_EXPECT(t, raw_sys(SYS_dup3, fd, fd, O_CLOEXEC) == -EINVAL, "dup3 onto itself");
	status = spawn_self(argv, envp);
	expect_exit(t, status, 0, "the exec'd child's descriptors");
	close(40);
	close(41);
	close(fd);
}

void o_path_is_a_place_not_an_open_file(struct utest *t)
{
	char dir[128], p[256], buf[8];
	struct stat st;
	int fd, d, l;

	if (!scratch(t, "opath", dir, sizeof(dir)))
		return;
	put_text(P("f"), "data", 0);
	symlink("f", P("l"));
	fd = open(P("f"), O_PATH | O_RDWR | O_TRUNC);
	UT_EXPECT(t, fd >= 0, "open(O_PATH) failed: %d", errno);
	UT_EXPECT(t, text_is(P("f"), "data"), "O_PATH|O_TRUNC emptied the file");
	UT_EXPECT(t, raw_sys(SYS_read, fd, buf, 1) == -EBADF, "read of an O_PATH descriptor");
	UT_EXPECT(t, raw_sys(SYS_write, fd, "x", 1) == -EBADF, "write to an O_PATH descriptor");
	UT_EXPECT(t, raw_sys(SYS_fchmod, fd, 0600, 0) == -EBADF, "fchmod of an O_PATH descriptor");
	UT_EXPECT(t, !fstat(fd, &st) && S_ISREG(st.st_mode) && st.st_size == 4,
		  "fstat of an O_PATH descriptor");
	UT_EXPECT(t,
		  (fcntl(fd, F_GETFL) & O_PATH) && fcntl(fd, F_SETFL, O_APPEND) < 0 &&
			  errno == EBADF,
		  "fcntl of an O_PATH descriptor");
	d = dup(fd);
	UT_EXPECT(t, d >= 0, "dup of an O_PATH descriptor: %d", errno);
	close(d);
	close(fd);
	l = open(P("l"), O_PATH | O_NOFOLLOW);
	UT_EXPECT(t, l >= 0 && !fstat(l, &st) && S_ISLNK(st.st_mode),
		  "O_PATH|O_NOFOLLOW of a symbolic link");
	close(l);
	d = open(dir, O_PATH | O_DIRECTORY);
	UT_EXPECT(t,
		  d >= 0 && sys4(SYS_newfstatat, d, (long)"f", (long)&st, 0) == 0 &&
			  st.st_size == 4,
		  "an O_PATH directory as a dirfd");
	UT_EXPECT(t, raw_sys(SYS_getdents64, d, buf, sizeof(buf)) == -EBADF,
		  "getdents64 of an O_PATH directory");
	close(d);
	rm_rf(dir);
}

/* The names and types a getdents (@old) or getdents64 listing of @fd holds, as "name/type ...". */
static long list_dir(int fd, bool old, char *out, size_t size)
{
	char buf[1024];
	long n, off;

	out[0] = 0;
	lseek(fd, 0, SEEK_SET);
	while ((n = raw_sys(old ? SYS_getdents : SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
		for (off = 0; off < n;) {
			unsigned short reclen;
			const char *name;
			int type;

			if (old) {
				memcpy(&reclen, buf + off + 16, sizeof(reclen));
				name = buf + off + 18;
				type = buf[off + reclen - 1];
			} else {
				memcpy(&reclen, buf + off + 16, sizeof(reclen));
				type = buf[off + 18];
				name = buf + off + 19;
			}
			if (strcmp(name, ".") && strcmp(name, ".."))
				snprintf(out + strlen(out), size - strlen(out), "%s/%d ", name,
					 type);
			off += reclen;
		}
	}
	return n;
}

void getdents_and_getdents64_agree(struct utest *t)
{
	char dir[128], p[256], a[256], b[256];
	int fd;

	if (!scratch(t, "ls", dir, sizeof(dir)))
		return;
	put_text(P("file"), "", 0);
	mkdir(P("sub"), 0755);
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	UT_EXPECT(t, list_dir(fd, true, a, sizeof(a)) == 0, "getdents failed");
	UT_EXPECT(t, list_dir(fd, false, b, sizeof(b)) == 0, "getdents64 failed");
	UT_EXPECT(t, !strcmp(a, b), "getdents gave %s, getdents64 %s", a, b);
	UT_EXPECT(t, (!strcmp(a, "file/8 sub/4 ") || !strcmp(a, "sub/4 file/8 ")), "listing: %s",
		  a);
	lseek(fd, 0, SEEK_SET);
	UT_EXPECT(t, raw_sys(SYS_getdents, fd, b, 8) == -EINVAL, "getdents into 8 bytes");
	UT_EXPECT(t, raw_sys(SYS_getdents, 999, b, sizeof(b)) == -EBADF, "getdents of 999");
	UT_EXPECT(t, raw_sys(SYS_getdents64, fd, BAD_PTR, sizeof(b)) == -EFAULT,
		  "getdents64 into a bad buffer");
	close(fd);
	fd = open(P("file"), O_RDONLY);
	UT_EXPECT(t, raw_sys(SYS_getdents, fd, b, sizeof(b)) == -ENOTDIR, "getdents of a file");
	close(fd);
	rm_rf(dir);
}

/*
 * /proc is another file system: a name moves or links between it and
 * the scratch directory's only with -EXDEV, and /proc itself, a mount
 * point, is neither removed nor renamed (-EBUSY).  On Kestrel, whose
 * /proc is a name in the root's tree, both once went through: a file
 * moved under /proc, and rmdir("/proc") freed procfs's root.
 */
void rename_and_link_across_file_systems_exdev(struct utest *t)
{
	char dir[128], p[256], q[256];
	long r;

	if (!scratch(t, "xdev", dir, sizeof(dir)))
		return;
	put_text(P("f"), "", 0); /* empty: what a wrong move leaves under /proc holds no data */
	snprintf(q, sizeof(q), "/proc/ut-%d", (int)getpid());
	r = raw_sys(SYS_rename, P("f"), q, 0);
	UT_EXPECT(t, r == -EXDEV, "rename into /proc gave %ld", r);
	UT_EXPECT(t, access(P("f"), F_OK) == 0, "the file left the scratch directory");
	r = raw_sys(SYS_link, "/proc/meminfo", Q("m"), 0);
	UT_EXPECT(t, r == -EXDEV, "link of /proc/meminfo gave %ld", r);
	r = raw_sys(SYS_rename, "/proc/self", Q("s"), 0);
	UT_EXPECT(t, r == -EXDEV, "rename of /proc/self gave %ld", r);
	if (getuid() == 0) { /* what root may try on /: Linux checks the permission first */
		r = raw_sys(SYS_rmdir, "/proc", 0, 0);
		UT_EXPECT(t, r == -EBUSY, "rmdir(/proc) gave %ld", r);
		r = raw_sys(SYS_rename, "/proc", "/ut-proc", 0);
		UT_EXPECT(t, r == -EBUSY, "rename(/proc) gave %ld", r);
		if (!r)
			rename("/ut-proc", "/proc");
	}
	UT_EXPECT(t, access("/proc/self/stat", R_OK) == 0, "/proc is gone: %d", errno);
	rm_rf(dir);
}

/*
 * open(O_CREAT) through a symbolic link whose target does not exist
 * makes the target, as the shell's "echo x > link" does on Linux; with
 * O_EXCL or O_NOFOLLOW the link itself is in the way.
 */
void o_creat_through_a_dangling_symlink(struct utest *t)
{
	char dir[128], p[256], q[256];
	long r;
	int fd;

	if (!scratch(t, "dangle", dir, sizeof(dir)))
		return;
	symlink("t", P("l"));
	symlink(Q("sub/u"), P("abs"));
	mkdir(Q("sub"), 0755);
	symlink("l", P("chain"));
	r = raw_sys(SYS_open, P("l"), O_WRONLY | O_CREAT | O_EXCL, 0644);
	UT_EXPECT(t, r == -EEXIST, "O_EXCL through a link gave %ld", r);
	r = raw_sys(SYS_open, P("l"), O_WRONLY | O_CREAT | O_NOFOLLOW, 0644);
	UT_EXPECT(t, r == -ELOOP, "O_NOFOLLOW through a link gave %ld", r);
	UT_EXPECT(t, access(Q("t"), F_OK) && errno == ENOENT, "a failed open made the target");
	fd = open(P("chain"), O_WRONLY | O_CREAT, 0600);
	UT_EXPECT(t, fd >= 0, "O_CREAT through two links: %d", errno);
	if (fd >= 0)
		UT_EXPECT(t, write(fd, "x", 1) == 1, "write failed: %d", errno);
	close(fd);
	UT_EXPECT(t, text_is(Q("t"), "x"), "the link's target was not made");
	fd = open(P("abs"), O_WRONLY | O_CREAT | O_TRUNC, 0600);
	UT_EXPECT(t, fd >= 0 && access(Q("sub/u"), F_OK) == 0,
		  "O_CREAT through an absolute link: %d", errno);
	close(fd);
	symlink(Q("none/v"), P("deep"));
	r = raw_sys(SYS_open, P("deep"), O_WRONLY | O_CREAT, 0600);
	UT_EXPECT(t, r == -ENOENT, "O_CREAT through a link into nothing gave %ld", r);
	put_text(P("f"), "", 0);
	r = raw_sys(SYS_open, P("f/"), O_WRONLY | O_CREAT, 0600);
	UT_EXPECT(t, r == -EISDIR, "O_CREAT of an existing file with a slash gave %ld", r);
	symlink("f/", P("lf"));
	r = raw_sys(SYS_open, P("lf"), O_WRONLY | O_CREAT, 0600);
	UT_EXPECT(t, r == -EISDIR, "O_CREAT through a link to f/ gave %ld", r);
	rm_rf(dir);
}

/*
 * readv() and writev() check every vector before moving a byte: a bad
 * length or address in the second is -EINVAL or -EFAULT with the first
 * unwritten and the position unmoved, as Linux's import_iovec() does.
 */
void readv_writev_check_every_vector_first(struct utest *t)
{
	char dir[128], p[256], buf[8];
	struct iovec v[2] = { { "abc", 3 }, { buf, sizeof(buf) } };
	struct stat st;
	long r;
	int fd;

	if (!scratch(t, "iov", dir, sizeof(dir)))
		return;
	fd = open(P("f"), O_RDWR | O_CREAT, 0600);
	v[1].iov_len = (size_t)-1;
	r = raw_sys(SYS_writev, fd, v, 2);
	UT_EXPECT(t, r == -EINVAL, "writev, length -1: %ld", r);
	v[1].iov_len = 1;
	v[1].iov_base = KERNEL_PTR;
	r = raw_sys(SYS_writev, fd, v, 2);
	UT_EXPECT(t, r == -EFAULT, "writev, a kernel address: %ld", r);
	UT_EXPECT(t, !fstat(fd, &st) && st.st_size == 0 && lseek(fd, 0, SEEK_CUR) == 0,
		  "a failed writev wrote %ld bytes", (long)st.st_size);
	UT_EXPECT(t, write(fd, "abcdef", 6) == 6 && lseek(fd, 0, SEEK_SET) == 0, "write failed");
	v[0].iov_base = buf;
	v[1].iov_len = (size_t)-1;
	v[1].iov_base = buf;
	r = raw_sys(SYS_readv, fd, v, 2);
	UT_EXPECT(t, r == -EINVAL, "readv, length -1: %ld", r);
	v[1].iov_len = 1;
	v[1].iov_base = KERNEL_PTR;
	r = raw_sys(SYS_readv, fd, v, 2);
	UT_EXPECT(t, r == -EFAULT, "readv, a kernel address: %ld", r);
	UT_EXPECT(t, lseek(fd, 0, SEEK_CUR) == 0, "a failed readv moved the position");
	close(fd);
	rm_rf(dir);
}

/*
 * copy_file_range() within one file: the length is cut at the end of the
 * input first, then the ranges are checked for overlap (Linux's
 * generic_copy_file_checks()), so a file copies onto its own end; an
 * input position near the largest offset copies nothing.
 */
void copy_file_range_same_file_cut_at_eof(struct utest *t)
{
	char dir[128], p[256], buf[16];
	long long in = 0, out = 4;
	long r;
	int fd;

	if (!scratch(t, "cfr", dir, sizeof(dir)))
		return;
	fd = open(P("f"), O_RDWR | O_CREAT, 0600);
	UT_EXPECT(t, write(fd, "abcd", 4) == 4, "write failed");
	r = raw_syscall6(SYS_copy_file_range, fd, (long)&in, fd, (long)&out, 1L << 30, 0);
	UT_EXPECT(t, r == 4 && in == 4 && out == 8, "copy onto its own end: %ld (in %ld, out %ld)",
		  r, (long)in, (long)out);
	UT_EXPECT(t, pread(fd, buf, sizeof(buf), 0) == 8 && !memcmp(buf, "abcdabcd", 8),
		  "the file is not abcdabcd");
	in = 0;
	out = 2;
	r = raw_syscall6(SYS_copy_file_range, fd, (long)&in, fd, (long)&out, 4, 0);
	UT_EXPECT(t, r == -EINVAL, "an overlapping copy gave %ld", r);
	in = 0x7ffffffffffffffbLL;
	out = 0;
	r = raw_syscall6(SYS_copy_file_range, fd, (long)&in, fd, (long)&out, 10, 0);
	UT_EXPECT(t, r == 0 && out == 0, "a copy from past the end gave %ld", r);
	close(fd);
	rm_rf(dir);
}

/*
 * Offsets past what a loff_t holds: lseek() whose sum overflows, and a
 * pread() or pwrite() whose end would, are -EINVAL (Linux wraps the sum
 * and finds it negative; it has no -EOVERFLOW there on 64-bit), and the
 * position stays where it was.
 */
void offsets_that_overflow_are_einval(struct utest *t)
{
	const long long max = 0x7fffffffffffffffLL;
	char dir[128], p[256], buf[4];
	long r;
	int fd;

	if (!scratch(t, "ovf", dir, sizeof(dir)))
		return;
	fd = open(P("f"), O_RDWR | O_CREAT, 0600);
	UT_EXPECT(t, write(fd, "0123456789", 10) == 10 && lseek(fd, 5, SEEK_SET) == 5,
		  "write or lseek failed");
	r = raw_sys(SYS_lseek, fd, max, SEEK_CUR);
	UT_EXPECT(t, r == -EINVAL, "lseek(LLONG_MAX, SEEK_CUR) gave %ld", r);
	r = raw_sys(SYS_lseek, fd, max, SEEK_END);
	UT_EXPECT(t, r == -EINVAL, "lseek(LLONG_MAX, SEEK_END) gave %ld", r);
	UT_EXPECT(t, lseek(fd, 0, SEEK_CUR) == 5, "a failed lseek moved the position");
	r = raw_syscall6(SYS_pread64, fd, (long)buf, sizeof(buf), max - 1, 0, 0);
	UT_EXPECT(t, r == -EINVAL, "pread64 at LLONG_MAX - 1 gave %ld", r);
	r = raw_syscall6(SYS_pwrite64, fd, (long)"xy", 2, max - 1, 0, 0);
	UT_EXPECT(t, r == -EINVAL, "pwrite64 at LLONG_MAX - 1 gave %ld", r);
	close(fd);
	rm_rf(dir);
}

/*
 * sendfile()'s count and offset, checked as Linux's do_sendfile(): a
 * count above SSIZE_MAX or an end past LLONG_MAX is -EINVAL, an offset at
 * or past the largest file -EOVERFLOW, a directory to read from -EINVAL;
 * nothing is copied and the offset stays.
 */
void sendfile_refuses_huge_counts_and_offsets(struct utest *t)
{
	char dir[128], p[256], q[256];
	long long off = 0;
	struct stat st;
	int in, out, d;
	long r;

	if (!scratch(t, "sfbig", dir, sizeof(dir)))
		return;
	put_text(P("in"), "hello", 0);
	in = open(P("in"), O_RDONLY);
	out = open(Q("out"), O_WRONLY | O_CREAT, 0600);
	r = raw_syscall6(SYS_sendfile, out, in, (long)&off, -1L, 0, 0);
	UT_EXPECT(t, r == -EINVAL, "a count of SIZE_MAX gave %ld", r);
	off = 1LL << 62;
	r = raw_syscall6(SYS_sendfile, out, in, (long)&off, 10, 0, 0);
	UT_EXPECT(t, r == -EOVERFLOW && off == 1LL << 62, "an offset of 2^62 gave %ld", r);
	off = 0x7fffffffffffffffLL - 1;
	r = raw_syscall6(SYS_sendfile, out, in, (long)&off, 10, 0, 0);
	UT_EXPECT(t, r == -EINVAL, "an end past LLONG_MAX gave %ld", r);
	d = open(dir, O_RDONLY | O_DIRECTORY);
	r = raw_syscall6(SYS_sendfile, out, d, 0, 10, 0, 0);
	UT_EXPECT(t, r == -EINVAL, "sendfile from a directory gave %ld", r);
	close(d);
	st.st_size = -1;
	fstat(out, &st);
	UT_EXPECT(t, st.st_size == 0, "%ld bytes were written", (long)st.st_size);
	close(in);
	close(out);
	rm_rf(dir);
}

/*
 * utimensat() with both times UTIME_OMIT has nothing to do and does not
 * even look the path up (Linux returns 0 first); fstatat(AT_FDCWD, "",
 * AT_EMPTY_PATH) is the working directory; prlimit64() of a pid that is
 * gone is -ESRCH before the resource is looked at.
 */
void utimensat_omit_fstatat_cwd_prlimit_esrch(struct utest *t)
{
	struct timespec omit[2] = { { 0, UTIME_OMIT }, { 0, UTIME_OMIT } };
	struct stat a, b;
	pid_t pid;
	long r;

	r = sys4(SYS_utimensat, AT_FDCWD, (long)"/none/such", (long)omit, 0);
	UT_EXPECT(t, r == 0, "utimensat(UTIME_OMIT twice) of no file gave %ld", r);
	r = sys4(SYS_newfstatat, AT_FDCWD, (long)"", (long)&a, AT_EMPTY_PATH);
	UT_EXPECT(t, r == 0 && !stat(".", &b) && a.st_ino == b.st_ino && a.st_dev == b.st_dev,
		  "fstatat(AT_FDCWD, \"\", AT_EMPTY_PATH) gave %ld", r);
	pid = fork();
	if (pid == 0)
		_exit(0);
	wait_status(pid);
	r = sys4(SYS_prlimit64, pid, 99, 0, 0);
	UT_EXPECT(t, r == -ESRCH, "prlimit64 of a pid gone, resource 99, gave %ld", r);
}

/*
 * Links nested 40 deep (each target's first component the next link,
 * so that each is followed in the middle of the one before): Linux
 * follows the 40, and -ELOOP at 41.  The walk follows a link in the
 * middle of a path by calling itself, so this is also its deepest stack.
 */
void links_nested_forty_deep(struct utest *t)
{
	char dir[128], p[256], name[16], target[32];
	long r;
	int i;

	if (!scratch(t, "nest", dir, sizeof(dir)))
		return;
	mkdir(P("d"), 0755);
	put_text(P("d/f"), "deep", 0);
	for (i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "l%d", i);
		if (i == 39)
			snprintf(target, sizeof(target), "d");
		else
			snprintf(target, sizeof(target), "l%d/.", i + 1);
		symlink(target, P(name));
	}
	UT_EXPECT(t, text_is(P("l0/f"), "deep"), "40 nested links did not lead to d/f: %d", errno);
	unlink(P("l39"));
	symlink("l40/.", P("l39"));
	symlink("d", P("l40"));
	r = raw_sys(SYS_open, P("l0/f"), O_RDONLY, 0);
	UT_EXPECT(t, r == -ELOOP, "41 nested links gave %ld", r);
	if (r >= 0)
		close(r);
	rm_rf(dir);
}
