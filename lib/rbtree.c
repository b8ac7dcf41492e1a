// SPDX-License-Identifier: GPL-2.0
/*
 * Red-black trees; see <kernel/rbtree.h>.  The algorithm is the textbook
 * one (Cormen et al., "Introduction to Algorithms", chapter 13), with
 * NULL for the black leaves: each node is red or black, the root is
 * black, a red node has no red child, and every path from a node down to
 * a leaf passes as many black nodes.  Insertion and removal restore these
 * with recolouring and at most three rotations.
 *
 * A removal whose replacement is a leaf has no node to start the repair
 * from, so erase_fixup() carries the parent along with the (perhaps NULL)
 * node.
 */
#include <kernel/rbtree.h>

static bool is_red(const struct rb_node *node)
{
	return node && node->red;
}

/* Make @new take @old's place under @old's parent. */
static void replace_child(struct rb_root *root, struct rb_node *old, struct rb_node *new)
{
	struct rb_node *parent = old->parent;

	if (!parent)
		root->node = new;
	else if (parent->left == old)
		parent->left = new;
	else
		parent->right = new;
	if (new)
		new->parent = parent;
}

/* @x's right child takes its place, and @x becomes that child's left. */
static void rotate_left(struct rb_root *root, struct rb_node *x)
{
	struct rb_node *y = x->right;

	x->right = y->left;
	if (y->left)
		y->left->parent = x;
	replace_child(root, x, y);
	y->left = x;
	x->parent = y;
}

static void rotate_right(struct rb_root *root, struct rb_node *x)
{
	struct rb_node *y = x->left;

	x->left = y->right;
	if (y->right)
		y->right->parent = x;
	replace_child(root, x, y);
	y->right = x;
	x->parent = y;
}

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *parent, *gparent, *uncle;

	while ((parent = node->parent) && parent->red) {
		gparent = parent->parent; /* exists: the root is black */
		uncle = parent == gparent->left ? gparent->right : gparent->left;
		if (is_red(uncle)) {
			/* Push the red up: the grandparent may now clash. */
			parent->red = uncle->red = false;
			gparent->red = true;
			node = gparent;
			continue;
		}
		if (parent == gparent->left) {
			if (node == parent->right) {
				rotate_left(root, parent);
				parent = node;
			}
			rotate_right(root, gparent);
		} else {
			if (node == parent->left) {
				rotate_right(root, parent);
				parent = node;
			}
			rotate_left(root, gparent);
		}
		parent->red = false;
		gparent->red = true;
		break;
	}
	root->node->red = false;
}

/*
 * @node's side of @parent lost a black node.  @sibling's side has one
 * more; move one over or push the lack up.  Returns the node to look at
 * next, NULL when done.
 */
static struct rb_node *fix_left_lack(struct rb_root *root, struct rb_node *parent)
{
	struct rb_node *sibling = parent->right;

	if (sibling->red) {
		sibling->red = false;
		parent->red = true;
		rotate_left(root, parent);
		sibling = parent->right;
	}
	if (!is_red(sibling->left) && !is_red(sibling->right)) {
		sibling->red = true;
		return parent;
	}
	if (!is_red(sibling->right)) {
		sibling->left->red = false;
		sibling->red = true;
		rotate_right(root, sibling);
		sibling = parent->right;
	}
	sibling->red = parent->red;
	parent->red = false;
	sibling->right->red = false;
	rotate_left(root, parent);
	return NULL;
}

static struct rb_node *fix_right_lack(struct rb_root *root, struct rb_node *parent)
{
	struct rb_node *sibling = parent->left;

	if (sibling->red) {
		sibling->red = false;
		parent->red = true;
		rotate_right(root, parent);
		sibling = parent->left;
	}
	if (!is_red(sibling->left) && !is_red(sibling->right)) {
		sibling->red = true;
		return parent;
	}
	if (!is_red(sibling->left)) {
		sibling->right->red = false;
		sibling->red = true;
		rotate_left(root, sibling);
		sibling = parent->left;
	}
	sibling->red = parent->red;
	parent->red = false;
	sibling->left->red = false;
	rotate_right(root, parent);
	return NULL;
}

/* The path through @node, a child of @parent, lacks one black node. */
static void erase_fixup(struct rb_root *root, struct rb_node *node, struct rb_node *parent)
{
	while (parent && !is_red(node)) {
		if (node == parent->left)
			node = fix_left_lack(root, parent);
		else
			node = fix_right_lack(root, parent);
		if (!node)
			return;
		parent = node->parent;
	}
	if (node)
		node->red = false;
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *child, *parent, *successor;
	bool removed_red = node->red;

	if (!node->left || !node->right) {
		child = node->left ? node->left : node->right;
		parent = node->parent;
		replace_child(root, node, child);
	} else {
		/* The successor, which has no left child, takes node's place. */
		successor = node->right;
		while (successor->left)
			successor = successor->left;
		removed_red = successor->red;
		child = successor->right;
		if (successor->parent == node) {
			parent = successor;
		} else {
			parent = successor->parent;
			replace_child(root, successor, child);
			successor->right = node->right;
			successor->right->parent = successor;
		}
		replace_child(root, node, successor);
		successor->left = node->left;
		successor->left->parent = successor;
		successor->red = node->red;
	}
	if (!removed_red)
		erase_fixup(root, child, parent);
}

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *node = root->node;

	while (node && node->left)
		node = node->left;
	return node;
}

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *node = root->node;

	while (node && node->right)
		node = node->right;
	return node;
}

struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *next;

	if (node->right) {
		for (next = node->right; next->left; next = next->left)
			;
		return next;
	}
	/* Up until we come from a left child. */
	while (node->parent && node == node->parent->right)
		node = node->parent;
	return node->parent;
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	struct rb_node *prev;

	if (node->left) {
		for (prev = node->left; prev->right; prev = prev->right)
			;
		return prev;
	}
	while (node->parent && node == node->parent->left)
		node = node->parent;
	return node->parent;
}

void rb_add_cached(struct rb_node *node, struct rb_root_cached *tree,
		   bool (*less)(const struct rb_node *a, const struct rb_node *b))
{
	struct rb_node **link = &tree->root.node, *parent = NULL;
	bool leftmost = true;

	while (*link) {
		parent = *link;
		if (less(node, parent)) {
			link = &parent->left;
		} else {
			link = &parent->right;
			leftmost = false;
		}
	}
	rb_link_node(node, parent, link);
	rb_insert_color(node, &tree->root);
	if (leftmost)
		tree->leftmost = node;
}

void rb_erase_cached(struct rb_node *node, struct rb_root_cached *tree)
{
	if (tree->leftmost == node)
		tree->leftmost = rb_next(node);
	rb_erase(node, &tree->root);
}
