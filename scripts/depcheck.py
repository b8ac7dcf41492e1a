#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check that every Debian package the tree names is the right one.

  depcheck.py SRCTREE

"make deps" (scripts/install-deps) installs a package when a command or
file is missing, and the build and the scripts name a package when they
stop for a missing tool.  Both are only right if that command or file is
what the package installs: a wrong name installs something useless on
every "make deps" and sends a user to the wrong package.  Each pair is
checked against dpkg's own database ("dpkg -S PATH" names the package
that owns PATH):

  - every command-or-path:package entry of scripts/install-deps;
  - every tool:package pair of a shell loop over "tool:package" words,
    of need_tool() calls in Python, and of $(call need-tool,...) and
    tool-package in the Makefiles;
  - every package a message names ("install the Debian package 'P'") is
    one that scripts/install-deps installs, so that "make deps" is always
    the answer the message gives.

Prints one line per problem and a summary; exits 1 if there were any.
"""
import glob
import os
import re
import shutil
import subprocess
import sys

BIN_DIRS = ("/usr/bin", "/usr/sbin", "/bin", "/sbin")
# The toolchain commands whose package tool-package (Kbuild.include) gives.
TOOLCHAIN = ("gcc", "ld", "ar", "nm", "objcopy", "clang", "ld.lld", "llvm-ar", "llvm-nm",
             "llvm-objcopy")


def install_deps_pairs(srctree):
    """(what, package, where) of every entry of scripts/install-deps: the
    first list is what "make deps" installs, a later one what
    "install-deps bench" adds (and a machine may lack)."""
    path = os.path.join(srctree, "scripts", "install-deps")
    with open(path) as f:
        text = f.read()
    for n, block in enumerate(re.findall(r'needs="([^"]*)"', text)):
        for line in block.split():
            if re.fullmatch(r"[^\s:$]+:[a-z0-9][a-z0-9.+-]+", line):
                what, pkg = line.split(":")
                yield what, pkg, "scripts/install-deps" + (" bench" if n else "")


def script_pairs(srctree):
    """(tool, package, where) that the scripts name in their messages."""
    for path in sorted(glob.glob(os.path.join(srctree, "scripts", "*"))):
        if not os.path.isfile(path) or path.endswith("install-deps"):
            continue
        with open(path, errors="replace") as f:
            text = f.read()
        where = os.path.relpath(path, srctree)
        for loop in re.findall(r"^\s*for tool in ((?:\S+:\S+ ?)+); do$", text, re.M):
            for word in loop.split():
                tool, _, pkg = word.partition(":")
                yield tool, pkg, where
        for tool, pkg in re.findall(r'need_tool\("([^"]+)", "([^"]+)"\)', text):
            yield tool, pkg, where


def make_variables(srctree):
    """NAME = value definitions of the top-level Makefile (single words)."""
    with open(os.path.join(srctree, "Makefile")) as f:
        return dict(re.findall(r"^([A-Z_]+)\s*=\s*(\S+)\s*$", f.read(), re.M))


def makefile_pairs(srctree):
    """(tool, package, where) of $(call need-tool,...) with a literal
    package, and of tool-package for each toolchain command."""
    variables = make_variables(srctree)
    for path in sorted(glob.glob(os.path.join(srctree, "scripts", "Makefile.*"))):
        with open(path) as f:
            text = f.read()
        where = os.path.relpath(path, srctree)
        for tool, pkg in re.findall(r"\$\(call need-tool,\$\((\w+)\),([a-z][\w.+-]*)\)", text):
            if tool in variables:
                yield variables[tool], pkg, where
    # Ask make itself what tool-package says, rather than read its rules.
    rule = "all:;@$(foreach t,$(TOOLS),echo $(t):$(call tool-package,$(t));)"
    proc = subprocess.run(["make", "-s", "-f", os.path.join(srctree, "scripts", "Kbuild.include"),
                           "--eval", rule, "TOOLS=" + " ".join(TOOLCHAIN)],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in proc.stdout.split():
        tool, _, pkg = line.partition(":")
        yield tool, pkg, "scripts/Kbuild.include (tool-package)"


def named_packages(srctree):
    """(package, where) of every "install the Debian package 'P'" message."""
    paths = glob.glob(os.path.join(srctree, "scripts", "*")) + [os.path.join(srctree, "Makefile")]
    for path in sorted(paths):
        if not os.path.isfile(path):
            continue
        with open(path, errors="replace") as f:
            text = f.read()
        for pkg in re.findall(r"install the Debian package\s+\\?\s*'([a-z][\w.+-]*)'", text):
            yield pkg, os.path.relpath(path, srctree)


def locate(what):
    """The path dpkg knows @what by: itself if absolute, else the command
    in the system's bin directories (not a PATH entry such as pyenv's)."""
    if what.startswith("/"):
        return what if os.path.exists(what) else None
    for d in BIN_DIRS:
        path = os.path.join(d, what)
        if os.path.exists(path):
            return path
    return None


def owner(path):
    """The package that owns @path, or None."""
    proc = subprocess.run(["dpkg", "-S", path], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True)
    if proc.returncode:
        return None
    return proc.stdout.split(":")[0].strip()


def main():
    srctree = sys.argv[1] if len(sys.argv) > 1 else "."
    if not shutil.which("dpkg"):
        print("depcheck: dpkg not found: not a Debian system, nothing to check against")
        return 0
    problems = []
    installed = set()
    pairs = list(install_deps_pairs(srctree))
    installed.update(pkg for _, pkg, _ in pairs)
    pairs += list(script_pairs(srctree)) + list(makefile_pairs(srctree))
    checked = set()
    unchecked = []
    for what, pkg, where in pairs:
        if (what, pkg) in checked:
            continue
        checked.add((what, pkg))
        path = locate(what)
        if not path and where.endswith(" bench"):
            unchecked.append(pkg)
            continue
        if not path:
            problems.append(f"{where}: {what} is not installed here (run 'make deps'), "
                            f"so its package '{pkg}' cannot be checked")
            continue
        got = owner(path)
        if got != pkg:
            problems.append(f"{where}: {what} names the package '{pkg}', but dpkg -S {path} "
                            f"says '{got or 'no package'}'")
    for pkg, where in named_packages(srctree):
        if pkg not in installed:
            problems.append(f"{where}: names the package '{pkg}', which make deps "
                            f"(scripts/install-deps) does not install")
    for line in problems:
        print(line)
    note = f" ({', '.join(unchecked)} not installed: not checked)" if unchecked else ""
    print(f"depcheck: {len(checked) - len(unchecked)} tool-package pairs checked, "
          f"{len(problems)} problems{note}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
