# SPDX-License-Identifier: GPL-2.0
"""The busybox group of "make test": Debian's own BusyBox, unmodified, as
init and shell, typed on the serial port as a user at a terminal would.

The kernel boots into BusyBox's init (CONFIG_BUSYBOX), whose inittab
starts a login shell on the console.  Each check types a command line,
waits for the next prompt and reads what the shell printed in between, so
the verdicts follow the guest's output and the guest's clock (-icount),
never the host's.  One session covers the commands a user tries first
(echo, ls, cat, wc, grep, sort, a pipeline, redirection, $?, a loop, a
script, a background job), job control (Ctrl-C ending a sleep, Ctrl-Z
stopping one, jobs, bg, kill of a background job), time (sleep 1 taking one second of guest time), the
process tools (ps, top, free, uptime) on /proc, dmesg, that 200 "sh -c true"
give back every frame and slab object, and poweroff.  A second boot of
its own runs a fork bomb: the machine runs out of processes or memory,
the kernel and the first shell survive, and kill cleans up.  A third
presses Ctrl-Alt-Del on the keyboard: init stops the machine in order.

Each check is a row of SESSION: what is typed, and a function that says
what is wrong with the answer.
"""
import re


ORDER = 55
SUMMARY = """Debian's BusyBox as init and shell, typed on the serial port:
commands, pipes, redirection, jobs, Ctrl-C, ps/top/free, poweroff, Ctrl-Alt-Del;
under UEFI too"""

CONFIG = "x86_64_defconfig"
# The login shell's prompt (usr/busybox/profile): the working directory,
# " # ", and the query of the cursor's position ("\e[6n") with which
# BusyBox's line editing learns the terminal's width; a serial line
# leaves it unanswered, as it does on Linux.
PROMPT = re.compile(r"(?:^|\n)[^\n]* # (?:\x1b\[6n)?$")
# Host seconds a command may go without printing; only a hung guest takes
# them.  Long commands print as they go (LOOP), so a busy host, which
# slows the guest, changes no verdict.
COMMAND_TIMEOUT = 60
BOOT_TIMEOUT = 120
NOT_BUILT = "its configuration was not built (build failed, or --only left it out)"
POWEROFF_QEMU_ARGS = ["-action", "reboot=reset"]
BANNER = re.compile(r"^Kestrel \d+\.\d+\.\d+ ", re.M)


class Shell:
    """Command lines typed one at a time into BusyBox's shell."""

    def __init__(self, session):
        self.session = session

    def run(self, line, keys=None):
        """Type @line and Enter (or @keys instead, as they are); what the
        shell printed before its next prompt, the echo of the line left
        out (keys have none: all of it), or None if no prompt came."""
        start = len(self.session.output())
        self.session.type(line + "\n" if keys is None else keys)
        if not self.session.wait_for_after(start, PROMPT, COMMAND_TIMEOUT, idle=True):
            return None
        text = self.session.output()[start:]
        text = text[:PROMPT.search(text).start()]
        if keys is not None:
            return text + "\n"
        return text[text.index("\n") + 1:] + "\n" if "\n" in text else ""


def exactly(want):
    """A check that the answer is @want, line for line."""
    def check(out):
        return [] if out == want else [f"printed {out!r}, expected {want!r}"]
    return check


def matches(pattern):
    """A check that the answer matches @pattern (re.M, the whole answer)."""
    def check(out):
        return [] if re.fullmatch(pattern, out or "", re.M | re.S) else \
            [f"printed {out!r}, which does not match {pattern!r}"]
    return check


def ps_table(out):
    """{pid: command} of BusyBox's ps ("PID USER COMMAND")."""
    rows = {}
    for line in (out or "").splitlines()[1:]:
        m = re.match(r"\s*(\d+)\s+\S+\s+(.*)$", line)
        if m:
            rows[int(m.group(1))] = m.group(2)
    return rows


