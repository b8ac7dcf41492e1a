// SPDX-License-Identifier: GPL-2.0
/*
 * usertest's memory cases: copy-on-write after fork, brk(), and the edges
 * of mmap(), munmap() and mprotect(): what must work, what must be
 * refused, and what must kill (in a child) when touched.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "usertest.h"

static bool all_bytes(const void *p, int c, size_t len)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < len; i++)
		if (b[i] != (unsigned char)c)
			return false;
	return true;
}

static char cow_data[2 * PG] __attribute__((aligned(4096)));

struct cow_area {
	char *heap;
	volatile int *stack;
	int seen; /* what the child must see: 'P', the parent's value at fork */
	bool kernel_write;
};

static void cow_child(struct utest *t, void *arg)
{
	struct cow_area *a = arg;
	int fd;

	UT_EXPECT(t, all_bytes(cow_data, a->seen, sizeof(cow_data)), "the child's data is not %c",
		  a->seen);
	UT_EXPECT(t, all_bytes(a->heap, a->seen + 32, 3 * PG), "the child's heap is not %c",
		  a->seen + 32);
	UT_EXPECT(t, *a->stack == a->seen, "the child's stack holds %d", *a->stack);
	memset(cow_data, 'C', sizeof(cow_data));
	memset(a->heap, 'c', 3 * PG);
	*a->stack = 'C';
	UT_EXPECT(t, all_bytes(cow_data, 'C', sizeof(cow_data)) && all_bytes(a->heap, 'c', 3 * PG),
		  "the child's writes did not stay");
	if (a->kernel_write) {
		/* The kernel writes a shared page for us: read() copies it first. */
		memset(cow_data, 'P', sizeof(cow_data));
		fd = open(self_path, O_RDONLY);
		UT_EXPECT(t, fd >= 0 && read(fd, cow_data + PG - 2, 4) == 4,
			  "read of %s into the data failed", self_path);
		UT_EXPECT(t, !memcmp(cow_data + PG - 2, "\177ELF", 4), "read gave %.4s",
			  cow_data + PG - 2);
		close(fd);
	}
}

void cow_global_heap_and_stack(struct utest *t)
{
	struct cow_area a = { .heap = malloc(3 * PG), .seen = 'P' };
	volatile int stack_var = 'P';
	int status;

	if (!UT_EXPECT(t, a.heap, "no memory"))
		return;
	a.stack = &stack_var;
	memset(cow_data, 'P', sizeof(cow_data));
	memset(a.heap, 'p', 3 * PG);

	/* The parent writes at once, most likely before the child reads. */
	{
		pid_t pid = fork();

		if (!pid) {
			struct utest child = { .name = t->name };

			cow_child(&child, &a);
			_exit(child.failed);
		}
		memset(cow_data, 'Q', sizeof(cow_data));
		memset(a.heap, 'q', 3 * PG);
		stack_var = 'Q';
		status = wait_status(pid);
	}
	expect_exit(t, status, 0, "the child, parent writing first");
	UT_EXPECT(t,
		  all_bytes(cow_data, 'Q', sizeof(cow_data)) && all_bytes(a.heap, 'q', 3 * PG) &&
			  stack_var == 'Q',
		  "the parent sees the child's writes");

	/* The child writes first, the parent only after it has ended. */
	memset(cow_data, 'P', sizeof(cow_data));
	memset(a.heap, 'p', 3 * PG);
	stack_var = 'P';
	a.kernel_write = true;
	status = run_in_child(t, cow_child, &a);
	expect_exit(t, status, 0, "the child writing first");
	UT_EXPECT(t,
		  all_bytes(cow_data, 'P', sizeof(cow_data)) && all_bytes(a.heap, 'p', 3 * PG) &&
			  stack_var == 'P',
		  "the parent sees the child's writes (data %c, heap %c, stack %c)", cow_data[0],
		  a.heap[0], stack_var);
	free(a.heap);
}

static char *touch_addr;

static void touch_write(void)
{
	*(volatile char *)touch_addr = 1;
}

static void touch_read(void)
{
	(void)*(volatile char *)touch_addr;
}

