# SPDX-License-Identifier: GPL-2.0
"""Timekeeping tests, run by scripts/test-kernel ("time" results).

  loaded host   the timer, time, timers and sched suites of
                x86_64_defconfig+hz1000 while
                two busy loops keep both host cores busy: guest time follows
                guest instructions (qemu.TEST_ICOUNT), so the verdict is the
                idle machine's
  host time     the suites that time the tick, timekeeping, timers and the
                scheduler, booted as "make run" boots them: no -icount, both
                cores busy, so the host stops the virtual CPU at will.  No
                case may fail; one the host disturbed in every try is
                skipped, saying so
  guest speed   the same suites at -icount shift=0 (a 1 GHz guest) and
                shift=8 (3.9 MHz): they pass, and none is skipped as
                disturbed, since no host can disturb guest time
  clocksources  the HPET found through ACPI on QEMU's pc and q35 machines
                (not skipped), and the TSC as the clocksource with
                tsc=reliable (QEMU's TCG offers no invariant TSC); both
                through the same suites
  memory        each defconfig at the smallest RAM it boots in, with every
                test that configuration has passing
  CMOS          the stack protector's canary read from the CMOS clock
                leaves NMIs unmasked: QEMU traces every write to port 0x70
"""
import contextlib
import functools
import os
import re
import subprocess

import qemu
from runner import LONG_BOOT_TIMEOUT, disturbed, suites_pass

# The group's place in a run, and its line in "make test --help".
ORDER = 100
SUMMARY = """the timer suites on a fully loaded host, the HPET on pc and q35,
the TSC with tsc=reliable, each defconfig at its smallest RAM, NMIs left
unmasked by the CMOS clock's reads"""


# The smallest RAM (MiB) in which each defconfig boots from the test ISO
# with the runner's command-line disk and passes every test it has: at one
# MiB less GRUB never reaches tiny_defconfig's or x86_64_defconfig's kernel
# (x86_64_defconfig's kernel, 17 KiB larger with the MADT parser and the
# per-CPU area of issue 27, stopped fitting in 3 MiB),
# and debug_defconfig's boots but a user program that grows its stack to
# its 8 MiB limit (usertest's fault_stack_overflow) runs out of memory;
# its initramfs holds BusyBox (CONFIG_BUSYBOX, 2 MiB) beside the tests.
# At 14 MiB that case passes in some boots and not in others: what the
# kworker frees later (dead tasks, their /proc entries) decides whether
# its last pages are there in time.
MIN_RAM_MIB = {"tiny_defconfig": 3, "x86_64_defconfig": 4, "debug_defconfig": 15}
# Every suite whose verdict depends on time: the tick, timekeeping, kernel
# timers and sleeping, and CPU time of tasks.
TIME_SUITES = "ktest.filter=timer,time,timers,sched"
# And interrupts and the scheduler's suites (the rr policy, and preemption
# off; debug_defconfig's boots have it on): what a guest's speed, or a
# host that takes its CPU, could change.
SPEED_SUITES = "ktest.filter=irq,timer,time,timers,sched,preempt,rr"
SPEED_CONFIG = "x86_64_defconfig+hz1000.config+ktest.config"


@contextlib.contextmanager
def busy_host(n=2):
    """@n processes that spin until the block ends: a fully loaded host."""
    procs = [subprocess.Popen(["sh", "-c", "while :; do :; done"]) for _ in range(n)]
    try:
        yield
    finally:
        for p in procs:
            p.kill()
            p.wait()


def clocksource_line(output):
    return next((ln for ln in output.splitlines() if ln.startswith("clocksource: ")
                 and " at " in ln), "no clocksource line")


def loaded_host(runner):
    label = ("time: x86_64_defconfig+hz1000.config+ktest.config timer, time, timers and sched suites pass "
             "with both cores busy")
    outdir = runner.built_for(label, "x86_64_defconfig+hz1000.config+ktest.config")
    if not outdir:
        return
    with busy_host():
        res = runner.boot(outdir, cmdline=f"qemu_exit {TIME_SUITES}", timeout=LONG_BOOT_TIMEOUT)
    problems, report = suites_pass(res)
    runner.result(label, not problems, "; ".join(problems) or f"KTAP {report.summary()}",
                  res.output)


def host_time(runner):
    label = (f"time: {SPEED_CONFIG} time and scheduler suites without -icount, both cores busy: "
             "none fails")
    outdir = runner.built_for(label, SPEED_CONFIG)
    if not outdir:
        return
    with busy_host():
        res = runner.boot(outdir, cmdline=f"qemu_exit {SPEED_SUITES}", timeout=LONG_BOOT_TIMEOUT,
                          icount=None)
    problems, report = suites_pass(res)
    skipped = disturbed(report)
    runner.result(label, not problems, "; ".join(problems) or
                  f"KTAP {report.summary()}; {len(skipped)} skipped as disturbed"
                  + (f" ({', '.join(c.name for c in skipped)})" if skipped else ""), res.output)


def guest_speed(runner, shift, speed):
    label = (f"time: {SPEED_CONFIG} time and scheduler suites at -icount shift={shift} "
             f"(a {speed} guest): pass, none skipped as disturbed")
    outdir = runner.built_for(label, SPEED_CONFIG)
    if not outdir:
        return
    res = runner.boot(outdir, cmdline=f"qemu_exit {SPEED_SUITES}", timeout=LONG_BOOT_TIMEOUT,
                      icount=f"shift={shift},sleep=off")
    problems, report = suites_pass(res)
    runner.result(label, not problems, "; ".join(problems) or f"KTAP {report.summary()}",
                  res.output)


