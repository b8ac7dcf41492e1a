// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the page tables: map, translate, protect and unmap on a
 * scratch address, and W^X checked by walking the live tables over every
 * page of the kernel image and the direct map.
 */
#include <asm/cpu.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/stacks.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/memblock.h>
#include <kernel/page_alloc.h>

#define SCRATCH (VMAP_START + 0x123000)

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

static const struct ktest_case pgtable_cases[] = {
	KTEST_CASE(map_translate_protect_unmap),
	KTEST_CASE(kernel_image_is_w_xor_x),
	KTEST_CASE(guard_pages_and_null_are_unmapped),
	KTEST_CASE(direct_map_is_nx_and_protects_the_image),
	KTEST_CASE(cpu_enforces_nx_and_wp),
	{},
};
KTEST_SUITE(pgtable, pgtable_cases);
