# SPDX-License-Identifier: GPL-2.0
"""Failed boots of "make bench", collected instead of ending the script.

A bench script prints every figure it can: a boot that fails is recorded
here (its log saved under the script's build directory) and its figure
marked, and the script goes on.  At its end, report() prints the failures
and appends them to the file named by --failures, which "make bench"
prints once every script has run; the script then exits 1.
"""
import os
import re

import ktap


def failed_cases(output):
    """The KTAP cases of @output that failed, as "suite.case"."""
    report = ktap.parse(output)
    names = []
    for suite in report.root.results if report.root else []:
        if suite.results:
            names += [f"{suite.name}.{c.name}" for c in suite.results if not c.ok]
        elif not suite.ok:
            names.append(suite.name)
    return names


class Failures:
    def __init__(self, script, builddir, path=None):
        self.script = script
        self.logdir = os.path.join(os.path.abspath(builddir), "failed-boots")
        self.path = path
        self.lines = []
        # What the figures came from a boot that failed: to mark them.
        self.verdict = []

    def boot(self, what, res, why=""):
        """Record the boot @res of @what (a configuration and what it was
        for) as failed, @why saying what was wrong if the exit status
        does not; its serial output goes to a log file."""
        os.makedirs(self.logdir, exist_ok=True)
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", what).strip("-")
        log = os.path.join(self.logdir, f"{slug}-{len(self.lines) + 1}.log")
        with open(log, "w", encoding="utf-8") as f:
            f.write(res.output)
        cases = failed_cases(res.output)
        detail = [res.describe()] + ([why] if why else [])
        if cases:
            detail.append(f"failed cases: {', '.join(cases)}")
        self.lines.append(f"{self.script}: {what}: {'; '.join(detail)}; log: {log}")

    def other(self, what, detail):
        """Record a failure that is not a boot (a build, a tool)."""
        self.lines.append(f"{self.script}: {what}: {detail}")

    def report(self):
        """Print the failures and add them to the --failures file; the
        script's exit status."""
        if not self.lines:
            return 0
        print(f"\n{self.script}: {len(self.lines)} failure(s); figures marked FAILED are "
              "missing or come from a failed boot:")
        for line in self.lines:
            print(f"  {line}")
        if self.path:
            with open(self.path, "a", encoding="utf-8") as f:
                f.writelines(line + "\n" for line in self.lines)
        return 1
