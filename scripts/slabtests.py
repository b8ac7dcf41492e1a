# SPDX-License-Identifier: GPL-2.0
"""Slab bug tests, run by scripts/test-kernel: one boot per heap bug.

"ktest.slab_bug=NAME" makes a kernel with CONFIG_SLAB_DEBUG commit that
bug on purpose (mm/slab_bug_test.c), printing the object's address first.
The report must name the cache and that address in the SLUB format, show
the damaged bytes where there are any, name the function that allocated
the object (CONFIG_SLAB_DEBUG_TRACK), count exactly one bug, and the kernel
must go on to the end of its boot.
"""
import re

import qemu
from runner import bug_counted_and_survived

# The configurations: debug_defconfig has every debug option; red zones alone
# are the combination where a double free once passed for a damaged redzone.
CONFIGS = ("debug_defconfig", "x86_64_defconfig+slab-debug-redzone.config+ktest.config")

# name -> (cache, BUG title, bytes the hex dump must show, track the allocation,
#          the option that catches it, None if any slab debugging does)
BUGS = {
    "use_after_free": ("kmalloc-64", "Poison overwritten (write after free)",
                       r"Object   [0-9a-f]{16}:( 6b){10} 41", True, "POISON"),
    "redzone_right": ("kmalloc-64", "Right Redzone overwritten",
                      r"Redzone  [0-9a-f]{16}: 41 cc", True, "REDZONE"),
    "redzone_left": ("kmalloc-64", "Left Redzone overwritten",
                     r"Redzone  [0-9a-f]{16}:( cc){15} 41\n", True, "REDZONE"),
    "double_free": ("kmalloc-64", "Object already free (double free)", None, True, None),
    "invalid_free": ("kmalloc-64", "Invalid free of {addr}: not the start of an object", None,
                     False, None),
    "freepointer": ("test-fp", "Freepointer corrupt",
                    r"INFO: Free pointer 0xdeadbeef @offset=\d+ is not a free object", True,
                    "CHECKS"),
    "foreign_free": ("kfree", "Invalid free of {addr}: no cache owns it", None, False, None),
    "wrong_cache": ("test-b", "Invalid free of {addr}: wrong cache", None, False, None),
}


def check(res, name, tracking):
    cache, title, dump, tracked, _ = BUGS[name]
    tracked = tracked and tracking
    out = res.output
    problems = []
    m = re.search(r"ktest: slab bug: .*, object (0x[0-9a-f]+) in cache (\S+)", out)
    if res.status != qemu.EXIT_SUCCESS:
        problems.append(res.describe())
    if not m:
        return problems + ["the bug was never committed"]
    addr = m.group(1)
    want = f"BUG {cache}: {title.format(addr=addr)}"
    if want not in out:
        problems.append(f"no '{want}'")
    if len(re.findall(r"^BUG ", out, re.M)) != 1:
        problems.append("not exactly one BUG report")
    if "{addr}" not in title and f"INFO: Object {addr} " not in out:
        problems.append(f"no 'INFO: Object {addr}'")
    if dump and not re.search(dump, out):
        problems.append("the hex dump does not show the damaged bytes")
    if tracked and not re.search(rf"INFO: Allocated in {name}\+0x", out):
        problems.append(f"allocation not tracked to {name}()")
    return problems + bug_counted_and_survived(out, f"ktest: slab bug {name}: 1 reported")


def run(runner):
    for config in CONFIGS:
        run_config(runner, config, runner.built.get(config))


def run_config(runner, config, outdir):
    names = []
    for name, (*_, option) in BUGS.items():
        label = f"slab: {config} catches {name}"
        if not runner.wanted(label):
            continue
        if not outdir:
            runner.not_built(label)
            continue
        if option and runner.config_value(outdir, f"CONFIG_SLAB_DEBUG_{option}") != "y":
            continue
        names.append(name)
    if not names:
        return
    tracking = runner.config_value(outdir, "CONFIG_SLAB_DEBUG_TRACK") == "y"
    results = runner.boot_each(outdir, [f"qemu_exit ktest.slab_bug={n}" for n in names])
    for name, res in zip(names, results):
        label = f"slab: {config} catches {name}"
        problems = check(res, name, tracking)
        runner.result(label, not problems, "; ".join(problems) or
                      next((ln for ln in res.output.splitlines() if ln.startswith("BUG ")), ""),
                      res.output)
