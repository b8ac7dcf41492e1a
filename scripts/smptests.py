# SPDX-License-Identifier: GPL-2.0
"""SMP tests, run by scripts/test-kernel ("smp" results).

  CPUs           x86_64_defconfig+smp.config with the tests at -smp 1, 2,
                 4 and 8, each CPU on a host thread of its own (MTTCG):
                 every CPU the MADT lists comes up, spinlocks are taken
                 by test-and-set (QEMU is a hypervisor), and the suites of the
                 other CPUs (bring-up, IPIs, TLB shootdown), of per-CPU data,
                 of the APICs, of the scheduler on every CPU, of the
                 locks under contention (locktorture) and of the heap
                 under contention (a model on every CPU; objects freed
                 on other CPUs than their slab's) pass.  MTTCG
                 allows no -icount, so no suite that measures time runs
                 here
  run queues     the same at -smp 4 with one run queue for every CPU
  processes      usertest at -smp 4 under MTTCG, its processes free to run
                 on every CPU (the exec_smp suite): it passes whole, on
                 x86_64_defconfig and on debug_defconfig (lock debugging,
                 lockdep, the slab's checks)
  fair locks     the same at -smp 4 with the ticket and the MCS lock
                 waiting their own way (CONFIG_SPINLOCK_VIRT=n): both pass the
                 MTTCG suites but the heap's, and the spinlock suites
  every suite    the same kernel at -smp 4 under -icount, the CPUs taking
                 turns on one host thread: every suite passes, with the
                 idle machine's verdict however busy the host
  policies       each scheduling policy at -smp 4 under -icount, with
                 each run-queue design: its own suite, the scheduler's
                 and sched_smp pass
  no ACPI        the same kernel at -smp 4 with acpi=off: no MADT, so
                 the boot CPU alone, and the smp suite says so
  cpus           the shell's cpus at -smp 4 lists the four CPUs online,
                 each with its APIC ID, idle or running the shell
  panic          the panic boot modes (kernel/panic_test.c) at -smp 2 and
                 4: every CPU panicking at once gives one report, and
                 the others' printing stops before it; nothing follows it

The SMP kernel on one CPU, and the local APIC ticks, are fragments
(smp.config, tick-lapic.config, tick-tsc-deadline.config): the boot group
runs every suite on each.
"""
import re

import qemu
from runner import suites_pass
from shelltests import COMMAND_TIMEOUT, KSHELL, PROMPT, Shell

# The group's place in a run, and its line in "make test --help".
ORDER = 35
SUMMARY = """x86_64_defconfig+smp at -smp 1, 2, 4 and 8 under MTTCG (every CPU
up; the smp, percpu, apic, sched_smp, locktorture, heap_model_smp and
slab_smp suites), one run queue for all at -smp 4, usertest on every CPU at -smp 4, the ticket and MCS locks' own wait at -smp 4, every suite
at -smp 4 under -icount, each policy with each run-queue design at -smp 4,
-smp 4 with acpi=off (the boot CPU alone), the shell's cpus, one panic
report at -smp 2 and 4"""

CONFIG = "x86_64_defconfig+smp.config+ktest.config"
SHELL_CONFIG = "x86_64_defconfig+smp.config"
DEBUG_CONFIG = "debug_defconfig+smp.config"
CPU_COUNTS = (1, 2, 4, 8)
# Suites that measure no time: their verdict holds under MTTCG on a busy host.
MTTCG_SUITES = "smp,percpu,apic,descriptor_tables,sched_smp,locktorture,heap_model_smp,slab_smp"
GLOBAL_RQ_CONFIG = "x86_64_defconfig+smp.config+sched-rq-global.config+ktest.config"
# Each policy with both run-queue designs (round robin's queue per CPU is
# the every-suite boot's), preemptive or not by turns: a shared queue
# needs what each policy keeps of the queue (fair's min_vruntime,
# stride's global pass, MLFQ's load) to count the tasks on every CPU.
POLICY_BOOTS = (
    ("rr", "sched-rq-global.config"),
    ("prio", "sched-prio.config+sched-rq-global.config"),
    ("prio", "sched-prio-preempt.config"),
    ("mlfq", "sched-mlfq-preempt.config"),
    ("mlfq", "sched-mlfq.config+sched-rq-global.config"),
    ("stride", "sched-stride-preempt.config+sched-rq-global.config"),
    ("stride", "sched-stride.config"),
    ("fair", "sched-fair.config"),
    ("fair", "sched-fair-preempt.config+sched-rq-global.config"),
)
CPUS_ROW = re.compile(r"^(\d+)\s+(\d+) (online|offline)\s+(\S+)$", re.M)


