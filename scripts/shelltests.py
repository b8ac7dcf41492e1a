# SPDX-License-Identifier: GPL-2.0
"""The shell group of "make test": the kernel shell driven through the
serial port, as a user at a terminal would drive it.

Each boot passes "qemu_exit=halt": the boot goes on to the shell, and the
shell's halt ends QEMU with the success code; and "init=kshell", so that
a user-mode kernel with BusyBox runs the kernel shell all the same.  The test types one line,
waits for the next prompt, and checks what the shell printed in between,
so the verdicts follow the guest's output, never the host's clock; a
"sleep" typed into the shell makes guest time pass for the workloads.

With user mode (x86_64_defconfig+user.config), one session runs programs
with exec: hello's line, a missing program, a program reading typed lines
from the console until Ctrl-D, and Ctrl-C ending one with SIGINT.

x86_64_defconfig gets one session: help, ps, spawn, kill, top, the
reports (uptime, meminfo, slabinfo, sched, dmesg), line editing, every
kind of bad input, config against the build's .config, halt.  The stride
and fair kernels get one each: two CPU workloads, the first given its
tickets or nice value by spawn, the second by nice, whose ps shares must
follow the configured ratio; the stride one ends with poweroff, the fair
one with reboot.  x86_64_defconfig on QEMU's q35 machine powers off too.
Ctrl-Alt-Del, pressed on the keyboard at the prompt, restarts the machine
at once, with and without user mode.
x86_64_defconfig with the VFS lists the initramfs with ls and reads with
cat, bad paths and options included.
The sessions run side by side, one per CPU.

A power off must end QEMU with status 0, as a reset under -no-reboot
would; so those boots run with "-action reboot=reset", which makes a
reset (or a triple fault) boot the kernel again instead, and the kernel
must have started exactly once.

Three sessions watch the soft-lockup detector and the spin workload, each
past the detector's threshold of guest time: under PREEMPT_NONE spin keeps
the CPU and the detector names it (softlockup_panic=1 ends the boot);
under PREEMPT the shell answers beside it and nothing is reported, nor on
the idle machine before; under strict priorities spin at 31 starves a
workload at 16, and that is no lockup either.
"""
import functools
import glob
import os
import re
from concurrent.futures import ThreadPoolExecutor

import qemu
from runner import JOBS

# The group's place in a run, and its line in "make test --help".
ORDER = 50
SUMMARY = """the kernel shell typed on the serial port: every command, bad
input, line editing, CPU shares under stride and fair"""


CONFIG = "x86_64_defconfig"
SHARE_CONFIGS = {
    # config: (parameters of two workloads, the ratio of the first's share to the second's,
    #          the command that ends the session)
    "x86_64_defconfig+sched-stride.config+ktest.config": ((150, 50), 3.0, "poweroff"),
    "x86_64_defconfig+sched-fair.config+ktest.config": ((0, 5), 1.25 ** 5, "reboot"),
}
# Out of the policy's range, under stride: every message quotes its one range.
STRIDE_BAD = [
    ("nice 3 0", "kshell: nice: tickets must be an integer from 1 to 1000, not '0'"),
    ("nice 3 1001", "kshell: nice: tickets must be an integer from 1 to 1000, not '1001'"),
    ("spawn cpu 1 2000", "kshell: spawn: tickets must be an integer from 1 to 1000, not '2000'"),
    ("nice 99999 5", "kshell: nice: 99999: no such task"),
]
# What each way of ending a session prints, and QEMU's exit status after it.
ENDINGS = {
    "halt": ("System halted.", qemu.EXIT_SUCCESS),
    "reboot": ("Restarting system.", 0),
    "poweroff": ("Power down.", 0),
}
# A reset boots again, so that only a power off ends QEMU with status 0.
POWEROFF_QEMU_ARGS = ["-action", "reboot=reset"]
BANNER = re.compile(r"^Kestrel \d+\.\d+\.\d+ ", re.M)
PROMPT = "kestrel# "
# The kernel shell, on a user-mode kernel too, whose initramfs may hold
# BusyBox's init (CONFIG_BUSYBOX): its sessions are busyboxtests.py's.
KSHELL = "init=kshell"
# The suites the share boots run before the shell: the shell's own, quickly.
SHARE_CMDLINE = "qemu_exit=halt ktest.filter=kshell*"
COMMAND_TIMEOUT = 60     # host seconds for a command's output; only a hung guest takes it
PS_ROW = re.compile(r"^\s*(\d+) (\S+)\s+\d+ (.*?)\s+(\d+\.\d{3})\s+(\d+\.\d)% (\S+)$")
LINE_MAX = 70


class Shell:
    """Commands typed one at a time into a QEMU session (qemu.Session)."""

    def __init__(self, session):
        self.session = session

    def run(self, line):
        """Type @line (editing keys included) and Enter; what the shell
        printed before its next prompt, without the echo of the line, or
        None if no prompt came."""
        start = len(self.session.output())
        self.session.type(line + "\n")
        pattern = re.compile(r"\n" + re.escape(PROMPT) + r"$")
        if not self.session.wait_for_after(start, pattern, COMMAND_TIMEOUT):
            return None
        text = self.session.output()[start:]
        return text[text.index("\n") + 1:len(text) - len(PROMPT)]


