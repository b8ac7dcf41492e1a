// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the page tables: map, translate, protect and unmap on a
 * scratch address; map_page() refusing to replace a 4 KiB page, a 2 MiB
 * page or the direct map, and refusing bad arguments; and W^X checked by
 * walking the live tables over every page of the kernel image and the
 * direct map.
 */
#include <asm/cpu.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/stacks.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/memblock.h>
#include <kernel/page_alloc.h>
#include <kernel/sprintf.h>

/* Addresses nothing else maps: the tests' own area of <asm/page.h>. */
#define SCRATCH	   (PGTABLE_TEST_SCRATCH + 0x123000)
#define SCRATCH_2M (PGTABLE_TEST_SCRATCH + (1UL << 30)) /* 2 MiB aligned */

#define PERMS (_PAGE_PRESENT | _PAGE_RW | _PAGE_NX | _PAGE_PWT | _PAGE_PCD)

static void map_translate_protect_unmap(struct ktest *t)
{
	u64 *page = alloc_page(), flags = 0;
	phys_addr_t phys = 0;
	volatile u64 *scratch = (volatile u64 *)SCRATCH;

	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_FALSE(t, translate(SCRATCH, &phys, &flags));
	KTEST_ASSERT_EQ(t, map_page(SCRATCH, virt_to_phys(page), PAGE_KERNEL), 0);
	KTEST_EXPECT_TRUE(t, translate(SCRATCH + 8, &phys, &flags));
	KTEST_EXPECT_EQ(t, phys, virt_to_phys(page) + 8);
	KTEST_EXPECT_TRUE(t, flags & _PAGE_RW);
	*scratch = 0x5ca1ab1e; /* one page, two addresses */
	KTEST_EXPECT_EQ(t, page[0], 0x5ca1ab1e);

	KTEST_EXPECT_EQ(t, protect_page(SCRATCH, PAGE_KERNEL_RO), 0);
	KTEST_EXPECT_TRUE(t, translate(SCRATCH, &phys, &flags));
	KTEST_EXPECT_FALSE(t, flags & _PAGE_RW);
	KTEST_EXPECT_TRUE(t, flags & _PAGE_NX);
	KTEST_EXPECT_EQ(t, *scratch, 0x5ca1ab1e);

	KTEST_EXPECT_EQ(t, unmap_page(SCRATCH), 0);
	KTEST_EXPECT_FALSE(t, translate(SCRATCH, &phys, &flags));
	KTEST_EXPECT_EQ(t, unmap_page(SCRATCH), -EINVAL);
	free_page(page);
}

/*
 * map_page() with the consoles muted; the log from *@since holds its
 * report, which names this function as the caller.
 */
static __noinline int map_page_muted(unsigned long virt, phys_addr_t phys, u64 flags, u64 *since)
{
	int err;

	*since = ktest_mute_console();
	err = map_page(virt, phys, flags);
	ktest_unmute_console();
	return err;
}

/* The one line map_page() prints when it refuses, up to the caller's name. */
static bool refusal_logged(u64 since, unsigned long virt, phys_addr_t phys, const char *why)
{
	char line[160];

	snprintf(line, sizeof(line), "map_page(%#lx, %#llx): %s; not mapped (called from ", virt,
		 (unsigned long long)phys, why);
	return ktest_log_contains(since, line);
}

/* The refusal of a map over @old, mapped by a 2 MiB page if @large. */
static bool busy_logged(u64 since, unsigned long virt, phys_addr_t phys, phys_addr_t old,
			bool large)
{
	char why[64];

	snprintf(why, sizeof(why), "already mapped to %#llx%s", (unsigned long long)old,
		 large ? " by a 2 MiB page" : "");
	return refusal_logged(since, virt, phys, why);
}

