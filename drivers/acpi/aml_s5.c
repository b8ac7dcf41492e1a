// SPDX-License-Identifier: GPL-2.0
/*
 * The \_S5 object in a DSDT's AML: the sleep type values that power the
 * machine off.
 *
 * Entering S5 means writing SLP_TYPa (and SLP_TYPb) with SLP_EN to the
 * PM1 control registers, and only the firmware's AML knows the values:
 * the DSDT declares them as Name (_S5, Package () { a, b, ... }).  An AML
 * interpreter is thousands of lines; finding one constant package is a
 * scan for its encoding:
 *
 *	08         NameOp
 *	[5C]       "\", a root prefix, if the name is written \_S5_
 *	5F 53 35 5F "_S5_"
 *	12         PackageOp
 *	PkgLength  1 to 4 bytes: the package's length, itself included
 *	NumElements
 *	elements   each an integer constant (ZeroOp 00, OneOp 01, BytePrefix
 *	           0A nn, WordPrefix 0B, DWordPrefix 0C, QWordPrefix 0E)
 *
 * The bytes are firmware input, as every ACPI table is: nothing is read
 * past @len or past the package's own length, a malformed candidate is
 * skipped (the bytes "_S5_" may appear elsewhere, in a string or another
 * name), and a value that does not fit the 3-bit SLP_TYP field is
 * refused rather than written over the neighbouring bits.  A package of
 * one integer is the legacy form: SLP_TYPa in its low byte, SLP_TYPb in
 * the next, as ACPICA reads it.  An _S5 computed by a method, or declared
 * only in an SSDT, is not found; every firmware QEMU ships writes it as
 * a constant package in the DSDT.
 */
#include <kernel/acpi.h>
#include <kernel/errno.h>
#include <kernel/string.h>

#define AML_NAME_OP	 0x08
#define AML_ROOT_PREFIX	 0x5c
#define AML_PACKAGE_OP	 0x12
#define AML_ZERO_OP	 0x00
#define AML_ONE_OP	 0x01
#define AML_BYTE_PREFIX	 0x0a
#define AML_WORD_PREFIX	 0x0b
#define AML_DWORD_PREFIX 0x0c
#define AML_QWORD_PREFIX 0x0e
#define SLP_TYP_MAX	 7

/* A cursor over the bytes of one candidate: it never moves past @end. */
struct aml_cursor {
	const u8 *p, *end;
};

static bool take_byte(struct aml_cursor *c, u8 *b)
{
	if (c->p >= c->end)
		return false;
	*b = *c->p++;
	return true;
}

static bool take_le(struct aml_cursor *c, unsigned int bytes, u64 *val)
{
	unsigned int i;
	u8 b;

	*val = 0;
	for (i = 0; i < bytes; i++) {
		if (!take_byte(c, &b))
			return false;
		*val |= (u64)b << (8 * i);
	}
	return true;
}

/*
 * PkgLength: the top two bits of the lead byte count the bytes that
 * follow; with none, the low six bits are the length, else the low four
 * (bits 4 and 5 must then be clear) and each next byte adds eight more.
 */
static bool take_pkg_length(struct aml_cursor *c, u32 *len)
{
	unsigned int follow, i;
	u8 lead, b;

	if (!take_byte(c, &lead))
		return false;
	follow = lead >> 6;
	if (!follow) {
		*len = lead & 0x3f;
		return true;
	}
	if (lead & 0x30)
		return false;
	*len = lead & 0x0f;
	for (i = 0; i < follow; i++) {
		if (!take_byte(c, &b))
			return false;
		*len |= (u32)b << (4 + 8 * i);
	}
	return true;
}

static bool take_integer(struct aml_cursor *c, u64 *val)
{
	static const unsigned int prefix_bytes[] = {
		[AML_BYTE_PREFIX - AML_BYTE_PREFIX] = 1,
		[AML_WORD_PREFIX - AML_BYTE_PREFIX] = 2,
		[AML_DWORD_PREFIX - AML_BYTE_PREFIX] = 4,
		[AML_QWORD_PREFIX - AML_BYTE_PREFIX] = 8,
	};
	u8 op;

	if (!take_byte(c, &op))
		return false;
	if (op == AML_ZERO_OP || op == AML_ONE_OP) {
		*val = op;
		return true;
	}
	if (op < AML_BYTE_PREFIX || op > AML_QWORD_PREFIX || !prefix_bytes[op - AML_BYTE_PREFIX])
		return false; /* OnesOp, a name, a method call: not a sleep type */
	return take_le(c, prefix_bytes[op - AML_BYTE_PREFIX], val);
}

/* The package after "_S5_" at @p, up to @end; 0, -EINVAL or -ERANGE. */
static int decode_package(const u8 *p, const u8 *end, struct acpi_sleep_type *typ)
{
	struct aml_cursor c = { p, end };
	u64 a, b = 0;
	u32 pkg_len;
	u8 op, count;

	if (!take_byte(&c, &op) || op != AML_PACKAGE_OP || !take_pkg_length(&c, &pkg_len))
		return -EINVAL;
	/* The length counts from the PkgLength's first byte: p + 1. */
	if (pkg_len > (size_t)(end - (p + 1)))
		return -EINVAL;
	c.end = p + 1 + pkg_len;
	if (!take_byte(&c, &count) || !count || !take_integer(&c, &a))
		return -EINVAL;
	if (count == 1) {
		b = a >> 8 & 0xff;
		a &= 0xff;
	} else if (!take_integer(&c, &b)) {
		return -EINVAL;
	}
	if (a > SLP_TYP_MAX || b > SLP_TYP_MAX)
		return -ERANGE;
	typ->a = a;
	typ->b = b;
	return 0;
}

/* Is there a NameOp (and perhaps a root prefix) just before @name? */
static bool named_here(const u8 *aml, const u8 *name)
{
	if (name - aml >= 1 && name[-1] == AML_NAME_OP)
		return true;
	return name - aml >= 2 && name[-1] == AML_ROOT_PREFIX && name[-2] == AML_NAME_OP;
}

int acpi_aml_find_s5(const u8 *aml, size_t len, struct acpi_sleep_type *typ)
{
	const u8 *end = aml + len, *p;
	int err = -ENOENT;

	for (p = aml; len >= 4 && p <= end - 4; p++) {
		int ret;

		if (memcmp(p, "_S5_", 4) || !named_here(aml, p))
			continue;
		ret = decode_package(p + 4, end, typ);
		if (!ret)
			return 0;
		if (err != -ERANGE)
			err = ret; /* a value out of range says more than a bad encoding */
	}
	return err;
}