def check_ps(out):
    rows = ps_table(out)
    problems = [] if (out or "").startswith("PID") else [f"no header: {out!r}"]
    if rows.get(1, "").split()[:1] != ["init"]:
        problems.append(f"pid 1 is {rows.get(1)!r}, not init")
    if not any(re.match(r"-?(/bin/)?sh\b", cmd) for cmd in rows.values()):
        problems.append("no shell listed")
    if not any(re.match(r"(\{ps\} )?ps|\{ps\}", cmd) for cmd in rows.values()):
        problems.append("ps does not list itself")
    return problems


def check_top(out):
    want = [r"^Mem: \d+K used, \d+K free", r"^CPU:\s+\d+% usr", r"^Load average: [\d.]+ [\d.]+ [\d.]+",
            r"^\s*PID\s+PPID\s+USER\s+STAT\s+VSZ", r"^\s*1\s+0\s+\S+\s+\S+\s+\d+.*init"]
    return [f"no line matching {w!r}" for w in want if not re.search(w, out or "", re.M)]


def check_free(out):
    m = re.search(r"^Mem:\s+(\d+)\s+(\d+)\s+(\d+)", out or "", re.M)
    if not m:
        return [f"no Mem: line in {out!r}"]
    total, used, free = map(int, m.groups())
    return [] if total > 0 and used + free <= total else [f"Mem: {total} {used} {free}"]


def check_meminfo(out):
    want = ("MemTotal", "MemFree", "MemAvailable")
    return [f"no {w}" for w in want if not re.search(rf"^{w}:\s+\d+ kB$", out or "", re.M)]


def check_time(out):
    """BusyBox's time on "sleep 0" and "sleep 1": one second apart, in
    guest time, within a few ticks (the rest is fork and execve, which
    both pay)."""
    real = [float(r) for r in re.findall(r"^real\s+0m ([\d.]+)s$", out or "", re.M)]
    if len(real) != 2:
        return [f"not two 'real' lines in {out!r}"]
    return [] if 0.99 <= real[1] - real[0] < 1.05 else \
        [f"sleep 1 took {real[1]} s, sleep 0 {real[0]} s"]


# The 200-shell leak check: the kernel's free frames and slab, read from
# /proc/meminfo before and after; a first round warms every cache up.
MEM_LINE = "grep -E '^(MemFree|Slab):' /proc/meminfo"
LOOP = "for i in $(seq {n}); do sh -c true; echo -n .; done"


def check_leak(before, after):
    if not before or before != after:
        return [f"before {before!r}, after {after!r}"]
    return []


SESSION = [
    # (what the label says, the line typed, the check)
    ("echo prints its arguments", "echo hello world", exactly("hello world\n")),
    ("ls -l / lists bin, dev, etc, proc, tmp",
     "ls -l / | grep -cE ' (bin|dev|etc|proc|tmp)$'", exactly("5\n")),
    ("cat, wc and grep read a file", "wc -l < /etc/inittab; grep -c respawn /etc/inittab",
     matches(r"\d+\n1\n")),
    ("a three-stage pipeline sorts and filters",
     "printf 'pear\\napple\\nfig\\n' | sort | grep -v fig", exactly("apple\npear\n")),
    ("> and >> write a file that cat reads back",
     "echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f", exactly("one\ntwo\n")),
    ("$? is a command's exit status", "false; echo $?; true; echo $?", exactly("1\n0\n")),
    ("a for loop", "for i in 1 2 3; do echo n$i; done", exactly("n1\nn2\nn3\n")),
    ("sh runs a script with its arguments",
     "echo 'echo script got $1' > /tmp/s.sh; sh /tmp/s.sh arg", exactly("script got arg\n")),
    ("a background job and wait", "(sleep 1; echo bg) & wait; echo fg",
     matches(r"(\[1\] \d+\n)?bg\n(\[1\]\+\s+Done.*\n)?fg\n(\[1\]\+\s+Done.*\n)?")),
    ("sleep 1 takes one second of guest time more than sleep 0 (time)",
     "time sleep 0; time sleep 1", check_time),
    ("ps lists init, the shell and itself", "ps", check_ps),
    ("top -n 1 shows memory, CPU, load and the processes", "top -b -n 1", check_top),
    ("free shows the memory", "free", check_free),
    ("uptime shows the time up and the load", "uptime",
     matches(r"\s*\d\d:\d\d:\d\d up .* load average: [\d.]+, [\d.]+, [\d.]+\n")),
    ("/proc/meminfo has MemTotal, MemFree, MemAvailable", "cat /proc/meminfo", check_meminfo),
    ("dmesg prints the kernel's log (syslog(2)), levels taken off",
     "dmesg | grep -c '^Run /init as init process$'", exactly("1\n")),
]