static void map_over_a_present_page_is_refused(struct ktest *t)
{
	u64 *old = alloc_page(), *new = alloc_page(), flags = 0, since;
	phys_addr_t phys = 0;
	volatile u64 *scratch = (volatile u64 *)SCRATCH;

	KTEST_ASSERT_NOT_NULL(t, old);
	KTEST_ASSERT_NOT_NULL(t, new);
	old[0] = 0x01d01d01d;
	new[0] = 0x0e770e770;
	KTEST_ASSERT_EQ(t, map_page(SCRATCH, virt_to_phys(old), PAGE_KERNEL_RO), 0);

	KTEST_EXPECT_EQ(t, map_page_muted(SCRATCH, virt_to_phys(new), PAGE_KERNEL, &since), -EBUSY);
	KTEST_EXPECT_TRUE(t,
			  busy_logged(since, SCRATCH, virt_to_phys(new), virt_to_phys(old), false));
	if (IS_ENABLED(CONFIG_KALLSYMS))
		KTEST_EXPECT_TRUE(t, ktest_log_contains(since, "(called from map_page_muted+"));
	/* The old mapping, its flags and its content, untouched. */
	KTEST_EXPECT_TRUE(t, translate(SCRATCH, &phys, &flags));
	KTEST_EXPECT_EQ(t, phys, virt_to_phys(old));
	KTEST_EXPECT_EQ(t, flags & PERMS, PAGE_KERNEL_RO);
	KTEST_EXPECT_EQ(t, *scratch, 0x01d01d01d);

	/* Unmapped first, the same call succeeds. */
	KTEST_EXPECT_EQ(t, unmap_page(SCRATCH), 0);
	KTEST_EXPECT_EQ(t, map_page(SCRATCH, virt_to_phys(new), PAGE_KERNEL), 0);
	KTEST_EXPECT_TRUE(t, translate(SCRATCH, &phys, &flags));
	KTEST_EXPECT_EQ(t, phys, virt_to_phys(new));
	KTEST_EXPECT_EQ(t, flags & PERMS, PAGE_KERNEL);
	KTEST_EXPECT_EQ(t, *scratch, 0x0e770e770);
	KTEST_EXPECT_EQ(t, unmap_page(SCRATCH), 0);
	free_page(old);
	free_page(new);
}

/*
 * A 4 KiB page inside a present 2 MiB page is mapped too: refused, and the
 * large page is not split.  The large page is a read-only alias, at
 * SCRATCH_2M, of the 2 MiB of RAM around a page of ours.
 */
static void map_inside_a_large_page_is_refused(struct ktest *t)
{
	u64 *page = alloc_page(), *other = alloc_page(), flags = 0, since;
	phys_addr_t phys = 0, chunk, off;
	unsigned long v, virt;
	int err = 0;

	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_ASSERT_NOT_NULL(t, other);
	chunk = virt_to_phys(page) & ~(phys_addr_t)(LARGE_PAGE_SIZE - 1);
	off = virt_to_phys(page) - chunk;
	virt = SCRATCH_2M + off;
	page[1] = 0x1a26e;
	KTEST_ASSERT_TRUE(t, !translate(SCRATCH_2M, &phys, &flags));
	KTEST_ASSERT_EQ(t, map_large_page_in(current_pml4(), SCRATCH_2M, chunk, PAGE_KERNEL_RO), 0);

	KTEST_EXPECT_EQ(t, map_page_muted(virt, virt_to_phys(other), PAGE_KERNEL, &since), -EBUSY);
	KTEST_EXPECT_TRUE(t,
			  busy_logged(since, virt, virt_to_phys(other), virt_to_phys(page), true));
	KTEST_EXPECT_TRUE(t, translate(virt, &phys, &flags));
	KTEST_EXPECT_EQ(t, phys, virt_to_phys(page));
	KTEST_EXPECT_TRUE(t, flags & _PAGE_PSE); /* not split */
	KTEST_EXPECT_EQ(t, flags & PERMS, PAGE_KERNEL_RO);
	KTEST_EXPECT_EQ(t, ((volatile u64 *)virt)[1], 0x1a26e);

	/* unmap_page() splits it, then each small page goes. */
	for (v = SCRATCH_2M; v < SCRATCH_2M + LARGE_PAGE_SIZE; v += PAGE_SIZE)
		err |= unmap_page(v);
	KTEST_EXPECT_EQ(t, err, 0);
	KTEST_EXPECT_FALSE(t, translate(virt, &phys, &flags));
	free_page(page);
	free_page(other);
}