def ps_rows(text):
    """{pid: (state, sched, cpu ms, share %, name)} of a ps table."""
    rows = {}
    for line in (text or "").splitlines():
        m = PS_ROW.match(line)
        if m:
            rows[int(m.group(1))] = (m.group(2), m.group(3), float(m.group(4)),
                                     float(m.group(5)), m.group(6))
    return rows


def source_commands(srctree, outdir=None):
    """Every command a KSHELL_COMMAND() in the tree declares; with @outdir,
    those of files kernel/kshell/Makefile builds in its .config (ls and cat
    need CONFIG_VFS)."""
    kshell = os.path.join(srctree, "kernel", "kshell")
    with open(os.path.join(kshell, "Makefile"), encoding="utf-8") as f:
        conditions = dict((obj, sym) for sym, obj in
                          re.findall(r"^obj-\$\((CONFIG_\w+)\) \+= (\w+)\.o$", f.read(), re.M))
    config = ""
    if outdir:
        with open(os.path.join(outdir, ".config"), encoding="utf-8") as f:
            config = f.read()
    names = set()
    for path in glob.glob(os.path.join(kshell, "*.c")):
        sym = conditions.get(os.path.basename(path)[:-2])
        if outdir and sym and not re.search(rf"^{sym}=y$", config, re.M):
            continue
        with open(path, encoding="utf-8") as f:
            names.update(re.findall(r"^KSHELL_COMMAND\((\w+),", f.read(), re.M))
    return names


def check_help(out, commands):
    listed = set(re.findall(r"^  (\w+)", out or "", re.M))
    missing = sorted(commands - listed)
    problems = [f"not listed: {', '.join(missing)}"] if missing else []
    if not commands:
        problems.append("no KSHELL_COMMAND() found in the tree")
    return problems, f"{len(listed)} commands listed"


def check_ps(rows):
    names = {row[4] for row in rows.values()}
    problems = [f"no {n} task" for n in ("idle", "init", "kshell") if n not in names]
    if rows.get(0, ("",) * 5)[4] != "idle" or rows.get(1, ("",) * 5)[4] != "init":
        problems.append("pid 0 is not idle or pid 1 not init")
    return problems, ", ".join(f"{pid} {row[4]}" for pid, row in sorted(rows.items()))


def runnable(rows):
    return {pid for pid, row in rows.items() if row[0] in ("runnable", "running")}


def check_spawn(sh):
    """Two more tasks, the ones spawn named, runnable.  (Other tasks may be
    runnable in one table and not the other: watchdog/0 wakes every 4 s.)"""
    before = ps_rows(sh.run("ps"))
    out = sh.run("spawn cpu 2")
    pids = [int(p) for p in re.findall(r"^started cpu-\d+ \(pid (\d+)\)$", out or "", re.M)]
    after = ps_rows(sh.run("ps"))
    problems = [] if len(pids) == 2 else [f"spawn said {out!r}"]
    new = set(after) - set(before)
    if not pids or new != set(pids) or not new <= runnable(after):
        problems.append(f"new tasks {sorted(new)}, runnable {sorted(runnable(after))}, "
                        f"spawned {pids}")
    return pids, problems, f"pids {pids} runnable"


def check_kill(sh, pids):
    if len(pids) < 2:
        return ["nothing to kill"], ""
    out = sh.run(f"kill {pids[0]}")
    rows = ps_rows(sh.run("ps"))
    problems = []
    if not re.fullmatch(rf"stopped cpu-\d+ \(pid {pids[0]}, exit code 0\)\n", out or ""):
        problems.append(f"kill said {out!r}")
    if pids[0] in rows or pids[1] not in rows:
        problems.append(f"after kill {pids[0]}, ps lists {sorted(rows)}")
    return problems, f"pid {pids[0]} gone, {pids[1]} still there"


# (line typed, the one line the shell must answer)
BAD_INPUT = [
    ("foo", "kshell: foo: unknown command; try help"),
    ("kill", "kshell: kill: usage: kill PID"),
    ("kill 1 2", "kshell: kill: usage: kill PID"),
    ("kill x", "kshell: kill: PID must be an integer from 0 to 2147483647, not 'x'"),
    ("kill 1", "kshell: kill: 1 (init) is not a workload; only tasks that spawn started "
               "can be killed"),
    ("kill 99999", "kshell: kill: 99999: no such task"),
    ("nice 1 1", "kshell: nice: the rr policy has no parameter to set"),
    ("spawn disk", "kshell: spawn: 'disk' is no workload: cpu, io, mixed or spin"),
    ("spawn cpu 0", "kshell: spawn: N must be an integer from 1 to 32, not '0'"),
    ("top -1", "kshell: top: SECONDS must be an integer from 1 to 86400, not '-1'"),
    ("dmesg 0", "kshell: dmesg: COUNT must be an integer from 1 to 100000, not '0'"),
    ("config a b", "kshell: config: usage: config [PATTERN]"),
    ("echo 'open", "kshell: unterminated quote or trailing backslash; not run"),
    ("echo " + "x " * 16, "kshell: too many words (at most 16); not run"),
    ("echo " + "y" * 100, f"kshell: line too long (at most {LINE_MAX} characters); not run"),
]


def check_bad_input(sh):
    problems = []
    for line, want in BAD_INPUT:
        out = sh.run(line)
        if out != want + "\n":
            problems.append(f"{line[:20]!r}: {out!r}")
    return problems, f"{len(BAD_INPUT)} lines, one message each, nothing run"


