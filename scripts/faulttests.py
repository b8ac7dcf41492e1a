# SPDX-License-Identifier: GPL-2.0
"""Fault tests, run by scripts/test-kernel: one boot per CPU fault.

"ktest.fault=NAME" makes the kernel commit that fault on purpose
(arch/x86_64/kernel/fault_test.c).  For every configuration below and
every fault, the report on the serial port must hold what the configured
CONFIG_EXCEPTION_VERBOSITY_* promises, the kernel must end in panic() with
the failure exit code (a reset or triple fault exits 0), and addresses
must point into the function that faulted, found with nm in kernel.elf.

Where the stack protector is on, a local buffer overrun (stack_smash)
must end in its panic, naming the function; the canary itself is read
from guest memory through the monitor, on boots with and without RDRAND.
"""
import os
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor

import qemu
from runner import BuildError

# name -> (mnemonic, exception name, vector, function at RIP, caller in the
#          backtrace, lines the NORMAL report must contain)
FAULTS = {
    "de": ("#DE", "Divide Error", 0, "fault_divide_error", "ktest_provoke_fault", []),
    "ud": ("#UD", "Invalid Opcode", 6, "fault_invalid_opcode", "ktest_provoke_fault", []),
    "flags_clear": ("#UD", "Invalid Opcode", 6, "fault_flags_clear", "ktest_provoke_fault", []),
    "pf_null": ("#PF", "Page Fault", 14, "fault_null_read", "ktest_provoke_fault",
                ["error code 0x0000", "read of a not-present page in kernel mode",
                 "CR2: 0000000000000000 (NULL pointer dereference)"]),
    "pf_write": ("#PF", "Page Fault", 14, "fault_unmapped_write", "ktest_provoke_fault",
                 ["error code 0x0002", "write to a not-present page in kernel mode",
                  "CR2: 0000000000001000"]),
    "write_text": ("#PF", "Page Fault", 14, "fault_write_text", "ktest_provoke_fault",
                   ["error code 0x0003",
                    "write to a present (protection violation) page in kernel mode",
                    "(kernel text"]),
    # RIP is the data byte itself, which no function contains.
    "exec_data": ("#PF", "Page Fault", 14, "exec_target", "ktest_provoke_fault",
                  ["error code 0x0011",
                   "instruction fetch from a present (protection violation) page in kernel mode",
                   "(kernel data)"]),
    "gp": ("#GP", "General Protection", 13, "fault_non_canonical", "ktest_provoke_fault",
           ["error code 0x0000", "no selector involved"]),
    "gp_selector": ("#GP", "General Protection", 13, "fault_bad_selector",
                    "ktest_provoke_fault", ["error code 0x0028", "selector 0x0028: GDT entry 5"]),
    "stack_overflow": ("#DF", "Double Fault", 8, "recurse", "fault_stack_overflow",
                       ["stack overflow in task init (pid 1): its stack is exhausted",
                        "handled on the #DF stack", "(in a guard page)"]),
    # A frame twice the guard page, near the bottom: -fstack-clash-protection
    # makes it fault in the guard page, where it would otherwise step over it.
    "stack_clash": ("#DF", "Double Fault", 8, "clash_frame", "fault_stack_clash",
                    ["stack overflow in task init (pid 1): its stack is exhausted",
                     "handled on the #DF stack", "(in a guard page)"]),
}

# Faults whose RIP is in data, not in a function: printed as a bare address.
DATA_TARGETS = {"exec_target"}

FULL_LINES = ["RAX: ", "RFLAGS: ", "CR0: ", "CS: 0008 SS: 0010", "Call Trace:"]


def configurations(runner):
    """(label, output directory) of every configuration to test, building
    the ones the boot group did not."""
    configs = [("debug_defconfig", runner.built.get("debug_defconfig")),
               ("x86_64_defconfig+ktest.config", runner.built.get("x86_64_defconfig+ktest.config"))]
    configs.append(("tiny_defconfig+ktest.config",
                    build(runner, "fault-tiny", ["tiny_defconfig", "ktest.config"])))
    configs.append(("debug_defconfig without frame pointers and kallsyms",
                    build(runner, "fault-nofp", ["debug_defconfig"],
                          {"FRAME_POINTER": "n", "KALLSYMS": "n"})))
    return configs