# A foreground job that says when it runs: ash's child puts its group in
# the terminal's foreground (tcsetpgrp) before it runs the subshell, so a
# key typed after "ready" reaches the job, however late the host is.
FG_JOB = "(echo ready; exec sleep 100000)"


def start_fg_job(sh):
    """Run FG_JOB; whether it said it runs."""
    start = len(sh.session.output())
    sh.session.type(FG_JOB + "\n")
    return sh.session.wait_for_after(start, r"\nready\n", COMMAND_TIMEOUT)


def interrupt_check(sh):
    """Ctrl-C at the console stops a sleep; the shell lives ($? is 130)."""
    if not start_fg_job(sh):
        return ["the job never said ready"]
    out = sh.run("", keys="\x03")
    if out is None:
        return ["no prompt after Ctrl-C"]
    status = sh.run("echo $?")
    return [] if status == "130\n" else [f"$? was {status!r}, not 130"]


def suspend_check(sh):
    """Ctrl-Z stops the foreground job (SIGTSTP): the shell says so, jobs
    lists it stopped, bg continues it (SIGCONT), kill %1 ends it."""
    if not start_fg_job(sh):
        return ["the job never said ready"]
    problems = []
    out = sh.run("", keys="\x1a") or ""
    # "^Z", the echo, then ash's line on the same line, as on Linux.
    if not re.search(r"^(\^Z)?\[1\]\+\s+Stopped", out, re.M):
        problems.append(f"Ctrl-Z: {out!r}")
    out = sh.run("jobs") or ""
    if not re.search(r"^\[1\]\+\s+Stopped", out, re.M):
        problems.append(f"jobs: {out!r}")
    out = sh.run("bg; jobs") or ""
    if not re.search(r"^\[1\]\+\s+Running", out, re.M):
        problems.append(f"bg; jobs: {out!r}")
    out = sh.run("kill %1; wait %1; echo $?") or ""
    if "143" not in out.splitlines():
        problems.append(f"kill %1: {out!r}")
    return problems


def kill_check(sh):
    """kill of a background job: it ends by SIGTERM (wait's status 143)."""
    out = sh.run("sleep 100 & echo pid $!") or ""
    m = re.search(r"^pid (\d+)$", out, re.M)
    if not m:
        return [f"no pid from {out!r}"]
    status = sh.run(f"kill {m.group(1)}; wait {m.group(1)}; echo $?") or ""
    return [] if "143" in status.splitlines() else [f"wait said {status!r}"]


# A job stopped when its shell exits, in lines short enough for the terminal's 80 columns: a
# script that starts "sleep 100" in the background, stops it and waits until it shows T.
ORPHAN_SCRIPT = ("echo 'sleep 100 & p=$!; echo $p > /tmp/o' > /tmp/j",
                 "echo 'kill -STOP $p' >> /tmp/j",
                 "echo 'until grep -q \" T \" /proc/$p/stat; do :; done' >> /tmp/j")


