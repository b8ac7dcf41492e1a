# SPDX-License-Identifier: GPL-2.0
"""The host group of "make test" (also "make hosttest").

The hardware-free code and its suites as a host program under ASan and
UBSan (make ARCH=host, arch/host/Kconfig), once per variant: a variant is
host_defconfig plus a fragment of configs/fragments/ or a set of Kconfig
options, never compiler flags.  Every variant builds in the same output
directory, one after the other, so that each rebuilds only the files that
use an option it changes.  host_defconfig runs every suite; the other
variants run the memory suites, which are what they change.

A case that kills the program (a sanitizer report) is named: the program
writes its output through, so the KTAP stops inside the case's suite, and
"ktest-host --list" says which case comes after the last result.  Two
cases of host_defconfig crash on purpose to prove it.

Before them, the user programs of usr/ are built with musl-gcc (an
x86_64_defconfig with CONFIG_USER_MODE, "make usr") and run here: they
are static Linux programs, so Linux proves them before Kestrel can run
them.  They, BusyBox and two programs the ELF loader must refuse are
what the host program's elf_files suite checks elf_check() on.

Then the KTAP parser's unit tests, the runner's, the documentation
checked against the tree, and every Debian package the scripts name
checked against the tool it is named for.
"""
import os
import re
import subprocess
import sys

import ktap
import variants
from buildenv import usr_programs
from runner import BuildError, split_config

# The group's place in a run, and its line in "make test --help".
ORDER = 10
SUMMARY = """the hardware-free code and its suites as a host program under
ASan/UBSan (make ARCH=host), once per host variant; the KTAP parser's and
the runner's own tests, and the documentation checked against the tree"""


MM_SUITES = "memblock,page_alloc,heap*,slab*,spinlock"
SLAB_DEBUG = {"p": "POISON", "r": "REDZONE", "c": "CHECKS", "t": "TRACK"}
# The cases of arch/host/kernel/crash_test.c, and what stops the program.
CRASH_CASES = (("asan_heap_overflow", "ASan"), ("ubsan_shift_overflow", "UBSan"))


def slab_debug_combinations():
    """(combo, options, description) for every combination of the slab
    heap's four debug options: "prct" has them all, "none" none."""
    for n in range(16):
        combo = "".join(k for i, k in enumerate(SLAB_DEBUG) if n >> (3 - i) & 1) or "none"
        options = {"SLAB_DEBUG": "y"}
        options.update({f"SLAB_DEBUG_{opt}": "y" if k in combo else "n"
                        for k, opt in SLAB_DEBUG.items()})
        what = "none" if combo == "none" else "+".join(SLAB_DEBUG[k] for k in combo)
        yield combo, options, f"slab debug options {what}"


USR_LABELS = (
    "host: usr/ built by musl-gcc (CONFIG_USER_MODE, W=e): hello runs here, prints its line "
    "and exits 0",
    "host: usertest runs here: KTAP whose every case passes on Linux; fail=CASE fails that "
    "case, exit status 1",
)
ELF_FILES_LABEL = ("host: elf_check on real programs: usr/'s and BusyBox accepted, a dynamic "
                   "and a musl static-pie program refused, each for its reason")
HELLO_LINE = "Hello from user space!\n"


