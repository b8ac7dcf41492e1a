# SPDX-License-Identifier: GPL-2.0
"""The CPU exception report of a "ktest.fault" boot mode, checked beyond
its declared lines (scripts/bootmodes.py calls check()).

What a fault's report must hold depends on the configuration more than on
the fault: CONFIG_EXCEPTION_VERBOSITY_TERSE prints one line, NORMAL the
task and RIP/RSP lines, FULL the registers, RFLAGS with its flags named
and a backtrace; addresses are named with CONFIG_KALLSYMS and printed bare
without it.  Each fault declares where it happens (.at, the function RIP
must be in) and the function its backtrace reaches (.culprit); this holds
the report to them, with addresses checked against kernel.elf's symbols.
A fault that is not a CPU exception (the stack protector's panic) must
name its function in the panic.
"""
import re

FULL_LINES = ["RAX: ", "RFLAGS: ", "CR0: ", "CS: 0008 SS: 0010", "Call Trace:"]
PANIC = "Kernel panic - not syncing: "


def in_function(addr, symbols, name):
    start, end, _ = symbols.get(name, (0, 0, ""))
    return start <= addr < end


def is_data(symbols, name):
    return symbols.get(name, (0, 0, "t"))[2] in "bBdDrR"


def exception_report(report):
    """The lines from the announcement to the panic."""
    lines = report.splitlines()
    end = next((i for i, ln in enumerate(lines) if ln.startswith("Kernel panic")), len(lines))
    return lines[:end]


def check_terse(lines, first, at, symbols):
    m = re.fullmatch(rf"{re.escape(first)} at RIP ([0-9a-f]{{16}})", lines[0]) if lines else None
    problems = []
    if not m:
        problems.append(f"first line {lines[:1]}")
    elif not in_function(int(m.group(1), 16), symbols, at):
        problems.append(f"RIP {m.group(1)} is not in {at}")
    if len(lines) != 1:
        problems.append(f"{len(lines)} lines, not one")
    return problems


def check_normal(lines, first, at, facts):
    text = "\n".join(lines)
    problems = [] if lines and lines[0].startswith(first) else [f"first line {lines[:1]}"]
    m = re.search(r"RIP: 0008:([0-9a-f]{16}) (\S+)", text)
    if not m:
        problems.append("no RIP line")
    else:
        if not in_function(int(m.group(1), 16), facts.symbols, at):
            problems.append(f"RIP {m.group(1)} is not in {at}")
        named = facts.kallsyms and not is_data(facts.symbols, at)
        if named and not m.group(2).startswith(at + "+0x"):
            problems.append(f"RIP named {m.group(2)}, not {at}")
        if not named and not re.fullmatch(r"0x[0-9a-f]+", m.group(2)):
            problems.append(f"RIP printed as {m.group(2)}, not as a bare address")
    if "RSP: 0010:" not in text:
        problems.append("no RSP line")
    # The boot modes run in init, pid 1.
    if "  PID: 1 Comm: init" not in lines[1:2]:
        problems.append(f"second line {lines[1:2]}, not the task")
    return problems


# The RFLAGS line: the value, then the names of exactly the flags it has set.
RFLAGS_LINE = re.compile(r"RFLAGS: ([0-9a-f]{16}) \[((?: [A-Z]+)*) \] IOPL=(\d)$", re.M)
FLAG_BITS = {"CF": 0, "PF": 2, "AF": 4, "ZF": 6, "SF": 7, "TF": 8, "IF": 9, "DF": 10, "OF": 11,
             "NT": 14, "RF": 16, "VM": 17, "AC": 18, "VIF": 19, "VIP": 20, "ID": 21}


def check_rflags(text):
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
    return problems


def check_full(lines, mnemonic, caller, facts):
    text = "\n".join(lines)
    problems = [f"no '{ln}'" for ln in FULL_LINES if ln not in text]
    problems += check_rflags(text)
    trace = text[text.find("Call Trace:"):]
    if facts.kallsyms:
        if not re.search(rf"\] {caller}\+0x[0-9a-f]+/0x[0-9a-f]+", trace):
            problems.append(f"backtrace does not name {caller}")
        if facts.frame_pointer and " ? " in trace:
            problems.append("unreliable entries in a frame-pointer backtrace")
        # It unwinds through init's function to where every task starts, and stops.
        last = trace.strip().splitlines()[-1] if trace.strip() else ""
        if facts.frame_pointer and ("] kernel_init+0x" not in trace or
                                    "] ret_from_kthread+0x" not in last):
            problems.append(f"backtrace does not end at kernel_init, ret_from_kthread: {last!r}")
    elif mnemonic != "#DF":
        # Without a symbol table: some "?" entry of the stack scan must be a
        # return address into the caller.
        addrs = [int(a, 16) for a in re.findall(r"\? \[<([0-9a-f]{16})>\]", trace)]
        if not any(in_function(a - 1, facts.symbols, caller) for a in addrs):
            problems.append(f"no backtrace entry in {caller}")
    return problems


def check_exception(mode, facts, report):
    lines = exception_report(report)
    first = mode["report"][0]
    if facts.verbosity == "TERSE":
        return check_terse(lines, first, mode["at"], facts.symbols)
    problems = check_normal(lines, first, mode["at"], facts)
    if facts.verbosity == "FULL":
        problems += check_full(lines, first.split()[0], mode["culprit"], facts)
    elif "RAX: " in "\n".join(lines):
        problems.append("registers dumped at NORMAL verbosity")
    return problems


def check_named_in_panic(mode, facts, report):
    """The panic names the function (kallsyms) or an address in it."""
    m = re.search(rf"^{re.escape(PANIC + (mode['panic'] or ''))}(\S+)", report, re.M)
    if not m:
        return []       # bootmodes.check() reports the missing panic
    where, at = m.group(1), mode["at"]
    if facts.kallsyms and not where.startswith(at + "+0x"):
        return [f"panic names {where}, not {at}"]
    if not facts.kallsyms and not (re.fullmatch(r"0x[0-9a-f]+", where) and
                                   in_function(int(where, 16) - 1, facts.symbols, at)):
        return [f"panic names {where}, not an address in {at}"]
    return []


def check(res, mode, facts, report):
    """Problems with the report of a "ktest.fault" boot mode."""
    if not mode["at"]:
        return []
    if (mode["panic"] or "").startswith("Fatal exception: "):
        return check_exception(mode, facts, report)
    problems = check_named_in_panic(mode, facts, report)
    if "Fatal exception" in report:
        problems.append("a CPU exception instead of the panic")
    return problems
