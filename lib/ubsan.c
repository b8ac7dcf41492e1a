// SPDX-License-Identifier: GPL-2.0
/*
 * UBSan's runtime: what runs when code built with -fsanitize=shift,
 * signed-integer-overflow, ... (CONFIG_UBSAN) finds undefined behaviour.
 *
 * The compiler checks; at a failed check it calls __ubsan_handle_<what>()
 * with a static record of the place (file, line, column) and the C types
 * involved, and the operands.  The handlers below print a report in
 * Linux's format, which kernel developers already read:
 *
 *	UBSAN: shift-out-of-bounds in kernel/foo.c:42:10
 *	shift exponent 65 is too large for 64-bit type 'unsigned long'
 *	CPU: 0 PID: 1 Comm: init
 *	Call Trace: ...
 *
 * and return, so that the kernel goes on as the compiled code does (the
 * "recover" mode), unless "ubsan.panic=1" asks for a panic.  Each place
 * reports once: the record's column gets a "reported" bit.  One report is
 * printed at a time; a place hit during another report is left unmarked.  This file is
 * not itself instrumented (lib/Makefile), or a report could recurse.
 *
 * The records' layout is the compilers' ABI, shared by GCC and Clang.
 */
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/ubsan.h>

struct source_location {
	const char *file;
	u32 line;
	u32 column;
};

#define LOCATION_REPORTED (1U << 31)

/* type_kind, and for integers type_info = log2(bit width) << 1 | signed. */
#define TYPE_KIND_INTEGER 0
struct type_descriptor {
	u16 type_kind;
	u16 type_info;
	char type_name[]; /* with its quotes: 'unsigned long' */
};

struct overflow_data {
	struct source_location location;
	struct type_descriptor *type;
};

struct shift_out_of_bounds_data {
	struct source_location location;
	struct type_descriptor *lhs_type;
	struct type_descriptor *rhs_type;
};

struct out_of_bounds_data {
	struct source_location location;
	struct type_descriptor *array_type;
	struct type_descriptor *index_type;
};

struct type_mismatch_data_v1 {
	struct source_location location;
	struct type_descriptor *type;
	u8 log_alignment;
	u8 type_check_kind;
};

struct vla_bound_data {
	struct source_location location;
	struct type_descriptor *type;
};

struct invalid_value_data {
	struct source_location location;
	struct type_descriptor *type;
};

struct invalid_builtin_data {
	struct source_location location;
	u8 kind;
};

struct pointer_overflow_data {
	struct source_location location;
};

/* What type_mismatch's type_check_kind says the code was doing (C's subset). */
static const char *const type_check_kinds[] = {
	"load of",
	"store to",
	"reference binding to",
	"member access within",
	"member call on",
	"constructor call on",
	"downcast of",
	"downcast of",
	"upcast of",
	"cast to virtual base of",
	"_Nonnull binding to",
	"dynamic operation on",
};

/* Above and below each report, as Linux draws them. */
static const char report_rule[] =
	"================================================================================";

static bool ubsan_panic;
static struct ubsan_report last_report;
/*
 * A report is being printed.  Reports come one at a time: one raised
 * meanwhile (printk's own undefined behaviour, or an interrupt handler's)
 * is not printed, and its place reports when it is hit again.  Taken with
 * an atomic exchange, so that an interrupt cannot come between the test
 * and the set; last_report is written only by its holder.
 */
static bool in_report;

static int set_ubsan_panic(const char *val)
{
	if (!val || (strcmp(val, "0") && strcmp(val, "1")))
		return -EINVAL;
	ubsan_panic = val[0] == '1';
	return 0;
}
kernel_param("ubsan.panic", set_ubsan_panic);

const struct ubsan_report *ubsan_last_report(void)
{
	return &last_report;
}

/* "kernel/foo.c": the compilers record the path they were given. */
static const char *source_file(const char *file)
{
	size_t len = strlen(UBSAN_SRCTREE);

	return strncmp(file, UBSAN_SRCTREE, len) ? file : file + len;
}

/*
 * Claim a report for @loc: false if another report is being printed, or
 * if @loc has reported before.  The report is claimed first and the place
 * second, so that a place hit during another report is not marked: it is
 * not lost, but reports the next time it is hit.
 */
static bool report_begin(struct source_location *loc, const char *kind)
{
	u32 column;

	if (__atomic_exchange_n(&in_report, true, __ATOMIC_ACQUIRE))
		return false;
	column = __atomic_fetch_or(&loc->column, LOCATION_REPORTED, __ATOMIC_RELAXED);
	if (column & LOCATION_REPORTED) {
		__atomic_store_n(&in_report, false, __ATOMIC_RELEASE);
		return false;
	}
	last_report = (struct ubsan_report){
		.kind = kind,
		.file = source_file(loc->file),
		.line = loc->line,
		.column = column,
		.count = last_report.count + 1,
	};
	pr_err("%s\n", report_rule);
	pr_err("UBSAN: %s in %s:%u:%u\n", kind, last_report.file, loc->line, column);
	return true;
}