void brk_grows_and_shrinks(struct utest *t)
{
	unsigned long cur = raw_sys(SYS_brk, 0, 0, 0), top = cur + 3 * PG, ret;
	unsigned long gone = ((cur + PG - 1) & ~(PG - 1)) + PG;

	UT_EXPECT(t, cur && !(cur >> 47), "brk(0) returned %#lx", cur);
	ret = raw_sys(SYS_brk, top, 0, 0);
	if (!UT_EXPECT(t, ret == top, "brk(%#lx) returned %#lx", top, ret))
		return;
	memset((void *)cur, 0x5a, 3 * PG);
	UT_EXPECT(t, all_bytes((void *)cur, 0x5a, 3 * PG), "the new heap does not keep bytes");
	ret = raw_sys(SYS_brk, 0, 0, 0);
	UT_EXPECT(t, ret == top, "brk(0) after growing returned %#lx, not %#lx", ret, top);
	ret = raw_sys(SYS_brk, cur + PG, 0, 0);
	UT_EXPECT(t, ret == cur + PG, "brk(%#lx) (shrinking) returned %#lx", cur + PG, ret);
	ret = raw_sys(SYS_brk, cur, 0, 0);
	UT_EXPECT(t, ret == cur, "brk(%#lx) (back) returned %#lx", cur, ret);
	/* Below the heap's start: refused, the break as it was. */
	ret = raw_sys(SYS_brk, 0x1000, 0, 0);
	UT_EXPECT(t, ret == cur, "brk(0x1000) returned %#lx, not %#lx", ret, cur);
	/* A page the heap gave back is gone. */
	touch_addr = (char *)gone;
	expect_fault(t, touch_read, SIGSEGV, "a read of a page brk() gave back");
	/* Grown again, it is zero, not what was there. */
	ret = raw_sys(SYS_brk, top, 0, 0);
	UT_EXPECT(t, ret == top && all_bytes((void *)gone, 0, PG), "grown again: brk %#lx", ret);
	raw_sys(SYS_brk, cur, 0, 0);
}

