# SPDX-License-Identifier: GPL-2.0
"""The sched group of "make test": scheduler misuse that must stop the
kernel, one boot of debug_defconfig each (ktest.sched_bug=NAME,
kernel/sched/sched_bug_test.c).

Each boot must end in a panic that names the cause, exit QEMU with the
failure code, and never come back from the misuse.
"""
import qemu

CONFIG = "debug_defconfig"

# name -> the panic line that must say what happened
BUGS = {
    "init_exit": "Kernel panic - not syncing: Attempted to kill init! exitcode=3",
    "idle_sleep": "Kernel panic - not syncing: the idle task tried to sleep or exit; "
                  "it must always be able to run",
}


def check(res, name):
    out = res.output
    committed = out.find(f"ktest: sched bug {name}\n")
    problems = [] if res.status == qemu.EXIT_FAILURE else [f"{res.describe()}, not a failure"]
    if committed < 0:
        problems.append("the bug was not committed")
    elif BUGS[name] not in out[committed:]:
        problems.append(f"no {BUGS[name]!r}")
    if "the kernel went on" in out or "Kernel initialized" in out:
        problems.append("the kernel went on")
    return problems


def run(runner):
    labels = [(name, f"sched: {CONFIG} panics on {name}") for name in BUGS]
    for name, label, res in runner.boot_bugs(runner.built.get(CONFIG), "ktest.sched_bug", labels):
        problems = check(res, name)
        panic = next((ln for ln in res.output.splitlines() if ln.startswith("Kernel panic")), "")
        runner.result(label, not problems, "; ".join(problems) or panic, res.output)
