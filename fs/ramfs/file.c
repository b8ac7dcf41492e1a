// SPDX-License-Identifier: GPL-2.0
/*
 * ramfs regular files: data in whole pages from the frame allocator,
 * found through an array of page pointers that grows as the file does.
 *
 * No file needs contiguous memory beyond its array (8 bytes a page): a
 * 2 MiB program is 512 pages wherever they are and a 4 KiB array.
 * Pages are allocated only where something is written, so a hole costs
 * nothing and reads as zeros; i_blocks counts what is allocated.  The
 * inode's i_mutex guards the array, the pages, i_size and i_blocks.
 * Long reads and writes offer the CPU between pages, as Linux's
 * filemap_read() does, so that a big file is no lockup under PREEMPT_NONE.
 */
#include <asm/page.h>
#include <kernel/errno.h>
#include <kernel/page_alloc.h>
#include <kernel/preempt.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "internal.h"

#define BLOCKS_PER_PAGE (PAGE_SIZE / 512)

/* Room for pages [0, @need): 0 or -ENOMEM, with the array as it was. */
static int grow_slots(struct ramfs_inode *ri, unsigned long need)
{
	unsigned long slots = max(max(need, 2 * ri->nr_slots), 16UL);
	void **pages;

	if (need <= ri->nr_slots)
		return 0;
	pages = krealloc(ri->pages, slots * sizeof(*pages));
	if (!pages) {
		slots = need; /* try again without the slack */
		pages = krealloc(ri->pages, slots * sizeof(*pages));
		if (!pages)
			return -ENOMEM;
	}
	memset(pages + ri->nr_slots, 0, (slots - ri->nr_slots) * sizeof(*pages));
	ri->pages = pages;
	ri->nr_slots = slots;
	return 0;
}

static ssize_t ramfs_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	struct inode *inode = file_inode(file);
	struct ramfs_inode *ri = RAMFS_I(inode);
	size_t done = 0, n;
	loff_t p = *pos;

	mutex_lock(&inode->i_mutex);
	n = p < inode->i_size ? min((u64)count, (u64)(inode->i_size - p)) : 0;
	while (done < n) {
		unsigned long index = (p + done) >> PAGE_SHIFT;
		size_t offset = (p + done) & (PAGE_SIZE - 1);
		size_t chunk = min(PAGE_SIZE - offset, n - done);
		void *page = index < ri->nr_slots ? ri->pages[index] : NULL;

		if (page)
			memcpy(buf + done, (char *)page + offset, chunk);
		else
			memset(buf + done, 0, chunk);
		done += chunk;
		cond_resched();
	}
	*pos = p + n;
	mutex_unlock(&inode->i_mutex);
	return n;
}

static ssize_t ramfs_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	struct inode *inode = file_inode(file);
	struct ramfs_inode *ri = RAMFS_I(inode);
	loff_t p, max = inode->i_sb->s_maxbytes;
	size_t done = 0;
	ssize_t ret;

	mutex_lock(&inode->i_mutex);
	p = (file->f_flags & O_APPEND) ? inode->i_size : *pos;
	if (p >= max) {
		ret = -EFBIG;
		goto out;
	}
	count = min((u64)count, (u64)(max - p));
	if (grow_slots(ri, (p + count + PAGE_SIZE - 1) >> PAGE_SHIFT)) {
		ret = -ENOMEM;
		goto out;
	}
	while (done < count) {
		unsigned long index = (p + done) >> PAGE_SHIFT;
		size_t offset = (p + done) & (PAGE_SIZE - 1);
		size_t chunk = min(PAGE_SIZE - offset, count - done);

		if (!ri->pages[index]) {
			void *page = alloc_page();

			if (!page)
				break;
			clear_page(page);
			ri->pages[index] = page;
			inode->i_blocks += BLOCKS_PER_PAGE;
		}
		memcpy((char *)ri->pages[index] + offset, buf + done, chunk);
		done += chunk;
		cond_resched();
	}
	if (!done) {
		ret = -ENOMEM;
		goto out;
	}
	p += done;
	if (p > inode->i_size)
		inode->i_size = p;
	inode->i_mtime = inode->i_ctime = current_time();
	*pos = p;
	ret = done;
out:
	mutex_unlock(&inode->i_mutex);
	return ret;
}

/* Shrinking frees the pages past the end and clears the tail of the last one. */
static int ramfs_truncate(struct inode *inode, loff_t size)
{
	struct ramfs_inode *ri = RAMFS_I(inode);
	unsigned long i, keep = (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	size_t tail = size & (PAGE_SIZE - 1);

	if (size > inode->i_sb->s_maxbytes)
		return -EFBIG;
	if (size < inode->i_size) {
		for (i = keep; i < ri->nr_slots; i++) {
			if (ri->pages[i]) {
				free_page(ri->pages[i]);
				ri->pages[i] = NULL;
				inode->i_blocks -= BLOCKS_PER_PAGE;
			}
		}
		if (tail && keep - 1 < ri->nr_slots && ri->pages[keep - 1])
			memset((char *)ri->pages[keep - 1] + tail, 0, PAGE_SIZE - tail);
	}
	inode->i_size = size;
	inode->i_mtime = current_time();
	return 0;
}

int ramfs_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;

	if (attr->ia_valid & ATTR_SIZE) {
		int err = ramfs_truncate(inode, attr->ia_size);

		if (err)
			return err;
	}
	setattr_copy(inode, attr);
	return 0;
}

void ramfs_free_data(struct ramfs_inode *ri)
{
	unsigned long i;

	for (i = 0; i < ri->nr_slots; i++)
		if (ri->pages[i])
			free_page(ri->pages[i]);
	kfree(ri->pages);
	ri->pages = NULL;
	ri->nr_slots = 0;
}

const struct file_operations ramfs_file_operations = {
	.llseek = generic_file_llseek,
	.read = ramfs_read,
	.write = ramfs_write,
};
