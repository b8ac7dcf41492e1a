# SPDX-License-Identifier: GPL-2.0
"""The lock group of "make test": one boot of debug_defconfig per lock bug
(ktest.lock_bug=NAME, kernel/locking/lock_bug_test.c).

Each report must be the one Linux prints for that misuse, name the task
that committed it, carry a backtrace through the function that did it
(Linux's exit note has none), count exactly one bug, and leave the kernel
running to "Kernel initialized": a mutex held at exit must be free for
init to take after it, and a count left at exit or while scheduling must
not stay with init.
"""
import re

import qemu
from runner import bug_counted_and_survived

CONFIG = "debug_defconfig"
# The tasks the bugs start are pid 4: init 1, kworker 2, watchdog/0 3.

# name -> (lines the report must have, function the backtrace must name, or None)
BUGS = {
    "unlock_not_owner": (["------------[ cut here ]------------",
                          "DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)",
                          "unlock of bug_lock, owned by init/1", "CPU: 0 PID: 4 Comm: intruder",
                          "---[ end trace"], "unlock_it"),
    "unlock_unlocked": (["WARNING: bad unlock balance detected!",
                         "init/1 is trying to release lock (bug_lock) at:",
                         "but there are no more locks to release!"], "ktest_commit_lock_bug"),
    "recursive_lock": (["WARNING: possible recursive locking detected",
                        "init/1 is trying to acquire lock:", "but task is already holding lock:",
                        "*** DEADLOCK ***"], "recursive_lock"),
    "held_at_exit": (["WARNING: leaker/4 still has locks held!", "1 lock held by leaker/4:",
                      " #0: "], "task_exit"),
    "preempt_at_exit": (["note: leaker[4] exited with preempt_count 1"], None),
    "schedule_while_atomic": (["BUG: scheduling while atomic: init/1/0x00000001"],
                              "schedule_while_atomic"),
    "sleep_in_atomic": (["BUG: sleeping function called from invalid context at "
                         "kernel/locking/mutex.c:",
                         "in_atomic(): 0, irqs_disabled(): 1, non_block: 0, pid: 1, name: init"],
                        "sleep_in_atomic"),
    "spin_recursion": (["BUG: spinlock recursion on CPU#0, init/1",
                        " lock: bug_spinlock, .magic: dead4ead, .owner: init/1, .owner_cpu: 0"],
                       "spin_recursion"),
    "spin_unlock_unlocked": (["BUG: spinlock already unlocked on CPU#0, init/1",
                              " lock: bug_spinlock, .magic: dead4ead, .owner: <none>/-1, "
                              ".owner_cpu: -1"],
                             "spin_unlock_unlocked"),
    "sleep_holding_spinlock": (["BUG: sleeping function called from invalid context at "
                                "kernel/locking/mutex.c:",
                                "in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 1, "
                                "name: init"], "sleep_holding_spinlock"),
}


def check(res, name):
    lines, function = BUGS[name]
    out = res.output
    report = out[out.find(f"ktest: lock bug {name}\n"):]
    problems = [] if res.status == qemu.EXIT_SUCCESS else [res.describe()]
    problems += [f"no {ln!r}" for ln in lines if ln not in report]
    if function and not re.search(rf"\] {function}\+0x[0-9a-f]+/0x[0-9a-f]+", report):
        problems.append(f"backtrace does not name {function}")
    return problems + bug_counted_and_survived(out, f"ktest: lock bug {name}: 1 reported")


def run(runner):
    labels = [(name, f"lock: {CONFIG} catches {name}") for name in BUGS]
    for name, label, res in runner.boot_bugs(runner.built.get(CONFIG), "ktest.lock_bug", labels):
        problems = check(res, name)
        first = next((ln for ln in res.output.splitlines()
                      if ln.startswith(("WARNING", "BUG:", "DEBUG_LOCKS", "note:"))), "")
        runner.result(label, not problems, "; ".join(problems) or first, res.output)
