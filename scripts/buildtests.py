# SPDX-License-Identifier: GPL-2.0
"""Tests of the build system itself, run by scripts/test-kernel.

Each test drives make in an output directory of its own and checks what
make printed: which commands ran, and the messages given for bad input.
"""
import functools
import json
import os
import re
import shlex
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor

import doccheck
import ktap
import qemu
import variants
from buildenv import build_kernel, copy_sources, make_env, usr_programs
from runner import LONG_BOOT_TIMEOUT, BuildError

# The group's place in a run, and its line in "make test --help".
ORDER = 20
SUMMARY = """the build system: null rebuild, per-symbol rebuild, changed flags,
dropped Kconfig values, missing tools"""


COMMAND_RE = re.compile(r"^  (CC|AS|AR|LD|LDS|ISO|HOSTCC|SYNC|GEN|USERCC|USERLD)\s+(\S+)", re.M)


def commands(output):
    """The (kind, target) pairs of the quiet command lines in make's output."""
    return COMMAND_RE.findall(output)


def compiled(output):
    return sorted(t for kind, t in commands(output) if kind in ("CC", "AS"))


def run(runner):
    tests = [
        ("build: null rebuild runs no command, nor any program but make", null_rebuild),
        ("build: toggling CONFIG_VGA_COLORS rebuilds only colors.o and vga_console.o (and "
         "configs.o, "
         "which embeds .config, and version.o, whose banner names the fragment), as "
         "benchmarks.md quotes", toggle_symbol),
        ("build: the banner names the defconfig, the fragments merged on it and any other "
         "change", banner_origin),
        ("build: changed compiler flags rebuild every object; V=1 shows them", changed_flags),
        ("build: compile_commands.json lists every C file", compile_commands),
        ("build: make size agrees with size -B; make sizediff names what mono.config takes out",
         size_reports),
        ("build: dropped and reset Kconfig values are named", kconfig_dropped_values),
        ("build: a missing tool names its Debian package", missing_tool),
        ("build: an unknown defconfig is refused by name", unknown_defconfig),
        ("build: O= ignores a .config and objects left in the source tree", dirty_srctree),
        ("build: CONFIG_FRAME_WARN reaches the compiler, and W=e stops a larger frame; "
         "-fstack-clash-protection", frame_warn),
        ("build: -Os, -g and frame pointers follow the configuration", config_flags),
        ("build: CONFIG_KALLSYMS embeds a symbol table that matches the kernel", kallsyms),
        ("build: kmem_cache_* under another heap design fails to compile, by name",
         slab_api_misuse),
        ("build: clean keeps the configuration, mrproper removes it", clean_targets),
        ("build: make randconfig-test boots a seed; failed seeds are named with the command "
         "that repeats them", randconfig_test),
    ]
    run_on(runner, tests, "build-system", "x86_64_defconfig")
    host_build(runner)
    name = ("build: usr/ (CONFIG_USER_MODE): a null build runs nothing, a header rebuilds only "
            "the programs that include it, USERCFLAGS all; a new program is in the next make's "
            "archive; a missing musl-gcc names musl-tools; "
            "without USER_MODE no program is built and musl-gcc is not needed")
    if runner.wanted(name):
        runner.result(name, *user_programs(runner))
    name = ("build: a new scheduling policy, heap design and frame allocator need only their "
            "own file and a line in their directory's Kconfig and Makefile: copies of prio, "
            "bump and buddy build with W=e, boot, and pass and skip what the originals do")
    if runner.wanted(name):
        runner.result(name, *new_designs(runner))


def includers_of(srctree, progs, header):
    """What touching usr/@header must rebuild: the objects whose source
    includes it, directly or through another header of usr/, and the
    programs made of them."""
    usr = os.path.join(srctree, "usr")
    headers, found = {header}, True
    while found:
        found = False
        for name in os.listdir(usr):
            if name.endswith(".h") and name not in headers:
                with open(os.path.join(usr, name), encoding="utf-8") as f:
                    if any(f'#include "{h}"' in f.read() for h in headers):
                        headers.add(name)
                        found = True
    rebuilt = set()
    for prog, objs in progs.items():
        for obj in objs:
            with open(os.path.join(usr, obj[:-2] + ".c"), encoding="utf-8") as f:
                text = f.read()
            if any(f'#include "{h}"' in text for h in headers):
                rebuilt |= {f"usr/{obj}", f"usr/bin/{prog}"}
    return sorted(rebuilt)


def user_commands(output):
    """The user programs' objects and links in @output, sorted."""
    return sorted(t for kind, t in commands(output) if kind in ("USERCC", "USERLD"))