def check_editing(sh):
    """Backspace and DEL, Ctrl-C, Ctrl-U and the history, over serial."""
    cases = [("ech\x7fho tw\bwo", "two\n"),             # DEL and backspace erase
             ("\x1b[A", "two\n"),                        # up: the last line again
             ("echo gone\x15echo kept", "kept\n"),       # Ctrl-U kills the line
             ("echo a\x1b[999999999999Ab", "ab\n"),     # a long CSI is skipped whole
             ("echo a\r", "a\n"),                        # "\r\n" is one line end...
             ("echo end", "end\n")]
    problems = [f"{keys!r}: {out!r}, expected {want!r}"
                for keys, want in cases if (out := sh.run(keys)) != want]
    if "\na\n" + PROMPT + "echo end\n" not in sh.session.output():
        problems.append("\\r\\n ended two lines")         # ...not an empty one after it
    start = len(sh.session.output())
    sh.session.type("ps\x03")                          # Ctrl-C: nothing runs
    if not sh.session.wait_for_after(start, re.escape("ps^C\n" + PROMPT) + "$",
                                     COMMAND_TIMEOUT):
        problems.append("Ctrl-C: no ^C and new prompt")
    return problems, "DEL, backspace, up, Ctrl-U, a 15-byte CSI, \\r\\n, Ctrl-C"


def check_top(sh):
    """top 2 prints two tables and returns; top alone runs until a key."""
    problems = []
    out = sh.run("top 2") or ""
    if out.count("  PID STATE") != 2:
        problems.append(f"top 2 printed {out.count('  PID STATE')} tables")
    start = len(sh.session.output())
    sh.session.type("top\n")
    if not sh.session.wait_for_after(start, r"(?s)PID STATE.*PID STATE", COMMAND_TIMEOUT):
        problems.append("top printed no second table")
    sh.session.type("q")
    if not sh.session.wait_for_after(start, r"\n" + re.escape(PROMPT) + "$", COMMAND_TIMEOUT):
        problems.append("a key did not stop top")
    return problems, "top 2: two tables; top: stopped by a key"


# command -> a regex its whole output must match
REPORTS = {
    "uptime": r"up \d+\.\d{3} s, clocksource (tsc|hpet|tick), \d+ context switches, "
              r"\d+ tasks\n",
    "meminfo": r"frames:  (\d+) total, (\d+) free, (\d+) in use \(4 KiB each; buddy "
               r"allocator\)\nheap:    slab\nslab:    \d+ caches, \d+ of \d+ objects in use, "
               r"\d+ KiB in slabs\n",
    "slabinfo": r"name +objsize +active +total +slabs +order +KiB\n(.+\n)*"
                r"kmalloc-8 +8 +\d+ +\d+ +\d+ +0 +\d+\n(.+\n)*",
    "sched": r"policy:     rr \(parameter: none\)\npreemption: none: .*\n"
             r"time slice: 10 ms, tick \d+ Hz\nrun queue:  \d+ tasks waiting, \d+ tasks in all\n",
    "dmesg": r"(?s)Kestrel \d+\.\d+\.\d+ \(x86_64_defconfig\).*\nKernel initialized\n",
}


def check_reports(sh):
    problems = []
    for cmd, pattern in REPORTS.items():
        out = sh.run(cmd) or ""
        m = re.fullmatch(pattern, out)
        if not m:
            problems.append(f"{cmd}: {out[:80]!r}")
        elif cmd == "meminfo" and int(m.group(1)) != int(m.group(2)) + int(m.group(3)):
            problems.append(f"meminfo: {m.group(0).splitlines()[0]} does not add up")
    return problems, ", ".join(REPORTS)


def check_filters(sh, outdir):
    """config PATTERN and dmesg COUNT against the whole of each."""
    with open(os.path.join(outdir, ".config"), encoding="utf-8") as f:
        config = f.read().splitlines()
    problems = []
    for pattern, want in (("HZ", [ln for ln in config if "HZ" in ln]),
                          ("CONFIG_SCHED_*=y", [ln for ln in config
                                                if re.fullmatch(r"CONFIG_SCHED_.*=y", ln)])):
        got = (sh.run(f"config {pattern}") or "").splitlines()
        if got != want or not want:
            problems.append(f"config {pattern}: {len(got)} lines, expected {len(want)}")
    out = sh.run("config NO_SUCH_OPTION")
    if out != "kshell: config: no line matches 'NO_SUCH_OPTION'\n":
        problems.append(f"config NO_SUCH_OPTION: {out!r}")
    whole = (sh.run("dmesg") or "").splitlines()
    last = (sh.run("dmesg 3") or "").splitlines()
    if len(whole) < 4 or last != whole[-3:]:
        problems.append(f"dmesg 3: {last!r}, not the last 3 of {len(whole)} lines")
    return problems, "config HZ, config CONFIG_SCHED_*=y, dmesg 3"


def check_interrupt(sh):
    """Ctrl-C ends sleep at once and drops what was typed ahead of it."""
    session = sh.session
    up = re.match(r"up (\d+)\.", sh.run("uptime") or "")
    start = len(session.output())
    session.type("sleep 3600\n")
    session.wait_for_after(start, re.escape("sleep 3600\n"), COMMAND_TIMEOUT)
    session.type("echo typed ahead\n\x03")
    stopped = session.wait_for_after(start, r"\^C\n" + re.escape(PROMPT) + "$", COMMAND_TIMEOUT)
    after = re.match(r"up (\d+)\.", sh.run("uptime") or "")
    problems = [] if stopped else ["no ^C and prompt after Ctrl-C"]
    if "typed ahead" in session.output()[start:].replace("echo typed ahead", ""):
        problems.append("the line typed ahead ran")
    if not up or not after or int(after.group(1)) - int(up.group(1)) >= 3600:
        problems.append("sleep 3600 was not cut short")
    return problems, "sleep 3600 ended by Ctrl-C; the line typed ahead dropped"


