# SPDX-License-Identifier: GPL-2.0
"""The sched group of "make test": scheduler misuse that must stop the
kernel, one boot each (ktest.sched_bug=NAME, kernel/sched/sched_bug_test.c),
on debug_defconfig and, for a handler that sleeps, also on
x86_64_defconfig+ktest.config: without CONFIG_DEBUG_ATOMIC_SLEEP the
scheduler must still catch it.

Each boot must print the report, end in a panic that names the cause, exit
QEMU with the failure code, and never come back from the misuse.
"""
import re

import qemu

CONFIG = "debug_defconfig"
NO_DEBUG_CONFIG = "x86_64_defconfig+ktest.config"

# name -> (the lines that must follow the misuse, the last the panic that
# says what happened; the function the first report's backtrace must name)
BUGS = {
    "init_exit": (["Kernel panic - not syncing: Attempted to kill init! exitcode=3"], None),
    "idle_sleep": (["Kernel panic - not syncing: the idle task tried to sleep or exit; "
                    "it must always be able to run"], None),
    "irq_sleep": (["BUG: scheduling while atomic: init/1/0x00010000",
                   "Kernel panic - not syncing: an interrupt handler tried to sleep; it would "
                   "take init/1 with it and never acknowledge its IRQ"], "sleep_in_timer"),
    "irq_task_exit": (["Kernel panic - not syncing: Aiee, killing interrupt handler!"], None),
}

# (configuration, bug) for every boot; the backtrace is checked where frame
# pointers make one
BOOTS = [(CONFIG, name) for name in BUGS] + [(NO_DEBUG_CONFIG, "irq_sleep")]


def check(res, name, backtrace):
    lines, function = BUGS[name]
    out = res.output
    committed = out.find(f"ktest: sched bug {name}\n")
    problems = [] if res.status == qemu.EXIT_FAILURE else [f"{res.describe()}, not a failure"]
    if committed < 0:
        return problems + ["the bug was not committed"]
    report, at = out[committed:], 0
    for line in lines:
        found = report.find(line, at)
        if found < 0:
            problems.append(f"no {line!r}" + (" after the line before" if at else ""))
        else:
            at = found + len(line)
    if backtrace and function and \
            not re.search(rf"\] {function}\+0x[0-9a-f]+/0x[0-9a-f]+", report):
        problems.append(f"backtrace does not name {function}")
    if "the kernel went on" in out or "Kernel initialized" in out:
        problems.append("the kernel went on")
    return problems


def run(runner):
    for config in (CONFIG, NO_DEBUG_CONFIG):
        labels = [(name, f"sched: {config} panics on {name}") for c, name in BOOTS if c == config]
        for name, label, res in runner.boot_bugs(runner.built.get(config), "ktest.sched_bug",
                                                 labels):
            problems = check(res, name, config == CONFIG)
            panic = next((ln for ln in res.output.splitlines()
                          if ln.startswith("Kernel panic")), "")
            runner.result(label, not problems, "; ".join(problems) or panic, res.output)
