#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Unit tests of the test runner's pieces (scripts/runner.py and the
group selection of scripts/test-kernel): "make test" trusts their verdicts,
so they get tests of their own.  Run: python3 scripts/runner_test.py
"""
import importlib.machinery
import importlib.util
import os
import sys
import tempfile
import unittest
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import runner  # noqa: E402


def load_driver():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "test-kernel")
    loader = importlib.machinery.SourceFileLoader("test_kernel", path)
    spec = importlib.util.spec_from_loader("test_kernel", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


class ResultTest(unittest.TestCase):
    def setUp(self):
        self.lines = []
        self.r = runner.Runner("/src", "/build", only=None, out=self.lines.append)

    def test_counts_and_names_failures(self):
        self.r.result("a", True)
        self.r.result("b", False, "why")
        self.r.result("c", False)
        self.assertEqual((self.r.passed, self.r.failed), (1, 2))
        self.assertEqual(self.r.failures, ["b", "c"])
        self.assertEqual(self.lines, ["ok   a", "FAIL b  (why)", "FAIL c"])

    def test_log_only_on_failure_unless_verbose(self):
        self.r.result("a", True, log="quiet\n")
        self.assertEqual(len(self.lines), 1)
        self.r.result("b", False, log="line 1\nline 2\n")
        self.assertEqual(self.lines[-1], "     | line 1\n     | line 2")
        self.r.verbose = True
        self.r.result("c", True, log="shown")
        self.assertEqual(self.lines[-1], "     | shown")

    def test_log_keeps_the_last_60_lines(self):
        self.r.result("a", False, log="\n".join(str(i) for i in range(100)))
        shown = self.lines[-1].splitlines()
        self.assertEqual((len(shown), shown[0], shown[-1]), (60, "     | 40", "     | 99"))

    def test_not_built_is_a_failure(self):
        self.r.not_built("x")
        self.assertEqual(self.r.failed, 1)


class WantedTest(unittest.TestCase):
    def test_everything_without_patterns(self):
        self.assertTrue(runner.Runner("/s", "/b").wanted("boot: anything"))

    def test_globs(self):
        r = runner.Runner("/s", "/b", only=["fault: *", "boot: x86_64_defconfig"])
        self.assertTrue(r.wanted("fault: debug_defconfig: ud2"))
        self.assertTrue(r.wanted("boot: x86_64_defconfig"))
        self.assertFalse(r.wanted("boot: x86_64_defconfig+mono.config"))
        self.assertFalse(r.wanted("host: host_defconfig: every suite"))


class ConfigTest(unittest.TestCase):
    CONFIG = ('# comment\nCONFIG_A=y\n# CONFIG_B is not set\nCONFIG_S="two words"\n'
              'CONFIG_N=42\nCONFIG_AB=y\n')

    def test_lost_options(self):
        self.assertEqual(runner.lost_options(self.CONFIG, {"A": "y", "B": "n"}), [])
        self.assertEqual(runner.lost_options(self.CONFIG, {"A": "n", "B": "y", "C": "y"}),
                         ["A", "B", "C"])
        # A symbol is not mistaken for another that starts with its name.
        self.assertEqual(runner.lost_options("CONFIG_AB=y\n", {"A": "y"}), ["A"])

    def test_config_value(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, ".config"), "w", encoding="utf-8") as f:
                f.write(self.CONFIG)
            r = runner.Runner("/s", "/b")
            self.assertEqual(r.config_value(d, "CONFIG_S"), "two words")
            self.assertEqual(r.config_value(d, "CONFIG_N"), "42")
            self.assertEqual(r.config_value(d, "CONFIG_A"), "y")
            self.assertIsNone(r.config_value(d, "CONFIG_B"))


class BugBootTest(unittest.TestCase):
    def test_counted_and_survived(self):
        ok = "BUG x\nktest: slab bug x: 1 reported\nKernel initialized\n"
        self.assertEqual(runner.bug_counted_and_survived(ok, "ktest: slab bug x: 1 reported"),
                         [])
        twice = ok.replace(": 1 reported", ": 2 reported")
        self.assertEqual(runner.bug_counted_and_survived(twice, "ktest: slab bug x: 1 reported"),
                         ["not counted exactly once"])
        hung = "ktest: slab bug x: 1 reported\n"
        self.assertEqual(runner.bug_counted_and_survived(hung, "ktest: slab bug x: 1 reported"),
                         ["the kernel did not go on"])


class MakeAndBootTest(unittest.TestCase):
    def test_make_raises_with_the_log(self):
        done = mock.Mock(returncode=2, stdout="boom\n")
        with mock.patch("subprocess.run", return_value=done) as run:
            with self.assertRaises(runner.BuildError) as e:
                runner.Runner("/src", "/b").make("/out", "all", arch="host")
        self.assertEqual((e.exception.step, e.exception.log), ("all", "boom\n"))
        cmd = run.call_args[0][0]
        self.assertEqual(cmd[:4], ["make", "-C", "/src", "O=/out"])
        self.assertEqual(cmd[-2:], ["ARCH=host", "all"])
        self.assertNotIn("MAKEFLAGS", run.call_args[1]["env"])

    def test_boot_defaults(self):
        with mock.patch("qemu.boot") as boot:
            runner.Runner("/s", "/b").boot("/out")
            boot.assert_called_once_with("/out/kernel.iso", cmdline="qemu_exit",
                                         timeout=runner.BOOT_TIMEOUT)
            runner.Runner("/s", "/b").boot("/out", cmdline=None, extra=["-m", "2G"])
            self.assertEqual(boot.call_args[1]["cmdline"], None)
            self.assertEqual(boot.call_args[1]["extra"], ["-m", "2G"])


class DeadHostProgramTest(unittest.TestCase):
    """The host group names the case a dying program was running
    (hosttests.program_problems), here with a program that prints the
    KTAP of one suite and the start of the next, then kills itself."""
    PROGRAM = """#!/bin/sh
