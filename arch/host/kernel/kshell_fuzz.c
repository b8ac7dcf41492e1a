// SPDX-License-Identifier: GPL-2.0
/*
 * A host-only ktest suite that feeds the shell's line editor and word
 * splitter random byte streams, under ASan and UBSan.
 *
 * The editor gets bytes weighted towards the ones it acts on (erasing,
 * line ends, escape sequences, Ctrl-U, Ctrl-C) and is held to the
 * terminal model of line_edit_test.c after every byte: the screen shows
 * the line it holds, and a finished line is what the screen showed.  The
 * splitter gets lines of blanks, quotes and backslashes; its words must
 * lie inside the line, and without quotes or backslashes they must be
 * the blank-separated words.  The seed is printed (KTEST_SEED=N repeats
 * a run).
 */
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include "args.h"
#include "line_edit.h"
#include "line_edit_test.h"

/* From the host C library (this file only runs on the host). */
void *malloc(size_t size);
void free(void *ptr);

#define EDIT_BYTES  300000
#define SPLIT_LINES 100000

static u32 rng;

static u32 next_random(void)
{
	return ktest_xorshift32(&rng);
}

/*
 * Mostly short lines, full of erasing, line ends and escape sequences;
 * one in eight a long one of plain characters, so that the limit is hit.
 */
static u8 edit_byte(bool long_line)
{
	static const u8 special[] = { '\b', 0x7f, '\r', '\n', 0x1b, 0x1b, '[', '[', 'O',
				      'A',  'B',  'A',	0x15, 0x03, '~',  '3', ';' };
	u32 r = next_random() % 100;

	if (r < (long_line ? 98 : 55))
		return ' ' + next_random() % 95;
	if (r < 95 || long_line)
		return special[next_random() % sizeof(special)];
	return next_random();
}

static void editor_survives_random_bytes(struct ktest *t)
{
	struct line_edit *le = malloc(sizeof(*le));
	struct term *term = malloc(sizeof(*term)), seen;
	unsigned int done = 0, cancelled = 0, too_long = 0, bad = 0, i;
	bool long_line = false;

	rng = ktest_seed(t);
	memset(term, 0, sizeof(*term));
	line_edit_init(le, term_echo, term);
	for (i = 0; i < EDIT_BYTES && !bad; i++) {
		enum line_event ev;

		seen = *term;
		ev = line_edit_feed(le, le->len + le->overflow > LINE_EDIT_MAX + 5
						? '\n'
						: edit_byte(long_line));
		if (ev == LINE_MORE) {
			bad += !term_shows_line(term, le);
			continue;
		}
		if (ev == LINE_DONE)
			bad += seen.cursor != le->len || memcmp(seen.row, le->buf, le->len);
		else if (ev == LINE_TOO_LONG)
			bad += !le->overflow;
		done += ev == LINE_DONE;
		cancelled += ev == LINE_CANCEL;
		too_long += ev == LINE_TOO_LONG;
		long_line = next_random() % 8 == 0;
		line_edit_start(le);
		bad += !term_shows_line(term, le);
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	/* Every outcome must come up, or the stream proves little. */
	KTEST_EXPECT_GT(t, done, 1000);
	KTEST_EXPECT_GT(t, cancelled, 100);
	KTEST_EXPECT_GT(t, too_long, 10);
	pr_info("    # %u bytes: %u lines, %u cancelled, %u too long\n", i, done, cancelled,
		too_long);
	free(term);
	free(le);
}

/* Words of letters, and now and then a quote or a backslash. */
static char split_char(void)
{
	static const char rare[] = "'\"\\";
	u32 r = next_random() % 100;

	if (r < 60)
		return 'a' + next_random() % 8;
	if (r < 88)
		return next_random() % 4 ? ' ' : '\t';
	if (r < 97)
		return rare[next_random() % 3];
	return ' ' + next_random() % 95;
}

/* The blank-separated words of @line, joined by '|', without touching it. */
static void plain_words(const char *line, char *out)
{
	bool in_word = false, any = false;

	for (; *line; line++) {
		bool blank = *line == ' ' || *line == '\t';

		if (!blank && !in_word && any)
			*out++ = '|';
		if (!blank) {
			*out++ = *line;
			any = true;
		}
		in_word = !blank;
	}
	*out = '\0';
}

/* Do the @argc words at @argv lie in @line[0..len] and join to @want (if any)? */
static bool words_ok(char **argv, int argc, const char *line, size_t len, const char *want)
{
	char joined[2 * LINE_EDIT_MAX + 2] = "", *p = joined;
	int i;

	if (argv[argc])
		return false;
	for (i = 0; i < argc; i++) {
		if (argv[i] < line || argv[i] > line + len ||
		    !memchr(argv[i], '\0', line + len + 1 - argv[i]))
			return false;
		p += scnprintf(p, joined + sizeof(joined) - p, "%s%s", i ? "|" : "", argv[i]);
	}
	return !want || !strcmp(joined, want);
}

static void splitter_survives_random_lines(struct ktest *t)
{
	unsigned int i, words = 0, errors = 0, bad = 0;
	char plain[2 * LINE_EDIT_MAX + 2];

	rng = ktest_seed(t);
	for (i = 0; i < SPLIT_LINES && !bad; i++) {
		size_t len = next_random() % (LINE_EDIT_MAX + 1), j;
		int max = next_random() % (KSHELL_MAX_ARGS + 1), argc;
		char *line = malloc(len + 1), **argv = malloc((max + 1) * sizeof(*argv));
		bool quoted = false;

		for (j = 0; j < len; j++) {
			line[j] = split_char();
			quoted |= line[j] == '\'' || line[j] == '"' || line[j] == '\\';
		}
		line[len] = '\0';
		plain_words(line, plain);
		argc = kshell_split(line, argv, max);
		if (argc < 0)
			bad += argc != -E2BIG && argc != -EINVAL;
		else if (argc > max || !words_ok(argv, argc, line, len, quoted ? NULL : plain))
			bad++;
		words += argc > 0 ? argc : 0;
		errors += argc < 0;
		free(argv);
		free(line);
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	KTEST_EXPECT_GT(t, errors, SPLIT_LINES / 20);
	KTEST_EXPECT_GT(t, words, SPLIT_LINES / 2);
	pr_info("    # %u lines: %u words, %u refused\n", i, words, errors);
}

static const struct ktest_case kshell_fuzz_cases[] = {
	KTEST_CASE(editor_survives_random_bytes),
	KTEST_CASE(splitter_survives_random_lines),
	{},
};
KTEST_SUITE(kshell_fuzz, kshell_fuzz_cases);
