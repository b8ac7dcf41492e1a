# SPDX-License-Identifier: GPL-2.0
"""The host group of "make test".

The hardware-free code (lib/, the log ring, the VGA grid, the Multiboot2
parser, the memory map and heaps) and its suites built for the host under
ASan/UBSan by lib/tests/Makefile, vsnprintf against libc; then the KTAP
parser's unit tests, the runner's, and the documentation checked against
the tree.
"""
import os
import re
import subprocess
import sys

import ktap
from buildenv import make_env
from runner import JOBS

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


def host_make(runner, outdir, target):
    return subprocess.run(["make", f"-j{JOBS}", "-s", "-f",
                           os.path.join(runner.srctree, "lib/tests/Makefile"),
                           f"srctree={runner.srctree}", f"obj={outdir}", target],
                          env=make_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)


def heap_programs(runner, outdir):
    """(program, label) of every heap design and slab debug combination
    the host Makefile builds."""
    for prog in host_make(runner, outdir, "list-heap-programs").stdout.split():
        if prog.startswith("heap-"):
            what = f"{prog[5:]} heap"
        else:
            combo = prog[len("slab-debug-"):]
            what = "slab heap, debug options " + ("none" if combo == "none" else
                                                  "+".join(SLAB_DEBUG[c] for c in combo))
        yield prog, f"{what}: heap, model, hostile (and slab) suites under ASan/UBSan"


def host_programs(runner):
    if not runner.wanted("host: *"):
        return
    outdir = os.path.join(runner.builddir, "host")
    proc = host_make(runner, outdir, "build")
    if proc.returncode:
        runner.result("host: build for the host with ASan and UBSan", False, log=proc.stdout)
        return
    programs = (("ktest-host", "lib/, log ring, VGA grid, Multiboot2, keyboard suites under "
                               "ASan/UBSan"),
                ("vsprintf-vs-libc", "vsnprintf against the C library"),
                ("frames-bitmap", "memory map and bitmap frame allocator under ASan/UBSan"),
                ("frames-buddy", "memory map and buddy frame allocator under ASan/UBSan"))
    programs += tuple(heap_programs(runner, outdir))
    for prog, label in programs:
        proc = runner.run_program(os.path.join(outdir, prog))
        report = ktap.parse(proc.stdout)
        ok = report.ok and proc.returncode == 0
        detail = report.summary() if report.root else "no KTAP"
        calls = sum(int(m) for m in re.findall(r"# .*: (\d+) calls compared", proc.stdout))
        if calls:
            detail += f", {calls} calls compared"
        runner.result(f"host: {label}", ok, detail, "\n".join(report.errors) + "\n" + proc.stdout)


def script_checks(runner):
    scripts = os.path.join(runner.srctree, "scripts")
    for label, argv in (("host: KTAP parser", ["ktap_test.py"]),
                        ("host: test runner", ["runner_test.py"]),
                        ("host: every CONFIG_ symbol, path and link the documentation names "
                         "exists", ["doccheck.py", runner.srctree])):
        if not runner.wanted(label):
            continue
        proc = runner.run_program(sys.executable, os.path.join(scripts, argv[0]), *argv[1:])
        lines = proc.stdout.strip().splitlines()
        runner.result(label, proc.returncode == 0, lines[-1] if lines else "", proc.stdout)


def run(runner):
    host_programs(runner)
    script_checks(runner)