static void *map(void *addr, size_t len, int prot, int flags)
{
	return (void *)raw_syscall6(SYS_mmap, (long)addr, len, prot,
				    flags | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static bool mapped_ok(const void *p)
{
	return (unsigned long)p < -4095UL;
}

void mmap_anonymous_hint_and_fixed(struct utest *t)
{
	char *p = map(NULL, 3 * PG, PROT_READ | PROT_WRITE, 0), *q;

	if (!UT_EXPECT(t, mapped_ok(p) && !((unsigned long)p & (PG - 1)), "mmap returned %p", p))
		return;
	UT_EXPECT(t, all_bytes(p, 0, 3 * PG), "new anonymous memory is not zero");
	memset(p, 0xaa, 3 * PG);
	/* MAP_FIXED over the middle page: a new zero page there, the others as they were. */
	q = map(p + PG, PG, PROT_READ | PROT_WRITE, MAP_FIXED);
	UT_EXPECT(t, q == p + PG, "MAP_FIXED at %p returned %p", p + PG, q);
	UT_EXPECT(t, all_bytes(p + PG, 0, PG), "the page MAP_FIXED replaced is not zero");
	UT_EXPECT(t, all_bytes(p, 0xaa, PG) && all_bytes(p + 2 * PG, 0xaa, PG),
		  "MAP_FIXED changed the pages beside it");
	UT_EXPECT(t, munmap(p, 3 * PG) == 0, "munmap: %d", errno);

	/* A free address as the hint: taken as it is. */
	q = map(p, 2 * PG, PROT_READ | PROT_WRITE, 0);
	UT_EXPECT(t, q == p, "the free hint %p gave %p", p, q);
	if (mapped_ok(q)) {
		q[0] = q[2 * PG - 1] = 1;
		munmap(q, 2 * PG);
	}
	/* An unaligned hint is only a hint: an aligned mapping somewhere. */
	q = map(p + 1, PG, PROT_READ, 0);
	UT_EXPECT(t, mapped_ok(q) && !((unsigned long)q & (PG - 1)), "unaligned hint gave %p", q);
	if (mapped_ok(q))
		munmap(q, PG);
}

void munmap_middle_keeps_both_sides(struct utest *t)
{
	char *p = map(NULL, 3 * PG, PROT_READ | PROT_WRITE, 0);
	long ret;

	if (!UT_EXPECT(t, mapped_ok(p), "mmap returned %p", p))
		return;
	memset(p, 0x33, 3 * PG);
	ret = raw_sys(SYS_munmap, p + PG, PG, 0);
	UT_EXPECT(t, ret == 0, "munmap of the middle page returned %ld", ret);
	UT_EXPECT(t, all_bytes(p, 0x33, PG) && all_bytes(p + 2 * PG, 0x33, PG),
		  "the sides lost their bytes");
	p[0] = p[3 * PG - 1] = 0x44;
	UT_EXPECT(t, p[0] == 0x44 && p[3 * PG - 1] == 0x44, "the sides are not writable");
	touch_addr = p + PG;
	expect_fault(t, touch_read, SIGSEGV, "a read of the unmapped middle");
	touch_addr = p + 2 * PG - 1;
	expect_fault(t, touch_write, SIGSEGV, "a write to the unmapped middle");
	/* munmap of what is not mapped (any more) is no error. */
	ret = raw_sys(SYS_munmap, p + PG, PG, 0);
	UT_EXPECT(t, ret == 0, "a second munmap of the middle returned %ld", ret);
	munmap(p, 3 * PG);
}

void mprotect_readonly_write_dies(struct utest *t)
{
	char *p = map(NULL, 2 * PG, PROT_READ | PROT_WRITE, 0);
	long ret;

	if (!UT_EXPECT(t, mapped_ok(p), "mmap returned %p", p))
		return;
	p[0] = 7;
	p[PG] = 8;
	ret = raw_sys(SYS_mprotect, p, PG, PROT_READ);
	UT_EXPECT(t, ret == 0, "mprotect(PROT_READ) returned %ld", ret);
	UT_EXPECT(t, p[0] == 7, "the read-only page reads %d", p[0]);
	touch_addr = p;
	expect_fault(t, touch_write, SIGSEGV, "a write to the read-only page");
	p[PG]++;
	UT_EXPECT(t, p[PG] == 9, "the page beside it, still writable, holds %d", p[PG]);
	ret = raw_sys(SYS_mprotect, p, PG, PROT_NONE);
	UT_EXPECT(t, ret == 0, "mprotect(PROT_NONE) returned %ld", ret);
	touch_addr = p;
	expect_fault(t, touch_read, SIGSEGV, "a read of the PROT_NONE page");
	ret = raw_sys(SYS_mprotect, p, PG, PROT_READ | PROT_WRITE);
	UT_EXPECT(t, ret == 0, "mprotect(PROT_READ | PROT_WRITE) returned %ld", ret);
	p[0]++;
	UT_EXPECT(t, p[0] == 8, "the page, writable again, holds %d, not 8", p[0]);
	munmap(p, 2 * PG);
}

void mmap_wx_and_bad_arguments(struct utest *t)
{
	char *p = map(NULL, PG, PROT_READ | PROT_WRITE | PROT_EXEC, 0), *q;
	long ret;

	if (on_kestrel()) {
		/* W^X: never writable and executable at once. */
		UT_EXPECT(t, (long)p == -EACCES, "mmap(RWX) returned %p", p);
	} else {
		/* Linux has no such rule for anonymous memory. */
		UT_EXPECT(t, mapped_ok(p), "mmap(RWX) on Linux returned %p", p);
		if (mapped_ok(p))
			munmap(p, PG);
	}
	q = map(NULL, PG, PROT_READ | PROT_WRITE, 0);
	if (!UT_EXPECT(t, mapped_ok(q), "mmap returned %p", q))
		return;
	if (on_kestrel()) {
		ret = raw_sys(SYS_mprotect, q, PG, PROT_READ | PROT_WRITE | PROT_EXEC);
		UT_EXPECT(t, ret == -EACCES, "mprotect(RWX) returned %ld", ret);
	}
	ret = raw_sys(SYS_mprotect, q, PG, PROT_READ | PROT_EXEC);
	UT_EXPECT(t, ret == 0, "mprotect(PROT_READ | PROT_EXEC) returned %ld", ret);

	p = map(NULL, 0, PROT_READ, 0);
	UT_EXPECT(t, (long)p == -EINVAL, "mmap of 0 bytes returned %p", p);
	p = map(q + 1, PG, PROT_READ, MAP_FIXED);
	UT_EXPECT(t, (long)p == -EINVAL, "mmap(MAP_FIXED) at %p returned %p", q + 1, p);
	ret = raw_sys(SYS_munmap, q + 1, PG, 0);
	UT_EXPECT(t, ret == -EINVAL, "munmap(%p) returned %ld", q + 1, ret);
	ret = raw_sys(SYS_munmap, q, 0, 0);
	UT_EXPECT(t, ret == -EINVAL, "munmap of 0 bytes returned %ld", ret);
	ret = raw_sys(SYS_mprotect, q + 1, PG, PROT_READ);
	UT_EXPECT(t, ret == -EINVAL, "mprotect(%p) returned %ld", q + 1, ret);
	/* The mapping came through every refusal as it was. */
	UT_EXPECT(t, all_bytes(q, 0, PG), "the page changed");
	munmap(q, PG);
}