/* Every page of RAM is mapped in the direct map: none can be mapped over. */
static void map_over_the_direct_map_is_refused(struct ktest *t)
{
	u64 *page = alloc_page(), *other = alloc_page(), flags = 0, since, before;
	phys_addr_t phys = 0;

	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_ASSERT_NOT_NULL(t, other);
	page[0] = 0xd12ec7;
	KTEST_ASSERT_TRUE(t, translate((unsigned long)page, &phys, &before));
	KTEST_EXPECT_EQ(
		t, map_page_muted((unsigned long)page, virt_to_phys(other), PAGE_KERNEL, &since),
		-EBUSY);
	/* 4 KiB pages near the kernel image, 2 MiB pages elsewhere */
	KTEST_EXPECT_TRUE(t, busy_logged(since, (unsigned long)page, virt_to_phys(other),
					 virt_to_phys(page), before & _PAGE_PSE));
	KTEST_EXPECT_TRUE(t, translate((unsigned long)page, &phys, &flags));
	KTEST_EXPECT_EQ(t, phys, virt_to_phys(page));
	KTEST_EXPECT_EQ(t, flags & (PERMS | _PAGE_PSE), before & (PERMS | _PAGE_PSE));
	KTEST_EXPECT_EQ(t, *(volatile u64 *)page, 0xd12ec7);
	free_page(page);
	free_page(other);
}

#define NOT_CANONICAL  "not a canonical address"
#define VIRT_UNALIGNED "virtual address not page aligned"
#define PHYS_BAD       "physical address not page aligned or above 2^52"
#define FLAGS_BAD      "flags not present, or with address bits or _PAGE_PSE"

/* Each refused with -EINVAL, reported, and nothing mapped. */
static const struct {
	unsigned long virt;
	phys_addr_t phys_plus; /* added to a real page's physical address */
	u64 flags;
	const char *why;
} bad_map_cases[] = {
	{ SCRATCH + 8, 0, PAGE_KERNEL, VIRT_UNALIGNED },
	{ SCRATCH + PAGE_SIZE - 1, 0, PAGE_KERNEL, VIRT_UNALIGNED },
	{ SCRATCH, 8, PAGE_KERNEL, PHYS_BAD },
	{ SCRATCH, PAGE_SIZE / 2, PAGE_KERNEL, PHYS_BAD },
	{ SCRATCH, 1ULL << 52, PAGE_KERNEL, PHYS_BAD }, /* not masked off onto a real page */
	{ SCRATCH, 1ULL << 63, PAGE_KERNEL, PHYS_BAD },
	{ SCRATCH, 0, 0, FLAGS_BAD },
	{ SCRATCH, 0, PAGE_KERNEL & ~_PAGE_PRESENT, FLAGS_BAD },
	{ SCRATCH, 0, PAGE_KERNEL | (1ULL << 12), FLAGS_BAD },
	{ SCRATCH, 0, PAGE_KERNEL | (1ULL << 51), FLAGS_BAD },
	{ SCRATCH, 0, PAGE_KERNEL | _PAGE_PSE, FLAGS_BAD }, /* the PAT bit in a 4 KiB entry */
	/* would land in PML4 entry 256 (0xffff800000000000) if not refused */
	{ 0x0000800000000000UL, 0, PAGE_KERNEL, NOT_CANONICAL },
	{ 0xffff7ffffffff000UL, 0, PAGE_KERNEL, NOT_CANONICAL },
	{ SCRATCH & ~(1UL << 63), 0, PAGE_KERNEL, NOT_CANONICAL },
	{ SCRATCH ^ (1UL << 47), 0, PAGE_KERNEL, NOT_CANONICAL },
	{ 0x8000000000000000UL, 0, PAGE_KERNEL, NOT_CANONICAL },
};