def build(runner, name, how, options=None):
    try:
        outdir, _ = runner.configure(name, how, options=options)
        runner.build(outdir)
    except BuildError as e:
        runner.result(f"fault: {name} builds", False, f"{e.step} failed", e.log)
        return None
    return outdir


def function_ranges(outdir):
    """name -> (start, end) of every sized symbol in kernel.elf."""
    out = subprocess.run(["nm", "-S", os.path.join(outdir, "kernel.elf")], check=True,
                         capture_output=True, text=True).stdout
    ranges = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) == 4:
            start = int(f[0], 16)
            ranges[f[3]] = (start, start + int(f[1], 16))
    return ranges


def in_function(addr, ranges, name):
    start, end = ranges.get(name, (0, 0))
    return start <= addr < end


def report_of(output, fault):
    """The lines between the fault test's announcement and the panic."""
    lines = output.splitlines()
    start = next((i for i, ln in enumerate(lines) if ln.startswith(f"ktest: fault test {fault}:")),
                 None)
    if start is None:
        return None
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("Kernel panic")),
               len(lines))
    return lines[start + 1:end]


def check_terse(report, want, ranges):
    mnemonic, name, vector, function = want[:4]
    m = re.fullmatch(rf"{re.escape(mnemonic)} {name} \(vector {vector}\) at RIP ([0-9a-f]{{16}})",
                     report[0]) if report else None
    problems = []
    if not m:
        problems.append(f"first line {report[:1]}")
    elif not in_function(int(m.group(1), 16), ranges, function):
        problems.append(f"RIP {m.group(1)} is not in {function}")
    if len(report) != 1:
        problems.append(f"{len(report)} lines, not one")
    return problems


def check_normal(report, want, ranges, kallsyms):
    mnemonic, name, vector, function, _, lines = want
    text = "\n".join(report)
    problems = []
    if not report or not re.match(rf"{re.escape(mnemonic)} {name} \(vector {vector}\)", report[0]):
        problems.append(f"first line {report[:1]}")
    problems += [f"no '{ln}'" for ln in lines if ln not in text]
    m = re.search(r"RIP: 0008:([0-9a-f]{16}) (\S+)", text)
    if not m:
        problems.append("no RIP line")
    else:
        if not in_function(int(m.group(1), 16), ranges, function):
            problems.append(f"RIP {m.group(1)} is not in {function}")
        text_rip = function in DATA_TARGETS
        if kallsyms and not text_rip and not m.group(2).startswith(function + "+0x"):
            problems.append(f"RIP named {m.group(2)}, not {function}")
        if (not kallsyms or text_rip) and not re.fullmatch(r"0x[0-9a-f]+", m.group(2)):
            problems.append(f"RIP printed as {m.group(2)}, not as a bare address")
    if "RSP: 0010:" not in text:
        problems.append("no RSP line")
    # The fault tests run in init, pid 1.
    if "  PID: 1 Comm: init" not in report[1:2]:
        problems.append(f"second line {report[1:2]}, not the task")
    return problems


# The RFLAGS line: the value, then the names of exactly the flags it has set.
RFLAGS_LINE = re.compile(r"RFLAGS: ([0-9a-f]{16}) \[((?: [A-Z]+)*) \] IOPL=(\d)$", re.M)
FLAG_BITS = {"CF": 0, "PF": 2, "AF": 4, "ZF": 6, "SF": 7, "TF": 8, "IF": 9, "DF": 10, "OF": 11,
             "NT": 14, "RF": 16, "VM": 17, "AC": 18, "VIF": 19, "VIP": 20, "ID": 21}


def check_rflags(text, fault):
    m = RFLAGS_LINE.search(text)
    if not m:
        line = next((ln for ln in text.splitlines() if "RFLAGS:" in ln), None)
        return [f"RFLAGS line is {line!r}"]
    value = int(m.group(1), 16)
    named = m.group(2).split()
    want = [n for n, bit in FLAG_BITS.items() if value >> bit & 1]
    problems = [] if named == want else [f"RFLAGS {value:#x} named {named}, expected {want}"]
    if int(m.group(3)) != (value >> 12) & 3:
        problems.append("wrong IOPL")
    if fault == "flags_clear" and value != 0x2:
        problems.append(f"RFLAGS {value:#x}, expected 0x2")
    return problems