def check_config(out, outdir):
    with open(os.path.join(outdir, ".config"), encoding="utf-8") as f:
        want = f.read()
    if out == want:
        return [], f"{len(want.splitlines())} lines, identical to .config"
    got, lines = set((out or "").splitlines()), set(want.splitlines())
    return [f"{len(lines - got)} .config lines missing, {len(got - lines)} extra"], ""


def serial_session(runner, outdir):
    checks = {}

    def interact(session):
        sh = Shell(session)
        checks["help"] = check_help(sh.run("help"), source_commands(runner.srctree, outdir))
        checks["ps"] = check_ps(ps_rows(sh.run("ps")))
        pids, *checks["spawn"] = check_spawn(sh)
        checks["kill"] = check_kill(sh, pids)
        checks["top"] = check_top(sh)
        checks["reports"] = check_reports(sh)
        checks["bad"] = check_bad_input(sh)
        checks["edit"] = check_editing(sh)
        checks["config"] = check_config(sh.run("config"), outdir)
        checks["filters"] = check_filters(sh, outdir)
        checks["interrupt"] = check_interrupt(sh)
        start = len(session.output())
        session.type("halt\n")
        session.wait_for_after(start, "System halted", COMMAND_TIMEOUT)

    res = runner.boot(outdir, cmdline=f"qemu_exit=halt {KSHELL}", type_when=re.escape(PROMPT),
                      interact=interact, timeout=COMMAND_TIMEOUT)
    halted = res.status == qemu.EXIT_SUCCESS and "System halted." in res.output
    checks["halt"] = ([] if halted else [res.describe()], "QEMU exit status 33 (success)")
    return checks, res


SERIAL_LABELS = [
    ("help", "help lists every command"),
    ("ps", "ps lists idle, init and the shell"),
    ("spawn", "spawn cpu 2: ps shows two more runnable tasks"),
    ("kill", "kill removes the task"),
    ("top", "top refreshes until a key is pressed"),
    ("reports", "uptime, meminfo, slabinfo, sched and dmesg report"),
    ("bad", "bad input gets one clear line"),
    ("edit", "the line editor over serial"),
    ("config", "config prints the build's .config"),
    ("filters", "config PATTERN and dmesg COUNT print only what they select"),
    ("interrupt", "Ctrl-C stops sleep at once"),
    ("halt", "halt ends the boot with the success code"),
]


NOT_BUILT = "its configuration was not built (build failed, or --only left it out)"

USER_CONFIG = "x86_64_defconfig+user.config"
USER_LABELS = [
    ("hello", "exec /bin/hello prints its line and nothing else"),
    ("missing", "exec of a missing program says why, exit status 127, the shell goes on"),
    ("read", "a program reads typed lines from the console, edited, until Ctrl-D"),
    ("interrupt", "Ctrl-C ends a program reading the console with SIGINT"),
    ("halt", "halt ends the boot with the success code"),
]
HELLO_OUT = "Hello from user space!\n"
MISSING_OUT = re.compile(r"^no-such-program: cannot run /bin/no-such-program: error -2\n"
                         r"/bin/no-such-program\[\d+\]: exit status 127\n$")


def check_read(session):
    """ttyecho gets a line as edited (Backspace), then the end of input."""
    start = len(session.output())
    session.type("exec /bin/ttyecho\n")
    session.wait_for_after(start, re.escape("exec /bin/ttyecho\n"), COMMAND_TIMEOUT)
    session.type("abx\x7fc\n")
    got = session.wait_for_after(start, r"ttyecho: (.*)\n", COMMAND_TIMEOUT)
    session.type("\x04")
    ended = session.wait_for_after(start, r"ttyecho: end of input\n" + re.escape(PROMPT) + "$",
                                   COMMAND_TIMEOUT)
    problems = []
    if not got or got.group(1) != "abc":
        problems.append(f"the program read {got.group(1) if got else None!r}, not 'abc'")
    if not ended:
        problems.append("Ctrl-D did not end the input, or no prompt came after it")
    return problems, "read 'abc' from 'abx', Backspace, 'c'; Ctrl-D ended it"


def check_user_interrupt(session):
    """Ctrl-C while ttyecho waits for a line: killed by SIGINT, prompt back."""
    start = len(session.output())
    session.type("exec /bin/ttyecho\n")
    session.wait_for_after(start, re.escape("exec /bin/ttyecho\n"), COMMAND_TIMEOUT)
    session.type("half a line\x03")
    killed = session.wait_for_after(start, r"/bin/ttyecho\[\d+\]: killed by signal 2\n" +
                                    re.escape(PROMPT) + "$", COMMAND_TIMEOUT)
    problems = [] if killed else ["no 'killed by signal 2' and prompt after Ctrl-C"]
    if "ttyecho: half a line" in session.output()[start:]:
        problems.append("the program read the interrupted line")
    return problems, "killed by signal 2 (SIGINT); the shell goes on"


