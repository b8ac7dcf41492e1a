/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Red-black trees (lib/rbtree.c): binary search trees that stay balanced,
 * so that insertion, removal and lookup cost O(log n) and the path from
 * the root to any leaf is at most twice as long as to any other.  The
 * fair scheduler keeps its runnable tasks in one, ordered by virtual
 * runtime.
 *
 * The nodes are embedded in the caller's structures, as list_head is, and
 * the tree never allocates.  The tree knows nothing of keys: the caller
 * walks down to the place for a new node and links it there
 * (rb_link_node()), then rb_insert_color() rebalances; rb_add_cached()
 * does both with a less() function.  A cached root also keeps its
 * leftmost node, the smallest, which costs nothing to look up.
 */
#ifndef _KERNEL_RBTREE_H
#define _KERNEL_RBTREE_H

#include <kernel/compiler.h>
#include <kernel/types.h>

struct rb_node {
	struct rb_node *parent;
	struct rb_node *left;
	struct rb_node *right;
	bool red;
};

struct rb_root {
	struct rb_node *node;
};

struct rb_root_cached {
	struct rb_root root;
	struct rb_node *leftmost;
};

#define RB_ROOT			    ((struct rb_root){ NULL })
#define RB_ROOT_CACHED		    ((struct rb_root_cached){ { NULL }, NULL })
#define rb_entry(ptr, type, member) container_of(ptr, type, member)

/* Link @node as the child of @parent that @link points at (NULL: the root). */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent, struct rb_node **link)
{
	node->parent = parent;
	node->left = node->right = NULL;
	node->red = true;
	*link = node;
}

/* Rebalance @root after rb_link_node() put @node in it. */
void rb_insert_color(struct rb_node *node, struct rb_root *root);
/* Take @node out of @root. */
void rb_erase(struct rb_node *node, struct rb_root *root);

/* In order: the smallest and largest nodes, and the neighbours of @node. */
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

/*
 * Insert @node into the cached tree @tree at its place by @less; a node
 * equal to others goes after them, so equal keys keep their order of
 * insertion.
 */
void rb_add_cached(struct rb_node *node, struct rb_root_cached *tree,
		   bool (*less)(const struct rb_node *a, const struct rb_node *b));
void rb_erase_cached(struct rb_node *node, struct rb_root_cached *tree);

static inline struct rb_node *rb_first_cached(const struct rb_root_cached *tree)
{
	return tree->leftmost;
}

static inline bool rb_empty_cached(const struct rb_root_cached *tree)
{
	return !tree->root.node;
}

#endif
