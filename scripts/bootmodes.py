# SPDX-License-Identifier: GPL-2.0
"""Boot modes as the test runner sees them: what a kernel declared
(boot-modes.json, written beside kernel.elf by scripts/boot-modes) and
whether a boot in a mode did what its declaration says.

A mode (include/kernel/boot_mode.h) declares how the boot ends, the lines
its report must hold in order, the function a backtrace must name, and
whether it must raise a count of reports by exactly one.  check() holds a
boot to all of that; a parameter whose reports have more structure than
lines (the CPU exception report of "ktest.fault") adds its own checks
through DEEPER.
"""
import json
import os
import re
import subprocess

import faultreport
import qemu
from buildenv import config_value

# Checks beyond the declared lines, per parameter: f(res, mode, facts, report) -> problems
DEEPER = {"ktest.fault": faultreport.check}

PANIC = "Kernel panic - not syncing: "
PLACEHOLDERS = re.compile(r"(\{hex\}|\{dec\}|\{addr\}|\{eol\})")
ADDRESS = re.compile(r"^boot mode: object at (0x[0-9a-f]+)$", re.M)


def load(outdir):
    """The modes of the kernel built in @outdir, as scripts/boot-modes wrote them."""
    with open(os.path.join(outdir, "boot-modes.json"), encoding="utf-8") as f:
        return json.load(f)


def cmdline(mode):
    return f"qemu_exit {mode['param']}={mode['name']}"


class Facts:
    """What the configuration in @outdir makes a report hold; the symbol
    table is read only when a check needs it."""

    def __init__(self, outdir):
        def on(symbol):
            return config_value(outdir, f"CONFIG_{symbol}") == "y"
        self.outdir = outdir
        self.kallsyms = on("KALLSYMS")
        self.frame_pointer = on("FRAME_POINTER")
        self.verbosity = next((v for v in ("TERSE", "NORMAL", "FULL")
                               if on(f"EXCEPTION_VERBOSITY_{v}")), None)
        self._symbols = None

    @property
    def symbols(self):
        """name -> (start, end, nm type) of every sized symbol in kernel.elf."""
        if self._symbols is None:
            self._symbols = symbol_table(os.path.join(self.outdir, "kernel.elf"))
        return self._symbols


def symbol_table(elf):
    out = subprocess.run(["nm", "-S", elf], check=True, capture_output=True, text=True).stdout
    table = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) == 4:
            start = int(f[0], 16)
            table[f[3]] = (start, start + int(f[1], 16), f[2])
    return table


def pattern(line, addr):
    """The regular expression of a declared report line; None if it
    needs the object's address and the mode printed none."""
    parts = []
    for part in PLACEHOLDERS.split(line):
        if part == "{hex}":
            parts.append("[0-9a-f]+")
        elif part == "{dec}":
            parts.append("[0-9]+")
        elif part == "{addr}":
            if addr is None:
                return None
            parts.append(re.escape(addr))
        elif part == "{eol}":
            parts.append("$")
        else:
            parts.append(re.escape(part))
    return re.compile("".join(parts))


def find_in_order(lines, wanted, addr):
    """Problems finding each of @wanted in @lines, each after the one
    before (later in its line, or in a later line); and the index of the
    line after the last one found."""
    problems, line, col, after = [], 0, 0, 0
    for want in wanted:
        rx = pattern(want, addr)
        if rx is None:
            problems.append(f"no 'boot mode: object at' line for {want!r}")
            continue
        found = next(((i, m) for i in range(line, len(lines))
                      for m in [rx.search(lines[i], col if i == line else 0)] if m), None)
        if found is None:
            before = any(rx.search(ln) for ln in lines)
            problems.append(f"no {want!r}" + (" after the line before" if before else ""))
        else:
            line, col = found[0], found[1].end()
            after = line + 1
    return problems, after


def check(res, mode, facts):
    """Problems with @res, a boot in @mode, against its declaration."""
    out = res.output
    announce = f"boot mode {mode['param']}={mode['name']}: {mode['what']}\n"
    start = out.find(announce)
    problems = []
    if mode["end"] == "returns":
        if res.status != qemu.EXIT_SUCCESS:
            problems.append(res.describe())
    elif res.status != qemu.EXIT_FAILURE:
        problems.append(f"{res.describe()}, not a failure")
    if start < 0:
        return problems + ["the mode never started"]
    report = out[start + len(announce):]
    lines = report.splitlines()
    addr = address(report)
    found, at = find_in_order(lines, mode["report"], addr)
    problems += found
    if mode["end"] == "returns":
        if "Kernel initialized" not in report:
            problems.append("the kernel did not go on")
    else:
        want = PANIC + (mode["panic"] or "")
        if not any(ln.startswith(want) for ln in lines[at:]):
            problems.append(f"no panic {want!r}" + (" after the report" if at else ""))
        if "Kernel initialized" in report or "the kernel went on" in report:
            problems.append("the kernel went on")
    if mode["counted"]:
        if f"boot mode {mode['param']}={mode['name']}: 1 reported\n" not in report:
            problems.append("not counted exactly once")
        first = pattern(mode["report"][0], addr) if mode["report"] else None
        if first and sum(1 for ln in lines if first.search(ln)) > 1:
            problems.append(f"{mode['report'][0]!r} reported more than once")
    if mode["culprit"] and facts.kallsyms and facts.frame_pointer and \
            not re.search(rf"\] {re.escape(mode['culprit'])}\+0x[0-9a-f]+/0x[0-9a-f]+", report):
        problems.append(f"backtrace does not name {mode['culprit']}")
    deeper = DEEPER.get(mode["param"])
    if deeper:
        problems += deeper(res, mode, facts, report)
    return problems


def address(text):
    """The object address a mode printed (boot_mode_address()), or None."""
    m = ADDRESS.search(text)
    return m.group(1) if m else None


def summary(res, mode):
    """One line for a passing boot: its first report line, or its end."""
    first = pattern(mode["report"][0], address(res.output)) if mode["report"] else None
    line = first and next((ln for ln in res.output.splitlines() if first.search(ln)), None)
    return line.strip() if line else res.describe()
