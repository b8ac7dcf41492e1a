# SPDX-License-Identifier: GPL-2.0
"""The environment for a make started from a script that make started.

"make test" and "make bench" run scripts that run make again for other
output directories.  What the outer make exported (sub_make_done, srctree,
MAKEFLAGS with its O= and -j, ...) would make the inner make skip its own
O= handling and build in the wrong place, so it is removed.

build_kernel() is the benchmarks' build: a configuration, options turned
on or off, checked in .config, built by GCC or (LLVM=1) Clang.
config_value() reads a value of an output directory's .config.
copy_sources() copies the source tree without anything a build left in it.
usr_programs() names the user programs usr/Makefile lists, with their objects.
"""
import os
import re
import shutil
import subprocess

OUTER_MAKE_VARS = {
    "MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES", "sub_make_done", "srctree",
    "objtree", "VPATH", "abs_srctree", "abs_objtree", "quiet", "Q", "KBUILD_VERBOSE",
    "KCONFIG_CONFIG", "KBUILD_CPPFLAGS", "KBUILD_CFLAGS", "KBUILD_AFLAGS", "CC", "LD", "AR",
    "NM", "OBJCOPY", "CPP", "NASM", "HOSTCC", "PYTHON", "O", "V", "W", "ARCH", "SRCARCH",
    "HEADER_ARCH", "LLVM", "LLVM_SUFFIX",
}


def make_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in OUTER_MAKE_VARS}
    env.update(extra)
    return env


def config_value(outdir, symbol):
    """The value of @symbol ("CONFIG_X") in @outdir's .config, unquoted;
    None if it is not set."""
    with open(os.path.join(outdir, ".config"), encoding="utf-8") as f:
        for line in f:
            if line.startswith(symbol + "="):
                return line.split("=", 1)[1].strip().strip('"')
    return None


def build_kernel(srctree, outdir, targets, enable, make_vars=(), disable=()):
    """Configure @outdir by the make @targets, turn on the Kconfig symbols in
    @enable and off those in @disable (each must stay so), and build it
    (with @make_vars, such as "LLVM=1" or "W=e").  A failed make raises
    CalledProcessError, with make's output; a symbol that did not stay,
    SystemExit naming it."""
    def run(cmd):
        subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True, env=make_env())

    base = ["make", "-C", srctree, f"O={outdir}"]
    config = os.path.join(outdir, ".config")
    run(base + list(targets))
    run(["kconfig-tweak", "--file", config] +
        [a for sym in enable for a in ("--enable", sym)] +
        [a for sym in disable for a in ("--disable", sym)])
    run(base + ["olddefconfig"])
    lost = [sym for sym in enable if config_value(outdir, f"CONFIG_{sym}") != "y"] + \
        [sym for sym in disable if config_value(outdir, f"CONFIG_{sym}") not in (None, "n")]
    if lost:
        raise SystemExit(f"{', '.join('CONFIG_' + s for s in lost)} did not stay in {config}")
    run(base + ["-j2", *make_vars, "all"])


def copy_sources(srctree, dest):
    """Copy the sources of @srctree to @dest (replacing it), without .git
    and without what an in-tree build or a test run left there."""
    shutil.rmtree(dest, ignore_errors=True)
    outputs = shutil.ignore_patterns(".git", "build", "ktest-host", "heap-bench", "*.o", "*.a",
                                     ".*.cmd", ".*.d", ".config*", "kernel.elf", "kernel.iso",
                                     "kernel.ld", "fixdep", "serial.log", "kestrel.gdb",
                                     "__pycache__")
    top_include = os.path.join(srctree, "include")
    usr = os.path.join(srctree, "usr")

    def ignore(path, names):
        extra = {"config", "generated"} if path == top_include else set()
        extra |= {"bin", "programs.list"} if path == usr else set()
        return set(outputs(path, names)) | (extra & set(names))

    shutil.copytree(srctree, dest, ignore=ignore)


def usr_programs(srctree):
    """{program: [its objects]} of usr/Makefile's progs-y, in its order:
    NAME-objs if it has them, else NAME.o."""
    with open(os.path.join(srctree, "usr", "Makefile"), encoding="utf-8") as f:
        text = f.read().replace("\\\n", " ")
    progs = re.findall(r"^progs-y\s*\+=\s*(\S+)\s*$", text, re.M)
    objs = dict(re.findall(r"^(\S+)-objs\s*:=\s*(.*?)\s*$", text, re.M))
    return {p: objs[p].split() if p in objs else [f"{p}.o"] for p in progs}
