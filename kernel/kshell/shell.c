// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel shell: a task that reads lines from the console's tty (the
 * keyboard and the serial port both type into it), splits them into words
 * and runs the command the first word names.
 *
 * Its output goes straight to the consoles, as a terminal's would, and
 * not into the kernel log: "dmesg" shows what the kernel said, not what
 * the user asked.  Every error is one line starting "kshell:", and the
 * shell goes on to the next prompt whatever a command did.
 */
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/kshell.h>
#include <kernel/kstrtox.h>
#include <kernel/kthread.h>
#include <kernel/printk.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/tty.h>
#include "args.h"
#include "line_edit.h"

#define PROMPT	   "kestrel# "
#define OUTPUT_MAX 256 /* bytes of one kshell_printf(); longer text is cut */

extern const struct kshell_command *const __kshell_commands_start[], *const __kshell_commands_end[];

static struct line_edit editor; /* only the shell task touches it */

static __printf(2, 0) void kshell_vprintf(const char *prefix, const char *fmt, va_list args)
{
	char text[OUTPUT_MAX];
	size_t len = scnprintf(text, sizeof(text), "%s", prefix);

	len += vscnprintf(text + len, sizeof(text) - len, fmt, args);
	console_write(text, len, LOGLEVEL_INFO);
}

void kshell_printf(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	kshell_vprintf("", fmt, args);
	va_end(args);
}

void kshell_error(const char *cmd, const char *fmt, ...)
{
	char prefix[48];
	va_list args;

	scnprintf(prefix, sizeof(prefix), "kshell: %s: ", cmd);
	va_start(args, fmt);
	kshell_vprintf(prefix, fmt, args);
	va_end(args);
}

int kshell_parse_int(const char *cmd, const char *what, const char *arg, int min, int max, int *val)
{
	int v;

	if (kstrtoint(arg, 10, &v) || v < min || v > max) {
		kshell_error(cmd, "%s must be an integer from %d to %d, not '%s'\n", what, min, max,
			     arg);
		return -EINVAL;
	}
	*val = v;
	return 0;
}

static int read_byte(void)
{
	int c;

	while ((c = tty_getc(console_tty())) < 0)
		tty_wait_pending(console_tty());
	return c;
}

/* The key is eaten whole: an arrow's escape sequence must not reach the prompt. */
bool kshell_key_pressed(unsigned int ms)
{
	if (!tty_pending(console_tty()) && !tty_wait_pending_timeout(console_tty(), ms))
		return false;
	tty_flush(console_tty());
	return true;
}

const struct kshell_command *const *kshell_commands(size_t *count)
{
	*count = __kshell_commands_end - __kshell_commands_start;
	return __kshell_commands_start;
}

static const struct kshell_command *find_command(const char *name)
{
	const struct kshell_command *const *cmd;

	for (cmd = __kshell_commands_start; cmd < __kshell_commands_end; cmd++)
		if (!strcmp((*cmd)->name, name))
			return *cmd;
	return NULL;
}

static void run_line(char *line)
{
	char *argv[KSHELL_MAX_ARGS + 1];
	const struct kshell_command *cmd;
	int argc = kshell_split(line, argv, KSHELL_MAX_ARGS);

	if (argc == -E2BIG) {
		kshell_printf("kshell: too many words (at most %d); not run\n", KSHELL_MAX_ARGS);
		return;
	}
	if (argc < 0) {
		kshell_printf("kshell: unterminated quote or trailing backslash; not run\n");
		return;
	}
	if (argc == 0)
		return;
	cmd = find_command(argv[0]);
	if (!cmd) {
		kshell_printf("kshell: %s: unknown command; try help\n", argv[0]);
		return;
	}
	if (argc - 1 < cmd->min_args || argc - 1 > cmd->max_args) {
		kshell_error(cmd->name, "usage: %s%s%s\n", cmd->name, cmd->usage ? " " : "",
			     cmd->usage ?: "");
		return;
	}
	cmd->run(argc, argv);
}

static void echo(void *ctx, const char *text, size_t len)
{
	console_write(text, len, LOGLEVEL_INFO);
}

static enum line_event read_line(void)
{
	enum line_event ev;

	kshell_printf(PROMPT);
	line_edit_start(&editor);
	do
		ev = line_edit_feed(&editor, read_byte());
	while (ev == LINE_MORE);
	return ev;
}

static int kshell_main(void *unused)
{
	line_edit_init(&editor, echo, NULL);
	kshell_printf("Kestrel shell: type help for the commands.\n");
	for (;;) {
		switch (read_line()) {
		case LINE_DONE:
			run_line(editor.buf);
			break;
		case LINE_TOO_LONG:
			kshell_printf("kshell: line too long (at most %d characters); not run\n",
				      LINE_EDIT_MAX);
			break;
		default:
			break;
		}
	}
	return 0;
}

__noreturn void kshell_run(void)
{
	struct task_struct *shell;
	int code;

	for (;;) {
		shell = kthread_run(kshell_main, NULL, "kshell");
		if (IS_ERR(shell)) {
			pr_err("kshell: cannot start the shell (error %ld)\n", PTR_ERR(shell));
			sleep_forever();
		}
		task_wait(shell->pid, &code);
		pr_warn("kshell: the shell ended (%d); starting a new one\n", code);
	}
}
