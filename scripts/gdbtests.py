# SPDX-License-Identifier: GPL-2.0
"""The gdb group of "make test": "make gdb" driven by a gdb --batch script.

On debug_defconfig (CONFIG_DEBUG_INFO): gdb stops at start_kernel and
shows its source line; "bt" names it; after parse_kernel_params() a print
of boot_info.cmdline gives the command line the kernel prints on serial;
a breakpoint in a KTAP test case (glob_table) is hit with ktest_run_all
below it; "continue" runs to the end of the KTAP run, which must pass.
On x86_64_defconfig (no debug information) gdb still stops at
start_kernel and says how to get source lines.
"""
import os
import re
import subprocess
import tempfile

from buildenv import make_env
from runner import LONG_BOOT_TIMEOUT

# The group's place in a run, and its line in "make test --help".
ORDER = 90
SUMMARY = """make gdb with a gdb --batch script: start_kernel, bt, a variable, a
breakpoint in a test case, continue to the end"""


CMDLINE = "qemu_exit ktest.filter=glob"
SCRIPT = """\
bt
hbreak console_init
continue
print boot_info.cmdline
break glob_table
continue
bt
continue
"""


def make_gdb(runner, outdir, script):
    """make gdb with @script as GDB_ARGS' batch file: (status, gdb's output,
    the serial log)."""
    with tempfile.NamedTemporaryFile("w", suffix=".gdb") as f:
        f.write(script)
        f.flush()
        # W=e, as the runner built the kernel: other flags would rebuild it first.
        cmd = ["make", "-C", runner.srctree, f"O={outdir}", "W=e", "gdb", f"CMDLINE={CMDLINE}",
               f"GDB_ARGS=--batch -x {f.name}"]
        try:
            proc = subprocess.run(cmd, env=make_env(), stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True,
                                  timeout=LONG_BOOT_TIMEOUT)
            status, out = proc.returncode, proc.stdout
        except subprocess.TimeoutExpired as e:
            status, out = None, (e.stdout or b"").decode("utf-8", "replace")
    try:
        with open(os.path.join(outdir, "serial.log"), encoding="utf-8", errors="replace") as f:
            serial = f.read()
    except OSError:
        serial = ""
    return status, out, serial


def session_problems(status, out, serial):
    problems = [] if status == 0 else [f"make gdb exited with {status}"]
    if not re.search(r"^Breakpoint 1, start_kernel \(", out, re.M):
        problems.append("did not stop at start_kernel")
    elif not re.search(r"^Breakpoint 1, start_kernel .*\n\d+\t.*pr_notice", out, re.M):
        problems.append("no source line at start_kernel")
    if not re.search(r"^#0  start_kernel \(", out, re.M):
        problems.append("bt does not name start_kernel")
    printed = re.search(r'^\$1 = 0x[0-9a-f]+ "(.*)"$', out, re.M)
    logged = re.search(r"^Command line: (.*)$", serial, re.M)
    if not printed or not logged or printed.group(1) != logged.group(1):
        problems.append(f"print boot_info.cmdline gave {printed and printed.group(1)!r}, "
                        f"the kernel printed {logged and logged.group(1)!r}")
    if not re.search(r"^Breakpoint 3, glob_table \(", out, re.M):
        problems.append("the breakpoint in glob_table was not hit")
    elif not re.search(r"^#\d+ .* ktest_run_all \(", out, re.M):
        problems.append("bt in glob_table does not show ktest_run_all")
    if "# Totals: pass:1 fail:0" not in serial or "Kernel initialized\n" not in serial:
        problems.append("continue did not run the KTAP run to its end")
    return problems


def run(runner):
    label = ("gdb: debug_defconfig: stops at start_kernel with source, bt, print of the "
             "command line, a breakpoint in a test case, continue to the end")
    outdir = runner.built_for(label, "debug_defconfig")
    if outdir:
        status, out, serial = make_gdb(runner, outdir, SCRIPT)
        problems = session_problems(status, out, serial)
        runner.result(label, not problems, "; ".join(problems), out + serial)
    label = "gdb: x86_64_defconfig: stops at start_kernel, says how to get debug information"
    outdir = runner.built_for(label, "x86_64_defconfig")
    if outdir:
        status, out, serial = make_gdb(runner, outdir, "bt\n")
        problems = [] if status == 0 else [f"make gdb exited with {status}"]
        if "Turn on CONFIG_DEBUG_INFO" not in out:
            problems.append("no word of CONFIG_DEBUG_INFO")
        if not re.search(r"^#0  0x[0-9a-f]+ in start_kernel \(\)", out, re.M):
            problems.append("did not stop at start_kernel")
        runner.result(label, not problems, "; ".join(problems), out)