# QEMU sets CPUID's hypervisor bit, and the group's kernels have a fair
# spinlock (ticket) with CONFIG_SPINLOCK_VIRT: they must take it by
# test-and-set (kernel/locking/Kconfig says why).
VIRT_SPINLOCK = "spinlock: under a hypervisor: taken by test-and-set"


# The fair designs' own wait across CPUs, which the line above takes away
# everywhere else: with CONFIG_SPINLOCK_VIRT off, under MTTCG.
NATIVE_LOCK_BOOTS = (
    ("ticket", "x86_64_defconfig+smp.config+ktest.config+CONFIG_SPINLOCK_VIRT=n"),
    ("MCS", "x86_64_defconfig+smp.config+spinlock-mcs.config+ktest.config"
     "+CONFIG_SPINLOCK_VIRT=n"),
)
# Their suites: the MTTCG ones but the heap's.  A fair lock waits for the
# CPU whose turn it is, which a busy host may have stopped; the slab
# suite's twelve tasks hand heap_lock around thousands of times, and each
# hand-off then waits for the host (benchmarks.md's SMP figures: tens of
# microseconds a hand-off at 4 CPUs on 2 cores).  locktorture measures
# the same waits in 1,000 rounds.
NATIVE_LOCK_SUITES = "smp,percpu,apic,descriptor_tables,sched_smp,locktorture,spinlock*"


def brought_up(output, n, virt=True):
    """Problems with the bring-up line of a boot at -smp @n, and with the
    spinlocks' way under a hypervisor, which smp_init() decides: by
    test-and-set if @virt, else the design's own."""
    problems = [] if (VIRT_SPINLOCK in output) == virt else \
        [f"'{VIRT_SPINLOCK}' {'missing' if virt else 'printed'}"]
    m = re.search(r"smp: Brought up (\d+) of (\d+) CPUs", output)
    if not m:
        return problems + ["no 'smp: Brought up' line"]
    if (int(m.group(1)), int(m.group(2))) != (n, n):
        return problems + [m.group(0)]
    return problems


def ktap_boot(runner, label, check, config=CONFIG, **boot_args):
    """Boot @config for @label with @boot_args (runner.boot()'s): every
    suite that ran must pass, and @check(output) lists what else is wrong."""
    outdir = runner.built_for(label, config)
    if not outdir:
        return
    res = runner.boot(outdir, **boot_args)
    problems, report = suites_pass(res)
    problems += check(res.output)
    runner.result(label, not problems, "; ".join(problems) or f"KTAP {report.summary()}",
                  res.output if problems else "")


def cpu_boots(runner):
    for n in CPU_COUNTS:
        ktap_boot(runner,
                  f"smp: -smp {n} under MTTCG: every CPU up; the smp, percpu, apic, sched_smp, "
                  "locktorture, heap_model_smp and slab_smp suites pass",
                  lambda out, n=n: brought_up(out, n),
                  cmdline=f"qemu_exit ktest.filter={MTTCG_SUITES}", smp=n)


def global_rq_boot(runner):
    ktap_boot(runner, "smp: -smp 4, one run queue for every CPU: the MTTCG suites pass",
              lambda out: brought_up(out, 4), config=GLOBAL_RQ_CONFIG,
              cmdline=f"qemu_exit ktest.filter={MTTCG_SUITES}", smp=4)


def user_boot(runner):
    # Guest time follows the host's clock here.  usertest's checks of time
    # are lower bounds but two: its CPU hogs compare guest CPU time with
    # guest time (a vCPU the host stops stops neither), and a poll()
    # restarted after a stop has 2 s to spare (ut_pipe.c).
    ktap_boot(runner, "smp: -smp 4 under MTTCG: usertest passes, its processes on every CPU",
              lambda out: brought_up(out, 4), cmdline="qemu_exit ktest.filter=exec_smp", smp=4)
    # Again with lock debugging and lockdep, and the slab's checks.
    ktap_boot(runner, "smp: debug_defconfig at -smp 4 under MTTCG: usertest passes, its processes "
              "on every CPU", lambda out: brought_up(out, 4), config=DEBUG_CONFIG,
              cmdline="qemu_exit ktest.filter=exec_smp", smp=4)


def native_lock_boots(runner):
    for design, config in NATIVE_LOCK_BOOTS:
        ktap_boot(runner,
                  f"smp: -smp 4 under MTTCG, the {design} lock's own wait (SPINLOCK_VIRT=n): "
                  "the MTTCG suites but the heap's, and the spinlock suites pass",
                  lambda out: brought_up(out, 4, virt=False), config=config,
                  cmdline=f"qemu_exit ktest.filter={NATIVE_LOCK_SUITES}", smp=4)


