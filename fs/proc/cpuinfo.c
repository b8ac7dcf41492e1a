// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/cpuinfo for the one CPU, from CPUID: vendor, family, model,
 * stepping, the brand string, the address sizes, and the flags Linux
 * names for the feature bits of leaves 1 and 0x80000001.  No frequency is
 * measured here, so there is no "cpu MHz" line.
 */
#include <asm/cpu.h>
#include <kernel/string.h>
#include "internal.h"

struct flag {
	u8 bit;
	const char *name;
};

static const struct flag edx1[] = {
	{ 0, "fpu" },  { 1, "vme" },	{ 2, "de" },	   { 3, "pse" },  { 4, "tsc" },
	{ 5, "msr" },  { 6, "pae" },	{ 7, "mce" },	   { 8, "cx8" },  { 9, "apic" },
	{ 11, "sep" }, { 12, "mtrr" },	{ 13, "pge" },	   { 14, "mca" }, { 15, "cmov" },
	{ 16, "pat" }, { 17, "pse36" }, { 19, "clflush" }, { 23, "mmx" }, { 24, "fxsr" },
	{ 25, "sse" }, { 26, "sse2" },	{ 28, "ht" },
};

static const struct flag ecx1[] = {
	{ 0, "pni" },	  { 1, "pclmulqdq" }, { 9, "ssse3" },	    { 12, "fma" },
	{ 13, "cx16" },	  { 19, "sse4_1" },   { 20, "sse4_2" },	    { 22, "movbe" },
	{ 23, "popcnt" }, { 25, "aes" },      { 26, "xsave" },	    { 28, "avx" },
	{ 29, "f16c" },	  { 30, "rdrand" },   { 31, "hypervisor" },
};

static const struct flag edx_ext[] = {
	{ 11, "syscall" }, { 20, "nx" }, { 26, "pdpe1gb" }, { 27, "rdtscp" }, { 29, "lm" },
};

static void show_flags(struct proc_buf *m, u32 reg, const struct flag *flags, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (reg & (1U << flags[i].bit))
			proc_printf(m, " %s", flags[i].name);
}

int cpuinfo_show(struct proc_buf *m, int pid)
{
	struct cpuid_regs r = cpuid(0), l1 = cpuid(1), ext = cpuid(0x80000000), e1 = { 0 };
	char vendor[13], brand[49] = "";
	u32 family = (l1.eax >> 8) & 0xf, model = (l1.eax >> 4) & 0xf;
	int i;

	memcpy(vendor, &r.ebx, 4);
	memcpy(vendor + 4, &r.edx, 4);
	memcpy(vendor + 8, &r.ecx, 4);
	vendor[12] = '\0';
	if (family == 0xf)
		family += (l1.eax >> 20) & 0xff;
	if (family >= 6)
		model |= ((l1.eax >> 16) & 0xf) << 4;
	if (ext.eax >= 0x80000004) {
		for (i = 0; i < 3; i++) {
			struct cpuid_regs b = cpuid(0x80000002 + i);

			memcpy(brand + 16 * i, &b, 16);
		}
		brand[48] = '\0';
	}
	if (ext.eax >= 0x80000001)
		e1 = cpuid(0x80000001);
	proc_printf(m, "processor\t: 0\nvendor_id\t: %s\ncpu family\t: %u\nmodel\t\t: %u\n", vendor,
		    family, model);
	proc_printf(m, "model name\t: %s\nstepping\t: %u\n", brand, l1.eax & 0xf);
	proc_printf(m, "physical id\t: 0\nsiblings\t: 1\ncore id\t\t: 0\ncpu cores\t: 1\n");
	proc_printf(m, "fpu\t\t: yes\nfpu_exception\t: yes\ncpuid level\t: %u\nwp\t\t: yes\n",
		    r.eax);
	proc_printf(m, "flags\t\t:");
	show_flags(m, l1.edx, edx1, ARRAY_SIZE(edx1));
	show_flags(m, e1.edx, edx_ext, ARRAY_SIZE(edx_ext));
	show_flags(m, l1.ecx, ecx1, ARRAY_SIZE(ecx1));
	proc_printf(m, "\nclflush size\t: %u\n", ((l1.ebx >> 8) & 0xff) * 8);
	if (ext.eax >= 0x80000008) {
		struct cpuid_regs a = cpuid(0x80000008);

		proc_printf(m, "address sizes\t: %u bits physical, %u bits virtual\n", a.eax & 0xff,
			    (a.eax >> 8) & 0xff);
	}
	proc_printf(m, "\n");
	return 0;
}