def user_session(runner, outdir):
    checks = {}

    def interact(session):
        sh = Shell(session)
        out = sh.run("exec /bin/hello")
        checks["hello"] = ([] if out == HELLO_OUT else [f"printed {out!r}"], HELLO_OUT.strip())
        out = sh.run("exec /bin/no-such-program")
        checks["missing"] = ([] if out and MISSING_OUT.match(out) else [f"printed {out!r}"],
                             "error -2 (ENOENT), exit status 127")
        checks["read"] = check_read(session)
        checks["interrupt"] = check_user_interrupt(session)
        session.type("halt\n")

    res = boot_session(runner, outdir, "qemu_exit=halt", interact, "halt")
    checks["halt"] = (check_ending(res, "halt"), "QEMU exit status 33 (success)")
    return checks, res


def session_results(runner, config, labels, session):
    """The results (label, ok, detail, log) of @session(runner, outdir) on
    @config: a result for each of @labels, (check, what), that is wanted."""
    wanted = [(key, f"shell: {config}: {what}") for key, what in labels
              if runner.wanted(f"shell: {config}: {what}")]
    outdir = runner.config(config) if wanted else None
    if not wanted or not outdir:
        return [(label, False, NOT_BUILT, "") for _, label in wanted]
    checks, res = session(runner, outdir)
    results = []
    for key, label in wanted:
        problems, detail = checks.get(key, (["the session stopped before this"], ""))
        results.append((label, not problems, "; ".join(problems) or detail, res.output))
    return results


def serial_tests(runner):
    """The x86_64_defconfig session's results."""
    return session_results(runner, CONFIG, SERIAL_LABELS, serial_session)


def user_tests(runner):
    """The user-mode session's results: programs run from the shell."""
    return session_results(runner, USER_CONFIG, USER_LABELS, user_session)


# The file system's commands, on a kernel with the VFS and the initramfs
# its build made: (line typed, the whole answer).
FS_CONFIG = "x86_64_defconfig+CONFIG_USER_MODE=n+CONFIG_VFS=y"
FS_LABEL = (f"shell: {FS_CONFIG}: ls and ls -l show the initramfs's /dev and /, cat prints "
            "/dev/null, bad paths and options get one line")
FS_SESSION = [
    ("ls", "bin\ndev\nroot\nproc\n"),
    ("ls -l /dev", "crw-------   1    0    0   5,   1 console\n"
                   "crw-rw-rw-   1    0    0   1,   7 full\n"
                   "crw-rw-rw-   1    0    0   1,   3 null\n"
                   "crw-rw-rw-   1    0    0   1,   8 random\n"
                   "crw-rw-rw-   1    0    0   5,   0 tty\n"
                   "crw--w----   1    0    0   4,   0 tty0\n"
                   "crw-rw-rw-   1    0    0   1,   9 urandom\n"
                   "crw-rw-rw-   1    0    0   1,   5 zero\n"),
    ("ls -l /", "drwxr-xr-x   2    0    0        0 bin\n"
                "drwxr-xr-x   2    0    0        0 dev\n"
                "drwx------   2    0    0        0 root\n"
                "dr-xr-xr-x   2    0    0        0 proc\n"),
    ("ls /dev/null", "/dev/null\n"),
    ("cat /dev/null", ""),
    ("cat /nothing", "kshell: cat: /nothing: cannot open (error -2)\n"),
    ("cat /dev", "kshell: cat: /dev: cannot read (error -21)\n"),
    ("ls /nothing", "kshell: ls: cannot access /nothing (error -2)\n"),
    ("ls /dev/null/x", "kshell: ls: cannot access /dev/null/x (error -20)\n"),
    ("ls -x", "kshell: ls: usage: ls [-l] [PATH]\n"),
    ("ls -l / /dev", "kshell: ls: usage: ls [-l] [PATH]\n"),
]


def fs_test(runner):
    """The result (label, ok, detail, log) of the file system session, in a list."""
    outdir = runner.config(FS_CONFIG)
    if not outdir:
        return [(FS_LABEL, False, NOT_BUILT, "")]
    answers = []

    def interact(session):
        sh = Shell(session)
        answers.extend((line, want, sh.run(line)) for line, want in FS_SESSION)
        session.type("halt\n")

    res = boot_session(runner, outdir, "qemu_exit=halt", interact, "halt")
    problems = [f"{line!r}: {got!r}, expected {want!r}" for line, want, got in answers
                if got != want]
    if len(answers) != len(FS_SESSION):
        problems.append("the session stopped early")
    problems += check_ending(res, "halt")
    return [(FS_LABEL, not problems, "; ".join(problems) or
             f"{len(FS_SESSION)} commands, each answer exact", res.output)]


def share_label(name, params, ratio, end):
    ends = {"halt": "", "reboot": "; reboot resets",
            "poweroff": "; poweroff turns the machine off (ACPI S5)"}
    ranges = "; tickets out of range are refused with the range" if "stride" in name else ""
    return (f"shell: {name}: ps shares of workloads with {params[0]} (spawn) and "
            f"{params[1]} (nice) follow {ratio:.2f} : 1 within 10%{ranges}{ends[end]}")


def check_ending(res, end):
    """Problems with how a session that typed @end ended."""
    text, status = ENDINGS[end]
    problems = [] if res.status == status and text in res.output else \
        [f"{res.describe()} after {end}"]
    if end == "poweroff":
        if "ACPI: S5 (power off): SLP_TYPa" not in res.output:
            problems.append("the boot log names no S5 registers")
        if len(BANNER.findall(res.output)) != 1:
            problems.append(f"the kernel started {len(BANNER.findall(res.output))} times")
    return problems


