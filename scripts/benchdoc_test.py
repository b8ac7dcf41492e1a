#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Unit tests of scripts/benchdoc.py: a new make bench output replaces
every quoted paragraph whole, and a run not fit to quote changes
nothing.  Run by "make test"."""
import sys
import unittest

import benchdoc

PAGE = """\
# Benchmarks

```
make bench: tree 0123456789ab; gcc 12.2.0; 2 CPUs
```

Text between.

```
clean build, x86_64_defconfig, -j2:    3.49 s (median of 3), 129 tool commands
null rebuild:                         0.026 s (median of 5), 0 tool commands
```

```c
int not_output = 1;
```

```
Scheduler, instructions (-icount shift=0)
  policy     switch   handoff
  rr         122.00    289.50

Workload, 1 s
  rr              10491
```
"""

OUTPUT = """\
make bench: tree 89abcdef0123; gcc 12.2.0; 2 CPUs

clean build, x86_64_defconfig, -j2:    3.08 s (median of 3), 130 tool commands
null rebuild:                         0.025 s (median of 5), 0 tool commands

Benchmarks the kernel registered: sched
Workload, 1 s
  rr              10490

Scheduler, instructions (-icount shift=0)
  policy     switch   handoff
  rr         121.00    288.50
  new        200.00    300.00
"""


class BenchdocTest(unittest.TestCase):
    def test_every_paragraph_replaced_whole(self):
        new, problems = benchdoc.refresh(PAGE, OUTPUT)
        self.assertEqual(problems, [])
        self.assertIn("make bench: tree 89abcdef0123; gcc 12.2.0; 2 CPUs\n```", new)
        self.assertIn("3.08 s (median of 3), 130 tool commands\nnull rebuild:", new)
        self.assertIn("  rr         121.00    288.50\n  new        200.00    300.00\n\n"
                      "Workload, 1 s\n  rr              10490\n```", new)
        self.assertIn("Text between.", new)
        self.assertIn("int not_output = 1;", new)
        self.assertNotIn("Benchmarks the kernel registered", new)

    def test_same_output_changes_nothing(self):
        once, _ = benchdoc.refresh(PAGE, OUTPUT)
        twice, problems = benchdoc.refresh(once, OUTPUT)
        self.assertEqual((twice, problems), (once, []))

    def refused(self, output, words):
        _, problems = benchdoc.refresh(PAGE, output)
        self.assertTrue(any(words in p for p in problems), problems)

    def test_dirty_tree_refused(self):
        self.refused(OUTPUT.replace("89abcdef0123;", "89abcdef0123-dirty;"), "with changes")

    def test_no_stamp_refused(self):
        self.refused(OUTPUT.replace("make bench: tree 89abcdef0123;", "made;"), "no 'make bench")

    def test_failed_figures_refused(self):
        self.refused(OUTPUT.replace("  rr         121.00    288.50", "  rr       FAILED"),
                     "marked FAILED")

    def test_paragraph_the_output_lacks_refused(self):
        self.refused(OUTPUT.replace("Workload, 1 s", "Load, 1 s"), "no paragraph of the output")


if __name__ == "__main__":
    sys.exit(0 if unittest.main(exit=False).result.wasSuccessful() else 1)
