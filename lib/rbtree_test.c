// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of the red-black tree: random insertions and removals, and after
 * every step the red-black rules, the parent links, the cached leftmost
 * node, and the in-order walk both ways against a reference model (the
 * same keys in a sorted array, equal keys in order of insertion).
 */
#include <kernel/ktest.h>
#include <kernel/rbtree.h>
#include <kernel/string.h>

#define NR_NODES 200
#define NR_STEPS 20000
/* Few keys, so that equal keys are common. */
#define NR_KEYS	 64

struct item {
	struct rb_node node;
	unsigned int key;
	bool in;
};

static struct item items[NR_NODES];
static struct rb_root_cached tree;
/* The model: the items in the tree, in the order the tree must walk them. */
static struct item *model[NR_NODES];
static unsigned int model_len;

static struct item *item_of(const struct rb_node *node)
{
	return node ? rb_entry(node, struct item, node) : NULL;
}

static bool less(const struct rb_node *a, const struct rb_node *b)
{
	return item_of(a)->key < item_of(b)->key;
}

static void model_insert(struct item *it)
{
	unsigned int i = model_len;

	/* After every key that is not larger: equal keys in insertion order. */
	while (i && model[i - 1]->key > it->key)
		i--;
	memmove(model + i + 1, model + i, (model_len - i) * sizeof(*model));
	model[i] = it;
	model_len++;
}

static void model_remove(struct item *it)
{
	unsigned int i = 0;

	while (model[i] != it)
		i++;
	memmove(model + i, model + i + 1, (model_len - i - 1) * sizeof(*model));
	model_len--;
}

/*
 * The black height of @node's subtree, or -1 if a rule is broken in it:
 * a red node with a red child, unequal black heights, a wrong parent link.
 */
static int black_height(const struct rb_node *node)
{
	int left, right;

	if (!node)
		return 1;
	if ((node->left && node->left->parent != node) ||
	    (node->right && node->right->parent != node))
		return -1;
	if (node->red && ((node->left && node->left->red) || (node->right && node->right->red)))
		return -1;
	left = black_height(node->left);
	right = black_height(node->right);
	if (left < 0 || left != right)
		return -1;
	return left + !node->red;
}

/* Walk the tree forwards and backwards; both must match the model. */
static bool walk_matches(void)
{
	const struct rb_node *node;
	unsigned int i = 0;

	for (node = rb_first(&tree.root); node; node = rb_next(node))
		if (i >= model_len || item_of(node) != model[i++])
			return false;
	if (i != model_len)
		return false;
	for (node = rb_last(&tree.root); node; node = rb_prev(node))
		if (!i || item_of(node) != model[--i])
			return false;
	return i == 0;
}

static bool tree_is_valid(void)
{
	const struct rb_node *root = tree.root.node;

	if (root && (root->red || root->parent))
		return false;
	if (black_height(root) < 0)
		return false;
	if (item_of(rb_first_cached(&tree)) != (model_len ? model[0] : NULL))
		return false;
	return walk_matches();
}

static u32 next_random(u32 *x)
{
	return ktest_xorshift32(x);
}

static void step(u32 *x)
{
	struct item *it = &items[next_random(x) % NR_NODES];

	if (it->in) {
		rb_erase_cached(&it->node, &tree);
		model_remove(it);
	} else {
		it->key = next_random(x) % NR_KEYS;
		rb_add_cached(&it->node, &tree, less);
		model_insert(it);
	}
	it->in = !it->in;
}

static void reset(void)
{
	memset(items, 0, sizeof(items));
	tree = RB_ROOT_CACHED;
	model_len = 0;
}

static void random_against_model(struct ktest *t)
{
	u32 x = ktest_seed(t);
	unsigned int i;

	reset();
	for (i = 0; i < NR_STEPS; i++) {
		step(&x);
		if (!ktest_check(
			    t, tree_is_valid(), __FILE__, __LINE__,
			    "step %u (%u nodes): the tree breaks a rule or differs from the model",
			    i, model_len))
			return;
	}
	/* Empty it from the smallest, as a run queue does. */
	while (model_len) {
		rb_erase_cached(rb_first_cached(&tree), &tree);
		model_remove(model[0]);
	}
	KTEST_EXPECT_TRUE(t, rb_empty_cached(&tree));
	KTEST_EXPECT_TRUE(t, rb_first_cached(&tree) == NULL);
}

static unsigned int height(const struct rb_node *node)
{
	unsigned int left, right;

	if (!node)
		return 0;
	left = height(node->left);
	right = height(node->right);
	return 1 + (left > right ? left : right);
}

/* Keys in order, the worst case of an unbalanced tree, stay within 2 log2(n + 1). */
static void sorted_insertions_stay_balanced(struct ktest *t)
{
	unsigned int i, log2 = 0;

	reset();
	for (i = 0; i < NR_NODES; i++) {
		items[i].key = i;
		rb_add_cached(&items[i].node, &tree, less);
		model_insert(&items[i]);
	}
	while ((1U << (log2 + 1)) <= NR_NODES + 1)
		log2++;
	KTEST_EXPECT_TRUE(t, tree_is_valid());
	KTEST_EXPECT_LE(t, height(tree.root.node), 2 * (log2 + 1));
	KTEST_EXPECT_TRUE(t, item_of(rb_first_cached(&tree)) == &items[0]);
	KTEST_EXPECT_TRUE(t, item_of(rb_last(&tree.root)) == &items[NR_NODES - 1]);
}

static void empty_tree(struct ktest *t)
{
	reset();
	KTEST_EXPECT_TRUE(t, rb_empty_cached(&tree));
	KTEST_EXPECT_TRUE(t, rb_first(&tree.root) == NULL);
	KTEST_EXPECT_TRUE(t, rb_last(&tree.root) == NULL);
	rb_add_cached(&items[0].node, &tree, less);
	KTEST_EXPECT_TRUE(t, rb_next(&items[0].node) == NULL);
	KTEST_EXPECT_TRUE(t, rb_prev(&items[0].node) == NULL);
	KTEST_EXPECT_FALSE(t, items[0].node.red);
	rb_erase_cached(&items[0].node, &tree);
	KTEST_EXPECT_TRUE(t, rb_empty_cached(&tree));
}

static const struct ktest_case rbtree_cases[] = {
	KTEST_CASE(empty_tree),
	KTEST_CASE(sorted_insertions_stay_balanced),
	KTEST_CASE(random_against_model),
	{},
};
KTEST_SUITE(rbtree, rbtree_cases);