def check_full(report, want, ranges, kallsyms, frame_pointer, fault):
    text = "\n".join(report)
    problems = [f"no '{ln}'" for ln in FULL_LINES if ln not in text]
    problems += check_rflags(text, fault)
    trace = text[text.find("Call Trace:"):]
    caller = want[4]
    if kallsyms:
        if not re.search(rf"\] {caller}\+0x[0-9a-f]+/0x[0-9a-f]+", trace):
            problems.append(f"backtrace does not name {caller}")
        if frame_pointer and " ? " in trace:
            problems.append("unreliable entries in a frame-pointer backtrace")
        # It unwinds through init's function to where every task starts, and stops.
        last = trace.strip().splitlines()[-1] if trace.strip() else ""
        if frame_pointer and ("] kernel_init+0x" not in trace or
                              "] ret_from_kthread+0x" not in last):
            problems.append(f"backtrace does not end at kernel_init, ret_from_kthread: {last!r}")
    elif want[0] != "#DF":
        # Without a symbol table: some "?" entry of the stack scan must be a
        # return address into the caller.
        addrs = [int(a, 16) for a in re.findall(r"\? \[<([0-9a-f]{16})>\]", trace)]
        if not any(in_function(a - 1, ranges, caller) for a in addrs):
            problems.append(f"no backtrace entry in {caller}")
    return problems


def check_boot(res, fault, verbosity, ranges, kallsyms, frame_pointer):
    want = FAULTS[fault]
    problems = []
    if res.status != qemu.EXIT_FAILURE:
        problems.append(res.describe())
    if f"Kernel panic - not syncing: Fatal exception: {want[1]}" not in res.output:
        problems.append("no 'Fatal exception' panic")
    report = report_of(res.output, fault)
    if report is None:
        return problems + ["the fault test never started"]
    if verbosity == "TERSE":
        return problems + check_terse(report, want, ranges)
    problems += check_normal(report, want, ranges, kallsyms)
    full = verbosity == "FULL"
    if full:
        problems += check_full(report, want, ranges, kallsyms, frame_pointer, fault)
    elif "RAX: " in "\n".join(report):
        problems.append("registers dumped at NORMAL verbosity")
    return problems


STACK_SMASH_PANIC = re.compile(r"Kernel panic - not syncing: stack-protector: Kernel stack is "
                               r"corrupted in: (\S+)")


def check_stack_smash(res, ranges, kallsyms):
    """The stack protector's panic names fault_stack_smash (or an address
    in it), and QEMU exits with the failure code."""
    problems = [] if res.status == qemu.EXIT_FAILURE else [res.describe()]
    m = STACK_SMASH_PANIC.search(res.output)
    if not m:
        return problems + ["no stack-protector panic"]
    where = m.group(1)
    if kallsyms and not where.startswith("fault_stack_smash+0x"):
        problems.append(f"panic names {where}, not fault_stack_smash")
    if not kallsyms and not (re.fullmatch(r"0x[0-9a-f]+", where) and
                             in_function(int(where, 16) - 1, ranges, "fault_stack_smash")):
        problems.append(f"panic names {where}, not an address in fault_stack_smash")
    if "Fatal exception" in res.output:
        problems.append("a CPU exception instead of the stack protector's panic")
    return problems


def wants_stack_smash(runner, label, outdir):
    return (runner.wanted(f"fault: {label}: stack_smash") and
            runner.config_value(outdir, "CONFIG_STACKPROTECTOR") == "y")


def report_stack_smash(runner, label, res, ranges, kallsyms):
    problems = check_stack_smash(res, ranges, kallsyms)
    runner.result(f"fault: {label}: stack_smash", not problems,
                  "; ".join(problems) or res.describe(), res.output)


KERNEL_VMA = 0xffffffff80000000
CANARY_SOURCE = re.compile(r"stack-protector: canary from (RDRAND|the TSC and the CMOS clock)")