def boot_session(runner, outdir, cmdline, interact, end, extra=()):
    """A session typed on the serial port that ends with @end."""
    if end == "poweroff":
        extra = [*POWEROFF_QEMU_ARGS, *extra]
    return runner.boot(outdir, cmdline=f"{cmdline} {KSHELL}", type_when=re.escape(PROMPT),
                       interact=interact, timeout=COMMAND_TIMEOUT, extra=extra)


def share_test(runner, name, params, ratio, end):
    """The result (label, ok, detail, log) of a session on @name, in a list."""
    label = share_label(name, params, ratio, end)
    outdir = runner.config(name)
    if not outdir:
        return [(label, False, NOT_BUILT, "")]
    found = {}

    def interact(session):
        sh = Shell(session)
        pids = found.setdefault("pids", [])
        for spawn in (f"spawn cpu 1 {params[0]}", "spawn cpu 1"):
            m = re.search(r"\(pid (\d+)\)", sh.run(spawn) or "")
            pids.append(int(m.group(1)) if m else None)
        found["nice"] = sh.run(f"nice {pids[1]} {params[1]}")
        if "stride" in name:
            found["bad"] = [(line, want, sh.run(line)) for line, want in STRIDE_BAD]
        sh.run("ps")                    # the shares below start here
        sh.run("sleep 3")
        found["ps"] = ps_rows(sh.run("ps"))
        session.type(end + "\n")

    res = boot_session(runner, outdir, SHARE_CMDLINE, interact, end)
    rows, pids = found.get("ps", {}), found.get("pids", [])
    problems = check_ending(res, end)
    detail = ""
    if not re.fullmatch(rf"pid {pids[1] if len(pids) > 1 else '?'}: \w+ {params[1]}\n",
                        found.get("nice") or ""):
        problems.append(f"nice said {found.get('nice')!r}")
    problems += [f"{line!r}: {out!r}" for line, want, out in found.get("bad", [])
                 if out != want + "\n"]
    if len(pids) != 2 or None in pids or not all(p in rows for p in pids):
        problems.append(f"workloads {pids} not in ps")
    else:
        first, second = rows[pids[0]][3], rows[pids[1]][3]
        got = first / second if second else float("inf")
        detail = f"{first}% : {second}% = {got:.3f} (want {ratio:.3f})"
        if abs(got - ratio) > 0.1 * ratio:
            problems.append(detail)
    return [(label, not problems, "; ".join(problems) or detail, res.output)]


POWEROFF_Q35_LABEL = f"shell: {CONFIG}: poweroff on QEMU's q35 machine turns it off (ACPI S5)"


def poweroff_q35_test(runner):
    """poweroff typed at once on the q35 machine (ICH9's power management)."""
    outdir = runner.config(CONFIG)
    if not outdir:
        return [(POWEROFF_Q35_LABEL, False, NOT_BUILT, "")]
    res = boot_session(runner, outdir, "qemu_exit=halt",
                       lambda session: session.type("poweroff\n"), "poweroff",
                       extra=["-machine", "q35"])
    problems = check_ending(res, "poweroff")
    return [(POWEROFF_Q35_LABEL, not problems, "; ".join(problems) or
             "QEMU exit status 0, the kernel started once", res.output)]


CAD_CONFIGS = (CONFIG, FS_CONFIG)


def cad_label(name):
    init = "no init has asked for the key" if name == CONFIG else "no user mode"
    return f"shell: {name}: Ctrl-Alt-Del restarts the machine at once ({init})"


def ctrl_alt_del_test(runner, name):
    """Ctrl-Alt-Del pressed at the kernel shell's prompt: Linux's default,
    kept until an init says otherwise with reboot(2), is to restart."""
    label = cad_label(name)
    outdir = runner.config(name)
    if not outdir:
        return [(label, False, NOT_BUILT, "")]
    res = boot_session(runner, outdir, "qemu_exit=halt",
                       lambda session: session.sendkeys(["ctrl-alt-delete"]), "reboot")
    problems = [] if res.status == 0 and "reboot: Restarting system" in res.output else \
        [f"{res.describe()} after Ctrl-Alt-Del"]
    return [(label, not problems, "; ".join(problems) or "the kernel said it restarts; "
             "QEMU exit status 0", res.output)]


# The soft-lockup sessions (kernel/watchdog.c, with the spin workload):
# each lets more guest time pass than the detector's threshold, twice
# CONFIG_WATCHDOG_THRESH (20 s), which -icount makes a few host seconds.
PREEMPT_CONFIG = "x86_64_defconfig+preempt.config+ktest.config"     # round robin
STRICT_PRIO_CONFIG = "x86_64_defconfig+sched-prio-preempt.config+ktest.config"  # no aging
# Not at a line's start: the shell's prompt may be there, as on a Linux console.
LOCKUP_LINE = re.compile(r"watchdog: BUG: soft lockup - CPU#0 stuck for (\d+)s! "
                         r"\[(\S+):(\d+)\]$", re.M)
SPAWNED = re.compile(r"started (\S+-\d+) \(pid (\d+)\)\n")
SPIN_NOTE = ("spin never gives up the CPU, and without CONFIG_PREEMPT nothing takes it: "
             "the shell will not answer again\n")