def orphan_check(sh):
    """A stopped job whose shell (sh /tmp/j) exits: its group is orphaned, so it gets SIGHUP
    and SIGCONT, dies and is reaped by init (kernel/exit.c), as in Linux; 5 s at most."""
    for line in ORPHAN_SCRIPT:
        sh.run(line)
    out = sh.run("sh /tmp/j; echo pid $(cat /tmp/o)") or ""
    m = re.search(r"^pid (\d+)$", out, re.M)
    if not m:
        return [f"no pid from {out!r}"]
    state = ""
    for _ in range(5):
        state = sh.run(f"sleep 1; cut -d' ' -f3 /proc/{m.group(1)}/stat") or ""
        if "No such file" in state:
            return []
    return [f"the job is still there, state {state.strip()!r}"]


def leak_check(sh):
    """200 "sh -c true" give back every frame and slab object."""
    sh.run(LOOP.format(n=20))
    before = sh.run(MEM_LINE)
    sh.run(LOOP.format(n=200))
    after = sh.run(MEM_LINE)
    return check_leak(before, after)


EXTRA = [
    ("Ctrl-C stops a foreground sleep and the shell goes on ($? 130)", interrupt_check),
    ("Ctrl-Z stops a foreground job; jobs lists it, bg continues it, kill %1 ends it",
     suspend_check),
    ("kill ends a background job (SIGTERM, $? 143)", kill_check),
    ("a stopped job whose shell exits gets SIGHUP and init reaps it", orphan_check),
    ("200 'sh -c true' give back every frame and slab object (/proc/meminfo)", leak_check),
]


def label(what):
    return f"busybox: {CONFIG}: {what}"


def main_session(runner, outdir):
    """The commands of SESSION and EXTRA, then poweroff."""
    answers = {}

    def interact(session):
        sh = Shell(session)
        for what, line, check in SESSION:
            answers[what] = check(sh.run(line))
        for what, check in EXTRA:
            answers[what] = check(sh)
        session.type("poweroff\n")

    res = runner.boot(outdir, cmdline=None, type_when=PROMPT.pattern, interact=interact,
                      timeout=BOOT_TIMEOUT, extra=POWEROFF_QEMU_ARGS)
    results = []
    for what in [w for w, _, _ in SESSION] + [w for w, _ in EXTRA]:
        problems = answers.get(what, ["the session stopped before this"])
        results.append((label(what), not problems, "; ".join(problems) or "as expected",
                        res.output))
    problems = [] if res.status == 0 and "reboot: Power down" in res.output else \
        [f"{res.describe()} after poweroff"]
    if len(BANNER.findall(res.output)) != 1:
        problems.append(f"the kernel started {len(BANNER.findall(res.output))} times")
    results.append((label("poweroff turns the machine off"), not problems,
                    "; ".join(problems) or "QEMU exit status 0, the kernel started once",
                    res.output))
    return results


# The classic ":(){ :|:& };:" is bash's: ash takes no ":" for a function name.
FORK_BOMB = "bomb(){ bomb|bomb& };bomb"
FORK_BOMB_LABEL = label("a fork bomb runs out of processes or memory; the kernel and the "
                        "shell survive, kill -9 -1 cleans up")


def fork_bomb(runner, outdir):
    found = {}

    def interact(session):
        sh = Shell(session)
        found["before"] = sh.run("ps | wc -l")
        start = len(session.output())
        session.type(FORK_BOMB + "\n")
        found["refused"] = session.wait_for_after(
            start, r"can't fork|Resource temporarily unavailable|Cannot allocate memory|"
            r"Out of memory", COMMAND_TIMEOUT)
        sh.run("", keys="\x03")
        sh.run("kill -9 -1")
        sh.run("sleep 1")
        found["after"] = sh.run("ps | wc -l")
        found["alive"] = sh.run("echo alive")
        session.type("poweroff\n")

    res = runner.boot(outdir, cmdline=None, type_when=PROMPT.pattern, interact=interact,
                      timeout=BOOT_TIMEOUT, extra=POWEROFF_QEMU_ARGS)
    problems = []
    if not found.get("refused"):
        problems.append("no fork failed")
    if found.get("alive") != "alive\n":
        problems.append(f"the shell answered {found.get('alive')!r}")
    if found.get("after") != found.get("before"):
        problems.append(f"ps lines {found.get('before')!r} before, {found.get('after')!r} after")
    if res.status != 0:
        problems.append(f"{res.describe()} after poweroff")
    if re.search(r"Kernel panic|BUG:|general protection", res.output):
        problems.append("the kernel reported a bug")
    return [(FORK_BOMB_LABEL, not problems, "; ".join(problems) or "as expected", res.output)]


