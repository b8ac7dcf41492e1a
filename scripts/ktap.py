# SPDX-License-Identifier: GPL-2.0
"""A strict KTAP version 1 parser for the test runner.

The kernel's serial output mixes KTAP with ordinary log lines; lines that
are not KTAP are skipped.  Nesting may use any indentation, learned from
the first indented KTAP line (Kestrel indents by 4, Linux's examples by 2);
a KTAP line that does not fit it is an error, never skipped.  Everything KTAP promises is checked: the version
line, a plan at every level, as many results as planned, numbers in order,
and subtests closed by a result of their own.  Anything missing is a
failure with a reason, never a pass.
"""
import re

VERSION_RE = re.compile(r"^KTAP version 1$")
PLAN_RE = re.compile(r"^1\.\.(\d+)$")
RESULT_RE = re.compile(r"^(not ok|ok) (\d+)(?: (.*?))?(?: # (SKIP|TODO)\b ?(.*))?$")


def _is_ktap(stripped):
    """Is this (unindented) line one KTAP gives meaning to?"""
    return bool(VERSION_RE.match(stripped) or PLAN_RE.match(stripped) or
                RESULT_RE.match(stripped) or stripped.startswith("# Subtest: "))


class Test:
    def __init__(self, name="", level=0):
        self.name = name
        self.level = level
        self.plan = None
        self.results = []      # child Tests, in order
        self.ok = None         # from the result line
        self.directive = None  # "SKIP" or "TODO"
        self.reason = ""
        self.diagnostics = []

    def leaves(self):
        """The test cases: results that have no subtests."""
        if not self.results:
            return [self]
        out = []
        for r in self.results:
            out.extend(r.leaves())
        return out


class Report:
    def __init__(self, root, errors):
        self.root = root
        self.errors = errors

    @property
    def cases(self):
        return self.root.leaves() if self.root and self.root.results else []

    @property
    def passed(self):
        return [c for c in self.cases if c.ok and c.directive != "SKIP"]

    @property
    def failed(self):
        return [c for c in self.cases if not c.ok]

    @property
    def skipped(self):
        return [c for c in self.cases if c.ok and c.directive == "SKIP"]

    @property
    def ok(self):
        return not self.errors and not self.failed

    def summary(self):
        return (f"{len(self.passed)} passed, {len(self.failed)} failed, "
                f"{len(self.skipped)} skipped")


def _check_plan(test, errors):
    label = test.name or "top level"
    if test.plan is None:
        errors.append(f"{label}: no plan line (1..N)")
        return
    if len(test.results) != test.plan:
        errors.append(f"{label}: planned {test.plan} results, got {len(test.results)}")


def parse(text):
    """Parse the KTAP in @text; returns a Report."""
    errors = []
    stack = []
    root = None
    pending = None     # a subtest whose version line appeared at level n+1
    unit = None        # spaces per level: from the first indented KTAP line
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if indent and root is not None and _is_ktap(stripped):
            unit = unit or indent
            if indent % unit:
                errors.append(f"line {number}: indented by {indent} spaces, not a multiple "
                              f"of the {unit} that nesting uses: {stripped!r}")
                continue
        elif indent and not (unit and stripped.startswith("# ") and indent % unit == 0):
            continue        # an ordinary log line that happens to be indented
        level = indent // unit if indent else 0
        if VERSION_RE.match(stripped):
            if root is None and level == 0:
                root = Test(level=0)
                stack = [root]
            elif root is not None and level == len(stack):
                pending = Test(level=level)
                stack.append(pending)
            continue
        if root is None:
            continue
        if stripped.startswith("Bail out!"):
            errors.append(f"bail out: {stripped[9:].strip()}")
            continue
        if level >= len(stack):
            continue
        current = stack[level]
        m = PLAN_RE.match(stripped)
        if m:
            if current.plan is None:
                current.plan = int(m.group(1))
            continue
        if stripped.startswith("# "):
            if stripped.startswith("# Subtest: "):
                current.name = stripped[len("# Subtest: "):]
            else:
                current.diagnostics.append(stripped[2:])
            continue
        m = RESULT_RE.match(stripped)
        if not m:
            continue
        # A result at this level closes any deeper subtest.
        child = stack[level + 1] if len(stack) > level + 1 else Test(level=level + 1)
        del stack[level + 1:]
        child.ok = m.group(1) == "ok"
        child.name = m.group(3) or child.name
        child.directive = m.group(4)
        child.reason = (m.group(5) or "").strip()
        number = int(m.group(2))
        if number != len(current.results) + 1:
            errors.append(f"{current.name or 'top level'}: result {number} out of order")
        if child.results:
            _check_plan(child, errors)
            if child.ok and any(not r.ok for r in child.results):
                errors.append(f"{child.name}: reported ok, but a case failed")
        current.results.append(child)
    if root is None:
        errors.append("no KTAP output (no 'KTAP version 1' line)")
        return Report(None, errors)
    if len(stack) > 1:
        errors.append(f"{stack[-1].name or 'a subtest'}: output ends inside it")
    _check_plan(root, errors)
    return Report(root, errors)