if [ "$1" = --list ]; then
    printf 'glob.glob_table\\nstring.memcpy_copies\\nstring.memset_fills\\n'
    exit 0
fi
printf 'KTAP version 1\\n1..2\\n    KTAP version 1\\n    # Subtest: glob\\n    1..1\\n'
printf '    ok 1 glob_table\\nok 1 glob\\n    KTAP version 1\\n    # Subtest: string\\n'
printf '    1..2\\n    ok 1 memcpy_copies\\n'
kill -ABRT $$
"""

    def test_the_case_that_died_is_named(self):
        import hosttests
        with tempfile.TemporaryDirectory() as d:
            program = os.path.join(d, "ktest-host")
            with open(program, "w", encoding="utf-8") as f:
                f.write(self.PROGRAM)
            os.chmod(program, 0o755)
            problems, report, _ = hosttests.program_problems(runner.Runner("/s", "/b"),
                                                             program, "*")
        self.assertEqual(problems[0], "died in case string.memset_fills")
        self.assertIn("exit status -6", problems)
        self.assertEqual([c.name for c in report.passed], ["glob_table"])
        self.assertEqual([c.name for c in report.unfinished[-1].results], ["memcpy_copies"])

    def test_running_case(self):
        import hosttests
        import ktap
        listing = "a.one\nab.two\nab.three\n"
        head = "KTAP version 1\n1..2\n    KTAP version 1\n    # Subtest: ab\n    1..2\n"
        self.assertEqual(hosttests.running_case(listing, ktap.parse(head)), "ab.two")
        self.assertEqual(hosttests.running_case(listing, ktap.parse(head + "    ok 1 two\n")),
                         "ab.three")
        self.assertEqual(hosttests.running_case(listing, ktap.parse(
            head + "    ok 1 two\n    ok 2 three\n")), "ab, after its last case")
        self.assertIsNone(hosttests.running_case(listing, ktap.parse("KTAP version 1\n1..0\n")))


class GroupTest(unittest.TestCase):
    driver = load_driver()

    def test_every_group_by_default_in_order(self):
        self.assertEqual(self.driver.parse_groups(""), list(self.driver.GROUP_ORDER))

    def test_selection_keeps_run_order(self):
        self.assertEqual(self.driver.parse_groups("slab, fault host"),
                         ["host", "fault", "slab"])

    def test_unknown_group(self):
        with self.assertRaises(ValueError) as e:
            self.driver.parse_groups("fault,nosuch")
        self.assertIn("no group nosuch", str(e.exception))

    def test_needed_builds(self):
        self.assertEqual(self.driver.needed_builds(["boot", "screen"]), [])
        self.assertEqual(self.driver.needed_builds(["host"]), [])
        self.assertEqual(self.driver.needed_builds(["cmdline", "fault"]),
                         ["debug_defconfig", "x86_64_defconfig",
                          "x86_64_defconfig+ktest.config"])

    def test_every_group_is_a_module_with_run(self):
        for name in self.driver.GROUP_ORDER:
            module = importlib.import_module(f"{name}tests")
            self.assertTrue(callable(getattr(module, "run", None)), name)


if __name__ == "__main__":
    unittest.main(verbosity=1)