CAD_LABEL = label("Ctrl-Alt-Del: init runs its ctrlaltdel action (reboot), and the machine "
                  "restarts once")
# BusyBox's init on the way down, after /sbin/reboot has signalled it.
CAD_INIT_SAYS = "Requesting system reboot"


def ctrl_alt_del(runner, outdir):
    """Ctrl-Alt-Del on the PS/2 keyboard: BusyBox's init disabled the
    kernel's restart at start (reboot(RB_DISABLE_CAD)), so the kernel
    sends it SIGINT, and init runs ::ctrlaltdel:/sbin/reboot; QEMU runs
    with -no-reboot, so the restart ends it."""
    def interact(session):
        session.sendkeys(["ctrl-alt-delete"])

    res = runner.boot(outdir, cmdline=None, type_when=PROMPT.pattern, interact=interact,
                      timeout=BOOT_TIMEOUT)
    problems = []
    if CAD_INIT_SAYS not in res.output:
        problems.append(f"init never said {CAD_INIT_SAYS!r}")
    if "reboot: Restarting system" not in res.output or res.status != 0:
        problems.append(f"no restart: {res.describe()}")
    if len(BANNER.findall(res.output)) != 1:
        problems.append(f"the kernel started {len(BANNER.findall(res.output))} times")
    return [(CAD_LABEL, not problems, "; ".join(problems) or "as expected", res.output)]


UEFI_LABEL = label("under UEFI: the shell on the serial port; stty size is the framebuffer "
                   "console's 48 128; poweroff ends QEMU")


def under_uefi(runner, outdir):
    """BusyBox under OVMF: no VGA text, no BIOS data area, the screen a
    1024x768 framebuffer, whose 128x48 grid is the terminal's size."""
    found = {}

    def interact(session):
        sh = Shell(session)
        found["size"] = sh.run("stty size")
        session.type("poweroff\n")

    res = runner.boot(outdir, cmdline=None, type_when=PROMPT.pattern, interact=interact,
                      timeout=BOOT_TIMEOUT, extra=POWEROFF_QEMU_ARGS, firmware="uefi")
    problems = []
    if found.get("size") != "48 128\n":
        problems.append(f"stty size said {found.get('size')!r}")
    if "booted by UEFI firmware" not in res.output:
        problems.append("the boot log does not name UEFI")
    if res.status != 0 or "reboot: Power down" not in res.output:
        problems.append(f"{res.describe()} after poweroff")
    return [(UEFI_LABEL, not problems, "; ".join(problems) or "as expected", res.output)]


def run(runner):
    jobs = []
    outdir = runner.config(CONFIG)

    def main_job():
        if not outdir:
            for what in [w for w, _, _ in SESSION] + [w for w, _ in EXTRA]:
                runner.result(label(what), False, NOT_BUILT, "")
            return
        for result in main_session(runner, outdir):
            runner.result(*result)

    def boot_of_its_own(name, session):
        """The job of a boot of its own, whose one result is @name."""
        def job():
            if not outdir:
                runner.result(name, False, NOT_BUILT, "")
                return
            for result in session(runner, outdir):
                runner.result(*result)
        return job

    jobs.append(main_job)
    for name, session in ((FORK_BOMB_LABEL, fork_bomb), (CAD_LABEL, ctrl_alt_del),
                          (UEFI_LABEL, under_uefi)):
        if runner.wanted(name):
            jobs.append(boot_of_its_own(name, session))
    runner.side_by_side(jobs)
