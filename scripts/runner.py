# SPDX-License-Identifier: GPL-2.0
"""The runner API of "make test": what every test group module uses.

scripts/test-kernel parses the arguments and calls each group module's
run(runner).  A group sees only this:

  runner.result(name, ok, detail, log)   one line of the report
  runner.wanted(name)                    --only selects this result
  runner.wants_any(prefix)               --only may select results named so
  runner.make(outdir, *targets)          make in an output directory
  runner.configure(name, how, ...)       a configuration in builddir/NAME
  runner.build(outdir, make_vars=...)    make all with W=e (and LLVM=1...)
  runner.boot(outdir, cmdline, ...)      boot its ISO (qemu.boot)
  runner.side_by_side(jobs)              jobs that boot, one per CPU, results in order
  runner.run_program(path, *args)        run a host program
  runner.config_value(outdir, symbol)    a value of its .config
  runner.config(name)                    a configuration, built the first time a group asks
                                         (combined ones incrementally, from the nearest built)
  runner.not_built(label)                report a result that could not run
  runner.built_for(label, config)        its directory, if the label is wanted and it built

Every wait a test may do is one of the constants below, so that no group
keeps a timeout of its own.
"""
import fnmatch
import os
import re
import shutil
import signal
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import ktap
import qemu
from buildenv import config_value, make_env

# Seconds of guest activity a boot may take: BOOT for a KTAP run or one
# fault, LONG_BOOT for the timer suites (they wait on guest time) and
# boots with little RAM.  Both are far above what a boot takes, and under
# -icount a loaded host slows the guest without moving its clock.
BOOT_TIMEOUT = 60
LONG_BOOT_TIMEOUT = 120
# A guest's answer to input the host sends it (keys typed through QEMU).
INTERACT_TIMEOUT = 15
# How long an idle guest must stay silent to count as idle.
IDLE_TIMEOUT = 3
# A host program: the longest (host_defconfig) takes about 10 s.
PROGRAM_TIMEOUT = 300
JOBS = str(os.cpu_count() or 2)


class BuildError(Exception):
    """A make step failed; @step says which, @log what make printed."""

    def __init__(self, step, log):
        super().__init__(step)
        self.step = step
        self.log = log


def lost_options(config_text, options):
    """The symbols of @options ({symbol: "y" or "n"}) whose value in the
    .config text @config_text is not the requested one."""
    values = {}
    for line in config_text.splitlines():
        if line.startswith("CONFIG_") and "=" in line:
            sym, _, value = line.partition("=")
            values[sym[len("CONFIG_"):]] = value.strip().strip('"')
    return [s for s, v in options.items() if values.get(s, "n") != v]


# How a case says that a busy host disturbed every try of its measure
# (ktest: KTEST_TRIES), and skipped, or one try, and measured again
# (KTEST_DISTURBED in include/kernel/ktest.h).
DISTURBED = "a busy host stopped the CPU"
RETRIED = re.compile(r"^\s*# (\S+): " + DISTURBED + r" in that try: again$", re.M)


def disturbed(report):
    """The cases of @report skipped because a busy host disturbed them."""
    return [c for c in report.skipped if DISTURBED in c.reason]


def disturbed_problems(res, report):
    """Under -icount no host can stop the guest's clocks, so a case of
    @report skipped as disturbed there is a problem: the kernel itself lost
    the time (ticks held off, or coming late), and the skip hides it."""
    if not res.icount:
        return []
    return ([f"skipped as disturbed under -icount: {c.name}" for c in disturbed(report)]
            + [f"measured again as disturbed under -icount: {name}"
               for name in sorted(set(RETRIED.findall(res.output)))])


