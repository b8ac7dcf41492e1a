# SPDX-License-Identifier: GPL-2.0
"""The ubsan group of "make test": the kernel under UBSan (CONFIG_UBSAN).

debug_defconfig with UBSan, its handlers (lib/ubsan.c) reporting: every
suite must pass, and the serial output must hold exactly the reports
lib/ubsan_test.c commits on purpose -- one per line marked
"/* UBSAN: kind: text */", of that kind, at that line, with that text in
its explanation and a backtrace -- and none from anywhere else.  The same
with every other heap design and scheduler policy (four builds cover
them, one of them by Clang; they run the suites of what they change), so
that no configuration has undefined behaviour of its own.  Each boot runs
in the background while the next configuration builds.  Then "ubsan.panic=1" makes the first report fatal;
division by zero reports before its #DE (if the compiled code still
divides); and CONFIG_UBSAN_TRAP runs every suite with no trap, and its
#UD report names UBSan for a check that fails, but not for the kernel's
own ud2.
"""
import itertools
import os
import re
import shutil

import qemu
import variants
from boottests import BOOTS
from runner import BuildError, LONG_BOOT_TIMEOUT, split_config, suites_pass

# The group's place in a run, and its line in "make test --help".
ORDER = 80
SUMMARY = """debug_defconfig under UBSan, with every heap design and policy,
one by Clang: every suite passes and only the UBSan suite's deliberate
reports appear, each as marked; ubsan.panic=1; division by zero;
CONFIG_UBSAN_TRAP"""


UBSAN = {"UBSAN": "y", "UBSAN_TRAP": "n", "KTEST_UBSAN": "y"}
# The base and the GCC variants build one after another in this directory.
SHARED = "ubsan"
# What a heap design or a policy changes: the variants run these suites, and
# each policy's own (named as the policy is); the base ran every suite on
# the code they share.
VARIANT_SUITES = ("ubsan,heap*,slab*,page_alloc,memblock,sched,preempt,locking,workqueue,timers,"
                  "kshell")


def ubsan_variants(srctree):
    """(configuration, make variables, suites) of each build that covers the
    heap designs and policies other than debug_defconfig's (variants.py),
    paired so that few builds cover them all; the last by Clang."""
    heaps = variants.choice(srctree, "HEAP_SLAB").others()
    policies = variants.choice(srctree, "SCHED_RR").others()
    pairs = list(itertools.zip_longest(heaps, policies))
    for i, (heap, policy) in enumerate(pairs):
        name = "debug_defconfig"
        for v in (heap, policy):
            name = v.config_name(name) if v else name
        suites = VARIANT_SUITES + (f",{policy.name}*" if policy else "")
        yield name, ["LLVM=1"] if i == len(pairs) - 1 else [], suites
REPORT = re.compile(r"^UBSAN: (\S+) in (\S+):(\d+):(\d+)\n((?:.*\n)*?)={80}$", re.M)
ISO_NUMBERS = itertools.count()
MARK = re.compile(r"/\* UBSAN: (\S+): (.*?) \*/")


