# SPDX-License-Identifier: GPL-2.0
"""One benchmark boot, as every benchmark makes it ("make bench").

A benchmark is a boot mode the kernel registered ("bench=NAME",
include/kernel/boot_mode.h) under CONFIG_BENCH.  build() configures and
builds a kernel with the benchmarks on; registered() reads which ones it
has from boot-modes.json; boot() boots one and holds the boot to what the
mode declared (scripts/bootmodes.py: it ran, printed its report lines in
order, and the kernel went on) and to the figures the caller needs.  A
boot that fails either is recorded in the caller's Failures
(scripts/benchfail.py), with its log, and the caller marks or leaves out
its figures.
"""
import os

import bootmodes
import qemu
from buildenv import build_kernel


def build(srctree, outdir, targets, enable=(), make_vars=(), disable=()):
    """Build @targets (make targets: a defconfig, fragments) in @outdir with
    CONFIG_BENCH and the symbols of @enable on, those of @disable off."""
    build_kernel(srctree, outdir, targets, ["BENCH", *enable], make_vars, disable)


def registered(outdir):
    """{name: mode} of the benchmarks the kernel in @outdir registered."""
    return {m["name"]: m for m in bootmodes.load(outdir) if m["param"] == "bench"}


def boot(outdir, name, failures, what, label=None, need=(), cmdline="", icount="shift=0",
         timeout=300, extra=(), **qemu_args):
    """Boot the kernel of @outdir with bench=@name (and @cmdline), under
    @icount (None: real time).  Returns its output, or None if the mode
    never started or the figures that @need (compiled regular
    expressions) are not all there.  A boot that breaks the mode's
    declaration is recorded in @failures as @what; if its figures are
    there all the same, @label (default @what) goes into failures.verdict,
    so that the caller marks them.  @extra: more QEMU arguments ("-m",
    "512M"); @qemu_args, more of qemu.boot()'s (firmware=, gfx=)."""
    mode = registered(outdir).get(name)
    if mode is None:
        failures.other(what, f"the kernel registered no bench={name} (boot-modes.json)")
        return None
    res = qemu.boot(os.path.join(outdir, "kernel.iso"),
                    cmdline=" ".join(filter(None, (bootmodes.cmdline(mode), cmdline))),
                    timeout=timeout, icount=icount, extra=extra, **qemu_args)
    problems = bootmodes.check(res, mode, bootmodes.Facts(outdir))
    missing = [rx.pattern for rx in need if not rx.search(res.output)]
    if missing:
        problems.append(f"figures missing: {', '.join(missing)}")
    if problems:
        # Failures.boot() leads with the exit status itself.
        failures.boot(what, res, "; ".join(p for p in problems if p != res.describe()))
        if missing or "the mode never started" in problems:
            return None
        failures.verdict.append(label or what)
    return res.output
