# SPDX-License-Identifier: GPL-2.0
"""A strict KTAP version 1 parser for the test runner.

The kernel's serial output mixes KTAP with ordinary log lines; lines that
are not KTAP are skipped.  Nesting may use any indentation of spaces or
tabs, learned from the first indented KTAP line (Kestrel indents by 4
spaces, the KTAP spec's examples by 2, older KUnit by a tab); a KTAP line
that does not fit it, or that is nested deeper than any open subtest, is
an error, never skipped.  Everything KTAP promises is checked: the version
line, a plan at every level, as many results as planned, numbers in order,
and subtests closed by a result of their own.  A subtest with no results
at all is an error, as in Linux's kunit_parser.py ("0 tests run!").
Anything missing is a failure with a reason, never a pass.
"""
import re

VERSION_RE = re.compile(r"^KTAP version 1$")
PLAN_RE = re.compile(r"^1\.\.(\d+)$")
RESULT_RE = re.compile(r"^(not ok|ok) (\d+)(?: (.*?))?(?: # (SKIP|TODO)\b ?(.*))?$")
SUBTEST = "# Subtest: "


def _is_ktap(stripped):
    """Is this (unindented) line one KTAP gives meaning to?"""
    return bool(VERSION_RE.match(stripped) or PLAN_RE.match(stripped) or
                RESULT_RE.match(stripped) or stripped.startswith(SUBTEST))


def _describe(indent):
    """'4 spaces', '1 tab' or, for a mix, the characters themselves."""
    for char, word in ((" ", "space"), ("\t", "tab")):
        if indent == char * len(indent):
            return f"{len(indent)} {word}{'s' if len(indent) > 1 else ''}"
    return repr(indent)


def _level(indent, unit):
    """How many @unit deep @indent is; None if it is not a whole number of them."""
    if not indent:
        return 0
    if not unit:
        return None
    n = len(indent) // len(unit)
    return n if indent == unit * n else None


class Test:
    def __init__(self, name="", level=0, subtest=False):
        self.name = name
        self.level = level
        self.subtest = subtest  # opened by a version or "# Subtest:" line: has cases
        self.plan = None
        self.results = []      # child Tests, in order
        self.ok = None         # from the result line
        self.directive = None  # "SKIP" or "TODO"
        self.reason = ""
        self.diagnostics = []

    def leaves(self):
        """The test cases: results that have no subtests.  A subtest
        that ran none has no cases (and is an error of its own)."""
        if not self.results:
            return [] if self.subtest else [self]
        out = []
        for r in self.results:
            out.extend(r.leaves())
        return out


class Report:
    def __init__(self, root, errors, unfinished=()):
        self.root = root
        self.errors = errors
        # The subtests still open where the output ended, outermost
        # first: a program that died was running case
        # len(unfinished[-1].results) + 1 of the last.
        self.unfinished = list(unfinished)

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
    elif len(test.results) != test.plan:
        errors.append(f"{label}: planned {test.plan} results, got {len(test.results)}")
    if not test.results and test.directive != "SKIP":
        errors.append(f"{label}: 0 tests run")   # a skipped subtest may run none


def _close(stack, level, errors):
    """A result at @level: the subtest it closes (or a new case), and an
    error for every deeper subtest that never got a result of its own."""
    for orphan in stack[level + 2:]:
        errors.append(f"{orphan.name or 'a subtest'}: no result line")
    child = stack[level + 1] if len(stack) > level + 1 else Test(level=level + 1)
    del stack[level + 1:]
    return child


def parse(text):
    """Parse the KTAP in @text; returns a Report."""
    errors = []
    stack = []
    root = None
    unit = None        # the indentation of one level: from the first indented KTAP line
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        stripped = line.lstrip(" \t")
        indent = line[:len(line) - len(stripped)]
        is_ktap = _is_ktap(stripped)
        if indent and root is not None and is_ktap:
            unit = unit or indent
            level = _level(indent, unit)
            if level is None:
                errors.append(f"line {number}: indented by {_describe(indent)}, not a multiple "
                              f"of the {_describe(unit)} that nesting uses: {stripped!r}")
                continue
        else:
            level = _level(indent, unit)
            if level is None or (indent and not stripped.startswith("# ")):
                continue    # an ordinary log line that happens to be indented
        if root is None:
            if VERSION_RE.match(stripped) and level == 0:
                root = Test(level=0, subtest=True)
                stack = [root]
            continue
        if stripped.startswith("Bail out!"):
            errors.append(f"bail out: {stripped[9:].strip()}")
            continue
        opens = VERSION_RE.match(stripped) or (stripped.startswith(SUBTEST) and
                                               level == len(stack))
        if opens and level == len(stack):
            stack.append(Test(level=level, subtest=True))
        elif level >= len(stack):
            if is_ktap:
                errors.append(f"line {number}: nested deeper than any open subtest: "
                              f"{stripped!r}")
            continue
        elif VERSION_RE.match(stripped):
            errors.append(f"line {number}: a second 'KTAP version 1' at the top level"
                          if level == 0 else
                          f"line {number}: a subtest starts inside "
                          f"{stack[level].name or 'a subtest'}, which has no result line")
            continue
        if VERSION_RE.match(stripped):
            continue
        current = stack[level]
        m = PLAN_RE.match(stripped)
        if m:
            if current.plan is None:
                current.plan = int(m.group(1))
            else:
                errors.append(f"{current.name or 'top level'}: a second plan line "
                              f"({stripped})")
            continue
        if stripped.startswith("# "):
            if stripped.startswith(SUBTEST):
                current.name = stripped[len(SUBTEST):]
            else:
                current.diagnostics.append(stripped[2:])
            continue
        m = RESULT_RE.match(stripped)
        if not m:
            continue
        child = _close(stack, level, errors)
        child.ok = m.group(1) == "ok"
        child.name = m.group(3) or child.name
        child.directive = m.group(4)
        child.reason = (m.group(5) or "").strip()
        if int(m.group(2)) != len(current.results) + 1:
            errors.append(f"{current.name or 'top level'}: result {m.group(2)} out of order")
        if child.subtest:
            _check_plan(child, errors)
            if child.ok and any(not r.ok for r in child.results):
                errors.append(f"{child.name}: reported ok, but a case failed")
            if not child.ok and child.results and all(r.ok for r in child.results):
                errors.append(f"{child.name}: reported not ok, but every case passed")
        current.results.append(child)
    if root is None:
        errors.append("no KTAP output (no 'KTAP version 1' line)")
        return Report(None, errors)
    if len(stack) > 1:
        errors.append(f"{stack[-1].name or 'a subtest'}: output ends inside it")
    _check_plan(root, errors)
    return Report(root, errors, stack[1:])
