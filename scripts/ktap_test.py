#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Unit tests of scripts/ktap.py: every way a test run can go wrong must
be seen as a failure.  Run by "make test"."""
import sys
import unittest

import ktap

GOOD = """\
Kestrel 0.1.0 (debug_defconfig)
KTAP version 1
1..2
    KTAP version 1
    # Subtest: alpha
    1..2
    ok 1 first
a kernel message in between
    ok 2 second # SKIP not here
# alpha: pass:1 fail:0 skip:1 total:2
ok 1 alpha
    KTAP version 1
    # Subtest: beta
    1..1
    ok 1 only
ok 2 beta
# Totals: pass:2 fail:0 skip:1 total:3
"""


class KtapTest(unittest.TestCase):
    def test_good_run(self):
        r = ktap.parse(GOOD)
        self.assertTrue(r.ok, r.errors)
        self.assertEqual(len(r.passed), 2)
        self.assertEqual(len(r.skipped), 1)
        self.assertEqual([c.name for c in r.cases], ["first", "second", "only"])

    def test_failed_case(self):
        r = ktap.parse(GOOD.replace("    ok 1 only", "    not ok 1 only")
                       .replace("ok 2 beta", "not ok 2 beta"))
        self.assertFalse(r.ok)
        self.assertEqual([c.name for c in r.failed], ["only"])

    def test_suite_ok_despite_failed_case(self):
        r = ktap.parse(GOOD.replace("    ok 1 only", "    not ok 1 only"))
        self.assertFalse(r.ok)
        self.assertIn("beta: reported ok, but a case failed", r.errors)

    def test_no_output(self):
        r = ktap.parse("Kernel panic - not syncing: oops\n")
        self.assertFalse(r.ok)

    def test_missing_plan(self):
        r = ktap.parse(GOOD.replace("1..2\n    KTAP", "    KTAP", 1))
        self.assertFalse(r.ok)
        self.assertTrue(any("no plan" in e for e in r.errors), r.errors)

    def test_truncated_run(self):
        r = ktap.parse(GOOD.split("    KTAP version 1\n    # Subtest: beta")[0])
        self.assertFalse(r.ok)
        self.assertTrue(any("planned 2 results, got 1" in e for e in r.errors), r.errors)

    def test_ends_inside_subtest(self):
        r = ktap.parse(GOOD.split("ok 2 beta")[0])
        self.assertFalse(r.ok)

    def test_case_count_mismatch(self):
        r = ktap.parse(GOOD.replace("    1..1\n", "    1..3\n"))
        self.assertFalse(r.ok)
        self.assertTrue(any("beta: planned 3" in e for e in r.errors), r.errors)

    def test_bail_out(self):
        r = ktap.parse(GOOD.replace("ok 2 beta", "Bail out! no more"))
        self.assertFalse(r.ok)

    def test_out_of_order(self):
        r = ktap.parse(GOOD.replace("    ok 2 second", "    ok 3 second"))
        self.assertFalse(r.ok)

    def test_two_space_nesting(self):
        """Linux's own example logs indent subtests by two spaces."""
        r = ktap.parse(GOOD.replace("    ", "  "))
        self.assertTrue(r.ok, r.errors)
        self.assertEqual([c.name for c in r.cases], ["first", "second", "only"])
        self.assertEqual(len(r.skipped), 1)

    def test_two_space_nesting_with_a_failure(self):
        r = ktap.parse(GOOD.replace("    ", "  ").replace("  ok 1 only", "  not ok 1 only"))
        self.assertFalse(r.ok)
        self.assertEqual([c.name for c in r.failed], ["only"])

    def test_inconsistent_indentation_is_an_error(self):
        r = ktap.parse(GOOD.replace("    ok 2 second", "      ok 2 second"))
        self.assertFalse(r.ok)
        self.assertTrue(any("indented by 6 spaces" in e for e in r.errors), r.errors)
        r = ktap.parse(GOOD.replace("    ok 1 only", "   ok 1 only"))
        self.assertFalse(r.ok)
        self.assertTrue(any("indented by 3 spaces" in e for e in r.errors), r.errors)

    def test_diagnostics_are_kept(self):
        r = ktap.parse(GOOD.replace("a kernel message in between", "    # seed 0x2a"))
        self.assertTrue(r.ok, r.errors)
        self.assertIn("seed 0x2a", r.root.results[0].diagnostics)

    def test_indented_log_lines_are_not_ktap(self):
        r = ktap.parse(GOOD.replace("a kernel message in between",
                                    "  [mem 0x0000-0x9fbff] type 1\n     RAX: 0000"))
        self.assertTrue(r.ok, r.errors)

    def test_tab_nesting(self):
        """Linux's parser takes any leading whitespace; older KUnit nested by a tab."""
        r = ktap.parse(GOOD.replace("    ", "\t"))
        self.assertTrue(r.ok, r.errors)
        self.assertEqual([c.name for c in r.cases], ["first", "second", "only"])
        self.assertEqual((len(r.passed), len(r.skipped)), (2, 1))

    def test_tab_nesting_with_a_failure(self):
        r = ktap.parse(GOOD.replace("    ", "\t").replace("\tok 1 only", "\tnot ok 1 only"))
        self.assertFalse(r.ok)
        self.assertEqual([c.name for c in r.failed], ["only"])

    def test_tabs_and_spaces_mixed_is_an_error(self):
        r = ktap.parse(GOOD.replace("    ", "\t", 4))
        self.assertFalse(r.ok)
        self.assertTrue(any("indented by 4 spaces, not a multiple of the 1 tab" in e
                            for e in r.errors), r.errors)
        r = ktap.parse(GOOD.replace("    ok 1 only", "\t    ok 1 only"))
        self.assertFalse(r.ok)
        self.assertTrue(any("indented by '\\t    '" in e for e in r.errors), r.errors)

    def test_suite_that_ran_no_case(self):
        """What a filter that leaves a suite no case used to print: as
        Linux's parser does, "0 tests run" is an error, and no case."""
        r = ktap.parse(GOOD.replace("    1..1\n    ok 1 only\n", "    1..0\n"))
        self.assertFalse(r.ok)
        self.assertIn("beta: 0 tests run", r.errors)
        self.assertEqual([c.name for c in r.cases], ["first", "second"])

    def test_suite_not_ok_though_every_case_passed(self):
        r = ktap.parse(GOOD.replace("ok 2 beta", "not ok 2 beta"))
        self.assertFalse(r.ok)
        self.assertIn("beta: reported not ok, but every case passed", r.errors)

    def test_skipped_suite_may_run_no_case(self):
        """As in Linux's parser: a subtest skipped as a whole has no cases."""
        r = ktap.parse(GOOD.replace("    1..1\n    ok 1 only\n", "    1..0\n")
                       .replace("ok 2 beta", "ok 2 beta # SKIP no hardware"))
        self.assertTrue(r.ok, r.errors)
        self.assertEqual([c.name for c in r.cases], ["first", "second"])

    def test_second_plan_line(self):
        r = ktap.parse(GOOD.replace("    1..1\n", "    1..1\n    1..2\n"))
        self.assertFalse(r.ok)
        self.assertIn("beta: a second plan line (1..2)", r.errors)

    def test_no_suite_at_all(self):
        r = ktap.parse("KTAP version 1\n1..0\n# no test suite matches ktest.filter=x\n")
        self.assertFalse(r.ok)
        self.assertIn("top level: 0 tests run", r.errors)

    def test_subtest_header_without_version_line(self):
        """Linux's parser opens a subtest on "# Subtest:" alone."""
        r = ktap.parse(GOOD.replace("    KTAP version 1\n    # Subtest: beta",
                                    "    # Subtest: beta"))
        self.assertTrue(r.ok, r.errors)
        self.assertEqual([c.name for c in r.cases], ["first", "second", "only"])

    def test_nested_deeper_than_any_open_subtest(self):
        r = ktap.parse(GOOD.replace("    KTAP version 1\n    # Subtest: beta\n", ""))
        self.assertFalse(r.ok)
        self.assertTrue(any("nested deeper than any open subtest: '1..1'" in e
                            for e in r.errors), r.errors)

    def test_subtest_without_result_line(self):
        r = ktap.parse(GOOD.replace("ok 1 alpha\n", ""))
        self.assertFalse(r.ok)
        self.assertTrue(any("a subtest starts inside alpha, which has no result line" in e
                            for e in r.errors), r.errors)
        r = ktap.parse(GOOD.replace("    ok 1 only\n", "    ok 1 only\n        KTAP version 1\n"
                                    "        1..1\n        ok 1 deep\n"))
        self.assertFalse(r.ok)
        self.assertIn("a subtest: no result line", r.errors)

    def test_second_top_level_run(self):
        r = ktap.parse(GOOD + "KTAP version 1\n1..1\n")
        self.assertFalse(r.ok)
        self.assertTrue(any("a second 'KTAP version 1' at the top level" in e
                            for e in r.errors), r.errors)

    def test_unfinished_names_where_the_output_stopped(self):
        r = ktap.parse(GOOD.split("    ok 2 second")[0])
        self.assertFalse(r.ok)
        self.assertEqual([(t.name, len(t.results)) for t in r.unfinished], [("alpha", 1)])
        self.assertEqual(ktap.parse(GOOD).unfinished, [])


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=0).result
    sys.exit(0 if result.wasSuccessful() else 1)