def canary_boots(runner, outdir):
    """Boot @outdir with the default CPU and twice with -cpu max (RDRAND),
    and read __stack_chk_guard through the monitor once init is done:
    [(source logged, canary)]."""
    guard = function_ranges(outdir)["__stack_chk_guard"][0] - KERNEL_VMA

    def boot(cpu):
        canary = []
        res = runner.boot(outdir, cmdline=None, cpu=cpu, screen_when="Kernel initialized",
                          interact=lambda session: canary.append(session.read_u64(guard)))
        m = CANARY_SOURCE.search(res.output)
        return m.group(1) if m else None, canary[0] if canary else None
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(boot, (None, "max", "max")))


def stack_protector_canary(runner):
    label = ("fault: x86_64_defconfig: the stack protector's canary is drawn per boot "
             "(RDRAND, else TSC and CMOS clock), low byte zero")
    outdir = runner.built_for(label, "x86_64_defconfig")
    if not outdir:
        return
    boots = canary_boots(runner, outdir)
    problems = []
    want = ["the TSC and the CMOS clock", "RDRAND", "RDRAND"]
    for (source, canary), expected in zip(boots, want):
        if source != expected:
            problems.append(f"source {source!r}, expected {expected!r}")
        if not canary or canary & 0xff:
            problems.append(f"canary {canary!r}: zero, or low byte not zero")
    if boots[1][1] == boots[2][1]:
        problems.append("two RDRAND boots drew the same canary")
    runner.result(label, not problems, "; ".join(problems) or
                  "RDRAND boots differ, every canary nonzero with a zero low byte")


def llvm_faults(runner, outdir):
    """Clang's own code for the two protections the compiler adds: the
    stack protector's check, and the stack-clash probes of a large frame."""
    label = "debug_defconfig LLVM=1"
    ranges = function_ranges(outdir)
    clash = runner.wanted(f"fault: {label}: stack_clash")
    smash = wants_stack_smash(runner, label, outdir)
    results = runner.boot_each(outdir, [f"qemu_exit ktest.fault={f}" for f, wanted in
                                        (("stack_clash", clash), ("stack_smash", smash))
                                        if wanted])
    verbosity, kallsyms, frame_pointer = report_facts(runner, outdir)
    if clash:
        res = results.pop(0)
        problems = check_boot(res, "stack_clash", verbosity, ranges, kallsyms, frame_pointer)
        runner.result(f"fault: {label}: stack_clash", not problems,
                      "; ".join(problems) or f"{verbosity} report, {res.describe()}",
                      res.output)
    if smash:
        report_stack_smash(runner, label, results.pop(0), ranges, kallsyms)


def report_facts(runner, outdir):
    """What the configuration in @outdir makes a report hold: its
    verbosity, and whether it has kallsyms and frame pointers."""
    verbosity = next(v for v in ("TERSE", "NORMAL", "FULL")
                     if runner.config_value(outdir, f"CONFIG_EXCEPTION_VERBOSITY_{v}") == "y")
    return (verbosity, runner.config_value(outdir, "CONFIG_KALLSYMS") == "y",
            runner.config_value(outdir, "CONFIG_FRAME_POINTER") == "y")


def run(runner):
    if not runner.wanted("fault: *"):
        return
    stack_protector_canary(runner)
    llvm = runner.built.get("debug_defconfig LLVM=1")
    if llvm:
        llvm_faults(runner, llvm)
    for label, outdir in configurations(runner):
        selected = [f for f in FAULTS if runner.wanted(f"fault: {label}: {f}")]
        if not selected and not runner.wanted(f"fault: {label}: stack_smash"):
            continue
        if not outdir:
            for fault in selected:
                runner.not_built(f"fault: {label}: {fault}")
            continue
        verbosity, kallsyms, frame_pointer = report_facts(runner, outdir)
        ranges = function_ranges(outdir)
        smash = ["stack_smash"] if wants_stack_smash(runner, label, outdir) else []
        results = runner.boot_each(outdir, [f"qemu_exit ktest.fault={f}"
                                            for f in selected + smash])
        for fault, res in zip(selected, results):
            problems = check_boot(res, fault, verbosity, ranges, kallsyms, frame_pointer)
            runner.result(f"fault: {label}: {fault}", not problems,
                          "; ".join(problems) or f"{verbosity} report, {res.describe()}",
                          res.output)
        if smash:
            report_stack_smash(runner, label, results[-1], ranges, kallsyms)