def policy_boots(runner):
    for policy, fragments in POLICY_BOOTS:
        design = "one run queue" if "rq-global" in fragments else "a run queue per CPU"
        ktap_boot(runner,
                  f"smp: {policy} at -smp 4 under -icount, {design}: its suites pass",
                  lambda out: brought_up(out, 4),
                  config=f"x86_64_defconfig+smp.config+{fragments}+ktest.config",
                  cmdline=f"qemu_exit ktest.filter=sched*,wait,locktorture,{policy}",
                  smp=4, mttcg=False)


def icount_boot(runner):
    ktap_boot(runner, "smp: -smp 4 under -icount, the CPUs on one host thread: every suite passes",
              lambda out: brought_up(out, 4), smp=4, mttcg=False)


def no_acpi_boot(runner):
    alone = "running on the boot CPU alone"
    ktap_boot(runner, "smp: -smp 4 with acpi=off: no MADT, the boot CPU alone, the smp suite passes",
              lambda out: [] if alone in out else [f"no '{alone}' line"],
              cmdline=f"qemu_exit ktest.filter={MTTCG_SUITES}", smp=4,
              extra=["-machine", "acpi=off"])


def cpus_problems(text, n):
    rows = {int(cpu): (int(apic), state, task) for cpu, apic, state, task in
            CPUS_ROW.findall(text or "")}
    problems = []
    if sorted(rows) != list(range(n)):
        problems.append(f"CPUs listed: {sorted(rows)}")
    for cpu, (apic, state, task) in rows.items():
        if apic != cpu or state != "online":
            problems.append(f"CPU {cpu}: APIC ID {apic}, {state}")
        # At the prompt every task sleeps but the shell, which runs the
        # command, and a CPU's watchdog, which its tick wakes every 4 s.
        if cpu and task != f"idle/{cpu}/0" and not task.startswith(f"watchdog/{cpu}/") and \
                not task.startswith("kshell/"):
            problems.append(f"CPU {cpu} runs {task}")
    if f"{n} of {n} CPUs online" not in (text or ""):
        problems.append("no summary line")
    return problems


def cpus_command(runner):
    label = "smp: the shell's cpus lists 4 CPUs online, each idle or running the shell"
    outdir = runner.built_for(label, SHELL_CONFIG)
    if not outdir:
        return
    out = {}

    def interact(session):
        out["cpus"] = Shell(session).run("cpus")
        start = len(session.output())
        session.type("halt\n")
        session.wait_for_after(start, "System halted", COMMAND_TIMEOUT)

    res = runner.boot(outdir, cmdline=f"qemu_exit=halt {KSHELL}", type_when=re.escape(PROMPT),
                      interact=interact, timeout=COMMAND_TIMEOUT, smp=4)
    problems = cpus_problems(out.get("cpus"), 4)
    if res.status != qemu.EXIT_SUCCESS:
        problems.append(res.describe())
    runner.result(label, not problems, "; ".join(problems) or "4 rows, the APs idle or running the shell",
                  res.output if problems else "")


PANIC = "Kernel panic - not syncing: "
PANIC_END = "---[ end Kernel panic - not syncing: "
# The panic modes, and what the report must say (kernel/panic_test.c).
PANIC_MODES = (("together", "every CPU panics at once (CPU "),
               ("chatter", "one CPU panics while the others print"))


def panic_problems(res, n, reason):
    """Problems with a panic mode's boot at -smp @n: one report, for
    @reason, and nothing after it."""
    problems = brought_up(res.output, n)
    if res.status != qemu.EXIT_FAILURE:
        problems.append(f"{res.describe()}, not a failure")
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    starts = [i for i, ln in enumerate(lines) if ln.startswith(PANIC)]
    if len(starts) != 1:
        return problems + [f"{len(starts)} panic reports"]
    if not lines[starts[0]].startswith(PANIC + reason):
        problems.append(f"the report is {lines[starts[0]]!r}")
    if starts[0] + 2 != len(lines) or not lines[-1].startswith(PANIC_END):
        problems.append(f"after the report: {lines[starts[0] + 1:][:3]!r}")
    return problems


def panic_boots(runner):
    for mode, reason in PANIC_MODES:
        for n in (2, 4):
            label = f"smp: -smp {n}, ktest.smp_panic={mode}: one panic report, nothing after it"
            outdir = runner.built_for(label, CONFIG)
            if not outdir:
                continue
            res = runner.boot(outdir, cmdline=f"qemu_exit ktest.smp_panic={mode}", smp=n)
            problems = panic_problems(res, n, reason)
            runner.result(label, not problems, "; ".join(problems) or "one report, last",
                          res.output if problems else "")


def run(runner):
    cpu_boots(runner)
    global_rq_boot(runner)
    user_boot(runner)
    native_lock_boots(runner)
    icount_boot(runner)
    policy_boots(runner)
    no_acpi_boot(runner)
    cpus_command(runner)
    panic_boots(runner)