LOCKUP_LABEL = (f"shell: {CONFIG}: idle past the threshold, no report; then spawn spin under "
                "PREEMPT_NONE: the soft-lockup detector names it with its backtrace, and "
                "softlockup_panic=1 panics")
PREEMPT_LABELS = [
    ("answers", f"shell: {PREEMPT_CONFIG}: beside spawn spin the shell answers: ps shows it "
                "taking the CPU, kill stops it"),
    ("quiet", f"shell: {PREEMPT_CONFIG}: no soft lockup report, idle past the threshold, "
              "then beside spin past it"),
]
STRICT_PRIO_LABEL = (f"shell: {STRICT_PRIO_CONFIG}: spin at priority 31 starves a cpu workload "
                     "at 16 past the threshold, and that is no soft lockup")


def lockup_seconds(runner, outdir):
    """After how many seconds without a switch the detector reports."""
    return 2 * int(runner.config_value(outdir, "CONFIG_WATCHDOG_THRESH") or 0)


def spawned(out):
    """(name, pid) that spawn's first line names, or (None, None)."""
    m = SPAWNED.match(out or "")
    return (m.group(1), int(m.group(2))) if m else (None, None)


def check_lockup(res, out, seconds):
    """The boot of spawn spin under PREEMPT_NONE: spawn's answer @out, one
    report naming spin after @seconds, its registers and backtrace, the
    panic softlockup_panic=1 asks for."""
    comm, pid = spawned(out)
    if not comm or out != f"started {comm} (pid {pid})\n{SPIN_NOTE}":
        return [f"spawn said {out!r}"]
    problems = [] if res.status == qemu.EXIT_FAILURE else [f"{res.describe()}, not a failure"]
    reports = LOCKUP_LINE.findall(res.output)
    if reports != [(str(seconds), comm, str(pid))]:
        problems.append(f"reports {reports}, not one after {seconds}s naming {comm}:{pid}")
    report = res.output[res.output.find("BUG: soft lockup"):]
    report = report[:report.find("Kernel panic")]
    if f"\nCPU: 0 PID: {pid} Comm: {comm}\n" not in report:
        problems.append("the report does not name the task it interrupted")
    trace = report[report.find("Call Trace:"):]
    if not re.search(r"\] workload_spin\+0x[0-9a-f]+/0x[0-9a-f]+", trace):
        problems.append("the backtrace does not name workload_spin")
    if "Kernel panic - not syncing: softlockup: hung tasks" not in res.output:
        problems.append("no softlockup panic")
    return problems


def lockup_test(runner):
    """First a long sleep on the idle machine, which must not be reported
    (check_lockup() wants the one report spin's), then spin."""
    outdir = runner.config(CONFIG)
    if not outdir:
        return [(LOCKUP_LABEL, False, NOT_BUILT, "")]
    found = {}

    def interact(session):
        sh = Shell(session)
        sh.run(f"sleep {lockup_seconds(runner, outdir) + 5}")
        found["spawn"] = sh.run("spawn spin")

    res = boot_session(runner, outdir, "qemu_exit=halt softlockup_panic=1", interact, "panic")
    problems = check_lockup(res, found.get("spawn"), lockup_seconds(runner, outdir))
    line = LOCKUP_LINE.search(res.output)
    return [(LOCKUP_LABEL, not problems, "; ".join(problems) or line.group(0), res.output)]


def uptime_seconds(out):
    m = re.match(r"up (\d+\.\d+) s", out or "")
    return float(m.group(1)) if m else 0.0


def check_quiet(res, found, wait):
    """No report in the whole boot, and the guest time to make it count."""
    problems = [f"reported: {m.group(0)}" for m in LOCKUP_LINE.finditer(res.output)]
    passed = uptime_seconds(found.get("up1")) - uptime_seconds(found.get("up0"))
    if passed < 2 * wait:
        problems.append(f"only {passed:.3f} s of guest time passed")
    watchdog = [[row[2] for row in rows.values() if row[4] == "watchdog/0"]
                for rows in (found.get("ps1", {}), found.get("ps2", {}))]
    if not all(watchdog) or watchdog[1][0] <= watchdog[0][0]:
        problems.append(f"watchdog/0's CPU time (ms) did not grow beside spin: {watchdog}")
    return problems, f"{passed:.3f} s of guest time, none reported"


def check_answers(res, found):
    comm, pid = spawned(found.get("spawn"))
    if not comm or found["spawn"] != f"started {comm} (pid {pid})\n":
        return [f"spawn said {found.get('spawn')!r}"], ""
    ps1, ps2, ps3 = (found.get(k, {}) for k in ("ps1", "ps2", "ps3"))
    problems = check_ending(res, "halt")
    if pid not in runnable(ps1):
        problems.append(f"ps does not show {comm} runnable: {ps1.get(pid)}")
    share = ps2.get(pid, (0, 0, 0, 0.0))[3]
    if share < 90:
        problems.append(f"{comm} had {share}% of the CPU while the shell slept")
    if found.get("kill") != f"stopped {comm} (pid {pid}, exit code 0)\n" or pid in ps3:
        problems.append(f"kill said {found.get('kill')!r}; ps lists {sorted(ps3)}")
    return problems, f"{comm} took {share}% of the CPU, then stopped"