def user_programs(runner):
    """usr/'s Kbuild, on a copy of the sources (a header is touched)."""
    copy = os.path.join(runner.builddir, "usr-srctree")
    copy_sources(runner.srctree, copy)
    outdir = os.path.join(copy, "out")

    def make(*args, check=True):
        proc = subprocess.run(["make", "-C", copy, f"O={outdir}", *args], env=make_env(),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if check and proc.returncode:
            raise BuildError(" ".join(args), proc.stdout)
        return proc.stdout

    progs = usr_programs(runner.srctree)
    everything = sorted({f"usr/bin/{p}" for p in progs} |
                        {f"usr/{o}" for objs in progs.values() for o in objs})
    problems, log = [], ""
    try:
        log += make("x86_64_defconfig")
        subprocess.run(["kconfig-tweak", "--file", os.path.join(outdir, ".config"), "--enable",
                        "USER_MODE"], check=True)
        log += make("olddefconfig")
        steps = [("first build", [], everything),
                 ("null build", [], []),
                 ("touch usr/ktap.h", [], includers_of(runner.srctree, progs, "ktap.h")),
                 ("USERCFLAGS=-DKESTREL_USER_FLAG", ["USERCFLAGS=-DKESTREL_USER_FLAG"],
                  everything),
                 ("USERCFLAGS dropped", [], everything)]
        for what, args, want in steps:
            if what.startswith("touch"):
                os.utime(os.path.join(copy, what.split()[1]))
            out = make("W=e", *args, "all")
            log += f"--- {what}\n{out}"
            got = user_commands(out)
            if got != want or (what == "null build" and commands(out)):
                problems.append(f"{what}: ran {' '.join(got) or 'nothing'}")
        with open(os.path.join(outdir, "usr", "programs.list"), encoding="utf-8") as f:
            listed = f.read()
        want = "".join(f"file /bin/{p} usr/bin/{p} 0755 0 0\n" for p in sorted(progs))
        if listed != want:
            problems.append(f"programs.list is {listed!r}")
        # A program added to usr/ is in the archive of the first make after,
        # parallel too (where the archive's inputs could be looked at before
        # usr/ had rewritten them).
        with open(os.path.join(copy, "usr", "kestrelnew.c"), "w", encoding="utf-8") as f:
            f.write("int main(void)\n{\n\treturn 0;\n}\n")
        with open(os.path.join(copy, "usr", "Makefile"), "a", encoding="utf-8") as f:
            f.write("progs-y += kestrelnew\n")
        log += "--- a new program\n" + make("-j2", "W=e", "all")
        with open(os.path.join(outdir, "usr", "initramfs.cpio"), "rb") as f:
            if b"bin/kestrelnew\0" not in f.read():
                problems.append("a program added to usr/ is not in the next make's archive")
        out = make("MUSLCC=kestrel-no-such-musl-gcc", "all", check=False)
        log += out
        if "install the Debian package 'musl-tools'" not in out:
            problems.append("a missing musl-gcc does not name musl-tools")
        subprocess.run(["kconfig-tweak", "--file", os.path.join(outdir, ".config"), "--disable",
                        "USER_MODE"], check=True)
        log += make("olddefconfig")
        out = make("W=e", "MUSLCC=kestrel-no-such-musl-gcc", "all")
        log += out
        if user_commands(out) or os.path.exists(os.path.join(outdir, "usr", "programs.list")):
            problems.append("USER_MODE=n built programs or kept programs.list")
    except BuildError as e:
        return False, f"make {e.step} failed", log + e.log
    shutil.rmtree(copy, ignore_errors=True)
    return not problems, "; ".join(problems) or "6 steps, each ran what it must", log


def run_on(runner, tests, dirname, defconfig, arch=None):
    """Build @defconfig in builddir/DIRNAME once, then run each of @tests
    (name, fn(runner, outdir, output of the first build)) --only selects."""
    selected = [(name, fn) for name, fn in tests if runner.wanted(name)]
    if not selected:
        return
    try:
        outdir, _ = runner.configure(dirname, [defconfig], arch=arch)
        first = runner.make(outdir, "all", arch=arch).stdout
    except BuildError as e:
        runner.result(f"build: {'ARCH=host ' if arch else ''}{defconfig} builds", False,
                      log=e.log)
        return
    for name, fn in selected:
        ok, detail, log = fn(runner, outdir, first)
        runner.result(name, ok, detail, log)


# The host program's objects of host_defconfig that are not in lib/ or
# arch/host/, where every file is a host file: any other object means a
# host-y list leaked hardware code into the host build.
HOST_OBJECTS = {
    "arch/x86_64/kernel": {"multiboot2.o", "multiboot2_test.o"},
    "kernel": {"log_buf.o", "log_buf_test.o", "symbol.o"},
    "kernel/time": {"clocksource.o", "timekeeper.o", "timekeeper_test.o"},
    "kernel/locking": {"lock_graph.o", "lock_graph_test.o", "spinlock_test.o"},
    "drivers/video": {"text_grid.o", "text_grid_escape.o", "text_grid_test.o", "fb.o",
                      "fb_test.o"},
    "drivers/input/keyboard": {"atkbd.o", "atkbd_test.o"},
    "kernel/kshell": {"line_edit.o", "line_edit_test.o", "args.o", "args_test.o"},
    "fs": {"cpio.o", "cpio_test.o"},
    "drivers/acpi": {"tables.o", "tables_test.o", "madt.o", "madt_test.o", "aml_s5.o", "sleep.o",
                     "sleep_test.o"},
    "mm": {"memblock.o", "page_alloc.o", "page_alloc_buddy.o", "heap_common.o", "slab.o",
           "slab_debug.o", "memblock_test.o", "page_alloc_test.o", "heap_test.o",
           "slab_test.o", "heap_model_test.o", "heap_hostile_test.o", "slab_hostile_test.o"},
}


def host_build(runner):
    """ARCH=host has the kernel build's properties."""
    tests = [
        ("build: ARCH=host builds only host-y files, with the sanitizers", host_objects),
        ("build: ARCH=host null rebuild runs no command, nor any program but make",
         functools.partial(null_rebuild, arch="host")),
        ("build: ARCH=host toggling CONFIG_SLAB_DEBUG_POISON rebuilds only slab.o and "
         "slab_debug.o", host_toggle_symbol),
        ("build: ARCH=host allnoconfig, allyesconfig and randconfigs build with W=e and run",
         host_other_configs),
    ]
    run_on(runner, tests, "build-host", "host_defconfig", arch="host")


def host_objects(runner, outdir, first):
    built = [o for o in compiled(first) if not o.startswith(("lib/", "arch/host/"))]
    got = {}
    for o in built:
        got.setdefault(os.path.dirname(o), set()).add(os.path.basename(o))
    problems = [f"{d}: {sorted(got.get(d, set()) ^ want)}"
                for d, want in sorted(HOST_OBJECTS.items()) if got.get(d, set()) != want]
    problems += [f"{d}: {sorted(got[d])}" for d in sorted(set(got) - set(HOST_OBJECTS))]
    unsanitized = [o for o in compiled(first) if "-fsanitize=address" not in read_cmd(outdir, o)]
    if unsanitized:
        problems.append(f"built without -fsanitize=address: {unsanitized}")
    if not os.access(os.path.join(outdir, "ktest-host"), os.X_OK):
        problems.append("no ktest-host program")
    return not problems, "; ".join(problems) or f"{len(compiled(first))} objects", first


def read_cmd(outdir, obj):
    path = os.path.join(outdir, os.path.dirname(obj), f".{os.path.basename(obj)}.cmd")
    with open(path, encoding="utf-8") as f:
        return f.readline()


def host_toggle_symbol(runner, outdir, first):
    runner.set_options(outdir, {"SLAB_DEBUG": "y", "SLAB_DEBUG_POISON": "n"}, arch="host")
    outs = [runner.make(outdir, "all", arch="host").stdout]
    runner.set_options(outdir, {"SLAB_DEBUG_POISON": "y"}, arch="host")
    outs.append(runner.make(outdir, "all", arch="host").stdout)
    linked = all(("LD", "ktest-host") in commands(out) for out in outs)
    on = compiled(outs[1])
    ok = on == ["mm/slab.o", "mm/slab_debug.o"] and linked
    return ok, f"rebuilt {' '.join(on) or 'nothing'}; relinked: {linked}", "\n".join(outs)


def null_rebuild(runner, outdir, first, arch=None):
    """Nothing to do: no command printed, and (strace) no program run but
    make itself: no compiler probe, no git, no shell, no mkdir."""
    if not shutil.which("strace"):
        return False, "strace not found: install the Debian package 'strace' (or run 'make deps')", ""
    trace = os.path.join(outdir, "null-rebuild.strace")
    out = runner.make(outdir, "all", arch=arch,
                      wrap=["strace", "-f", "-qq", "-e", "trace=execve", "-o", trace]).stdout
    ran = commands(out)
    with open(trace, encoding="utf-8", errors="replace") as f:
        programs = re.findall(r'execve\("([^"]+)", \[(.*?)\]', "\n".join(
            line for line in f if "execve(" in line and "= 0" in line))
    others = [f"{os.path.basename(path)} {args[:60]}" for path, args in programs
              if os.path.basename(path) != "make"]
    problems = [f"{len(ran)} commands printed"] if ran else []
    if others:
        problems.append(f"ran {'; '.join(others)}")
    if not programs:
        problems.append("strace saw no make run at all")
    return not problems, "; ".join(problems) or \
        f"{len(commands(first))} commands first, none after; {len(programs)} programs run, all make", out


def toggle_symbol(runner, outdir, first):
    outs = []
    for target in ("mono.config", "all", "x86_64_defconfig", "all"):
        outs.append(runner.make(outdir, target).stdout)
    off, on = compiled(outs[1]), compiled(outs[3])
    want = ["drivers/video/colors.o", "drivers/video/vga_console.o", "kernel/version.o"]
    if runner.config_value(outdir, "CONFIG_IKCONFIG") == "y":
        want = sorted(want + ["kernel/configs.o"])
    # make bench toggles it on this configuration too: its figure must agree.
    quoted = doccheck.bench_quotes(runner.srctree)["toggle"]
    ok = off == want and on == want and quoted == off
    detail = f"off: {' '.join(off) or 'nothing'}; on: {' '.join(on) or 'nothing'}"
    if quoted != off:
        detail += f"; but {doccheck.BENCH_DOC} quotes {' '.join(quoted or ['nothing'])}"
    return ok, detail, "\n".join(outs)


def banner_of(outdir):
    with open(os.path.join(outdir, "kernel.elf"), "rb") as f:
        m = re.search(rb"Kestrel \d+\.\d+\.\d+ \(([^)\0]*)\)", f.read())
    return m.group(1).decode() if m else None


def banner_origin(runner, outdir, first):
    """Each step changes the configuration and what the banner calls it:
    the plain defconfig, a fragment on it, an option changed by hand, and
    the defconfig again.  A note that names nothing new rebuilds nothing."""
    steps = [(["x86_64_defconfig"], None, "x86_64_defconfig"),
             (["mono.config"], None, "x86_64_defconfig + mono.config"),
             ([], ("--set-val", "HZ", "250"), "x86_64_defconfig + mono.config, modified"),
             ([], ("--set-val", "HZ", "100"), "x86_64_defconfig + mono.config"),
             (["x86_64_defconfig"], None, "x86_64_defconfig")]
    problems, log = [], ""
    for targets, tweak, want in steps:
        for target in targets:
            log += runner.make(outdir, target).stdout
        if tweak:
            subprocess.run(["kconfig-tweak", "--file", os.path.join(outdir, ".config"), *tweak],
                           check=True)
        log += runner.make(outdir, "all").stdout
        got = banner_of(outdir)
        if got != want:
            problems.append(f"after {' '.join(targets) or ' '.join(tweak)}: ({got}), "
                            f"not ({want})")
    return not problems, "; ".join(problems) or "; ".join(f"({w})" for *_, w in steps), log


def size_problems(runner, outdir):
    """make size's kernel.elf line against binutils' Berkeley format, which
    counts the read-only sections (text and rodata) together."""
    out = runner.make(outdir, "size").stdout
    m = re.search(r"kernel.elf: text (\d+), rodata (\d+), data (\d+), bss (\d+)", out)
    berkeley = subprocess.run(["size", "-B", os.path.join(outdir, "kernel.elf")], check=True,
                              capture_output=True, text=True).stdout.splitlines()[1].split()
    want = (int(berkeley[0]), int(berkeley[1]), int(berkeley[2]))
    if not m:
        return ["no kernel.elf line"], out
    got = (int(m.group(1)) + int(m.group(2)), int(m.group(3)), int(m.group(4)))
    problems = [] if got == want else [f"text+rodata, data, bss {got}, size -B says {want}"]
    dirs = set(re.findall(r"^(?:\s+\d+){4}  (\S+)$", out.split("Largest objects")[0], re.M))
    for top in ("arch/x86_64/kernel", "kernel", "mm", "lib", "drivers/video"):
        if top not in dirs:
            problems.append(f"no {top} row")
    return problems, out


def sizediff_problems(runner, outdir):
    """Colors off (mono.config) against on: the header agrees with the rows,
    and what changed includes colors.o's symbols."""
    old, new = os.path.join(outdir, "colors.elf"), os.path.join(outdir, "mono.elf")
    shutil.copyfile(os.path.join(outdir, "kernel.elf"), old)
    runner.make(outdir, "mono.config")
    runner.make(outdir, "all")
    shutil.copyfile(os.path.join(outdir, "kernel.elf"), new)
    runner.make(outdir, "x86_64_defconfig")
    runner.make(outdir, "all")
    out = runner.make(outdir, "sizediff", f"OLD={old}", f"NEW={new}").stdout
    rows = re.findall(r"^(\S+) +(-|\d+) +(-|\d+) +([-+]\d+)$", out, re.M)
    head = re.search(r"add/remove: (\d+)/(\d+) grow/shrink: (\d+)/(\d+) up/down: (\d+)/(-?\d+)",
                     out)
    total = re.search(r"Total: Before=(\d+), After=(\d+)", out)
    if not head or not total:
        return ["no header or total line"], out
    counts = (sum(r[1] == "-" for r in rows), sum(r[2] == "-" for r in rows),
              sum(r[1] != "-" and int(r[3]) > 0 for r in rows),
              sum(r[2] != "-" and int(r[3]) < 0 for r in rows))
    problems = []
    if counts != tuple(int(head.group(i)) for i in range(1, 5)):
        problems.append(f"rows {counts}, header {head.group(0)}")
    if sum(int(r[3]) for r in rows) != int(total.group(2)) - int(total.group(1)):
        problems.append("the deltas do not add up to After - Before")
    colors = subprocess.run(["nm", os.path.join(outdir, "drivers/video/colors.o")],
                            check=True, capture_output=True, text=True).stdout
    if not any(re.search(rf" {re.escape(r[0])}$", colors, re.M) for r in rows):
        problems.append("no symbol of colors.o changed")
    return problems, out


def size_reports(runner, outdir, first):
    problems, log = size_problems(runner, outdir)
    more, diff = sizediff_problems(runner, outdir)
    head = re.search(r"^add/remove: .*$", diff, re.M)
    return not problems + more, "; ".join(problems + more) or \
        f"kernel.elf line = size -B; {head.group(0) if head else ''}", log + diff


def c_objects(runner, output, outdir=None):
    """The objects in @output's command lines that come from a C source,
    in the source tree or (the font) generated in @outdir."""
    return sorted(o for o in compiled(output)
                  if os.path.exists(os.path.join(runner.srctree, o[:-2] + ".c")) or
                  (outdir and os.path.exists(os.path.join(outdir, o[:-2] + ".c"))))


def changed_flags(runner, outdir, first):
    want = c_objects(runner, first, outdir)
    flagged = runner.make(outdir, "V=1", "KCFLAGS=-DKESTREL_FLAG_TEST", "all").stdout
    again = runner.make(outdir, "all").stdout
    with_flag = sorted(set(re.findall(r"-DKESTREL_FLAG_TEST .* -c -o (\S+\.o) ", flagged)))
    without = c_objects(runner, again, outdir)
    ok = with_flag == want and without == want
    return ok, f"{len(want)} C objects: {len(with_flag)} rebuilt with the flag (full " \
        f"commands shown), {len(without)} rebuilt without it", flagged[-3000:] + again


def compile_commands(runner, outdir, first):
    out = runner.make(outdir, "compile_commands.json").stdout
    try:
        with open(os.path.join(outdir, "compile_commands.json"), encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        return False, str(e), out
    # A generated source (the font) is named in the output directory.
    files = sorted(os.path.relpath(e["file"], outdir if os.path.realpath(e["file"]).startswith(
        os.path.realpath(outdir) + os.sep) else runner.srctree) for e in data)
    want = [o[:-2] + ".c" for o in c_objects(runner, first, outdir)]
    ok = files == want and all("-ffreestanding" in e["command"] for e in data)
    return ok, f"{len(files)} entries", out + "\n" + "\n".join(set(want) ^ set(files))


def kconfig_dropped_values(runner, outdir, first):
    frag = os.path.join(outdir, "bad.config")
    with open(frag, "w", encoding="utf-8") as f:
        f.write("CONFIG_SERIAL_BAUD=200000\nCONFIG_NO_SUCH_OPTION=y\nCONFIG_LOG_BUF_SHIFT=15\n")
    env = make_env(srctree=runner.srctree, KERNELVERSION="test", SRCARCH="x86_64",
                   KCONFIG_CONFIG=os.path.join(outdir, ".config"), KCONFIG_STRICT="1")
    subprocess.run(["kconfig-merge", "-m", os.path.join(outdir, ".config"), frag], cwd=outdir,
                   env=env, stdout=subprocess.DEVNULL, check=True)
    subprocess.run(["kconfig-conf", "--olddefconfig", os.path.join(runner.srctree, "Kconfig")],
                   cwd=outdir, env=env, stdout=subprocess.DEVNULL, check=True)
    proc = subprocess.run([os.path.join(runner.srctree, "scripts/kconfig-check"), "requested",
                           os.path.join(outdir, ".config"), frag], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = proc.stdout
    ok = (proc.returncode == 1 and "CONFIG_SERIAL_BAUD=200000 did not survive" in out and
          "CONFIG_NO_SUCH_OPTION=y was dropped" in out and "LOG_BUF_SHIFT" not in out)
    runner.make(outdir, "x86_64_defconfig")
    return ok, "both named, the valid value not" if ok else "", out


def missing_tool(runner, outdir, first):
    """NASM, and each tool of a missing LLVM version, by its own package."""
    log = ""
    problems = []
    for var, package in (("NASM=kestrel-no-such-nasm", "nasm"), ("LLVM=-kestrel", "clang"),
                         ("LD=ld.lld-kestrel", "lld"), ("AR=llvm-ar-kestrel", "llvm")):
        proc = runner.make(outdir, var, "all", check=False)
        log += proc.stdout
        if proc.returncode == 0 or f"install the Debian package '{package}'" not in proc.stdout:
            problems.append(f"{var}: no mention of '{package}'")
    # GRUB's BIOS and UEFI modules, each by its package: scripts/mkiso run
    # on the built kernel with GRUB_LIB at a directory without them.
    with tempfile.TemporaryDirectory(prefix="kestrel-grub.") as lib:
        for missing, package in (("i386-pc", "grub-pc-bin"),
                                 ("x86_64-efi", "grub-efi-amd64-bin")):
            for platform in ("i386-pc", "x86_64-efi"):
                os.makedirs(os.path.join(lib, platform), exist_ok=True)
                mod = os.path.join(lib, platform, "multiboot2.mod")
                if platform == missing:
                    if os.path.exists(mod):
                        os.remove(mod)
                else:
                    open(mod, "w").close()
            proc = subprocess.run(["sh", os.path.join(runner.srctree, "scripts", "mkiso"),
                                   os.path.join(outdir, "kernel.elf"),
                                   os.path.join(lib, "kernel.iso")],
                                  env=dict(os.environ, GRUB_LIB=lib), text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            log += proc.stdout
            if proc.returncode == 0 or f"install the Debian package '{package}'" \
                    not in proc.stdout:
                problems.append(f"GRUB without {missing}: no mention of '{package}'")
    return not problems, "; ".join(problems), log


def randconfig_test(runner, outdir, first):
    """One seed that passes, then two that cannot build (KCFLAGS includes
    a header that does not exist): the summary names those two."""
    objdir = os.path.join(runner.builddir, "randconfig-test-check")

    def run(seed, n, **env):
        return subprocess.run(["make", "-C", runner.srctree, f"O={objdir}", "randconfig-test",
                               f"N={n}", f"KCONFIG_SEED={seed}"], env=make_env(**env),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    good = run("0x77", 1)
    bad = run("0x10", 2, KCFLAGS="-include /nonexistent/kestrel.h")
    problems = []
    if good.returncode != 0 or "ok   boot: randconfig-0x77" not in good.stdout:
        problems.append("seed 0x77 did not pass")
    repeat = [f"  make randconfig-test N=1 KCONFIG_SEED={s}" for s in ("0x10", "0x11")]
    if bad.returncode == 0 or ("Failed seeds; each repeats with:\n" + "\n".join(repeat) +
                               "\n") not in bad.stdout:
        problems.append("failed seeds not named with their command")
    return not problems, "; ".join(problems), good.stdout + bad.stdout


def unknown_defconfig(runner, outdir, first):
    proc = runner.make(outdir, "nosuch_defconfig", check=False)
    ok = proc.returncode != 0 and "configs/nosuch_defconfig does not exist" in proc.stdout
    return ok, "", proc.stdout


def dirty_srctree(runner, outdir, first):
    """An in-tree build must not leak into an O= build of the same tree.

    Runs on a copy of the sources, so the real tree is left alone."""
    copy = os.path.join(runner.builddir, "dirty-srctree")
    copy_sources(runner.srctree, copy)
    out = os.path.join(copy, "out")
    log = ""
    # The output tree has no .config: it must get the default one, not the
    # source tree's tiny one.
    for args in (["tiny_defconfig", "all"], [f"O={out}", "all"]):
        proc = subprocess.run(["make", "-C", copy, *args], env=make_env(), text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        log += proc.stdout
        if proc.returncode:
            return False, f"make {' '.join(args)} failed", log
    with open(os.path.join(out, "include/generated/autoconf.h"), encoding="utf-8") as f:
        autoconf = f.read()
    banner = subprocess.run(["strings", os.path.join(out, "kernel.elf")], text=True,
                            stdout=subprocess.PIPE).stdout
    ok = ('"x86_64_defconfig"' in autoconf and "(x86_64_defconfig)" in banner and
          "(tiny_defconfig)" not in banner and
          os.path.exists(os.path.join(out, "drivers/video/vga_console.o")))
    shutil.rmtree(copy, ignore_errors=True)
    return ok, "", log


# Designs, one of each choice, that new_designs() copies under a new name,
# as someone adding a design would start: each makes promises that shared
# suites test only where a design declares them (priority inheritance,
# memory reused block by block, free blocks by order).
TWINS = ("SCHED_PRIO", "HEAP_BUMP", "FRAME_ALLOC_BUDDY")
TOP_LEVEL_KCONFIG = re.compile(r"^(config|menuconfig|choice|endchoice|menu|endmenu|if|endif|"
                               r"source|comment)\b")


def add_twin(tree, symbol):
    """Add SYMBOL_TWIN to @tree as a new design comes: a copy of the
    source of SYMBOL's first object under a new name, an entry beside
    SYMBOL's in its directory's Kconfig choice, a line in its Makefile.
    Returns the twin's name (SYMBOL's .name with "-twin") and the paths
    touched."""
    twin = f"{symbol}_TWIN"
    makefile = next(os.path.join(d, "Makefile") for d, _, files in os.walk(tree)
                    if "Makefile" in files and f"obj-$(CONFIG_{symbol}) +=" in
                    open(os.path.join(d, "Makefile"), encoding="utf-8").read())
    directory = os.path.dirname(makefile)
    with open(makefile, encoding="utf-8") as f:
        text = f.read()
    objects = re.search(rf"^obj-\$\(CONFIG_{symbol}\) \+= (.+)$", text, re.M).group(1).split()
    source = os.path.join(directory, objects[0][:-2] + ".c")
    twin_obj = objects[0][:-2] + "_twin.o"
    with open(makefile, "a", encoding="utf-8") as f:
        f.write(f"obj-$(CONFIG_{twin}) += {' '.join([twin_obj, *objects[1:]])}\n")

    with open(source, encoding="utf-8") as f:
        code = f.read()
    name = re.search(r'\.name = "([^"]+)"', code).group(1)
    code = code.replace(f'.name = "{name}"', f'.name = "{name}-twin"', 1)
    with open(source[:-2] + "_twin.c", "w", encoding="utf-8") as f:
        f.write(code)

    kconfig = os.path.join(directory, "Kconfig")
    with open(kconfig, encoding="utf-8") as f:
        lines = f.read().split("\n")
    start = lines.index(f"config {symbol}")
    end = next(i for i in range(start + 1, len(lines)) if TOP_LEVEL_KCONFIG.match(lines[i]))
    entry = [f"config {twin}"] + [re.sub(r'^(\s+bool\s+"[^"]*)"', r'\1 (twin)"', line)
                                  for line in lines[start + 1:end]]
    with open(kconfig, "w", encoding="utf-8") as f:
        f.write("\n".join(lines[:start] + entry + lines[start:]))
    touched = [makefile, kconfig, source[:-2] + "_twin.c"]
    return f"{name}-twin", [os.path.relpath(t, tree) for t in touched]


def case_results(report):
    """{"suite.case": "ok", "SKIP" or "not ok"} of a KTAP report."""
    results = {}
    for suite in report.root.results if report.root else ():
        for case in suite.leaves():
            status = "not ok" if not case.ok else case.directive or "ok"
            results[f"{suite.name}.{case.name}"] = status
    return results


def new_designs(runner):
    """The goal of the designs' one idiom (Documentation/kbuild/designs.md),
    checked: a copy of one design of each choice, added to a copy of the
    tree as a new design would be, builds and boots, and every suite the
    copies run treats them as it treats the originals (the same passes and
    the same skips), with nothing else changed."""
    copy = os.path.join(runner.builddir, "new-designs")
    copy_sources(runner.srctree, copy)
    names, touched = [], []
    for symbol in TWINS:
        name, paths = add_twin(copy, symbol)
        names.append(name)
        touched += paths
    log = f"files added or changed: {' '.join(touched)}\n"
    # Both kernels build in one directory, the originals over the twins:
    # only what the designs change rebuilds.  Each boots from a copy of its ISO.
    outdir = os.path.join(copy, "out")
    isos = {}
    for which in ("twins", "originals"):
        # Each design, and no other of its choice.
        want = [f"{symbol}_TWIN" if which == "twins" else symbol for symbol in TWINS]
        others = [v.symbol for symbol in TWINS for v in variants.choice(copy, symbol).variants
                  if v.symbol not in want]
        try:
            build_kernel(copy, outdir, ["debug_defconfig"], want, ["W=e"], others)
        except subprocess.CalledProcessError as e:
            return False, f"{which}: {' '.join(e.cmd[4:])} failed", log + e.output
        except SystemExit as e:
            return False, f"{which}: {e}", log
        isos[which] = os.path.join(copy, f"{which}.iso")
        shutil.copyfile(os.path.join(outdir, "kernel.iso"), isos[which])
    with ThreadPoolExecutor(max_workers=2) as pool:
        twins, originals = pool.map(
            lambda which: runner.boot(outdir, iso=isos[which], timeout=LONG_BOOT_TIMEOUT),
            ("twins", "originals"))
    problems = [f"{which}: {res.describe()}" for which, res in
                (("twins", twins), ("originals", originals)) if res.status != qemu.EXIT_SUCCESS]
    # Each kernel names its own designs: the originals' build, over the
    # twins', rebuilt what they changed.
    originals_names = [name[:-len("-twin")] for name in names]
    problems += [f"no {want!r} in the {which}' boot log" for which, res, (sched, heap, frame) in
                 (("twins", twins, names), ("originals", originals, originals_names))
                 for want in (f"sched: {sched} policy", f"{frame} frame allocator, {heap} heap")
                 if want not in res.output]
    got, expected = case_results(ktap.parse(twins.output)), case_results(ktap.parse(originals.output))
    if not got:
        problems.append("the twins ran no KTAP case")
    problems += [f"{case}: {status} for the twins, {expected.get(case, 'not run')} for the "
                 f"originals" for case, status in got.items() if expected.get(case) != status]
    if not problems:
        shutil.rmtree(copy, ignore_errors=True)
    return (not problems, "; ".join(problems[:6]),
            log + twins.output + "\n--- the originals ---\n" + originals.output)


def main_o_flags(outdir):
    with open(os.path.join(outdir, "kernel/.main.o.cmd"), encoding="utf-8") as f:
        return f.readline().split()


FRAME_TOO_LARGE = re.compile(r"error: the frame size of (\d+) bytes is larger than 128 bytes")


def frame_warn(runner, outdir, first):
    """x86_64_defconfig passes -Wframe-larger-than=2048 (CONFIG_FRAME_WARN's
    default) and -fstack-clash-protection; at FRAME_WARN=128 a W=e build
    stops on a frame above it; at 0 the warning flag is gone.  The next
    test configures the directory afresh."""
    def set_frame_warn(value):
        subprocess.run(["kconfig-tweak", "--file", os.path.join(outdir, ".config"),
                        "--set-val", "FRAME_WARN", str(value)], check=True)
        return runner.make(outdir, "olddefconfig").stdout

    log = runner.make(outdir, "x86_64_defconfig").stdout + runner.build(outdir)
    flags = main_o_flags(outdir)
    problems = [f"{f} missing" for f in ("-Wframe-larger-than=2048", "-fstack-clash-protection")
                if f not in flags]
    log += set_frame_warn(128)
    proc = runner.make(outdir, "W=e", "all", check=False)
    log += proc.stdout
    m = FRAME_TOO_LARGE.search(proc.stdout)
    if proc.returncode == 0 or not m:
        problems.append("FRAME_WARN=128: the W=e build did not stop on a larger frame")
    log += set_frame_warn(0)
    try:
        log += runner.build(outdir)
    except BuildError as e:
        return False, f"FRAME_WARN=0: {e.step} failed", log + e.log
    if any(f.startswith("-Wframe-larger-than") for f in main_o_flags(outdir)):
        problems.append("FRAME_WARN=0: -Wframe-larger-than still passed")
    detail = f"FRAME_WARN=128 stopped at a frame of {m.group(1)} bytes" if m else ""
    return not problems, "; ".join(problems) or detail, log


def config_flags(runner, outdir, first):
    """Each defconfig's flags, seen in the command that built kernel/main.o."""
    wants = {"tiny_defconfig": ({"-Os", "-fomit-frame-pointer"}, {"-O2", "-g"}),
             "debug_defconfig": ({"-O2", "-g", "-fno-omit-frame-pointer"}, {"-Os"}),
             "x86_64_defconfig": ({"-O2", "-fomit-frame-pointer"}, {"-Os", "-g"})}
    problems, log = [], ""
    for target, (present, absent) in wants.items():
        log += runner.make(outdir, target).stdout + runner.make(outdir, "all").stdout
        flags = set(main_o_flags(outdir))
        problems += [f"{target}: {f} missing" for f in sorted(present - flags)]
        problems += [f"{target}: {f} present" for f in sorted(absent & flags)]
    return not problems, "; ".join(problems), log


def nm_names(outdir):
    out = subprocess.run(["nm", os.path.join(outdir, "kernel.elf")], capture_output=True,
                         text=True, check=True).stdout
    return {line.split()[-1] for line in out.splitlines()}


def kallsyms(runner, outdir, first):
    """On: the table is linked in, and scripts/kallsyms run on the final
    kernel reproduces it (the link passes settled).  Off: no table at all."""
    log = runner.make(outdir, "x86_64_defconfig").stdout + runner.make(outdir, "all").stdout
    with_table = "kallsyms_names" in nm_names(outdir)
    nm = subprocess.run(["nm", "-n", os.path.join(outdir, "kernel.elf")], capture_output=True,
                        text=True, check=True).stdout
    regenerated = subprocess.run([os.path.join(runner.srctree, "scripts/kallsyms")], input=nm,
                                 capture_output=True, text=True, check=True).stdout
    with open(os.path.join(outdir, ".tmp_kallsyms2.asm"), encoding="utf-8") as f:
        linked = f.read()
    log += runner.make(outdir, "KCONFIG_STRICT=1", "x86_64_defconfig").stdout
    subprocess.run(["kconfig-tweak", "--file", os.path.join(outdir, ".config"), "--disable",
                    "KALLSYMS"], check=True)
    log += runner.make(outdir, "olddefconfig").stdout + runner.make(outdir, "all").stdout
    without_table = "kallsyms_names" not in nm_names(outdir)
    runner.make(outdir, "x86_64_defconfig")
    runner.make(outdir, "all")
    symbols = re.search(r"kallsyms_num:\s+dd (\d+)", linked)
    ok = with_table and regenerated == linked and without_table and symbols
    return ok, f"{symbols.group(1) if symbols else 0} symbols; table matches the final " \
        f"kernel: {regenerated == linked}; absent when off: {without_table}", log


# A caller of the slab-only API, built with the kernel's own flags: as it is
# (the slab heap), and with CONFIG_HEAP_SLAB taken away as another design would.
SLAB_CALLER = """%s#include <kernel/slab.h>
void use_a_cache(void);
void use_a_cache(void)
{
	kmem_cache_destroy(kmem_cache_create("x", 8, 8, 0, 0));
}
"""


def slab_api_misuse(runner, outdir, first):
    runner.make(outdir, "compile_commands.json")
    with open(os.path.join(outdir, "compile_commands.json"), encoding="utf-8") as f:
        entry = next(e for e in json.load(f) if e["file"].endswith("mm/heap_common.c"))
    flags = shlex.split(entry["command"])
    cmd = flags[:flags.index("-c")]
    log, results = "", []
    for name, prefix in (("slab", ""), ("other", "#undef CONFIG_HEAP_SLAB\n")):
        src = os.path.join(outdir, f"slab-caller-{name}.c")
        with open(src, "w", encoding="utf-8") as f:
            f.write(SLAB_CALLER % prefix)
        proc = subprocess.run(cmd + ["-c", src, "-o", src + ".o"], cwd=entry["directory"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        log += f"--- {name}\n{proc.stdout}"
        results.append(proc)
    ok = results[0].returncode == 0 and results[1].returncode != 0 and \
        "kmem_cache_* and slabinfo() need CONFIG_HEAP_SLAB" in results[1].stdout
    return ok, "builds under the slab heap, a named error under another", log


def clean_targets(runner, outdir, first):
    def exists(path):
        return os.path.exists(os.path.join(outdir, path))

    log = runner.make(outdir, "clean").stdout
    after_clean = [exists(p) for p in ("kernel/main.o", "kernel/built-in.a", "kernel.elf",
                                       "kernel.iso", ".config", "include/generated/autoconf.h")]
    log += runner.make(outdir, "mrproper").stdout
    after_mrproper = [exists(p) for p in (".config", "include/generated", "include/config")]
    ok = after_clean == [False] * 4 + [True] * 2 and after_mrproper == [False] * 3
    return ok, "", log


def host_run(runner, outdir):
    """Problems of the host program @outdir built, run on its own."""
    if runner.config_value(outdir, "CONFIG_HOST_HEAP_BENCH") == "y":
        proc = runner.run_program(os.path.join(outdir, "heap-bench"), "1000")
        return [] if proc.returncode == 0 else [f"heap-bench: exit status {proc.returncode}"]
    proc = runner.run_program(os.path.join(outdir, "ktest-host"))
    if runner.config_value(outdir, "CONFIG_KTEST") != "y":
        # Nothing to run: the program must say so and fail, not pass.
        return [] if proc.returncode == 2 and "CONFIG_KTEST" in proc.stdout else \
            [f"ktest-host without suites: exit status {proc.returncode}"]
    report = ktap.parse(proc.stdout)
    problems = report.errors + [f"case failed: {c.name}" for c in report.failed]
    return problems + ([] if proc.returncode == 0 and report.cases else
                       [f"ktest-host: exit status {proc.returncode}, {len(report.cases)} cases"])


def host_other_configs(runner, outdir, first):
    """Every configuration Kconfig allows for ARCH=host builds, and its
    program runs: both extremes and fixed-seed random ones, one after the
    other in one directory."""
    problems, log, first_config = [], "", True
    for how, env in ((["allnoconfig"], None), (["allyesconfig"], None),
                     (["randconfig"], {"KCONFIG_SEED": "0x7"}),
                     (["randconfig"], {"KCONFIG_SEED": "0x8"})):
        name = how[0] + (f" {env['KCONFIG_SEED']}" if env else "")
        try:
            cfgdir, out = runner.configure("build-host-configs", how, env=env, arch="host",
                                           fresh=first_config)
            out += runner.build(cfgdir, arch="host")
        except BuildError as e:
            problems.append(f"{name}: {e.step} failed")
            log += e.log
            continue
        first_config = False
        problems += [f"{name}: {p}" for p in host_run(runner, cfgdir)]
        log += out
    return not problems, "; ".join(problems) or "4 configurations", log
