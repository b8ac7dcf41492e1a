#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Unit tests of scripts/doccheck.py: each thing it promises to find in
the documentation, planted in a small tree, must be found, and a tree
without it must pass.  Run by "make test"."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import doccheck

BENCH = """\
# Benchmarks

```
make bench: tree 0123456789ab; gcc 12; 2 CPUs
```

```
clean build, x86_64_defconfig, -j2:    3.08 s (median of 3), 129 tool commands
toggle CONFIG_VGA_COLORS:              0.56 s, 2 object(s) rebuilt: a.o b.o; 13 tool commands
QEMU start to exit, debug_defconfig, KTAP to the end:  21.57 s (median of 5), 251 KTAP cases
```

```
Scheduler, instructions (-icount shift=0)
  policy     switch  pick@2      pick@16     pick@128    pick@1024   1024/2   handoff       key
  rr         122.00       24.00       24.00       24.00       24.00    1.00    289.50       357
     256    28.37/29.50   2048 pages
```

```c
BOOT_MODE("bench", heap, "not a figure: 99.25");
```
"""

CMDLINE = """\
# Kernel command line

| parameter | effect | declared in |
|---|---|---|
| `loglevel=N` | the level | `kernel/printk.c` |
| `quiet` | quiet | `kernel/printk.c` |
"""

TESTING = """\
# Testing

| group | what it runs |
|---|---|
| `host` | the host program |
| `boot` | the boots |

`make test GROUP=host` (or any of `host boot`, separated by commas) runs
"""

PRINTK = """\
kernel_param("loglevel", set_loglevel);
kernel_param("quiet", set_quiet);
"""


