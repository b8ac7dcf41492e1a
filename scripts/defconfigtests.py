# SPDX-License-Identifier: GPL-2.0
"""The defconfig group of "make test": every file in configs/ is what
"make savedefconfig" writes for it, so it is minimal, in kconfig's order,
and reproduces itself.
"""
import glob
import os

from runner import BuildError

# The group's place in a run, and its line in "make test --help".
ORDER = 110
SUMMARY = """every file in configs/ is minimal and reproduces itself"""



def run(runner):
    for path in sorted(glob.glob(os.path.join(runner.srctree, "configs", "*_defconfig"))):
        name = os.path.basename(path)
        label = f"defconfig: {name} is minimal and reproduces itself"
        if not runner.wanted(label):
            continue
        try:
            outdir, log = runner.configure("savedefconfig-" + name, [name, "savedefconfig"])
        except BuildError as e:
            runner.result(label, False, f"{e.step} failed", e.log)
            continue
        with open(path, encoding="utf-8") as f:
            want = [ln for ln in f.read().splitlines()
                    if ln and not (ln.startswith("#") and " is not set" not in ln)]
        with open(os.path.join(outdir, "defconfig"), encoding="utf-8") as f:
            got = f.read().splitlines()
        diff = [f"-{ln}" for ln in want if ln not in got] + \
               [f"+{ln}" for ln in got if ln not in want]
        order_ok = want == got
        runner.result(label, not diff and order_ok,
                      "differs from savedefconfig: " + " ".join(diff) if diff else
                      ("" if order_ok else "lines out of savedefconfig's order"), log)

