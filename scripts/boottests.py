# SPDX-License-Identifier: GPL-2.0
"""The boot group of "make test".

Every file in configs/ (two of them with LLVM=1 too), allyesconfig, every
fragment over x86_64_defconfig (and the tick at 100 Hz over
debug_defconfig), a few fixed-seed randconfigs and every
combination of the slab debug options: built with W=e, booted with qemu_exit, the KTAP run checked (or
"Kernel initialized" when there are no tests); allnoconfig booted to the
end of initialization with no console at all; debug_defconfig with 2 GiB.
A kernel with the initramfs must say it unpacked as many entries as its
build put in the archive, and that it freed the module's memory.  Each
boot's log must name the firmware that started it: BIOS for all of the
above; x86_64_defconfig and debug_defconfig also boot under UEFI (OVMF),
the first to BusyBox's shell on the serial port, the second through its
KTAP run, and theirs must name UEFI.
What it builds the groups after it find built (runner.config()).
"""
import collections
import filecmp
import glob
import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

import doccheck
import gen_initramfs
import ktap
import qemu
import variants
from hosttests import slab_debug_combinations
from buildenv import copy_sources, make_env
from runner import (BOOT_TIMEOUT, JOBS, LONG_BOOT_TIMEOUT, BuildError, disturbed_problems,
                    suites_pass)

# The group's place in a run, and its line in "make test --help".
ORDER = 30
SUMMARY = """every file in configs/ (x86_64 and debug also with LLVM=1),
allyesconfig, every fragment (the tick at 100 Hz on debug_defconfig too),
a few fixed-seed randconfigs and every combination of the slab debug
options: built with W=e, booted, KTAP checked; allnoconfig booted to the
end of initialization; x86_64_defconfig and debug_defconfig under UEFI"""


RANDCONFIG_SEEDS = ["0x1", "0xbeef", "0x2026"]
# Every fragment boots with the tests beside it; these also without them
# (the screen group reads mono.config's banner on the top row).
TESTS_FRAGMENT = "ktest.config"
PLAIN_FRAGMENTS = ("mono.config",)
# Fragments booted on debug_defconfig too, through every suite it runs:
# the tick as the clocksource at 100 Hz, a clock that moves in 10 ms steps,
# where a case that assumes the clock moved between two readings fails.
DEBUG_FRAGMENTS = ("clocksource-tick-hz100.config",)
# Slab debug combinations a defconfig or fragment above already boots.
COVERED_COMBOS = {"prct", "r"}      # debug_defconfig, slab-debug-redzone.config
SLAB_DEBUG_DIR = "slab-debug-combinations"
# What the slab debug options change: the allocators, and what allocates most.
SLAB_DEBUG_SUITES = "memblock,page_alloc,heap*,slab*,sched,workqueue,locking"
# Suites that run minutes of guest time (a few seconds of the host's under
# -icount, but many more on a loaded host): their boots get LONG_BOOT_TIMEOUT.
LONG_SUITES = ("CONFIG_KTEST_SCHED_MLFQ",)
# Booted under UEFI (OVMF) too.  OVMF costs about 5 s of TCG per boot
# (4 before GRUB starts): two boots, not every configuration.
UEFI_DEFCONFIGS = ("x86_64_defconfig", "debug_defconfig")


class BootQueue:
    """Boots run in the background, up to one per CPU, while the next
    configurations build: a build of a combined configuration rebuilds only
    what it changes and is mostly shorter than a boot, so one boot at a
    time would keep the run waiting on QEMU.  Results are reported in the
    order the boots were queued.  Under -icount the guest's clock follows
    its instructions, so the overlap changes no verdict."""

    def __init__(self, boots=int(JOBS)):
        self.pool = ThreadPoolExecutor(max_workers=boots)
        self.boots = boots
        self.pending = collections.deque()

    def submit(self, boot, report):
        """Run @boot() in the background; @report(its result) once the
        boots queued before it are reported and a place is needed for a
        new one, or at drain()."""
        while len(self.pending) >= self.boots:
            self._report_first()
        self.pending.append((self.pool.submit(boot), report))

    def _report_first(self):
        future, report = self.pending.popleft()
        report(future.result())

    def drain(self):
        """Wait for every boot in the background, and report them."""
        while self.pending:
            self._report_first()


BOOTS = BootQueue()