class DoccheckTest(unittest.TestCase):
    def setUp(self):
        self.tree = tempfile.mkdtemp(prefix="doccheck-test-")
        self.write("Kconfig", "config FOO\n\tbool\nconfig VGA_COLORS\n\tbool\n")
        self.write("README.md", "# Kestrel\n\n`CONFIG_FOO` and `kernel/printk.c`.\n")
        self.write("kernel/printk.c", PRINTK)
        self.write(doccheck.BENCH_DOC, BENCH)
        self.write(doccheck.CMDLINE_DOC, CMDLINE)
        self.write("Documentation/core/tasks.md", "# Tasks\n\nA switch is short.\n")
        self.write(doccheck.TESTING_DOC, TESTING)
        self.write("scripts/hosttests.py", "ORDER = 10\n")
        self.write("scripts/boottests.py", "ORDER = 30\n")

    def tearDown(self):
        shutil.rmtree(self.tree)

    def write(self, path, text):
        path = os.path.join(self.tree, path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def problems(self):
        return doccheck.check(self.tree)

    def assertFound(self, *words):
        found = [p for p in self.problems() if all(w in p for w in words)]
        self.assertTrue(found, f"nothing with {words} in {self.problems()}")

    def test_clean_tree_passes(self):
        self.assertEqual(self.problems(), [])

    def test_unknown_symbol_and_path(self):
        self.write("README.md", "`CONFIG_BAR` and `kernel/nothing.c`.\n")
        self.assertFound("README.md:1", "CONFIG_BAR")
        self.assertFound("README.md:1", "kernel/nothing.c does not exist")

    def test_parameter_missing_from_the_table(self):
        self.write("kernel/tsc.c", 'kernel_param("tsc", set_tsc);\n')
        self.assertFound("parameter tsc", "kernel/tsc.c", "not in the table")

    def test_parameter_nothing_declares(self):
        self.write("kernel/printk.c", 'kernel_param("loglevel", set_loglevel);\n')
        self.assertFound("parameter quiet", "nothing declares it")

    def test_boot_mode_parameter(self):
        self.write("kernel/boot_mode.c", 'BOOT_MODE_PARAM("bench", bench);\n')
        self.assertFound("parameter bench", "not in the table")

    def test_figure_quoted_elsewhere(self):
        self.write("Documentation/core/tasks.md", "Fair's hand-off is 289.50 instructions.\n")
        self.assertFound("tasks.md:1", "quotes 289.50")

    def test_whole_figure_quoted_with_its_unit(self):
        self.write("Documentation/core/tasks.md", "Of round robin's 122 instructions, 15 are\n")
        self.assertFound("tasks.md:1", "quotes 122")

    def test_figures_that_end_a_sentence(self):
        self.write("Documentation/core/tasks.md",
                   "A hand-off costs 289.50. A switch: 9 or 122 instructions.\n")
        self.assertFound("tasks.md:1", "quotes 289.50")
        self.assertFound("tasks.md:1", "quotes 122")

    def test_whole_number_without_a_unit_is_no_figure(self):
        self.write("Documentation/core/tasks.md",
                   "The 122 tasks of a run.\nVectors 32 to 357 are free; the int instruction\n"
                   "Let us look at entry 357.\nA ratio of 1.00 means none.\n")
        self.assertEqual(self.problems(), [])

    def test_short_fraction_is_no_quote(self):
        # 0.56 (two significant digits) is in BENCH; an example's CPU time may have it
        self.write("Documentation/core/tasks.md", "    2 sleeping    0.56    0.0% kworker\n")
        self.assertEqual(self.problems(), [])

    def test_copied_output_line_with_other_figures(self):
        self.write("Documentation/core/tasks.md",
                   "```\n  rr         118.00       23.00       23.00       23.00       23.00"
                   "    1.00    277.50       434\n```\n")
        self.assertFound("tasks.md:2", "a line of make bench's output")

    def test_row_labels_and_powers_of_two_are_no_figures(self):
        self.write("Documentation/core/tasks.md", "256 instructions, 2048 pages.\n")
        self.assertEqual(self.problems(), [])

    def test_code_block_numbers_are_not_figures(self):
        self.write("Documentation/core/tasks.md", "It costs 99.25 of something.\n")
        self.assertEqual(self.problems(), [])

    def test_no_stamp(self):
        self.write(doccheck.BENCH_DOC, BENCH.replace("make bench: tree 0123456789ab", "made"))
        self.assertFound("no 'make bench: tree COMMIT")

    def test_dirty_stamp(self):
        self.write(doccheck.BENCH_DOC, BENCH.replace("0123456789ab", "0123456789ab-dirty"))
        self.assertFound("uncommitted changes")

    def test_group_missing_from_the_table(self):
        self.write("scripts/gdbtests.py", "ORDER = 90\n")
        self.assertFound("its table of groups are host boot", "runs host boot gdb")
        self.assertFound("the groups GROUP= takes are host boot", "runs host boot gdb")

    def test_groups_out_of_order(self):
        self.write("scripts/boottests.py", "ORDER = 5\n")
        self.assertFound("its table of groups are host boot", "runs boot host")

    def test_stamp_names_a_commit_of_the_history(self):
        if not shutil.which("git"):
            self.skipTest("no git: the check needs a checkout, which needs git")

        def git(*args):
            return subprocess.run(["git", "-C", self.tree, "-c", "user.name=t", "-c",
                                   "user.email=t@t", *args], check=True, text=True,
                                  stdout=subprocess.PIPE).stdout.strip()
        git("init", "-q")
        git("add", ".")
        git("commit", "-qm", "tree")
        self.assertFound("commit 0123456789ab, which this history does not have")
        self.write(doccheck.BENCH_DOC, BENCH.replace("0123456789ab", git("rev-parse", "HEAD")))
        self.assertEqual(self.problems(), [])

    def test_toggle_count_disagrees(self):
        self.write(doccheck.BENCH_DOC, BENCH.replace("2 object(s)", "3 object(s)"))
        self.assertFound("rebuilds 3 object(s), but names 2")


if __name__ == "__main__":
    sys.exit(0 if unittest.main(exit=False).result.wasSuccessful() else 1)
