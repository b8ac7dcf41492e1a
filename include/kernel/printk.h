/* SPDX-License-Identifier: GPL-2.0 */
/*
 * printk: the kernel log (kernel/printk.c).
 *
 * A message starts with its level, KERN_ERR "..." (the KERN_* strings are
 * a \001 byte and a digit, pasted onto the format at compile time).  Every
 * message goes into the log ring buffer, kernel_log, of
 * 2^CONFIG_LOG_BUF_SHIFT bytes; it is also written to the registered
 * consoles when its level is below console_loglevel.
 */
#ifndef _KERNEL_PRINTK_H
#define _KERNEL_PRINTK_H

#include <kernel/compiler.h>
#include <kernel/log_buf.h>
#include <kernel/types.h>

#define KERN_SOH       "\001"
#define KERN_SOH_ASCII '\001'

#define KERN_EMERG   KERN_SOH "0" /* system is unusable */
#define KERN_ALERT   KERN_SOH "1" /* action must be taken immediately */
#define KERN_CRIT    KERN_SOH "2" /* critical conditions */
#define KERN_ERR     KERN_SOH "3" /* error conditions */
#define KERN_WARNING KERN_SOH "4" /* warning conditions */
#define KERN_NOTICE  KERN_SOH "5" /* normal but significant condition */
#define KERN_INFO    KERN_SOH "6" /* informational */
#define KERN_DEBUG   KERN_SOH "7" /* debug-level messages */
#define KERN_CONT    KERN_SOH "c" /* continues the previous message */

enum {
	LOGLEVEL_EMERG,
	LOGLEVEL_ALERT,
	LOGLEVEL_CRIT,
	LOGLEVEL_ERR,
	LOGLEVEL_WARNING,
	LOGLEVEL_NOTICE,
	LOGLEVEL_INFO,
	LOGLEVEL_DEBUG,
};

/* vprintk_emit() flags */
#define LOG_CONT  0x1 /* continuation of the previous record */
#define LOG_FORCE 0x2 /* print on the consoles whatever the log level */

/* Messages with a level below this are printed on the consoles. */
extern int console_loglevel;

__printf(1, 2) int printk(const char *fmt, ...);
__printf(1, 0) int vprintk(const char *fmt, va_list args);
/* @level: LOGLEVEL_*, or -1 to take it from a KERN_* prefix of @fmt. */
__printf(3, 0) int vprintk_emit(int level, unsigned int flags, const char *fmt, va_list args);

/* Every message printed so far, as far as it fits; see <kernel/log_buf.h>. */
extern struct log_buf kernel_log;

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...)  printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)  printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)   printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)    printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)   printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)   printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)  printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)   printk(KERN_CONT fmt, ##__VA_ARGS__)

/*
 * printk's lock, shared with the consoles: interrupts off, and re-entrant
 * on the CPU that holds it (a fault while printing can still print).
 * Returns whether it was taken, for the put.
 */
bool printk_cpu_sync_get_irqsave(unsigned long *flags);
void printk_cpu_sync_put_irqrestore(bool taken, unsigned long flags);
/*
 * For panic(), once the other CPUs are stopped: if one of them held
 * printk's lock, it never gives it back, so the lock is made free.
 */
void printk_cpu_sync_bust(void);

#endif