def built_facts(runner, outdir):
    """What check_boot() needs of the .config in @outdir, read at once: a
    shared directory's .config changes with the next build.  With the
    initramfs, also how many entries the build put in its archive."""
    facts = {sym: runner.config_value(outdir, sym) == "y"
             for sym in ("CONFIG_KTEST", "CONFIG_SERIAL_CONSOLE", "CONFIG_INITRAMFS")
             + LONG_SUITES}
    # KERN_INFO reaches the console at the default log level of 7 or more.
    facts["info"] = facts["CONFIG_SERIAL_CONSOLE"] and \
        int(runner.config_value(outdir, "CONFIG_DEFAULT_LOGLEVEL") or 7) > 6
    facts["initramfs"] = None
    if facts["CONFIG_INITRAMFS"]:
        try:
            with open(os.path.join(outdir, "usr", "initramfs.cpio"), "rb") as f:
                facts["initramfs"] = len(gen_initramfs.entry_names(f.read()))
        except (OSError, ValueError) as e:
            facts["initramfs"] = str(e)
    return facts


def initramfs_problems(facts, output):
    """A kernel with the initramfs must have unpacked every entry of the
    archive its build made, and freed the module: a boot without the
    module, or with a broken archive, fails here."""
    if not facts["CONFIG_INITRAMFS"] or not facts["CONFIG_SERIAL_CONSOLE"]:
        return []
    if isinstance(facts["initramfs"], str):
        return [f"the build's usr/initramfs.cpio: {facts['initramfs']}"]
    problems = []
    if f"initramfs: {facts['initramfs']} entries unpacked" not in output:
        problems.append(f"no 'initramfs: {facts['initramfs']} entries unpacked' line")
    if "Freeing initrd memory: " not in output:
        problems.append("the initramfs's memory was not freed")
    elif "Freeing initrd memory: 0K" in output:
        # A page-aligned module has at least one whole page; none freed
        # means the allocator's span left it out (as GRUB on UEFI put it).
        problems.append("the initramfs's memory was freed as 0K")
    return problems


def firmware_problems(facts, output, firmware, cmdline="qemu_exit"):
    """The boot log names the firmware that started the machine
    (print_boot_info(), from the EFI tags GRUB passes or not)."""
    if not facts["info"] or "loglevel=" in (cmdline or ""):
        return []
    want = f"booted by {firmware.upper()} firmware"
    return [] if want in output else [f"no '{want}' in the boot log"]


def check_boot(facts, res, expect_tests, firmware="bios", cmdline="qemu_exit"):
    """Problems of a qemu_exit boot, and a summary of it."""
    has_tests = facts["CONFIG_KTEST"]
    problems = firmware_problems(facts, res.output, firmware, cmdline)
    if res.status != qemu.EXIT_SUCCESS:
        problems.append(res.describe())
    if "Kernel panic" in res.output:
        problems.append("kernel panic")
    if "BUG: soft lockup" in res.output:
        problems.append("soft lockup reported")
    detail = f"{res.seconds:.1f} s"
    if has_tests:
        report = ktap.parse(res.output)
        problems += report.errors
        problems += [f"case failed: {c.name}" for c in report.failed]
        problems += disturbed_problems(res, report)
        if not report.cases:
            problems.append("no test cases ran")
        detail = f"KTAP {report.summary()}, {detail}"
    elif facts["CONFIG_SERIAL_CONSOLE"] and "Kernel initialized" not in res.output:
        problems.append("'Kernel initialized' not printed")
    problems += initramfs_problems(facts, res.output)
    if expect_tests is not None and has_tests != expect_tests:
        problems.append(f"CONFIG_KTEST={'y' if has_tests else 'n'} unexpectedly")
    return problems, detail


def boot_config(runner, name, how=None, expect_tests=None, env=None, options=None, shared=None,
                cmdline="qemu_exit"):
    """Build @name with W=e, then boot with @cmdline and check the result
    in the background (BOOTS); the output directory, or None if it did not
    build.  Without @how, @name is how (runner.build_config(), whose build
    the other groups then share); otherwise configure builddir/@name by
    @how, @env and @options.  With @shared (a directory name), build there
    on top of the last configuration; the boot runs from a copy of its ISO,
    which the next build replaces."""
    label = f"boot: {name}"
    try:
        if how is None:
            outdir = runner.build_config(name)
        else:
            outdir, _ = runner.configure(shared or name, how, env, options,
                                         fresh=shared is None or not os.path.isdir(
                                             os.path.join(runner.builddir, shared)))
            runner.build(outdir)
    except BuildError as e:
        BOOTS.drain()           # results stay in order
        runner.result(label, False, f"{e.step} failed", e.log)
        return None
    facts = built_facts(runner, outdir)
    timeout = LONG_BOOT_TIMEOUT if any(facts[sym] for sym in LONG_SUITES) else BOOT_TIMEOUT
    iso = os.path.join(outdir, "kernel.iso")
    if shared:
        iso = os.path.join(runner.builddir, f"{name}.iso")
        shutil.copyfile(os.path.join(outdir, "kernel.iso"), iso)

    def boot():
        return runner.boot(outdir, cmdline=cmdline, timeout=timeout, iso=iso)

    def report(res):
        if shared:
            os.remove(iso)
        problems, detail = check_boot(facts, res, expect_tests, cmdline=cmdline)
        if name == "debug_defconfig":
            problems += bench_cases_problems(runner, res)
        runner.result(label, not problems, "; ".join(problems) or detail,
                      res.output if problems else "")
    BOOTS.submit(boot, report)
    return outdir