def marked_lines(srctree, path):
    """{line: (kind, text)} of the "/* UBSAN: kind: text */" marks in @path."""
    marks = {}
    with open(os.path.join(srctree, path), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = MARK.search(line)
            if m:
                marks[number] = m.groups()
    return marks


def reports(output):
    """[(kind, file, line, the lines after the first)] of every report."""
    return [(m.group(1), m.group(2), int(m.group(3)), m.group(5))
            for m in REPORT.finditer(output)]


def report_problems(output, marks, path):
    """Every report is a marked line of @path, once, as marked; every mark
    reported."""
    problems = []
    seen = set()
    for kind, file, line, rest in reports(output):
        where = f"{file}:{line}"
        if file != path or line not in marks:
            problems.append(f"undefined behaviour at {where}: {kind}")
            continue
        want_kind, text = marks[line]
        if kind != want_kind:
            problems.append(f"{where} reported as {kind}, not {want_kind}")
        if text not in rest:
            problems.append(f"{where}: no '{text}' in its explanation")
        if "Call Trace:" not in rest:
            problems.append(f"{where}: no backtrace")
        if line in seen:
            problems.append(f"{where} reported twice")
        seen.add(line)
    problems += [f"{path}:{line} ({marks[line][0]}) not reported"
                 for line in sorted(set(marks) - seen)]
    if len(re.findall(r"^UBSAN: ", output, re.M)) != len(reports(output)):
        problems.append("a report without its closing line")
    return problems


def build(runner, name, dirname, how, options, make_vars=(), fresh=True):
    """Configure builddir/@dirname by @how and @options (from an empty
    directory if @fresh), build it; None if that failed (reported as
    @name's build)."""
    label = f"ubsan: {name} builds with W=e"
    try:
        outdir, _ = runner.configure(dirname, how, options=options, fresh=fresh)
        runner.build(outdir, make_vars=make_vars)
    except BuildError as e:
        runner.result(label, False, f"{e.step} failed", e.log)
        return None
    return outdir


def full_run(runner, label, outdir, marks, cmdline="qemu_exit"):
    """Every suite (of @cmdline's filter) passes and only
    lib/ubsan_test.c's marks report.  The boot runs in the background
    (boottests.BOOTS) from a copy of the ISO, while the next build goes on
    in the same directory."""
    iso = os.path.join(runner.builddir, f"ubsan-boot-{next(ISO_NUMBERS)}.iso")
    shutil.copyfile(os.path.join(outdir, "kernel.iso"), iso)

    def boot():
        return runner.boot(outdir, cmdline=cmdline, timeout=LONG_BOOT_TIMEOUT, iso=iso)

    def report(res):
        os.remove(iso)
        problems, ktap_report = suites_pass(res)
        problems += report_problems(res.output, marks, "lib/ubsan_test.c")
        runner.result(label, not problems, "; ".join(problems) or
                      f"KTAP {ktap_report.summary()}, {len(reports(res.output))} reports, "
                      "all marked", res.output)
    BOOTS.submit(boot, report)


def panic_on_report(runner, outdir):
    label = "ubsan: ubsan.panic=1 makes the first report fatal"
    if not runner.wanted(label):
        return
    res = runner.boot(outdir, cmdline="qemu_exit ubsan.panic=1 ktest.filter=ubsan")
    problems = [] if res.status == qemu.EXIT_FAILURE else [res.describe()]
    first = reports(res.output)[:1]
    if not first or first[0][0] != "shift-out-of-bounds":
        problems.append(f"first report {first}")
    if "Kernel panic - not syncing: UBSAN: shift-out-of-bounds (ubsan.panic=1)" not in res.output:
        problems.append("no panic naming the report")
    if len(reports(res.output)) != 1:
        problems.append(f"{len(reports(res.output))} reports, not one")
    runner.result(label, not problems, "; ".join(problems), res.output)


def division_by_zero(runner, outdir, srctree):
    label = "ubsan: division by zero is reported, then #DE or nothing"
    if not runner.wanted(label):
        return
    path = "arch/x86_64/kernel/fault_test.c"
    res = runner.boot(outdir, cmdline="qemu_exit ktest.fault=ubsan_div_zero")
    problems = [] if res.status == qemu.EXIT_FAILURE else [res.describe()]
    problems += report_problems(res.output, marked_lines(srctree, path), path)
    after = res.output[res.output.find("UBSAN: "):]
    ends = ("Kernel panic - not syncing: Fatal exception: Divide Error",
            "Kernel panic - not syncing: boot mode ktest.fault=ubsan_div_zero: the kernel went on")
    end = next((e for e in ends if e in after), None)
    if not end:
        problems.append("no #DE or 'the kernel went on' panic after the report")
    runner.result(label, not problems, "; ".join(problems) or
                  ("then #DE" if end == ends[0] else "the division was skipped"), res.output)


def trap_faults(runner, outdir):
    """ubsan_trap names UBSan and the function; the kernel's own ud2 does not."""
    for fault, want in (("ubsan_trap", True), ("ud", False)):
        label = (f"ubsan: CONFIG_UBSAN_TRAP: ktest.fault={fault} "
                 f"{'is' if want else 'is not'} named UBSan")
        if not runner.wanted(label):
            continue
        res = runner.boot(outdir, cmdline=f"qemu_exit ktest.fault={fault}")
        problems = [] if res.status == qemu.EXIT_FAILURE else [res.describe()]
        named = re.search(r"^UBSAN: .* at (\S+) \(CONFIG_UBSAN_TRAP", res.output, re.M)
        panic = ("Fatal exception: UBSAN trap (Invalid Opcode)" if want else
                 "Fatal exception: Invalid Opcode")
        if bool(named) != want:
            problems.append(f"UBSan {'not ' if want else ''}named")
        if named and not named.group(1).startswith("fault_ubsan_trap"):
            problems.append(f"trap placed in {named.group(1)}")
        if f"Kernel panic - not syncing: {panic}\n" not in res.output:
            problems.append(f"no panic '{panic}'")
        runner.result(label, not problems, "; ".join(problems), res.output)


def run(runner):
    marks = marked_lines(runner.srctree, "lib/ubsan_test.c")
    label = "ubsan: debug_defconfig: every suite passes; only lib/ubsan_test.c reports"
    base = None
    if runner.wanted("ubsan: debug_defconfig*") or runner.wanted("ubsan: ubsan.panic*") or \
            runner.wanted("ubsan: division*"):
        base = build(runner, "debug_defconfig", SHARED, ["debug_defconfig"], UBSAN, fresh=True)
        if base:
            if runner.wanted(label):
                full_run(runner, label, base, marks)
            panic_on_report(runner, base)
            division_by_zero(runner, base, runner.srctree)
    for config, make_vars, suites in ubsan_variants(runner.srctree):
        name = " ".join([config] + make_vars)
        how, options, _ = split_config(config)
        options = dict(UBSAN, **options)
        label = f"ubsan: {name}: the heap, scheduler and UBSan suites pass; only " \
                "lib/ubsan_test.c reports"
        if not runner.wanted(label):
            continue
        # The GCC variants build over the base, each rebuilding only what
        # its heap and policy change; the Clang one rebuilds everything.
        variant = build(runner, name, "ubsan-llvm" if make_vars else SHARED, how, options,
                        make_vars, fresh=bool(make_vars) or base is None)
        if variant:
            full_run(runner, label, variant, marks, f"qemu_exit ktest.filter={suites}")
    if runner.wanted("ubsan: *CONFIG_UBSAN_TRAP*"):
        trap = build(runner, "debug_defconfig with CONFIG_UBSAN_TRAP", "ubsan-trap",
                     ["debug_defconfig"], {"UBSAN": "y", "UBSAN_TRAP": "y"}, fresh=True)
        if trap:
            label = "ubsan: debug_defconfig with CONFIG_UBSAN_TRAP: every suite passes, no trap"
            if runner.wanted(label):
                full_run(runner, label, trap, {})
            trap_faults(runner, trap)
    BOOTS.drain()