static void bad_arguments_are_refused(struct ktest *t)
{
	u64 *page = alloc_page(), flags, since, entry, scratch_entry;
	phys_addr_t phys, want;
	unsigned long virt;
	size_t i;

	KTEST_ASSERT_NOT_NULL(t, page);
	for (i = 0; i < ARRAY_SIZE(bad_map_cases); i++) {
		virt = bad_map_cases[i].virt;
		want = virt_to_phys(page) + bad_map_cases[i].phys_plus;
		entry = current_pml4()[PML4_INDEX(virt)];
		scratch_entry = current_pml4()[PML4_INDEX(SCRATCH)];
		ktest_check(t,
			    map_page_muted(virt, want, bad_map_cases[i].flags, &since) == -EINVAL,
			    __FILE__, __LINE__, "map_page(%#lx, %#llx, %#llx) is -EINVAL", virt,
			    (unsigned long long)want, (unsigned long long)bad_map_cases[i].flags);
		ktest_check(t, refusal_logged(since, virt, want, bad_map_cases[i].why), __FILE__,
			    __LINE__, "case %zu reported: %s", i, bad_map_cases[i].why);
		ktest_check(t,
			    !translate(virt & ~(PAGE_SIZE - 1), &phys, &flags) &&
				    !translate(SCRATCH, &phys, &flags),
			    __FILE__, __LINE__, "case %zu: nothing mapped", i);
		ktest_check(t,
			    current_pml4()[PML4_INDEX(virt)] == entry &&
				    current_pml4()[PML4_INDEX(SCRATCH)] == scratch_entry,
			    __FILE__, __LINE__, "case %zu: no PML4 entry changed", i);
	}
	free_page(page);
}

/*
 * A device address past the CPU's physical address width (a boot
 * loader's framebuffer tag can say anything) is refused: mapped, its page
 * table entry would hold a reserved bit, and the first access (the
 * framebuffer console's first fill) would fault.
 */
static void ioremap_refuses_what_the_cpu_cannot_address(struct ktest *t)
{
	phys_addr_t end = 1ULL << cpu_phys_bits();

	KTEST_ASSERT_TRUE(t, cpu_phys_bits() >= 32 && cpu_phys_bits() < 52);
	KTEST_EXPECT_NULL(t, ioremap(end, PAGE_SIZE));
	KTEST_EXPECT_NULL(t, ioremap(end - PAGE_SIZE, 2 * PAGE_SIZE));
}

/* Pages in [start, end) whose mapping differs from @want (guard pages excepted). */
static unsigned long count_wrong(unsigned long start, unsigned long end, u64 want)
{
	unsigned long v, wrong = 0;
	phys_addr_t phys;
	u64 flags;

	for (v = start; v < end; v += PAGE_SIZE) {
		if (stack_guarding(v))
			continue;
		if (!translate(v, &phys, &flags) || phys != virt_to_phys((void *)v) ||
		    (flags & (_PAGE_RW | _PAGE_NX)) != (want & (_PAGE_RW | _PAGE_NX)))
			wrong++;
	}
	return wrong;
}

static void kernel_image_is_w_xor_x(struct ktest *t)
{
	KTEST_EXPECT_EQ(
		t, count_wrong((unsigned long)_text, (unsigned long)_etext, PAGE_KERNEL_TEXT), 0);
	KTEST_EXPECT_EQ(
		t,
		count_wrong((unsigned long)__start_rodata, (unsigned long)_erodata, PAGE_KERNEL_RO),
		0);
	KTEST_EXPECT_EQ(
		t, count_wrong((unsigned long)__start_data, (unsigned long)_end, PAGE_KERNEL), 0);
}

static void guard_pages_and_null_are_unmapped(struct ktest *t)
{
	unsigned int i;
	phys_addr_t phys;
	u64 flags;

	for (i = 0; i < nr_kernel_stacks; i++)
		KTEST_EXPECT_FALSE(t, translate(kernel_stacks[i].guard, &phys, &flags));
	KTEST_EXPECT_FALSE(t, translate(0, &phys, &flags));
	KTEST_EXPECT_FALSE(t, translate(0x100000, &phys, &flags)); /* old identity map */
	for (i = 0; i < PTRS_PER_TABLE / 2; i++)
		if (current_pml4()[i])
			break;
	KTEST_EXPECT_EQ(t, i, PTRS_PER_TABLE / 2); /* nothing in the lower half */
}