def uefi_boots(runner):
    """UEFI_DEFCONFIGS booted under OVMF from the same ISO the BIOS boots:
    through the KTAP run with qemu_exit, or, without tests, to BusyBox's
    prompt on the serial port (the screen is read and QEMU quit there).
    The log must name UEFI, and the memory map be the EFI one."""
    for name in UEFI_DEFCONFIGS:
        label = f"boot: {name} on UEFI (OVMF)"
        outdir = runner.built_for(label, name)
        if not outdir:
            continue
        facts = built_facts(runner, outdir)
        shell = not facts["CONFIG_KTEST"] and runner.config_value(outdir, "CONFIG_USER_MODE")

        def boot(outdir=outdir, shell=shell):
            if shell:
                return runner.boot(outdir, cmdline="", firmware="uefi",
                                   screen_when=r"\n~ # ", screen_delay=0.2)
            return runner.boot(outdir, firmware="uefi")

        def report(res, label=label, facts=facts, shell=shell):
            if shell:
                problems = firmware_problems(facts, res.output, "uefi")
                problems += initramfs_problems(facts, res.output)
                if res.timed_out or "\n~ # " not in res.output:
                    problems.append("no shell prompt on the serial port: " + res.describe())
                if "Kernel panic" in res.output:
                    problems.append("kernel panic")
                detail = f"BusyBox's prompt on serial, {res.seconds:.1f} s"
            else:
                problems, detail = check_boot(facts, res, None, firmware="uefi")
            if facts["info"] and "EFI descriptors" not in res.output:
                problems.append("the memory map is not the EFI memory map")
            runner.result(label, not problems, "; ".join(problems) or detail,
                          res.output if problems else "")
        BOOTS.submit(boot, report)


def bench_cases_problems(runner, res):
    """benchmarks.md quotes the number of debug_defconfig's cases from make
    bench's boot of it, which is this boot's run: they must agree."""
    quoted = doccheck.bench_quotes(runner.srctree)["cases"]
    ran = len(ktap.parse(res.output).cases)
    if quoted == ran:
        return []
    return [f"{doccheck.BENCH_DOC} quotes {quoted} KTAP cases for debug_defconfig, "
            f"this boot ran {ran}: run make bench and quote it again"]


def fragment_configs(srctree):
    """The name (runner.build_config()) of each fragment's boot: on
    x86_64_defconfig with ktest.config beside it, since a variant fragment
    changes the variant only and the tests are what proves it works; and
    the fragments a group needs without the tests (PLAIN_FRAGMENTS) alone."""
    names = []
    for path in sorted(glob.glob(os.path.join(srctree, "configs", "fragments", "*.config"))):
        frag = os.path.basename(path)
        frags = [frag] if frag == TESTS_FRAGMENT else [frag, TESTS_FRAGMENT]
        names.append("+".join(["x86_64_defconfig", *frags]))
        if frag in PLAIN_FRAGMENTS:
            names.append(f"x86_64_defconfig+{frag}")
    return names


def design_configs(srctree):
    """Every design of the frame allocator, the heap and the scheduler that
    no defconfig has and no fragment chooses (variants.py), with the tests:
    a new design boots through every suite before anyone writes it a
    fragment."""
    return [v.config_name(f"x86_64_defconfig+{TESTS_FRAGMENT}")
            for choice in variants.designs(srctree) for v in choice.others() if not v.fragment]


def allnoconfig(runner):
    """No console and no tests: prove from outside that init finished."""
    label = "boot: allnoconfig (no console; exit code proves init finished)"
    if not runner.wanted(label):
        return
    try:
        outdir, _ = runner.configure("allnoconfig", ["allnoconfig"])
        runner.build(outdir)
    except BuildError as e:
        BOOTS.drain()           # results stay in order
        runner.result(label, False, f"{e.step} failed", e.log)
        return
    quiet = all(runner.config_value(outdir, s) != "y"
                for s in ("CONFIG_VGA_CONSOLE", "CONFIG_SERIAL_CONSOLE", "CONFIG_KTEST"))

    def report(res):
        ok = quiet and res.status == qemu.EXIT_SUCCESS and not res.output.strip()
        runner.result(label, ok, res.describe() if ok or quiet else "a console is enabled",
                      res.output)
    BOOTS.submit(lambda: runner.boot(outdir), report)