def suites_pass(res):
    """Problems with a boot that must end in a passing KTAP run (QEMU's
    success code, no KTAP error or failed case, no soft lockup, some cases
    at all), and the parsed report.  Under -icount no host can stop the
    guest's clocks, so a case skipped as disturbed there is a problem: the
    kernel itself lost the time."""
    report = ktap.parse(res.output)
    problems = [] if res.status == qemu.EXIT_SUCCESS else [res.describe()]
    problems += report.errors + [f"case failed: {c.name}" for c in report.failed]
    problems += disturbed_problems(res, report)
    if "BUG: soft lockup" in res.output:
        problems.append("soft lockup reported")
    if not report.cases:
        problems.append("no test cases ran")
    return problems, report


def config_distance(a, b):
    """How far apart two .config texts are: the lines either has and the
    other lacks (a symbol with another value counts twice)."""
    return len(set(a.splitlines()) ^ set(b.splitlines()))


# What the configuration targets write; everything else in an output
# directory a build makes from them.
CONFIG_FILES = (".config", ".config.old", ".config.origin")
# Where combined configurations build (Runner.build_config()): always this
# one path, since the compiler's flags name the output directory
# (-fdebug-prefix-map) and a tree built elsewhere would rebuild every object.
INCREMENTAL_DIR = ".incremental"


def split_config(name):
    """The make targets, Kconfig options and make variables a configuration
    name spells (runner.build_config()): "A_defconfig+B.config+CONFIG_X=y
    LLVM=1" is (["A_defconfig", "B.config"], {"X": "y"}, ["LLVM=1"])."""
    how, *make_vars = name.split(" ")
    parts = how.split("+")
    options = dict(p[len("CONFIG_"):].split("=", 1) for p in parts if "=" in p)
    return [p for p in parts if "=" not in p], options, make_vars