def preempt_spin_test(runner):
    """Under PREEMPT the tick takes the CPU from spin: the shell answers
    beside it, and watchdog/0 runs, so nothing is reported: neither on an
    idle machine in a long sleep first."""
    labels = [(key, label) for key, label in PREEMPT_LABELS if runner.wanted(label)]
    outdir = runner.config(PREEMPT_CONFIG)
    if not outdir:
        return [(label, False, NOT_BUILT, "") for _, label in labels]
    wait = lockup_seconds(runner, outdir) + 5
    found = {}

    def interact(session):
        sh = Shell(session)
        found["up0"] = sh.run("uptime")
        sh.run(f"sleep {wait}")
        found["spawn"] = sh.run("spawn spin")
        found["ps1"] = ps_rows(sh.run("ps"))       # the shares below start here
        sh.run(f"sleep {wait}")
        found["ps2"] = ps_rows(sh.run("ps"))
        found["up1"] = sh.run("uptime")
        found["kill"] = sh.run(f"kill {spawned(found['spawn'])[1]}")
        found["ps3"] = ps_rows(sh.run("ps"))
        session.type("halt\n")

    res = boot_session(runner, outdir, SHARE_CMDLINE, interact, "halt")
    checks = {"answers": check_answers(res, found), "quiet": check_quiet(res, found, wait)}
    return [(label, not checks[key][0], "; ".join(checks[key][0]) or checks[key][1], res.output)
            for key, label in labels]


def strict_prio_test(runner):
    """Strict priorities: spin at 31 beside a cpu workload at 16, the shell
    at 31 to answer.  The workload starves, as the policy promises; the
    scheduler still switches (watchdog/0 is at 31 too), so nothing is
    reported."""
    outdir = runner.config(STRICT_PRIO_CONFIG)
    if not outdir:
        return [(STRICT_PRIO_LABEL, False, NOT_BUILT, "")]
    wait = lockup_seconds(runner, outdir) + 5
    found = {}

    def interact(session):
        sh = Shell(session)
        shell = [pid for pid, row in ps_rows(sh.run("ps")).items() if row[4] == "kshell"]
        found["nice"] = sh.run(f"nice {shell[0] if shell else 0} 31")
        found["cpu"] = spawned(sh.run("spawn cpu 1"))
        found["spin"] = spawned(sh.run("spawn spin 1 31"))
        sh.run("ps")                                # the shares below start here
        sh.run(f"sleep {wait}")
        found["ps"] = ps_rows(sh.run("ps"))
        found["kill"] = [sh.run(f"kill {found[k][1]}") for k in ("spin", "cpu")]
        session.type("halt\n")

    res = boot_session(runner, outdir, SHARE_CMDLINE, interact, "halt")
    rows = found.get("ps", {})
    (cpu, cpu_pid), (spin, spin_pid) = found.get("cpu", (0, 0)), found.get("spin", (0, 0))
    problems = check_ending(res, "halt")
    problems += [f"reported: {m.group(0)}" for m in LOCKUP_LINE.finditer(res.output)]
    if not re.fullmatch(r"pid \d+: priority 31\n", found.get("nice") or ""):
        problems.append(f"nice said {found.get('nice')!r}")
    shares = [rows.get(pid, (0, 0, 0, -1.0))[3] for pid in (spin_pid, cpu_pid)]
    if shares[0] < 90 or shares[1] != 0.0:
        problems.append(f"{spin} at 31 and {cpu} at 16 had {shares[0]}% and {shares[1]}%")
    watchdog = [row[1] for row in rows.values() if row[4] == "watchdog/0"]
    if watchdog != ["prio 31/31"]:
        problems.append(f"watchdog/0 runs at {watchdog}")
    if found.get("kill") != [f"stopped {name} (pid {pid}, exit code 0)\n"
                             for name, pid in ((spin, spin_pid), (cpu, cpu_pid))]:
        problems.append(f"kill said {found.get('kill')}")
    return [(STRICT_PRIO_LABEL, not problems, "; ".join(problems) or
             f"{spin} {shares[0]}%, {cpu} {shares[1]}% over {wait} s, none reported",
             res.output)]


def run(runner):
    """The sessions side by side, one per CPU: under -icount each guest's
    time follows its own instructions, so the verdicts are those of a
    session alone.  Results in order."""
    jobs = [functools.partial(serial_tests, runner), functools.partial(user_tests, runner)]
    for name, (params, ratio, end) in SHARE_CONFIGS.items():
        if runner.wanted(share_label(name, params, ratio, end)):
            jobs.append(functools.partial(share_test, runner, name, params, ratio, end))
    if runner.wanted(POWEROFF_Q35_LABEL):
        jobs.append(functools.partial(poweroff_q35_test, runner))
    if runner.wanted(FS_LABEL):
        jobs.append(functools.partial(fs_test, runner))
    for name in CAD_CONFIGS:
        if runner.wanted(cad_label(name)):
            jobs.append(functools.partial(ctrl_alt_del_test, runner, name))
    if runner.wanted(LOCKUP_LABEL):
        jobs.append(functools.partial(lockup_test, runner))
    if any(runner.wanted(label) for _, label in PREEMPT_LABELS):
        jobs.append(functools.partial(preempt_spin_test, runner))
    if runner.wanted(STRICT_PRIO_LABEL):
        jobs.append(functools.partial(strict_prio_test, runner))
    with ThreadPoolExecutor(max_workers=int(JOBS)) as pool:
        for results in list(pool.map(lambda job: job(), jobs)):
            for result in results:
                runner.result(*result)
