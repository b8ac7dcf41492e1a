/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Boot modes (kernel/boot_mode.c): what a boot does in place of the test
 * suites when the command line asks for it, such as a CPU fault committed
 * on purpose ("ktest.fault=pf_null") or a heap bug ("ktest.slab_bug=...").
 *
 * A mode is declared in the file that implements it, with what the host
 * must see when it runs: how the boot ends, the lines of the report, the
 * function a backtrace must name.  The kernel collects the modes through a
 * linker section, as it does test suites and parameters; at link time
 * scripts/boot-modes reads the same section out of kernel.elf into
 * boot-modes.json, and the test runner boots every mode listed there and
 * checks what the mode declared.  So a new mode is one declaration beside
 * its code, and is tested in every configuration that has it.
 *
 *	static void fault_divide_error(void) { ... }
 *	BOOT_MODE("ktest.fault", de, "divide by zero", fault_divide_error,
 *		  .end = BOOT_MODE_PANICS, .panic = "Fatal exception: Divide Error",
 *		  .report = BOOT_MODE_REPORT("#DE Divide Error (vector 0)"));
 *	BOOT_MODE_PARAM("ktest.fault", fault);	(once per parameter)
 */
#ifndef _KERNEL_BOOT_MODE_H
#define _KERNEL_BOOT_MODE_H

#include <kernel/compiler.h>
#include <kernel/kconfig.h>
#include <kernel/params.h>
#include <kernel/types.h>

/* How a boot in the mode ends (the host checks it). */
enum boot_mode_end {
	/* The kernel goes on to "Kernel initialized"; QEMU exits with success. */
	BOOT_MODE_RETURNS,
	/* panic(): QEMU exits with failure, and nothing after the mode runs. */
	BOOT_MODE_PANICS,
};

/*
 * Every member is eight bytes, in this order, because scripts/boot-modes
 * reads the table out of kernel.elf by these offsets; the assertion in
 * kernel/boot_mode.c holds the two in step.
 */
struct boot_mode {
	const char *param; /* the parameter that chooses it: "ktest.fault" */
	const char *name;  /* and its value: "de" */
	const char *what;  /* one line, printed when it starts */
	void (*run)(void);
	/* NULL, or the option this configuration lacks (BOOT_MODE_NEEDS) */
	const char *needs;
	unsigned long end; /* enum boot_mode_end */
	/* BOOT_MODE_PANICS: the start of the panic's message (NULL: any) */
	const char *panic;
	/*
	 * The lines the report must hold after the mode starts, in this
	 * order, each within a line of output: the next one later on the
	 * same line or on a line after (BOOT_MODE_REPORT).  An empty string
	 * stands for a line this configuration does not print.  "{hex}"
	 * matches hexadecimal digits, "{dec}" decimal ones (a pid, which
	 * depends on the tasks a configuration starts); "{addr}" the address
	 * the mode gave boot_mode_address(); "{eol}" the end of the line.
	 */
	const char *const *report;
	/* NULL, or a function the report's backtrace must name */
	const char *culprit;
	/* NULL, or the function where it happens (a fault's RIP) */
	const char *at;
	/* NULL, or a count of reports that the mode must raise by one */
	unsigned long *count;
};

#define BOOT_MODE(pname, mname, text, fn, ...)                                               \
	static const struct boot_mode __boot_mode_##mname __used __section(".boot_modes")    \
		__aligned(8) = {                                                             \
			.param = pname, .name = #mname, .what = text, .run = fn, __VA_ARGS__ \
		}

/* The report's lines, for .report. */
#define BOOT_MODE_REPORT(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* .needs for a mode that only @option can catch or make. */
#define BOOT_MODE_NEEDS(option) (IS_ENABLED(option) ? NULL : #option)

/* @line, in a configuration with @option; for BOOT_MODE_REPORT. */
#define BOOT_MODE_LINE_IF(option, line) (IS_ENABLED(option) ? (line) : "")

/*
 * The command-line parameter @pname chooses among the modes declared with
 * it; declare it once, beside them (@id names its handler).
 */
#define BOOT_MODE_PARAM(pname, id)                       \
	static int boot_mode_param_##id(const char *val) \
	{                                                \
		return boot_mode_select(pname, val);     \
	}                                                \
	kernel_param(pname, boot_mode_param_##id)

/*
 * Choose the mode @param=@val for this boot; -EINVAL (no such mode, or
 * one this configuration lacks what it needs for), -EBUSY (another one).
 */
int boot_mode_select(const char *param, const char *val);

/*
 * Run the mode the command line chose, if any, in place of the test
 * suites.  Returns false when none was chosen; true when one ran and
 * returned.  Panics if a BOOT_MODE_PANICS mode returns.
 */
bool boot_mode_run(void);

/* Print the address of the object a mode works on, for "{addr}" in its report. */
void boot_mode_address(const void *p);

#endif