class Runner:
    def __init__(self, srctree, builddir, only=None, verbose=False, out=None):
        self.srctree = srctree
        self.builddir = builddir
        self.only = only
        self.verbose = verbose
        self.out = out or (lambda text: print(text, flush=True))
        self.passed = 0
        self.failed = 0
        self.failures = []
        self._configs = {}  # name -> its output directory, or the BuildError it raised
        self._config_lock = threading.Lock()
        # Combined configurations built at INCREMENTAL_DIR: {(make variables,
        # .config, .config.origin): the output directory it was moved to}.
        self._seeds = {}
        # (kind, what, seconds) of every build and boot, for timing_summary().
        self.timings = []
        # A side_by_side() job's thread holds its results here until their turn.
        self._held = threading.local()

    def wanted(self, name):
        return not self.only or any(fnmatch.fnmatch(name, p) for p in self.only)

    def wants_any(self, prefix):
        """Whether --only may select a result whose name starts with
        @prefix: some pattern's literal head agrees with it.  For skipping
        work (a build) that only such results would need."""
        heads = (re.split(r"[*?[]", p, maxsplit=1)[0] for p in self.only or ())
        return not self.only or any(prefix.startswith(h) or h.startswith(prefix) for h in heads)

    def result(self, name, ok, detail="", log=""):
        held = getattr(self._held, "results", None)
        if held is not None:
            held.append((name, ok, detail, log))
            return
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            self.failures.append(name)
        self.out(f"{'ok  ' if ok else 'FAIL'} {name}{'  (' + detail + ')' if detail else ''}")
        if (not ok or self.verbose) and log:
            self.out("\n".join("     | " + line for line in log.rstrip().splitlines()[-60:]))

    def built_for(self, label, config):
        """The output directory of @config (built as config() builds it) if
        @label is to run; None if not, after reporting it when it did not
        build."""
        if not self.wanted(label):
            return None
        outdir = self.config(config)
        if not outdir:
            self.not_built(label)
        return outdir

    def not_built(self, label):
        self.result(label, False, "its configuration did not build")

    # ------------------------------------------------------------------
    def make(self, outdir, *targets, env=None, check=True, arch=None, wrap=()):
        """make @targets in @outdir; @wrap: a command that runs make (strace...)."""
        cmd = [*wrap, "make", "-C", self.srctree, f"O={outdir}", f"-j{JOBS}",
               *([f"ARCH={arch}"] if arch else []), *targets]
        proc = subprocess.run(cmd, env=make_env(**(env or {})),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if check and proc.returncode:
            raise BuildError(" ".join(targets), proc.stdout)
        return proc

    def configure(self, name, how, env=None, options=None, arch=None, fresh=True):
        """Configure builddir/NAME by @how (a list of make targets), then
        set @options ({symbol: "y" or "n"}), which must stick.  @fresh
        starts from an empty directory; otherwise the objects of the last
        configuration stay, and only what the change touches rebuilds."""
        outdir = os.path.join(self.builddir, name)
        if fresh:
            shutil.rmtree(outdir, ignore_errors=True)
        os.makedirs(outdir, exist_ok=True)
        log = ""
        for target in how:
            log += self.make(outdir, target, env=dict(env or {}, KCONFIG_STRICT="1"),
                             arch=arch).stdout
        if options:
            log += self.set_options(outdir, options, arch)
        return outdir, log

    def set_options(self, outdir, options, arch=None):
        args = [a for sym, v in options.items()
                for a in ("--enable" if v == "y" else "--disable", sym)]
        config = os.path.join(outdir, ".config")
        subprocess.run(["kconfig-tweak", "--file", config, *args], check=True)
        log = self.make(outdir, "olddefconfig", arch=arch).stdout
        with open(config, encoding="utf-8") as f:
            lost = lost_options(f.read(), options)
        if lost:
            raise BuildError("configure", log + f"\nnot kept in .config: {lost}\n")
        return log

    def build(self, outdir, arch=None, make_vars=(), name=None):
        """make all with W=e, and @make_vars (e.g. ["LLVM=1"]); @name is
        what timing_summary() calls it (by default, the directory's name)."""
        start = time.monotonic()
        try:
            return self.make(outdir, "W=e", *make_vars, "all", arch=arch).stdout
        finally:
            self.timings.append(("build", name or " ".join([os.path.basename(outdir), *make_vars]),
                                 time.monotonic() - start))

    def config_value(self, outdir, symbol):
        return config_value(outdir, symbol)

    # ------------------------------------------------------------------
    def boot(self, outdir, cmdline="qemu_exit", timeout=BOOT_TIMEOUT, iso=None, **kwargs):
        """Boot the ISO of @outdir (or @iso, a copy of it) with @cmdline
        (None: no command line at all); the other arguments are
        qemu.boot()'s."""
        res = qemu.boot(iso or os.path.join(outdir, "kernel.iso"), cmdline=cmdline,
                        timeout=timeout, **kwargs)
        self.timings.append(("boot", f"{os.path.basename(outdir)} {cmdline or ''}".strip(),
                             res.seconds))
        return res

    def side_by_side(self, jobs):
        """Run @jobs (callables that report through result()), up to one
        per CPU at a time, and report their results in the order of @jobs,
        as if they had run one after the other.  For jobs whose boots run
        under -icount: each guest's clock follows its own instructions, so
        boots side by side give the verdicts they give alone."""
        def run(job):
            self._held.results = []
            try:
                job()
                return self._held.results
            finally:
                self._held.results = None
        with ThreadPoolExecutor(max_workers=int(JOBS)) as pool:
            for results in pool.map(run, jobs):
                for result in results:
                    self.result(*result)

    def timing_summary(self, slowest=5):
        """Lines that say how many builds and boots ran, how long they took
        in all and which took longest: where a run's time goes."""
        lines = []
        for kind, note in (("build", ""), ("boot", ", side by side at times")):
            done = sorted((t for t in self.timings if t[0] == kind), key=lambda t: -t[2])
            if done:
                lines.append(f"# {len(done)} {kind}s, {sum(t[2] for t in done):.0f} s in all"
                             f"{note}; the longest: " +
                             ", ".join(f"{what} {secs:.1f} s" for _, what, secs in done[:slowest]))
        return lines

    def run_program(self, path, *args, env=None):
        """Run a host program; one still running after PROGRAM_TIMEOUT is
        killed and reported as dead of SIGKILL (returncode -9), with what
        it printed and a last line saying so, so that a hung test is a
        failure of its result, not of the whole run."""
        try:
            return subprocess.run([path, *args], stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True, timeout=PROGRAM_TIMEOUT,
                                  env=dict(os.environ, **(env or {})))
        except subprocess.TimeoutExpired as e:
            out = e.stdout.decode("utf-8", "replace") if isinstance(e.stdout, bytes) \
                else e.stdout or ""
            return subprocess.CompletedProcess(
                [path, *args], -signal.SIGKILL,
                out + f"\n# killed: still running after {PROGRAM_TIMEOUT} s\n")

    def build_config(self, name):
        """The output directory of the configuration @name, configured and
        built with W=e the first time any group asks for it: "A_defconfig",
        then any "+FRAGMENT.config" merged on it in order, and any
        "+CONFIG_X=y" (or =n) set after them, then any make variables after
        a space ("debug_defconfig LLVM=1").  A lone defconfig (or
        allyesconfig...) builds from an empty directory of its own, a
        combined one incrementally (_build_incrementally()).  Raises
        BuildError if it does not build, again on every later call."""
        found, _ = self._build(name)
        if isinstance(found, BuildError):
            raise found
        return found

    def _build(self, name):
        """build_config()'s work: (the output directory or the BuildError,
        whether this call built it), under the lock."""
        with self._config_lock:
            built_now = name not in self._configs
            if built_now:
                how, options, make_vars = split_config(name)
                dirname = re.sub(r"[^\w.+-]+", "-", name)
                try:
                    if len(how) == 1 and not options:
                        outdir, _ = self.configure(dirname, how)
                        self.build(outdir, make_vars=make_vars)
                    else:
                        outdir = self._build_incrementally(dirname, how, options, make_vars)
                    self._configs[name] = outdir
                except BuildError as e:
                    self._configs[name] = e
            return self._configs[name], built_now

    def _build_incrementally(self, dirname, how, options, make_vars):
        """Configure and build a combined configuration (a defconfig and
        fragments or options) at INCREMENTAL_DIR, starting from a copy of
        the tree built there before (same make variables) whose .config is
        nearest, then move it to builddir/@dirname.  The copy keeps its
        dates and the new .config is newer, so kconfig marks the symbols
        that changed and only the objects that use them rebuild, as after
        "make menuconfig"; a configuration already built (the same .config,
        origin and make variables) is that build.  The output directory."""
        work, _ = self.configure(INCREMENTAL_DIR, how, options=options)
        config = {}
        for f in CONFIG_FILES:
            if os.path.exists(os.path.join(work, f)):
                with open(os.path.join(work, f), encoding="utf-8") as fh:
                    config[f] = fh.read()
        key = (tuple(make_vars), config[".config"], config.get(".config.origin"))
        if key in self._seeds:
            return self._seeds[key]
        seeds = [(config_distance(cfg, config[".config"]), outdir)
                 for (mv, cfg, _), outdir in self._seeds.items() if mv == key[0]]
        if seeds:
            shutil.rmtree(work)
            shutil.copytree(min(seeds)[1], work, symlinks=True)
            for f in CONFIG_FILES:
                path = os.path.join(work, f)
                if f in config:
                    with open(path, "w", encoding="utf-8") as fh:
                        fh.write(config[f])
                elif os.path.exists(path):
                    os.remove(path)
        outdir = os.path.join(self.builddir, dirname)
        try:
            self.build(work, make_vars=make_vars,
                       name=" ".join([dirname, *make_vars]) + " (incremental)")
        finally:
            shutil.rmtree(outdir, ignore_errors=True)
            os.rename(work, outdir)
        self._seeds[key] = outdir
        return outdir

    def config(self, name):
        """build_config(@name), or None if it does not build: reported once,
        by the call that built it, as "build: NAME builds"."""
        found, built_now = self._build(name)
        if not isinstance(found, BuildError):
            return found
        if built_now:
            self.result(f"build: {name} builds", False, f"{found.step} failed", found.log)
        return None
