# SPDX-License-Identifier: GPL-2.0
"""The cmdline group of "make test": kernel parameters at work.

ktest.filter picks suites and cases, ktest.fail fails the cases it picks
and the last line of the boot names them, ktest.panic ends a run in panic(),
loglevel= silences the console, a kernel without qemu_exit idles until the
runner stops it, and CONFIG_CMDLINE applies when GRUB passes nothing.
"""
import os
import subprocess

import ktap
import qemu
from runner import BOOT_TIMEOUT, IDLE_TIMEOUT, BuildError

# The group's place in a run, and its line in "make test --help".
ORDER = 60
SUMMARY = """suite selection, panic, loglevel, CONFIG_CMDLINE"""


CONFIG_CMDLINE = "qemu_exit loglevel=8"


def run(runner):
    debug, default = "debug_defconfig", "x86_64_defconfig"
    tests = [
        ("cmdline: ktest.filter picks suites and cases", debug, filter_test),
        ("cmdline: ktest.fail fails the cases it names; the boot's last line names them, "
         "exit code 35", debug, fail_test),
        ("cmdline: ktest.panic ends in panic(), reported, exit code 35", debug,
         panic_test),
        ("cmdline: loglevel=1 keeps info messages off the console", default,
         loglevel_test),
        ("cmdline: without qemu_exit the kernel idles; the runner times out", default,
         timeout_test),
        ("cmdline: make run CMDLINE=qemu_exit with no terminal and no $DISPLAY shows the "
         "serial console and exits 0", default, make_run_test),
    ]
    for label, config, fn in tests:
        outdir = runner.built_for(label, config)
        if not outdir:
            continue
        ok, detail, log = fn(runner, outdir)
        runner.result(label, ok, detail, log)
    label = "cmdline: CONFIG_CMDLINE is used when GRUB passes none"
    if runner.wanted(label):
        runner.result(label, *config_cmdline_test(runner))


def make_run_test(runner, outdir):
    """What a user sees of "make run" with its output in a pipe or a file
    (a script, an editor, a CI log): QEMU's curses display would stop at
    once with "We need a terminal output", so run-qemu says so and shows
    the serial console there.  QEMU_DISPLAY and DISPLAY are unset."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QEMU_DISPLAY")}
    try:
        # W=e, as the runner built the kernel: other flags would rebuild it first.
        proc = subprocess.run(["make", "-C", runner.srctree, f"O={outdir}", "W=e", "run",
                               "CMDLINE=qemu_exit"], env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              timeout=BOOT_TIMEOUT)
    except subprocess.TimeoutExpired as e:
        return False, "make run did not end", str(e.output or "")
    out = proc.stdout
    wants = ("No terminal and no $DISPLAY", "Kestrel ", "Kernel initialized")
    problems = [f"no {w!r}" for w in wants if w not in out]
    if proc.returncode:
        problems.append(f"make exited {proc.returncode}")
    return not problems, "; ".join(problems) or "serial console shown, exit 0", out


def filter_test(runner, outdir):
    """The last entry selects a suite but none of its cases: like KUnit,
    the kernel must leave that suite out, not print an empty "1..0"."""
    res = runner.boot(outdir, cmdline="qemu_exit ktest.filter=glob,string.strscpy*,"
                      "vsprintf.no_such_case")
    report = ktap.parse(res.output)
    suites = sorted(t.name for t in report.root.results) if report.root else []
    cases = sorted(c.name for c in report.cases)
    ok = (report.ok and res.status == qemu.EXIT_SUCCESS and suites == ["glob", "string"]
          and cases == ["glob_table", "strscpy_terminates"])
    return ok, "; ".join([f"suites {suites}, cases {cases}"] + report.errors), res.output


def fail_test(runner, outdir):
    """Two cases made to fail: KTAP, exit status and the banner agree, the
    banner naming each as suite.case."""
    res = runner.boot(outdir, cmdline="qemu_exit ktest.filter=glob,string.strscpy* "
                      "ktest.fail=glob,string.strscpy_terminates")
    report = ktap.parse(res.output)
    failed = sorted(c.name for c in report.failed)
    want = ("Kernel initialized, with test failures: string.strscpy_terminates, "
            "glob.glob_table\n")
    ok = (res.status == qemu.EXIT_FAILURE and not report.errors
          and failed == ["glob_table", "strscpy_terminates"] and want in res.output)
    last = [line for line in res.output.splitlines() if line.startswith("Kernel initialized")]
    return ok, "; ".join([res.describe(), f"failed {failed}"] + last + report.errors), \
        res.output


def timeout_test(runner, outdir):
    """Without qemu_exit the kernel idles for ever: the runner must stop
    QEMU and call it a timeout, never a pass."""
    res = runner.boot(outdir, cmdline="", timeout=IDLE_TIMEOUT,
                      timeout_after=r"Kernel initialized")
    ok = res.timed_out and res.status is None and "Kernel initialized" in res.output
    return ok, res.describe(), res.output


def panic_test(runner, outdir):
    res = runner.boot(outdir, cmdline="qemu_exit ktest.panic ktest.filter=glob")
    want = "Kernel panic - not syncing: ktest.panic on the command line"
    ok = res.status == qemu.EXIT_FAILURE and want in res.output and \
        "---[ end Kernel panic" in res.output
    return ok, res.describe(), res.output


def loglevel_test(runner, outdir):
    res = runner.boot(outdir, cmdline="qemu_exit loglevel=1")
    ok = res.status == qemu.EXIT_SUCCESS and "Boot loader:" not in res.output and \
        "Kernel initialized" not in res.output
    return ok, res.describe(), res.output


def config_cmdline_test(runner):
    """qemu_exit reaches the kernel only through CONFIG_CMDLINE here; the
    test builds a configuration of its own."""
    try:
        outdir, log = runner.configure("config-cmdline", ["x86_64_defconfig"])
        subprocess.run(["kconfig-tweak", "--file", os.path.join(outdir, ".config"),
                        "--set-str", "CMDLINE", CONFIG_CMDLINE], check=True)
        log += runner.make(outdir, "olddefconfig").stdout
        log += runner.build(outdir)
    except BuildError as e:
        return False, f"{e.step} failed", e.log
    res = runner.boot(outdir, cmdline=None)
    ok = res.status == qemu.EXIT_SUCCESS and \
        f"Command line: {CONFIG_CMDLINE}" in res.output
    return ok, res.describe(), res.output