def slab_debug_boots(runner):
    """The memory, task and lock suites under every combination of the four
    slab debug options that no defconfig or fragment has already booted
    (those boot every suite).  One output directory for all of them, one
    after the other, so each recompiles only what its options change."""
    shutil.rmtree(os.path.join(runner.builddir, SLAB_DEBUG_DIR), ignore_errors=True)
    for combo, options, _ in slab_debug_combinations():
        name = f"x86_64_defconfig+ktest.config+slab-debug-{combo}"
        if combo in COVERED_COMBOS or not runner.wanted(f"boot: {name}"):
            continue
        boot_config(runner, name, ["x86_64_defconfig", "ktest.config"], expect_tests=True,
                    options=options, shared=SLAB_DEBUG_DIR,
                    cmdline=f"qemu_exit ktest.filter={SLAB_DEBUG_SUITES}")


def large_memory(runner):
    """2 GiB of RAM: memory above the boot tables' first GiB reaches the
    frame allocator only after paging_init() maps it."""
    label = "boot: debug_defconfig with 2 GiB of RAM"
    outdir = runner.built_for(label, "debug_defconfig")
    if not outdir:
        return

    def check(res):
        problems, report = suites_pass(res)
        m = re.search(r"Memory: (\d+) MiB available", res.output)
        if not m or int(m.group(1)) < 2000:
            problems.append(f"memory summary: {m.group(0) if m else None}")
        runner.result(label, not problems, "; ".join(problems) or
                      f"{m.group(0)}, KTAP {report.summary()}", res.output if problems else "")
    BOOTS.submit(lambda: runner.boot(outdir, extra=["-m", "2G"]), check)


def interrupt_controller_boots(runner):
    """debug_defconfig's I/O APIC, on other machines than its own boot's:
    four CPUs, which the MADT must list (the APs stay asleep: the local and
    I/O APIC suites run on the boot CPU, under MTTCG, so without -icount
    and with no suite that measures time); and no ACPI at all, where the
    kernel must say so, fall back to the 8259, and pass the irq suite on it
    (the apic suite skipped).  The 8259 is every other configuration's."""
    checks = [
        ("boot: debug_defconfig -smp 4: the MADT lists 4 CPUs", dict(smp=4),
         "qemu_exit ktest.filter=madt,apic,acpi_tables",
         [r"ACPI: MADT: 4 CPUs \(APIC IDs 0-3\), 1 I/O APIC at 0xfec00000",
          r"IOAPIC\[0\]: apic_id 0, version 0x20, address 0xfec00000, GSI 0-23",
          r"irq: IRQs 0-15 through the IO-APIC"]),
        ("boot: debug_defconfig without ACPI falls back to the 8259",
         dict(extra=["-machine", "acpi=off"]), "qemu_exit ktest.filter=irq,apic",
         [r"ACPI: no MADT: one CPU, legacy 8259 PIC",
          r"IOAPIC: no MADT; using the 8259 PIC instead",
          r"irq: IRQs 0-15 through the XT-PIC"]),
    ]
    for label, kwargs, cmdline, lines in checks:
        outdir = runner.built_for(label, "debug_defconfig")
        if not outdir:
            continue

        def check(res, label=label, lines=lines):
            problems, report = suites_pass(res)
            problems += [f"no line matching {line!r}" for line in lines
                         if not re.search(line, res.output)]
            runner.result(label, not problems, "; ".join(problems) or f"KTAP {report.summary()}",
                          res.output if problems else "")
        BOOTS.submit(lambda outdir=outdir, cmdline=cmdline, kwargs=kwargs:
                     runner.boot(outdir, cmdline=cmdline, **kwargs), check)


# Built and booted with the LLVM toolchain too: the default kernel, and the
# one that runs every suite.
LLVM_DEFCONFIGS = ("x86_64_defconfig", "debug_defconfig")