static void report_end(const char *kind)
{
	dump_stack();
	pr_err("%s\n", report_rule);
	__atomic_store_n(&in_report, false, __ATOMIC_RELEASE);
	if (ubsan_panic)
		panic("UBSAN: %s (ubsan.panic=1)", kind);
}

static unsigned int type_bits(const struct type_descriptor *type)
{
	return 1U << (type->type_info >> 1);
}

static bool type_signed(const struct type_descriptor *type)
{
	return type->type_info & 1;
}

/* The bits of an operand that are shown: all of them, or a 128-bit one's low 64. */
static unsigned int shown_bits(const struct type_descriptor *type)
{
	return type_bits(type) < 64 ? type_bits(type) : 64;
}

/*
 * An operand: the value itself when it fits in a pointer, else (128-bit
 * types) a pointer to it.
 */
static u64 operand(const struct type_descriptor *type, void *val)
{
	u64 v = type_bits(type) <= 64 ? (u64)(unsigned long)val : *(u64 *)val;
	unsigned int bits = shown_bits(type);

	if (bits < 64)
		v &= (1ULL << bits) - 1;
	return v;
}

static bool negative(const struct type_descriptor *type, void *val)
{
	return type_signed(type) && (operand(type, val) >> (shown_bits(type) - 1)) & 1;
}

/* @val in decimal, with its sign, as the C type @type holds it. */
static const char *format_value(char *buf, size_t size, const struct type_descriptor *type,
				void *val)
{
	u64 v = operand(type, val);
	unsigned int bits = shown_bits(type);

	if (type->type_kind != TYPE_KIND_INTEGER)
		snprintf(buf, size, "<value of type %s>", type->type_name);
	else if (negative(type, val))
		snprintf(buf, size, "-%llu",
			 (unsigned long long)(bits < 64 ? (1ULL << bits) - v : -v));
	else
		snprintf(buf, size, "%llu", (unsigned long long)v);
	return buf;
}

#define VALUE_LEN 24

static void handle_overflow(struct overflow_data *data, void *lhs, void *rhs, char op)
{
	char l[VALUE_LEN], r[VALUE_LEN];
	const char *kind =
		type_signed(data->type) ? "signed-integer-overflow" : "unsigned-integer-overflow";

	if (!report_begin(&data->location, kind))
		return;
	pr_err("%s %c %s cannot be represented in type %s\n",
	       format_value(l, sizeof(l), data->type, lhs), op,
	       format_value(r, sizeof(r), data->type, rhs), data->type->type_name);
	report_end(kind);
}

void __ubsan_handle_add_overflow(struct overflow_data *data, void *lhs, void *rhs);
void __ubsan_handle_add_overflow(struct overflow_data *data, void *lhs, void *rhs)
{
	handle_overflow(data, lhs, rhs, '+');
}

void __ubsan_handle_sub_overflow(struct overflow_data *data, void *lhs, void *rhs);
void __ubsan_handle_sub_overflow(struct overflow_data *data, void *lhs, void *rhs)
{
	handle_overflow(data, lhs, rhs, '-');
}

void __ubsan_handle_mul_overflow(struct overflow_data *data, void *lhs, void *rhs);
void __ubsan_handle_mul_overflow(struct overflow_data *data, void *lhs, void *rhs)
{
	handle_overflow(data, lhs, rhs, '*');
}

void __ubsan_handle_negate_overflow(struct overflow_data *data, void *val);
void __ubsan_handle_negate_overflow(struct overflow_data *data, void *val)
{
	const char *kind = "signed-integer-overflow";
	char v[VALUE_LEN];

	if (!report_begin(&data->location, kind))
		return;
	pr_err("negation of %s cannot be represented in type %s\n",
	       format_value(v, sizeof(v), data->type, val), data->type->type_name);
	report_end(kind);
}

/* The division itself still runs after the report: a #DE follows. */
void __ubsan_handle_divrem_overflow(struct overflow_data *data, void *lhs, void *rhs);
void __ubsan_handle_divrem_overflow(struct overflow_data *data, void *lhs, void *rhs)
{
	const char *kind = "division-overflow";
	char l[VALUE_LEN];

	if (!report_begin(&data->location, kind))
		return;
	if (type_signed(data->type) && negative(data->type, rhs) &&
	    operand(data->type, rhs) == operand(data->type, (void *)-1L))
		pr_err("division of %s by -1 cannot be represented in type %s\n",
		       format_value(l, sizeof(l), data->type, lhs), data->type->type_name);
	else
		pr_err("division by zero\n");
	report_end(kind);
}

void __ubsan_handle_shift_out_of_bounds(struct shift_out_of_bounds_data *data, void *lhs,
					void *rhs);
