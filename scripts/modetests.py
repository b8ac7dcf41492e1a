# SPDX-License-Identifier: GPL-2.0
"""The mode group of "make test": every boot mode a configuration has, one
boot each, checked against what the mode declared.

A boot mode (include/kernel/boot_mode.h) is what a boot does in place of
the test suites when its command line asks: a CPU fault ("ktest.fault="),
a heap, lock or scheduler bug ("ktest.slab_bug=", "ktest.lock_bug=",
"ktest.sched_bug=").  The list comes from the build (boot-modes.json
beside kernel.elf), so a new mode is tested by declaring it; a mode that
needs an option the configuration lacks is left out.  scripts/bootmodes.py
checks each boot: how it ended, the report's lines in order, the count,
the backtrace, and for faults the whole exception report at the
configuration's verbosity (scripts/faultreport.py).

debug_defconfig and x86_64_defconfig+ktest boot every mode they have; the
others only the kinds of mode their difference changes, to keep the group
within its minutes: without frame pointers and kallsyms, addresses print
bare and a backtrace is a stack scan (faults, heap and lock reports);
tiny_defconfig prints faults tersely; red zones alone are where a double
free once passed for a damaged redzone (heap bugs); Clang makes its own
code around every fault, and allyesconfig adds UBSan's trapping checks;
without page table isolation a user program's access to a kernel page
faults as a protection fault, not as a missing page (user faults).

One fault also boots under UEFI (OVMF): the IST stack of a double fault
and the exception report do not depend on the firmware, and this proves it.

The stack protector's canary is also read from guest memory here, through
the monitor, on boots with and without RDRAND.
"""
import functools
import re
from concurrent.futures import ThreadPoolExecutor

import bootmodes
from boottests import BOOTS

# The group's place in a run, and its line in "make test --help".
ORDER = 70
SUMMARY = """every boot mode each configuration has, one boot each: CPU faults
at each exception verbosity, heap, lock and scheduler bugs, checked
against what each mode declares; the stack protector's canary"""


FAULTS, SLAB, LOCK = ("ktest.fault",), ("ktest.slab_bug",), ("ktest.lock_bug",)
USER = ("ktest.user",)

# (label, configuration, the parameters of the modes it boots (None: every
# mode it has)): the configurations besides the two defaults are here for
# what their difference from debug_defconfig changes in a report.  The
# runner builds each the first time any group asks (the boot group, for
# most).
CONFIGS = (("debug_defconfig", "debug_defconfig", None),
           ("x86_64_defconfig+ktest.config", "x86_64_defconfig+ktest.config", None),
           ("x86_64_defconfig+slab-debug-redzone.config+ktest.config",
            "x86_64_defconfig+slab-debug-redzone.config+ktest.config", SLAB),
           ("debug_defconfig LLVM=1", "debug_defconfig LLVM=1", FAULTS),
           ("allyesconfig", "allyesconfig", FAULTS),
           ("tiny_defconfig+ktest.config", "tiny_defconfig+ktest.config", FAULTS),
           ("debug_defconfig without frame pointers and kallsyms",
            "debug_defconfig+CONFIG_FRAME_POINTER=n+CONFIG_KALLSYMS=n", FAULTS + SLAB + LOCK),
           ("x86_64_defconfig+nopti.config+ktest.config",
            "x86_64_defconfig+nopti.config+ktest.config", USER))


def run_config(runner, config, outdir, params=None):
    """Boot every mode @outdir's kernel has of @params (every one if None)
    that it can run, in the background (boottests.BOOTS: one boot per CPU,
    results in order), so that the next configuration builds meanwhile."""
    label = f"mode: {config}: "
    if not outdir:
        BOOTS.drain()           # results stay in order
        if runner.wanted(label + "*"):
            runner.not_built(label + "every boot mode")
        return
    modes = [m for m in bootmodes.load(outdir)
             if not m["needs"] and (params is None or m["param"] in params)
             and runner.wanted(label + f"{m['param']}={m['name']}")]
    facts = bootmodes.Facts(outdir)
    for mode in modes:
        def report(res, mode=mode):
            problems = bootmodes.check(res, mode, facts)
            runner.result(label + f"{mode['param']}={mode['name']}", not problems,
                          "; ".join(problems) or bootmodes.summary(res, mode), res.output)
        BOOTS.submit(functools.partial(runner.boot, outdir, cmdline=bootmodes.cmdline(mode)),
                     report)


# The fault booted under UEFI: a stack overflow, caught as a double fault on
# its IST stack, goes through most of what the boot set up.
UEFI_FAULTS = ("stack_overflow", "pf_null")