/*
 * The direct map: all of RAM, never executable, and the kernel's text and
 * read-only data not writable through it either.
 */
static void direct_map_is_nx_and_protects_the_image(struct ktest *t)
{
	phys_addr_t end = memblock_end(&memblock), p, phys;
	phys_addr_t text = virt_to_phys(_text), rodata_end = virt_to_phys(__start_data);
	unsigned long unmapped = 0, executable = 0, writable_image = 0;
	u64 flags;

	for (p = 0; p < end; p += PAGE_SIZE) {
		if (!translate((unsigned long)phys_to_virt(p), &phys, &flags) || phys != p) {
			unmapped++;
			continue;
		}
		executable += !(flags & _PAGE_NX);
		writable_image += p >= text && p < rodata_end && (flags & _PAGE_RW);
	}
	KTEST_EXPECT_EQ(t, unmapped, 0);
	KTEST_EXPECT_EQ(t, executable, 0);
	KTEST_EXPECT_EQ(t, writable_image, 0);
}

static void cpu_enforces_nx_and_wp(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, rdmsr(MSR_EFER) & EFER_NXE);
	KTEST_EXPECT_TRUE(t, read_cr0() & X86_CR0_WP);
}

/* The top of the CPU's physical space, where nothing is: mapped, never touched. */
#define NOWHERE ((1ULL << cpu_phys_bits()) - 16 * PAGE_SIZE)

/*
 * PWT alone is write-combining (pat.c): ioremap_wc() maps with it, and
 * ioremap() with PCD and PWT, uncached.  Neither executable.
 */
static void ioremap_memory_types(struct ktest *t)
{
	phys_addr_t phys = 0;
	u64 flags = 0;
	void *wc, *uc;

	KTEST_EXPECT_TRUE(t, pat_is_set());
	wc = ioremap_wc(NOWHERE + 0x10, 64);
	uc = ioremap(NOWHERE + PAGE_SIZE, 64);
	KTEST_ASSERT_NOT_NULL(t, wc);
	KTEST_ASSERT_NOT_NULL(t, uc);
	KTEST_ASSERT_TRUE(t, translate((unsigned long)wc, &phys, &flags));
	KTEST_EXPECT_EQ(t, phys, NOWHERE + 0x10);
	KTEST_EXPECT_EQ(t, flags & (_PAGE_PWT | _PAGE_PCD | _PAGE_NX), _PAGE_PWT | _PAGE_NX);
	KTEST_ASSERT_TRUE(t, translate((unsigned long)uc, &phys, &flags));
	KTEST_EXPECT_EQ(t, flags & (_PAGE_PWT | _PAGE_PCD | _PAGE_NX),
			_PAGE_PWT | _PAGE_PCD | _PAGE_NX);
	KTEST_EXPECT_NULL(t, ioremap_wc(~0ULL - 8, 64)); /* a range that wraps */
}

static const struct ktest_case pgtable_cases[] = {
	KTEST_CASE(map_translate_protect_unmap),
	KTEST_CASE(map_over_a_present_page_is_refused),
	KTEST_CASE(map_inside_a_large_page_is_refused),
	KTEST_CASE(map_over_the_direct_map_is_refused),
	KTEST_CASE(bad_arguments_are_refused),
	KTEST_CASE(ioremap_refuses_what_the_cpu_cannot_address),
	KTEST_CASE(kernel_image_is_w_xor_x),
	KTEST_CASE(guard_pages_and_null_are_unmapped),
	KTEST_CASE(direct_map_is_nx_and_protects_the_image),
	KTEST_CASE(cpu_enforces_nx_and_wp),
	KTEST_CASE(ioremap_memory_types),
	{},
};
KTEST_SUITE(pgtable, pgtable_cases);
