# SPDX-License-Identifier: GPL-2.0
"""The host group of "make test" (also "make hosttest").

The hardware-free code and its suites as a host program under ASan and
UBSan (make ARCH=host, arch/host/Kconfig), once per variant: a variant is
host_defconfig plus a fragment of configs/fragments/ or a set of Kconfig
options, never compiler flags.  Every variant builds in the same output
directory, one after the other, so that each rebuilds only the files that
use an option it changes.  host_defconfig runs every suite; the other
variants run the memory suites, which are what they change.

Then the KTAP parser's unit tests, the runner's, the documentation
checked against the tree, and every Debian package the scripts name
checked against the tool it is named for.
"""
import os
import re
import sys

import ktap
from runner import BuildError

MM_SUITES = "memblock,page_alloc,heap*,slab*"
SLAB_DEBUG = {"p": "POISON", "r": "REDZONE", "c": "CHECKS", "t": "TRACK"}


def slab_debug_combinations():
    """(combo, options, description) for every combination of the slab
    heap's four debug options: "prct" has them all, "none" none."""
    for n in range(16):
        combo = "".join(k for i, k in enumerate(SLAB_DEBUG) if n >> (3 - i) & 1) or "none"
        options = {"SLAB_DEBUG": "y"}
        options.update({f"SLAB_DEBUG_{opt}": "y" if k in combo else "n"
                        for k, opt in SLAB_DEBUG.items()})
        what = "none" if combo == "none" else "+".join(SLAB_DEBUG[k] for k in combo)
        yield combo, options, f"slab debug options {what}"


def variants():
    """(name, make targets, options, what it is) of every host variant."""
    yield "host_defconfig", ["host_defconfig"], None, "every hardware-free suite"
    for frag, what in (("frame-bitmap.config", "bitmap frame allocator"),
                       ("heap-bump.config", "bump heap"),
                       ("heap-linked-list.config", "linked-list heap"),
                       ("heap-fixed-block.config", "fixed-block heap")):
        yield f"host_defconfig+{frag}", ["host_defconfig", frag], None, what
    # The bitmap allocator hands out arenas side by side, which must not merge.
    yield ("host_defconfig+frame-bitmap.config+heap-linked-list.config",
           ["host_defconfig", "frame-bitmap.config", "heap-linked-list.config"], None,
           "linked-list heap over adjacent arenas")
    for combo, options, what in slab_debug_combinations():
        yield f"slab-debug-{combo}", ["host_defconfig"], options, what


def run_variant(runner, outdir, name, what):
    label = f"host: {name}: {what}, under ASan/UBSan"
    try:
        log = runner.build(outdir, arch="host")
    except BuildError as e:
        runner.result(label, False, f"{e.step} failed", e.log)
        return
    suites = "*" if name == "host_defconfig" else MM_SUITES
    proc = runner.run_program(os.path.join(outdir, "ktest-host"), suites)
    report = ktap.parse(proc.stdout)
    problems = report.errors + [f"case failed: {c.name}" for c in report.failed]
    if proc.returncode:
        problems.append(f"exit status {proc.returncode}")
    if not report.cases:
        problems.append("no test cases ran")
    detail = f"KTAP {report.summary()}" if report.root else "no KTAP"
    calls = sum(int(m) for m in re.findall(r"# .*: (\d+) calls compared", proc.stdout))
    if calls:
        detail += f", vsnprintf and the C library's compared on {calls} calls"
    runner.result(label, not problems, "; ".join(problems) or detail, log + proc.stdout)


def host_variants(runner):
    first = True
    for name, how, options, what in variants():
        if not runner.wanted(f"host: {name}:*"):
            continue
        try:
            outdir, _ = runner.configure("host", how, options=options, arch="host",
                                         fresh=first)
        except BuildError as e:
            runner.result(f"host: {name}: {what}", False, f"{e.step} failed", e.log)
            continue
        first = False
        run_variant(runner, outdir, name, what)


def script_checks(runner):
    scripts = os.path.join(runner.srctree, "scripts")
    for label, argv in (("host: KTAP parser", ["ktap_test.py"]),
                        ("host: test runner", ["runner_test.py"]),
                        ("host: every CONFIG_ symbol, path and link the documentation names "
                         "exists", ["doccheck.py", runner.srctree]),
                        ("host: every Debian package named owns the tool named with it (dpkg -S)",
                         ["depcheck.py", runner.srctree])):
        if not runner.wanted(label):
            continue
        proc = runner.run_program(sys.executable, os.path.join(scripts, argv[0]), *argv[1:])
        lines = proc.stdout.strip().splitlines()
        runner.result(label, proc.returncode == 0, lines[-1] if lines else "", proc.stdout)
    label = "host: make checkstyle: clang-format, 100 columns, pyflakes3"
    if runner.wanted(label):
        proc = runner.run_program("sh", os.path.join(scripts, "checkstyle"), runner.srctree)
        lines = proc.stdout.strip().splitlines()
        runner.result(label, proc.returncode == 0, lines[-1] if lines else "", proc.stdout)


def run(runner):
    host_variants(runner)
    script_checks(runner)