def uefi_fault(runner):
    """One CPU fault of debug_defconfig under UEFI, checked as on the BIOS."""
    prefix = "mode: debug_defconfig on UEFI (OVMF): "
    if not runner.wants_any(prefix):
        return
    outdir = runner.config("debug_defconfig")
    if not outdir:
        return
    faults = {m["name"]: m for m in bootmodes.load(outdir)
              if m["param"] == "ktest.fault" and not m["needs"]}
    mode = next((faults[n] for n in UEFI_FAULTS if n in faults), None)
    label = prefix + "ktest.fault=" + (mode["name"] if mode else "?")
    if not runner.wanted(label):
        return
    if not mode:
        runner.result(label, False, f"debug_defconfig has none of the faults {UEFI_FAULTS}")
        return
    facts = bootmodes.Facts(outdir)

    def report(res):
        problems = bootmodes.check(res, mode, facts)
        if "booted by UEFI firmware" not in res.output:
            problems.append("the boot log does not name UEFI")
        runner.result(label, not problems, "; ".join(problems) or bootmodes.summary(res, mode),
                      res.output)
    BOOTS.submit(functools.partial(runner.boot, outdir, cmdline=bootmodes.cmdline(mode),
                                   firmware="uefi"), report)


def bad_choices(runner):
    """A name the kernel lacks is answered with the list it can run; a mode
    it cannot run (CONFIG_UBSAN_TRAP) is refused and takes no place; a
    second mode is refused and the first one runs as it would alone."""
    label = ("mode: debug_defconfig: an unknown mode lists the modes, one it cannot run and a "
             "second are refused, the first runs")
    outdir = runner.built_for(label, "debug_defconfig")
    if not outdir:
        return
    modes = bootmodes.load(outdir)
    first = next(m for m in modes if m["param"] == "ktest.slab_bug" and m["name"] == "double_free")
    res = runner.boot(outdir, cmdline="qemu_exit ktest.fault=nosuch ktest.fault=ubsan_trap "
                      "ktest.slab_bug=double_free ktest.lock_bug=recursive_lock bench=heap")
    faults = sorted(m["name"] for m in modes if m["param"] == "ktest.fault" and not m["needs"])
    listed = re.search(r"^boot mode: ktest\.fault= takes one of: (.*)$", res.output, re.M)
    problems = [] if listed and sorted(listed.group(1).split()) == faults else \
        [f"ktest.fault= listed {listed and listed.group(1)!r}, not {' '.join(faults)}"]
    for line in ("Bad value for parameter ktest.fault=nosuch (error -22), ignored",
                 "boot mode: ktest.fault=ubsan_trap needs CONFIG_UBSAN_TRAP, which this kernel "
                 "lacks",
                 "Bad value for parameter ktest.fault=ubsan_trap (error -22), ignored",
                 "boot mode: ktest.slab_bug=double_free is already chosen; one mode a boot",
                 "Bad value for parameter ktest.lock_bug=recursive_lock (error -16), ignored",
                 "boot mode: bench= takes one of: none in this configuration"):
        if line not in res.output:
            problems.append(f"no {line!r}")
    if "boot mode ktest.lock_bug=" in res.output:
        problems.append("the refused mode ran")
    problems += bootmodes.check(res, first, bootmodes.Facts(outdir))
    runner.result(label, not problems, "; ".join(problems), res.output)


KERNEL_VMA = 0xffffffff80000000
CANARY_SOURCE = re.compile(r"stack-protector: canary from (RDRAND|the TSC and the CMOS clock)")


def canary_boots(runner, outdir):
    """Boot @outdir with the default CPU and twice with -cpu max (RDRAND),
    and read __stack_chk_guard through the monitor once init is done:
    [(source logged, canary)]."""
    guard = bootmodes.Facts(outdir).symbols["__stack_chk_guard"][0] - KERNEL_VMA

    def boot(cpu):
        canary = []
        res = runner.boot(outdir, cmdline=None, cpu=cpu, screen_when="Kernel initialized",
                          interact=lambda session: canary.append(session.read_u64(guard)))
        m = CANARY_SOURCE.search(res.output)
        return m.group(1) if m else None, canary[0] if canary else None
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(boot, (None, "max", "max")))


def stack_protector_canary(runner):
    label = ("mode: x86_64_defconfig: the stack protector's canary is drawn per boot "
             "(RDRAND, else TSC and CMOS clock), low byte zero")
    outdir = runner.built_for(label, "x86_64_defconfig")
    if not outdir:
        return
    boots = canary_boots(runner, outdir)
    problems = []
    want = ["the TSC and the CMOS clock", "RDRAND", "RDRAND"]
    for (source, canary), expected in zip(boots, want):
        if source != expected:
            problems.append(f"source {source!r}, expected {expected!r}")
        if not canary or canary & 0xff:
            problems.append(f"canary {canary!r}: zero, or low byte not zero")
    if boots[1][1] == boots[2][1]:
        problems.append("two RDRAND boots drew the same canary")
    runner.result(label, not problems, "; ".join(problems) or
                  "RDRAND boots differ, every canary nonzero with a zero low byte")


def run(runner):
    if not runner.wants_any("mode: "):
        return
    stack_protector_canary(runner)
    bad_choices(runner)
    for label, config, params in CONFIGS:
        if runner.wants_any(f"mode: {label}: "):
            run_config(runner, label, runner.config(config), params)
    uefi_fault(runner)
    BOOTS.drain()