def hpet_on(runner, machine):
    label = f"time: the ACPI walk finds the HPET on QEMU's {machine} machine"
    outdir = runner.built_for(label, "debug_defconfig")
    if not outdir:
        return
    res = runner.boot(outdir, cmdline=f"qemu_exit {TIME_SUITES}", timeout=LONG_BOOT_TIMEOUT,
                      extra=["-machine", machine])
    problems, report = suites_pass(res)
    found = [c for c in report.cases if c.name == "hpet_found_through_acpi"]
    if not found or found[0].directive == "SKIP":
        problems.append("hpet_found_through_acpi did not run or was skipped")
    if not re.search(r"^hpet: at 0x[0-9a-f]+, \d\d-bit counter", res.output, re.M):
        problems.append("no 'hpet: at' line")
    runner.result(label, not problems, "; ".join(problems) or clocksource_line(res.output),
                  res.output)


def tsc_reliable(runner):
    label = "time: tsc=reliable makes the calibrated TSC the clocksource"
    outdir = runner.built_for(label, "debug_defconfig")
    if not outdir:
        return
    res = runner.boot(outdir, cmdline=f"qemu_exit tsc=reliable {TIME_SUITES}",
                      timeout=LONG_BOOT_TIMEOUT)
    problems, _ = suites_pass(res)
    line = clocksource_line(res.output)
    if not re.match(r"clocksource: tsc at \d+\.\d{3} MHz \(calibrated against the PIT", line):
        problems.append(f"clocksource line: {line!r}")
    runner.result(label, not problems, "; ".join(problems) or line, res.output)


def minimum_ram(runner, name, mib):
    label = f"time: {name} boots in {mib} MiB of RAM"
    outdir = runner.built_for(label, name)
    if not outdir:
        return
    res = runner.boot(outdir, timeout=LONG_BOOT_TIMEOUT, extra=["-m", f"{mib}M"])
    has_tests = runner.config_value(outdir, "CONFIG_KTEST") == "y"
    if has_tests:
        problems, report = suites_pass(res)
        detail = f"KTAP {report.summary()}"
    else:
        problems = [] if res.status == qemu.EXIT_SUCCESS else [res.describe()]
        detail = res.describe()
    if "Kernel initialized" not in res.output:
        problems.append("'Kernel initialized' not printed")
    runner.result(label, not problems, "; ".join(problems) or detail, res.output)


# QEMU's trace of one I/O write (-trace memory_region_ops_write).
RTC_INDEX_WRITE = re.compile(r"memory_region_ops_write .* addr 0x70 value (0x[0-9a-f]+) size 1 "
                             r"name 'rtc-index'")


def cmos_leaves_nmis_unmasked(runner):
    """Bit 7 of a write to port 0x70 masks NMIs on PC chipsets until the
    next write; QEMU ignores it, so the kernel cannot see it, but QEMU's
    trace of every I/O write shows what the machine is left with."""
    label = ("time: reading the CMOS clock (the canary without RDRAND) leaves NMIs unmasked: "
             "the last write to port 0x70 has bit 7 clear")
    outdir = runner.built_for(label, "x86_64_defconfig")
    if not outdir:
        return
    trace = os.path.join(outdir, "io-trace.log")
    res = runner.boot(outdir, extra=["-trace", "memory_region_ops_write", "-D", trace])
    try:
        with open(trace, encoding="utf-8", errors="replace") as f:
            writes = [int(m.group(1), 16) for m in map(RTC_INDEX_WRITE.search, f) if m]
    except OSError as e:
        writes, problems = [], [f"no trace: {e}"]
    else:
        problems = []
    with contextlib.suppress(OSError):
        os.remove(trace)
    if res.status != qemu.EXIT_SUCCESS:
        problems.append(res.describe())
    if "canary from the TSC and the CMOS clock" not in res.output:
        problems.append("the canary was not drawn from the CMOS clock")
    if not writes:
        problems.append("no write to port 0x70 traced")
    elif writes[-1] & 0x80:
        problems.append(f"the last write to port 0x70 is {writes[-1]:#x}: NMIs stay masked")
    runner.result(label, not problems, "; ".join(problems) or
                  f"{len(writes)} writes to port 0x70, the last {writes[-1]:#x}, "
                  f"{res.seconds:.1f} s", res.output)


def run(runner):
    # Two busy loops are what these boots test: each runs alone beside them.
    loaded_host(runner)
    host_time(runner)
    # The others boot under -icount, where a guest's verdict is the one it
    # gives alone: two at a time.
    runner.side_by_side([functools.partial(guest_speed, runner, 0, "1 GHz"),
                         functools.partial(guest_speed, runner, 8, "3.9 MHz"),
                         functools.partial(hpet_on, runner, "pc"),
                         functools.partial(hpet_on, runner, "q35"),
                         functools.partial(tsc_reliable, runner),
                         *(functools.partial(minimum_ram, runner, name, mib)
                           for name, mib in MIN_RAM_MIB.items()),
                         functools.partial(cmos_leaves_nmis_unmasked, runner)])