def musl_build(srctree, outdir, name, *flags):
    """Build usr/hello.c with musl-gcc and @flags into @outdir/NAME: the
    programs the loader must refuse.  The path, or None."""
    path = os.path.join(outdir, name)
    proc = subprocess.run(["musl-gcc", "-O2", *flags, "-o", path,
                           os.path.join(srctree, "usr", "hello.c")],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return path if proc.returncode == 0 else None


def elf_files(srctree, outdir):
    """KTEST_ELF_FILES for the elf_files suite: each file and what
    elf_check() must say of it (arch/host/kernel/elf_files_test.c)."""
    lines = [f"{os.path.join(outdir, 'usr', 'bin', p)}\t0" for p in usr_programs(srctree)]
    if os.path.exists("/bin/busybox"):
        lines.append("/bin/busybox\t0")
    dynamic = musl_build(srctree, outdir, "hello-dynamic", "-no-pie")
    static_pie = musl_build(srctree, outdir, "hello-static-pie", "-static-pie")
    for path, words in ((dynamic, "PT_INTERP"), (static_pie, "not static-pie")):
        lines.append(f"{path or 'musl-gcc-failed'}\t-8\t{words}")
    return "\n".join(lines)


def user_programs(runner):
    """Build usr/ and run its programs here.  Returns KTEST_ELF_FILES for
    the host program, or None if usr/ did not build."""
    if not any(runner.wanted(label) for label in USR_LABELS + (ELF_FILES_LABEL,)) and \
            not runner.wanted(variant_label("host_defconfig", "every hardware-free suite")):
        return None
    try:
        outdir, log = runner.configure("usr", ["x86_64_defconfig"], options={"USER_MODE": "y"})
        log += runner.make(outdir, "W=e", "usr").stdout
    except BuildError as e:
        for label in USR_LABELS:
            runner.result(label, False, f"{e.step} failed", e.log)
        return None
    bindir = os.path.join(outdir, "usr", "bin")
    if runner.wanted(USR_LABELS[0]):
        proc = runner.run_program(os.path.join(bindir, "hello"))
        with open(os.path.join(outdir, "usr", "programs.list"), encoding="utf-8") as f:
            listed = f.read()
        progs = usr_programs(runner.srctree)
        want_list = "".join(f"file /bin/{p} usr/bin/{p} 0755 0 0\n" for p in sorted(progs))
        problems = [] if proc.stdout == HELLO_LINE else [f"printed {proc.stdout!r}"]
        problems += [f"exit status {proc.returncode}"] if proc.returncode else []
        problems += [] if listed == want_list else [f"programs.list is {listed!r}"]
        runner.result(USR_LABELS[0], not problems,
                      "; ".join(problems) or f"{len(progs)} programs, listed in programs.list",
                      log + proc.stdout)
    if runner.wanted(USR_LABELS[1]):
        runner.result(USR_LABELS[1], *usertest_problems(runner, bindir))
    return elf_files(runner.srctree, outdir)


def usertest_problems(runner, bindir):
    """(ok, detail, log) of usertest, as is and with one case failed on purpose."""
    usertest = os.path.join(bindir, "usertest")
    proc = runner.run_program(usertest)
    report = ktap.parse(proc.stdout)
    problems = report.errors + [f"case failed: {c.name}" for c in report.failed]
    if proc.returncode:
        problems.append(f"exit status {proc.returncode}")
    # A case may say that it runs only somewhere else ("only on Kestrel",
    # "only as init"); any other skip on Linux is a case that proves nothing.
    skipped = [c for c in report.skipped if not c.reason.startswith("only ")]
    if len(report.cases) < 4 or skipped:
        problems.append(f"{len(report.cases)} cases, {len(skipped)} skipped: "
                        f"{', '.join(c.name for c in skipped)}")
    failed = runner.run_program(usertest, "fail=getpid_is_stable")
    fail_report = ktap.parse(failed.stdout)
    if failed.returncode != 1 or [c.name for c in fail_report.failed] != ["getpid_is_stable"]:
        problems.append(f"fail=getpid_is_stable: exit status {failed.returncode}, failed "
                        f"{[c.name for c in fail_report.failed]}")
    return not problems, "; ".join(problems) or f"KTAP {report.summary()}", \
        proc.stdout + failed.stdout


def elf_files_check(runner, outdir, files):
    """The elf_files suite on real programs, run on its own: it must run
    (not skip) and pass."""
    if not runner.wanted(ELF_FILES_LABEL):
        return
    if files is None:
        runner.result(ELF_FILES_LABEL, False, "usr/ did not build")
        return
    problems, report, output = program_problems(
        runner, os.path.join(outdir, "ktest-host"), "elf_files",
        env={"KTEST_ELF_FILES": files})
    if report.skipped or len(report.cases) != 1:
        problems.append(f"{len(report.cases)} cases, {len(report.skipped)} skipped")
    accepted = len(re.findall(r"^    # .*: accepted:", output, re.M))
    refused = len(re.findall(r"^    # .*: -\d+, ", output, re.M))
    runner.result(ELF_FILES_LABEL, not problems,
                  "; ".join(problems) or f"{accepted} accepted, {refused} refused", output)


def as_host(name):
    """(name, make targets, options) of a configuration spelled as for
    runner.build_config()."""
    how, options, _ = split_config(name)
    return name, how, options or None


def host_variants_of(srctree):
    """(name, make targets, options, what it is) of every host variant: every
    design of the frame allocator, the heap and the spinlock (variants.py)."""
    yield "host_defconfig", ["host_defconfig"], None, "every hardware-free suite"
    frame = variants.choice(srctree, "FRAME_ALLOC_BUDDY")
    heap = variants.choice(srctree, "HEAP_SLAB")
    spin = variants.choice(srctree, "SPINLOCK_TICKET")
    for c in (frame, heap, spin):
        for v in c.others():
            yield as_host(v.config_name("host_defconfig")) + (f"{c.prompt}: {v.prompt}",)
    # Another frame allocator may hand out arenas side by side, which a heap
    # must not merge.
    for f in frame.others():
        for h in heap.others():
            yield as_host(h.config_name(f.config_name("host_defconfig"))) + (
                f"{heap.prompt}: {h.prompt}, over the {f.prompt.lower()} frame allocator",)
    for combo, options, what in slab_debug_combinations():
        yield f"slab-debug-{combo}", ["host_defconfig"], options, what


def running_case(listing, report):
    """The case a program was running when its output stopped, as
    "suite.case": the one after the last result of the innermost suite
    still open, in the order of @listing (what "ktest-host --list" printed
    for the same filter).  None if the output did not stop in a suite."""
    if not report.unfinished:
        return None
    suite = report.unfinished[-1]
    cases = [line for line in listing.splitlines() if line.startswith(suite.name + ".")]
    done = len(suite.results)
    return cases[done] if done < len(cases) else f"{suite.name}, after its last case"


def program_problems(runner, program, suites, env=None):
    """Run the host program @program on @suites: the problems found, the
    case that died (if one did) first; the KTAP report; the output."""
    proc = runner.run_program(program, suites, env=env)
    report = ktap.parse(proc.stdout)
    problems = report.errors + [f"case failed: {c.name}" for c in report.failed]
    if report.unfinished:
        listing = runner.run_program(program, "--list", suites).stdout
        verb = "died in" if proc.returncode else "output ends in"
        problems.insert(0, f"{verb} case {running_case(listing, report)}")
    if proc.returncode:
        problems.append(f"exit status {proc.returncode}")
    if not report.cases:
        problems.append("no test cases ran")
    return problems, report, proc.stdout


def variant_label(name, what):
    return f"host: {name}: {what}, under ASan/UBSan"


def crash_labels():
    """(case, label) of each check that a dying case is named."""
    return [(case, f"host: host_defconfig: a case that dies under {tool} is named ({case})")
            for case, tool in CRASH_CASES]


def run_variant(runner, outdir, name, what, log, env=None):
    suites = "*" if name == "host_defconfig" else MM_SUITES
    problems, report, output = program_problems(runner, os.path.join(outdir, "ktest-host"),
                                                suites, env=env)
    detail = f"KTAP {report.summary()}" if report.root else "no KTAP"
    calls = sum(int(m) for m in re.findall(r"# .*: (\d+) calls compared", output))
    if calls:
        detail += f", vsnprintf and the C library's compared on {calls} calls"
    runner.result(variant_label(name, what), not problems, "; ".join(problems) or detail,
                  log + output)


def crash_checks(runner, outdir):
    """A case that dies under a sanitizer (arch/host/kernel/crash_test.c,
    on purpose) must be named, and the suite run before it kept: the
    program writes its output through, or the sanitizer's exit loses it."""
    for case, label in crash_labels():
        if not runner.wanted(label):
            continue
        problems, report, output = program_problems(
            runner, os.path.join(outdir, "ktest-host"), "glob,ktest_host_crash",
            env={"KTEST_HOST_CRASH": case})
        done = [t.name for t in report.root.results if t.ok] if report.root else []
        ok = problems[:1] == [f"died in case ktest_host_crash.{case}"] and done == ["glob"]
        runner.result(label, ok, f"{problems[0] if problems else 'no problem found'}; "
                      f"suites finished before it: {done}", output)


def host_variants(runner, files):
    first = True
    for name, how, options, what in host_variants_of(runner.srctree):
        labels = [variant_label(name, what)]
        if name == "host_defconfig":
            labels += [label for _, label in crash_labels()] + [ELF_FILES_LABEL]
        if not any(runner.wanted(label) for label in labels):
            continue
        try:
            outdir, _ = runner.configure("host", how, options=options, arch="host",
                                         fresh=first)
            first = False
            log = runner.build(outdir, arch="host")
        except BuildError as e:
            runner.result(labels[0], False, f"{e.step} failed", e.log)
            continue
        if runner.wanted(labels[0]):
            env = {"KTEST_ELF_FILES": files} if files and name == "host_defconfig" else None
            run_variant(runner, outdir, name, what, log, env)
        if name == "host_defconfig":
            crash_checks(runner, outdir)
            elf_files_check(runner, outdir, files)


def script_checks(runner):
    scripts = os.path.join(runner.srctree, "scripts")
    for label, argv in (("host: KTAP parser", ["ktap_test.py"]),
                        ("host: test runner", ["runner_test.py"]),
                        ("host: documentation check", ["doccheck_test.py"]),
                        ("host: copying make bench's figures into benchmarks.md",
                         ["benchdoc_test.py"]),
                        ("host: psf.py and fbscreen.py: PSF fonts read through their Unicode "
                         "tables, bad ones refused; screendumps decoded pixel-exact",
                         ["psf_test.py"]),
                        ("host: qemu.py's command line disk: hostile text reads back as "
                         "given, graphics modes only WxHxD in ASCII digits", ["qemu_test.py"]),
                        ("host: gen_initramfs.py: newc archives read back, reproducible, "
                         "list mistakes named by file and line", ["gen_initramfs_test.py"]),
                        ("host: the documentation names only what exists, every parameter, "
                         "and quotes figures only in benchmarks.md",
                         ["doccheck.py", runner.srctree]),
                        ("host: every Debian package named owns the tool named with it (dpkg -S)",
                         ["depcheck.py", runner.srctree])):
        if not runner.wanted(label):
            continue
        proc = runner.run_program(sys.executable, os.path.join(scripts, argv[0]), *argv[1:])
        lines = proc.stdout.strip().splitlines()
        runner.result(label, proc.returncode == 0, lines[-1] if lines else "", proc.stdout)
    label = "host: make checkstyle: clang-format, 100 columns, pyflakes3"
    if runner.wanted(label):
        proc = runner.run_program("sh", os.path.join(scripts, "checkstyle"), runner.srctree)
        lines = proc.stdout.strip().splitlines()
        runner.result(label, proc.returncode == 0, lines[-1] if lines else "", proc.stdout)


def run(runner):
    host_variants(runner, user_programs(runner))
    script_checks(runner)