def llvm_toolchain_problems(outdir):
    """What in @outdir's saved commands shows a tool other than LLVM's, or
    cc-option passing Clang a flag only GCC knows."""
    def saved(path):
        with open(os.path.join(outdir, path), encoding="utf-8") as f:
            return f.read()
    problems = []
    string_cmd = saved("lib/.string.o.cmd")
    if not string_cmd.startswith("cmd_lib/string.o := clang "):
        problems.append("lib/string.o not compiled by clang")
    if "-fno-tree-loop-distribute-patterns" in string_cmd:
        problems.append("clang given -fno-tree-loop-distribute-patterns")
    problems += [f"clang not given {flag}" for flag in
                 ("-fstack-clash-protection", "-Wframe-larger-than=2048")
                 if flag not in string_cmd.split()]
    if 'LD="ld.lld"' not in saved(".kernel.elf.cmd"):
        problems.append("kernel.elf not linked by ld.lld")
    if "llvm-ar cDPrST" not in saved("lib/.built-in.a.cmd"):
        problems.append("lib/built-in.a not archived by llvm-ar")
    return problems


def llvm_boots(runner):
    """LLVM=1: Clang, ld.lld and llvm-ar build with W=e, and boot."""
    for defconfig in LLVM_DEFCONFIGS:
        name = f"{defconfig} LLVM=1"
        if not runner.wanted(f"boot: {name}"):
            continue
        outdir = boot_config(runner, name)
        label = (f"build: {name} uses clang, ld.lld, llvm-ar; cc-option drops GCC-only flags, "
                 "keeps -fstack-clash-protection and -Wframe-larger-than")
        if outdir and runner.wanted(label):
            problems = llvm_toolchain_problems(outdir)
            runner.result(label, not problems, "; ".join(problems))


def reproducible(runner):
    """debug_defconfig (debug information included) built again from a copy
    of the sources, into another directory: the same kernel.elf, and with
    the same SOURCE_DATE_EPOCH the same ISO."""
    label = ("build: debug_defconfig built again from a copy of the sources, elsewhere: "
             "kernel.elf and kernel.iso byte-identical")
    first = runner.built_for(label, "debug_defconfig")
    if not first:
        return
    with open(os.path.join(first, ".kernel.iso.cmd"), encoding="utf-8") as f:
        m = re.search(r"SOURCE_DATE_EPOCH=(\d+) ", f.read())
    copy = os.path.join(runner.builddir, "reproducible", "sources")
    outdir = os.path.join(runner.builddir, "reproducible", "elsewhere")
    copy_sources(runner.srctree, copy)
    shutil.rmtree(outdir, ignore_errors=True)
    env = make_env(SOURCE_DATE_EPOCH=m.group(1) if m else "")
    log = ""
    for args in (["debug_defconfig"], [f"-j{JOBS}", "W=e", "all"]):
        proc = subprocess.run(["make", "-C", copy, f"O={outdir}", *args], env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        log += proc.stdout
        if proc.returncode:
            runner.result(label, False, "the second build failed", log)
            return
    # Without a SOURCE_DATE_EPOCH (no git checkout) the ISO carries the
    # build's time, and only the ELF can be the same.
    compared = ("kernel.elf", "kernel.iso") if m else ("kernel.elf",)
    differ = [name for name in compared
              if not filecmp.cmp(os.path.join(first, name), os.path.join(outdir, name),
                                 shallow=False)]
    runner.result(label, not differ, f"{', '.join(differ)} differ" if differ else
                  f"SOURCE_DATE_EPOCH={m.group(1)}" if m else
                  "no SOURCE_DATE_EPOCH (not a git checkout): the ISO not compared",
                  log if differ else "")
    shutil.rmtree(os.path.join(runner.builddir, "reproducible"), ignore_errors=True)


def run(runner):
    for path in sorted(glob.glob(os.path.join(runner.srctree, "configs", "*_defconfig"))):
        name = os.path.basename(path)
        if runner.wanted(f"boot: {name}"):
            boot_config(runner, name)
    # Right after debug_defconfig builds (or fails to, reported in order).
    large_memory(runner)
    interrupt_controller_boots(runner)
    for frag in DEBUG_FRAGMENTS:
        name = f"debug_defconfig+{frag}"
        if runner.wanted(f"boot: {name}"):
            boot_config(runner, name, expect_tests=True)
    llvm_boots(runner)
    uefi_boots(runner)
    reproducible(runner)
    if runner.wanted("boot: allyesconfig"):
        boot_config(runner, "allyesconfig", expect_tests=True)
    allnoconfig(runner)
    for name in fragment_configs(runner.srctree) + design_configs(runner.srctree):
        if runner.wanted(f"boot: {name}"):
            boot_config(runner, name)
    for seed in RANDCONFIG_SEEDS:
        name = f"randconfig-{seed}"
        if runner.wanted(f"boot: {name}"):
            boot_config(runner, name, ["randconfig"], env={"KCONFIG_SEED": seed})
    slab_debug_boots(runner)
    BOOTS.drain()