void __ubsan_handle_shift_out_of_bounds(struct shift_out_of_bounds_data *data, void *lhs, void *rhs)
{
	const char *kind = "shift-out-of-bounds";
	char l[VALUE_LEN], r[VALUE_LEN];

	if (!report_begin(&data->location, kind))
		return;
	format_value(l, sizeof(l), data->lhs_type, lhs);
	format_value(r, sizeof(r), data->rhs_type, rhs);
	if (negative(data->rhs_type, rhs))
		pr_err("shift exponent %s is negative\n", r);
	else if (operand(data->rhs_type, rhs) >= type_bits(data->lhs_type))
		pr_err("shift exponent %s is too large for %u-bit type %s\n", r,
		       type_bits(data->lhs_type), data->lhs_type->type_name);
	else if (negative(data->lhs_type, lhs))
		pr_err("left shift of negative value %s\n", l);
	else
		pr_err("left shift of %s by %s places cannot be represented in type %s\n", l, r,
		       data->lhs_type->type_name);
	report_end(kind);
}

void __ubsan_handle_out_of_bounds(struct out_of_bounds_data *data, void *index);
void __ubsan_handle_out_of_bounds(struct out_of_bounds_data *data, void *index)
{
	const char *kind = "array-index-out-of-bounds";
	char i[VALUE_LEN];

	if (!report_begin(&data->location, kind))
		return;
	pr_err("index %s is out of range for type %s\n",
	       format_value(i, sizeof(i), data->index_type, index), data->array_type->type_name);
	report_end(kind);
}

static const char *type_check_kind(const struct type_mismatch_data_v1 *data)
{
	return data->type_check_kind < ARRAY_SIZE(type_check_kinds)
		       ? type_check_kinds[data->type_check_kind]
		       : "access of";
}

/* -fsanitize=null, alignment and object-size all end here. */
void __ubsan_handle_type_mismatch_v1(struct type_mismatch_data_v1 *data, void *ptr);
void __ubsan_handle_type_mismatch_v1(struct type_mismatch_data_v1 *data, void *ptr)
{
	unsigned long alignment = 1UL << data->log_alignment;
	bool misaligned = ptr && ((unsigned long)ptr & (alignment - 1));
	const char *kind;

	if (!ptr)
		kind = "null-ptr-deref";
	else if (misaligned)
		kind = "misaligned-access";
	else
		kind = "object-size-mismatch";
	if (!report_begin(&data->location, kind))
		return;
	if (!ptr)
		pr_err("%s null pointer of type %s\n", type_check_kind(data),
		       data->type->type_name);
	else if (misaligned)
		pr_err("%s misaligned address %p for type %s\nwhich requires %lu byte alignment\n",
		       type_check_kind(data), ptr, data->type->type_name, alignment);
	else
		pr_err("%s address %p with insufficient space for an object of type %s\n",
		       type_check_kind(data), ptr, data->type->type_name);
	report_end(kind);
}

void __ubsan_handle_vla_bound_not_positive(struct vla_bound_data *data, void *bound);
void __ubsan_handle_vla_bound_not_positive(struct vla_bound_data *data, void *bound)
{
	const char *kind = "variable-length-array";
	char b[VALUE_LEN];

	if (!report_begin(&data->location, kind))
		return;
	pr_err("variable length array bound evaluates to non-positive value %s\n",
	       format_value(b, sizeof(b), data->type, bound));
	report_end(kind);
}

/* -fsanitize=bool and enum: a load of a value the type cannot hold. */
void __ubsan_handle_load_invalid_value(struct invalid_value_data *data, void *val);
void __ubsan_handle_load_invalid_value(struct invalid_value_data *data, void *val)
{
	const char *kind = "invalid-load";
	char v[VALUE_LEN];

	if (!report_begin(&data->location, kind))
		return;
	pr_err("load of value %s is not a valid value for type %s\n",
	       format_value(v, sizeof(v), data->type, val), data->type->type_name);
	report_end(kind);
}

void __ubsan_handle_invalid_builtin(struct invalid_builtin_data *data);
void __ubsan_handle_invalid_builtin(struct invalid_builtin_data *data)
{
	const char *kind = "invalid-builtin-use";

	if (!report_begin(&data->location, kind))
		return;
	pr_err("passing zero to %s, which is not a valid argument\n",
	       data->kind == 0 ? "ctz()" : "clz()");
	report_end(kind);
}

void __ubsan_handle_pointer_overflow(struct pointer_overflow_data *data, void *base, void *result);
void __ubsan_handle_pointer_overflow(struct pointer_overflow_data *data, void *base, void *result)
{
	const char *kind = "pointer-overflow";

	if (!report_begin(&data->location, kind))
		return;
	if (!base && !result)
		pr_err("applying zero offset to null pointer\n");
	else if (!base)
		pr_err("applying non-zero offset %p to null pointer\n", result);
	else if (!result)
		pr_err("applying non-zero offset to non-null pointer %p produced null pointer\n",
		       base);
	else
		pr_err("pointer operation %s %p to %p\n",
		       base > result ? "overflowed" : "underflowed", base, result);
	report_end(kind);
}
