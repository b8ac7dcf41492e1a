#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Unit tests of the test runner's pieces (scripts/runner.py and the
group selection of scripts/test-kernel): "make test" trusts their verdicts,
so they get tests of their own.  Run: python3 scripts/runner_test.py
"""
import importlib.machinery
import importlib.util
import os
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bootmodes  # noqa: E402
import qemu  # noqa: E402
import runner  # noqa: E402
import variants  # noqa: E402


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
        r = runner.Runner("/s", "/b", only=["mode: *", "boot: x86_64_defconfig"])
        self.assertTrue(r.wanted("mode: debug_defconfig: ktest.fault=ud"))
        self.assertTrue(r.wanted("boot: x86_64_defconfig"))
        self.assertFalse(r.wanted("boot: x86_64_defconfig+mono.config"))
        self.assertFalse(r.wanted("host: host_defconfig: every suite"))

    def test_wants_any_agrees_with_each_pattern_head(self):
        r = runner.Runner("/s", "/b", only=["mode: debug_defconfig without*"])
        self.assertTrue(r.wants_any("mode: "))
        self.assertTrue(r.wants_any("mode: debug_defconfig without frame pointers: "))
        self.assertFalse(r.wants_any("mode: tiny_defconfig: "))
        self.assertFalse(r.wants_any("boot: "))
        self.assertTrue(runner.Runner("/s", "/b").wants_any("boot: "))


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


class BootModeCheckTest(unittest.TestCase):
    """bootmodes.check() against boots made up to break one rule each."""

    COUNTED = {"param": "ktest.slab_bug", "name": "x", "what": "a bug", "needs": None,
               "end": "returns", "panic": None, "culprit": "x_fn", "at": None, "counted": True,
               "report": ["BUG c: bad {addr}", "INFO: Object {addr} ", "dump {hex}: 41{eol}"]}
    COUNTED_OK = ("boot mode ktest.slab_bug=x: a bug\nboot mode: object at 0xff10\n"
                  "BUG c: bad 0xff10\nINFO: Object 0xff10 size\ndump 00ab: 41\n"
                  "Call Trace:\n [<ffffffff80001000>] x_fn+0x1/0x20\n"
                  "boot mode ktest.slab_bug=x: 1 reported\nKernel initialized\n")
    PANICS = {"param": "ktest.sched_bug", "name": "y", "what": "a misuse", "needs": None,
              "end": "panics", "panic": "it went wrong", "culprit": None, "at": None,
              "counted": False, "report": ["BUG: first", "second"]}
    PANICS_OK = ("boot mode ktest.sched_bug=y: a misuse\nBUG: first, second\n"
                 "Kernel panic - not syncing: it went wrong here\n")

    def check(self, mode, output, status, fp=True):
        res = qemu.BootResult(status, output, False, 1.0)
        facts = mock.Mock(kallsyms=True, frame_pointer=fp)
        return bootmodes.check(res, mode, facts)

    def test_a_boot_that_does_what_it_declared_passes(self):
        self.assertEqual(self.check(self.COUNTED, self.COUNTED_OK, qemu.EXIT_SUCCESS), [])
        self.assertEqual(self.check(self.PANICS, self.PANICS_OK, qemu.EXIT_FAILURE), [])

    def test_each_broken_rule_is_named(self):
        ok = self.COUNTED_OK
        cases = [
            (ok, qemu.EXIT_FAILURE, "QEMU exit status"),
            (ok.replace("boot mode ktest.slab_bug=x: a bug\n", ""), qemu.EXIT_SUCCESS,
             "the mode never started"),
            (ok.replace(": 1 reported", ": 2 reported"), qemu.EXIT_SUCCESS,
             "not counted exactly once"),
            (ok.replace("Kernel initialized\n", ""), qemu.EXIT_SUCCESS,
             "the kernel did not go on"),
            (ok.replace("INFO: Object 0xff10", "INFO: Object 0xff18"), qemu.EXIT_SUCCESS,
             "no 'INFO: Object {addr} '"),
            (ok.replace("boot mode: object at 0xff10\n", ""), qemu.EXIT_SUCCESS,
             "no 'boot mode: object at' line"),
            (ok.replace("dump 00ab: 41", "dump 00ab: 41 42"), qemu.EXIT_SUCCESS,
             "no 'dump {hex}: 41{eol}'"),
            (ok.replace("x_fn+0x1", "y_fn+0x1"), qemu.EXIT_SUCCESS,
             "backtrace does not name x_fn"),
            (ok.replace("Call Trace", "BUG c: bad 0xff10\nCall Trace"), qemu.EXIT_SUCCESS,
             "reported more than once"),
            # the dump before the object line: out of order
            (ok.replace("INFO: Object 0xff10 size\ndump 00ab: 41\n",
                        "dump 00ab: 41\nINFO: Object 0xff10 size\n"), qemu.EXIT_SUCCESS,
             "after the line before"),
        ]
        for output, status, problem in cases:
            problems = self.check(self.COUNTED, output, status)
            self.assertTrue(any(problem in p for p in problems), (problem, problems))

    def test_a_backtrace_needs_frame_pointers_to_be_checked(self):
        broken = self.COUNTED_OK.replace("x_fn+0x1", "y_fn+0x1")
        self.assertEqual(self.check(self.COUNTED, broken, qemu.EXIT_SUCCESS, fp=False), [])

    def test_a_panic_mode_must_panic_as_declared_after_its_report(self):
        ok = self.PANICS_OK
        cases = [
            (ok, qemu.EXIT_SUCCESS, "not a failure"),
            (ok.replace("it went wrong", "something else"), qemu.EXIT_FAILURE,
             "no panic 'Kernel panic - not syncing: it went wrong'"),
            (ok.replace("BUG: first, second\n", "") + "BUG: first, second\n",
             qemu.EXIT_FAILURE, "after the report"),
            (ok.replace("BUG: first, second", "second\nBUG: first"), qemu.EXIT_FAILURE,
             "no 'second' after the line before"),
            (ok + "Kernel initialized\n", qemu.EXIT_FAILURE, "the kernel went on"),
        ]
        for output, status, problem in cases:
            problems = self.check(self.PANICS, output, status)
            self.assertTrue(any(problem in p for p in problems), (problem, problems))


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
    groups = driver.find_groups()

    def test_every_group_is_found_in_its_order(self):
        self.assertEqual(list(self.groups)[:3], ["host", "build", "boot"])
        self.assertEqual(list(self.groups)[-1], "defconfig")
        self.assertIn("mode", self.groups)
        orders = [m.ORDER for m in self.groups.values()]
        self.assertEqual(len(set(orders)), len(orders), "two groups share an ORDER")

    def test_every_group_by_default_in_order(self):
        self.assertEqual(self.driver.parse_groups("", self.groups), list(self.groups))

    def test_selection_keeps_run_order(self):
        self.assertEqual(self.driver.parse_groups("ubsan, mode host", self.groups),
                         ["host", "mode", "ubsan"])

    def test_unknown_group(self):
        with self.assertRaises(ValueError) as e:
            self.driver.parse_groups("mode,nosuch", self.groups)
        self.assertIn("no group nosuch", str(e.exception))

    def test_every_group_runs_and_says_what_it_does(self):
        for name, module in self.groups.items():
            self.assertTrue(callable(getattr(module, "run", None)), name)
            self.assertTrue(module.SUMMARY.strip(), name)
            self.assertIn(f"  {name} ", self.driver.describe(self.groups))


class ConfigCacheTest(unittest.TestCase):
    """A configuration is built once, by whichever group asks first."""

    def test_a_name_spells_targets_options_and_make_variables(self):
        self.assertEqual(runner.split_config("a_defconfig+b.config+CONFIG_X=n+CONFIG_Y=y LLVM=1"),
                         (["a_defconfig", "b.config"], {"X": "n", "Y": "y"}, ["LLVM=1"]))
        self.assertEqual(runner.split_config("allyesconfig"), (["allyesconfig"], {}, []))

    def test_built_once_and_failure_reported_once(self):
        r = runner.Runner("/s", "/b", out=lambda text: None)
        built = []

        def configure(name, how, *args, **kwargs):
            built.append((name, how))
            if "broken" in name:
                raise runner.BuildError("x86_64_defconfig", "no such fragment")
            return f"/b/{name}", ""
        with mock.patch.object(r, "configure", side_effect=configure), \
                mock.patch.object(r, "build") as build:
            self.assertEqual(r.config("x86_64_defconfig"), "/b/x86_64_defconfig")
            self.assertEqual(r.config("x86_64_defconfig"), "/b/x86_64_defconfig")
            self.assertEqual(r.config("debug_defconfig LLVM=1"), "/b/debug_defconfig-LLVM-1")
            self.assertIsNone(r.config("broken_defconfig"))
            self.assertIsNone(r.config("broken_defconfig"))
            self.assertIsNone(r.built_for("label", "broken_defconfig"))
        self.assertEqual(built, [("x86_64_defconfig", ["x86_64_defconfig"]),
                                 ("debug_defconfig-LLVM-1", ["debug_defconfig"]),
                                 ("broken_defconfig", ["broken_defconfig"])])
        self.assertEqual(build.call_args_list[1], mock.call("/b/debug_defconfig-LLVM-1",
                                                            make_vars=["LLVM=1"]))
        self.assertEqual(r.failures, ["build: broken_defconfig builds", "label"])

    def test_combined_configurations_build_from_the_nearest(self):
        """A combined configuration starts from a copy of the built tree
        whose .config is nearest (with the same make variables), gets its
        own configuration files, and is moved to its own directory; the
        same configuration files are the same build."""
        with tempfile.TemporaryDirectory() as tmp:
            r = runner.Runner("/s", tmp, out=lambda text: None)
            work = os.path.join(tmp, runner.INCREMENTAL_DIR)
            builds = []

            def configure(name, how, options=None, **kwargs):
                os.makedirs(work, exist_ok=True)
                lines = sorted({"CONFIG_A=y", "CONFIG_B=y", "CONFIG_C=y"} |
                               {f"CONFIG_{p.split('.')[0].upper()}=y" for p in how[1:]})
                for f in runner.CONFIG_FILES:
                    with open(os.path.join(work, f), "w", encoding="utf-8") as fh:
                        fh.write("\n".join(lines + [f"# {f}", "+".join(how)]) + "\n")
                return work, ""

            def build(outdir, make_vars=(), name=None):
                with open(os.path.join(outdir, ".config"), encoding="utf-8") as f:
                    config = f.read()
                seeded = os.listdir(outdir)
                builds.append((config.split()[-1], sorted(x for x in seeded if x.startswith("o-")),
                               make_vars))
                with open(os.path.join(outdir, "o-" + config.split()[-1]), "w"):
                    pass
            with mock.patch.object(r, "configure", side_effect=configure), \
                    mock.patch.object(r, "build", side_effect=build):
                a = r.config("d_defconfig+x.config")
                ab = r.config("d_defconfig+x.config+y.config")
                r.config("d_defconfig+z.config")
                llvm = r.config("d_defconfig+x.config LLVM=1")
                again = r.build_config("d_defconfig+x.config")
            self.assertEqual(a, os.path.join(tmp, "d_defconfig+x.config"))
            self.assertEqual(ab, os.path.join(tmp, "d_defconfig+x.config+y.config"))
            self.assertEqual((again, llvm), (a, os.path.join(tmp, "d_defconfig+x.config-LLVM-1")))
            self.assertFalse(os.path.exists(work))
            self.assertEqual(builds, [
                ("d_defconfig+x.config", [], []),
                ("d_defconfig+x.config+y.config", ["o-d_defconfig+x.config"], []),
                # Nearer to x (one symbol apart) than to x+y (two).
                ("d_defconfig+z.config", ["o-d_defconfig+x.config"], []),
                ("d_defconfig+x.config", [], ["LLVM=1"])])
            with open(os.path.join(ab, ".config"), encoding="utf-8") as f:
                self.assertIn("CONFIG_Y=y", f.read())

    def test_config_distance(self):
        self.assertEqual(runner.config_distance("A=y\nB=y\n", "A=y\nB=y\n"), 0)
        self.assertEqual(runner.config_distance("A=y\nB=y\n", "A=y\nB=n\n"), 2)
        self.assertEqual(runner.config_distance("A=y\n", "A=y\nC=y\n"), 1)


class SideBySideTest(unittest.TestCase):
    def test_results_in_the_order_of_the_jobs(self):
        lines = []
        r = runner.Runner("/s", "/b", out=lines.append)
        first_may_end = threading.Event()

        def first():
            first_may_end.wait(5)
            r.result("first a", True)
            r.result("first b", False, "why")

        def second():
            r.result("second", True)
            first_may_end.set()
        r.side_by_side([first, second, lambda: r.result("third", True)])
        self.assertEqual(lines, ["ok   first a", "FAIL first b  (why)", "ok   second",
                                 "ok   third"])
        self.assertEqual((r.passed, r.failed, r.failures), (3, 1, ["first b"]))
        r.result("after", True)
        self.assertEqual(lines[-1], "ok   after")


class TimingSummaryTest(unittest.TestCase):
    def test_counts_totals_and_the_longest_first(self):
        r = runner.Runner("/s", "/b", out=lambda text: None)
        self.assertEqual(r.timing_summary(), [])
        r.timings += [("build", "a", 2.0), ("boot", "a qemu_exit", 1.0), ("build", "b", 5.0),
                      ("build", "c", 1.0)]
        self.assertEqual(r.timing_summary(slowest=2), [
            "# 3 builds, 8 s in all; the longest: b 5.0 s, a 2.0 s",
            "# 1 boots, 1 s in all, side by side at times; the longest: a qemu_exit 1.0 s"])


class VariantsTest(unittest.TestCase):
    """A design is listed by its Kconfig choice alone."""

    KCONFIG = ('choice\n\tprompt "Kernel heap"\n\tdefault HEAP_SLAB\n\thelp\n\t  Pick.\n\n'
               'config HEAP_SLAB\n\tbool "Slab"\n\nconfig HEAP_LINKED_LIST\n\tbool "List"\n\n'
               'config HEAP_NEW\n\tdepends on X86\n\tbool "A new one"\n\thelp\n\t  New.\n\n'
               'config HEAP_TLSF\n\tbool\n\tprompt "Two-level"\n\nendchoice\n')

    def test_a_new_option_is_a_variant_with_or_without_a_fragment(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "mm"))
            os.makedirs(os.path.join(d, "configs", "fragments"))
            with open(os.path.join(d, "mm", "Kconfig"), "w", encoding="utf-8") as f:
                f.write(self.KCONFIG)
            for name, text in (("heap-linked-list.config", "CONFIG_HEAP_LINKED_LIST=y\n"),
                               ("two.config", "CONFIG_HEAP_NEW=y\nCONFIG_HZ=1000\n")):
                with open(os.path.join(d, "configs", "fragments", name), "w",
                          encoding="utf-8") as f:
                    f.write(text)
            c = variants.choice(d, "HEAP_LINKED_LIST")
        self.assertEqual(c.prompt, "Kernel heap")
        self.assertEqual([v.name for v in c.variants], ["slab", "linked-list", "new", "tlsf"])
        self.assertEqual([v.prompt for v in c.variants], ["Slab", "List", "A new one", "Two-level"])
        self.assertEqual(c.default.symbol, "HEAP_SLAB")
        self.assertEqual([v.symbol for v in c.others()],
                         ["HEAP_LINKED_LIST", "HEAP_NEW", "HEAP_TLSF"])
        self.assertEqual(c.others()[0].config_name("a_defconfig"),
                         "a_defconfig+heap-linked-list.config")
        # two.config sets more than the option: it is not the option's fragment
        self.assertEqual(c.others()[1].config_name("a_defconfig"),
                         "a_defconfig+CONFIG_HEAP_NEW=y")
        with self.assertRaises(KeyError):
            variants.choice(d, "NO_SUCH")

    def test_the_tree_has_its_four_design_choices(self):
        srctree = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        names = [[v.name for v in c.variants] for c in variants.designs(srctree)]
        self.assertIn("slab", names[1])
        self.assertIn("fair", names[2])
        self.assertEqual(names[3], ["tas", "ticket", "mcs"])


class WaitWhileTalkingTest(unittest.TestCase):
    """A boot times out on silence, not on a slow guest that keeps printing."""

    class Proc:
        def __init__(self, runs_for):
            self.end = time.monotonic() + runs_for
            self.args = ["qemu"]

        def poll(self):
            return 0 if time.monotonic() > self.end else None

    def test_a_talking_guest_may_take_longer_than_the_timeout(self):
        chunks, proc = [], self.Proc(0.6)
        talker = threading.Thread(target=lambda: [chunks.append(b"x") or time.sleep(0.05)
                                                  for _ in range(14)])
        talker.start()
        qemu.wait_while_talking(proc, chunks, 0.3)
        talker.join()

    def test_silence_times_out(self):
        with self.assertRaises(subprocess.TimeoutExpired):
            qemu.wait_while_talking(self.Proc(5), [], 0.2)

    def test_endless_talk_times_out_at_the_cap(self):
        chunks, proc = [], self.Proc(60)
        stop = threading.Event()

        def talk():
            while not stop.is_set():
                chunks.append(b"x")
                time.sleep(0.01)
        talker = threading.Thread(target=talk)
        talker.start()
        try:
            with self.assertRaises(subprocess.TimeoutExpired):
                qemu.wait_while_talking(proc, chunks, 0.05)
        finally:
            stop.set()
            talker.join()


class SessionWaitTest(unittest.TestCase):
    """Session.wait_for_after(idle=True) waits while the guest prints, but
    not for ever: a guest that prints without end, never the pattern, is
    stuck, as wait_while_talking() says.  The clock is a fake one that each
    sleep moves on, and each sleep the guest prints a byte."""

    class Clock:
        def __init__(self, chunks, stop_after):
            self.now, self.chunks, self.sleeps, self.stop_after = 0.0, chunks, 0, stop_after

        def monotonic(self):
            return self.now

        def sleep(self, seconds):
            self.now += seconds
            self.sleeps += 1
            if self.sleeps > self.stop_after:
                raise AssertionError(f"still waiting after {self.now:.0f} s of talk")
            self.chunks.append(b".")

    def wait(self, pattern, stop_after):
        chunks = []
        clock = self.Clock(chunks, stop_after)
        session = qemu.Session(None, chunks, "/nonexistent", None)
        with mock.patch.object(qemu, "time", clock):
            m = session.wait_for_after(0, pattern, timeout=1.0, idle=True)
        return m, clock.now

    def test_talk_outlasts_the_timeout(self):
        m, now = self.wait(r"\.{200}", 10000)
        self.assertIsNotNone(m)
        self.assertGreater(now, 1.0)

    def test_endless_talk_ends_at_the_cap(self):
        m, now = self.wait("never", 10000)
        self.assertIsNone(m)
        self.assertLessEqual(now, qemu.TALKING_CAP * 1.0 + 0.1)


if __name__ == "__main__":
    unittest.main(verbosity=1)
