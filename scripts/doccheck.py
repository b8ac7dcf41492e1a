#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check that the documentation names only things that exist.

Every CONFIG_ symbol named in README.md and Documentation/ must be defined
by a Kconfig file (a glob such as CONFIG_HEAP_* must match one); every file
or directory path in backticks must exist in the tree, or be something the
build makes from a source that does; every relative link must lead to a
file.  So a page cannot go on describing an option, a file
or a design the code no longer has.  Run by "make test"; prints what it
found wrong and exits 1.

benchmarks.md quotes figures of "make bench"; those that a test can
derive exactly without running the bench are read here (bench_quotes())
and checked where make test already has them: the objects the
CONFIG_VGA_COLORS toggle rebuilds by the build group, which toggles it,
and the number of debug_defconfig's test cases by the boot group, which
boots it.  This script checks that the page agrees with itself.

Every figure of "make bench" lives in benchmarks.md, under the line
that says what it came from (the "make bench: tree COMMIT; ..." line
make bench prints first; a -dirty tree, or a commit the history does
not have, is refused).  Another page that quotes one is flagged, so no
copy can drift: it links to the page instead.  A page that copies a line
of make bench's output is flagged whatever its figures (its words and
layout are compared, without the numbers).  The figures are read from
the page's output blocks: every number with a fraction and three
significant digits or more (28.37; not 1.00, nor 0.039, which example
output elsewhere has by chance), and every whole number of three digits or more in a row of
figures (a line with fractions, or ppm), except the number that starts
a row (a label, such as a size) and powers of two, which pages use for
sizes and counts of their own.  A fraction is quoted wherever it
appears; a whole number (or 122 for 122.00) only when a unit follows it
within two words: instructions, us, ppm, pages.

Documentation/admin/cmdline.md promises every parameter; its table's
first column is compared with the parameters the source declares
(kernel_param() and BOOT_MODE_PARAM()), both ways.

Documentation/dev-tools/testing.md lists the test groups twice (its
table of groups, and the names "make test GROUP=" takes); both must be
the groups scripts/test-kernel runs (scripts/*tests.py), in its order.

Usage: doccheck.py SRCTREE
"""
import fnmatch
import glob
import os
import re
import subprocess
import sys

SYMBOL_RE = re.compile(r"\bCONFIG_([A-Z0-9_]*[A-Z0-9](?:_\*)?)")
DEFINE_RE = re.compile(r"^\s*(?:menu)?config\s+([A-Z0-9_]+)", re.M)
CODE_RE = re.compile(r"`([^`\n]+)`")
LINK_RE = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
# A path: top-level directories of the tree, or a file name with a known suffix.
TOP_DIRS = ("arch/", "kernel/", "mm/", "fs/", "drivers/", "lib/", "include/", "scripts/",
            "configs/", "Documentation/", ".ci/", "usr/")
PATH_RE = re.compile(r"^[\w.+-]+(?:/[\w.+*-]+)*/?$")
# Names in the docs that stand for something else on purpose: CONFIG_X in
# the how-to, and in paths NAME, DIR, FILE for any name.
PLACEHOLDERS = {"CONFIG_X", "CONFIG_"}
PLACEHOLDER_RE = re.compile(r"\b(?:NAME|DIR|FILE)\b")


def defined_symbols(srctree):
    symbols = set()
    for path in glob.glob(os.path.join(srctree, "**", "Kconfig*"), recursive=True):
        if "/build/" in path:
            continue
        with open(path, encoding="utf-8") as f:
            symbols.update(DEFINE_RE.findall(f.read()))
    return symbols


def doc_files(srctree):
    return [os.path.join(srctree, "README.md")] + sorted(
        glob.glob(os.path.join(srctree, "Documentation", "**", "*.md"), recursive=True))


def built_from_source(srctree, path):
    """Is @path something the build makes: an object, a command file, the
    configuration's outputs, a user program (usr/bin/NAME from usr/NAME.c
    or usr/NAME/) and their list, the initramfs and its dependency file,
    or a file whose source is in the tree?"""
    if path.endswith((".o", ".cmd")) or path.startswith(("include/config/", "include/generated/")):
        return True
    if path in ("usr/programs.list", "usr/initramfs.cpio", "usr/.initramfs.cpio.d"):
        return True
    if path.startswith("usr/bin/"):
        name = path[len("usr/bin/"):]
        return bool(glob.glob(os.path.join(srctree, "usr", name + ".c")) or
                    glob.glob(os.path.join(srctree, "usr", name, "")))
    return any(os.path.exists(os.path.join(srctree, path + ext)) for ext in (".S", ".c"))


def path_problems(srctree, token):
    """@token, if it looks like a path of the tree, and names nothing."""
    token = token.split()[0].rstrip(",.:;")
    if not token.startswith(TOP_DIRS) or not PATH_RE.match(token):
        return None
    pattern = PLACEHOLDER_RE.sub("*", token)
    if any(c in pattern for c in "*?"):
        found = glob.glob(os.path.join(srctree, pattern)) or built_from_source(srctree, pattern)
        return None if found else token
    if os.path.exists(os.path.join(srctree, token)) or built_from_source(srctree, token):
        return None
    return token


BENCH_DOC = os.path.join("Documentation", "dev-tools", "benchmarks.md")
TOGGLE_RE = re.compile(r"^toggle CONFIG_VGA_COLORS: .*?(\d+) object\(s\) rebuilt: ([^;]*);", re.M)
CASES_RE = re.compile(r"^QEMU start to exit, debug_defconfig, KTAP to the end: .*?(\d+) KTAP cases",
                      re.M)
PROSE_CASES_RE = re.compile(r"`debug_defconfig`'s (\d+) test cases")


def bench_quotes(srctree):
    """The figures of benchmarks.md that make test checks: {"toggle":
    sorted objects the CONFIG_VGA_COLORS toggle rebuilds, "toggle_count":
    how many it says that is, "cases": debug_defconfig's KTAP cases,
    "prose_cases": every count of them the text gives}; a figure the page
    does not quote is None."""
    with open(os.path.join(srctree, BENCH_DOC), encoding="utf-8") as f:
        text = f.read()
    toggle, cases = TOGGLE_RE.search(text), CASES_RE.search(text)
    return {"toggle": sorted(toggle.group(2).split()) if toggle else None,
            "toggle_count": int(toggle.group(1)) if toggle else None,
            "cases": int(cases.group(1)) if cases else None,
            "prose_cases": [int(n) for n in PROSE_CASES_RE.findall(text)]}


def bench_problems(srctree):
    q = bench_quotes(srctree)
    problems = []
    if q["toggle"] is None:
        problems.append(f"{BENCH_DOC}: no 'toggle CONFIG_VGA_COLORS: ... N object(s) rebuilt: "
                        "...;' line from make bench")
    elif q["toggle_count"] != len(q["toggle"]):
        problems.append(f"{BENCH_DOC}: the toggle rebuilds {q['toggle_count']} object(s), "
                        f"but names {len(q['toggle'])}")
    if q["cases"] is None:
        problems.append(f"{BENCH_DOC}: no 'QEMU start to exit, debug_defconfig, ...: N KTAP "
                        "cases' line from make bench")
    problems += [f"{BENCH_DOC}: the text says debug_defconfig has {n} test cases, the bench "
                 f"output {q['cases']}" for n in q["prose_cases"] if n != q["cases"]]
    return problems


CMDLINE_DOC = os.path.join("Documentation", "admin", "cmdline.md")
PARAM_DECL_RE = re.compile(r'^\s*(?:kernel_param|BOOT_MODE_PARAM)\("([^"]+)"', re.M)
# A row of the table: its first cell, "`name`" or "`name=VALUE`".
PARAM_ROW_RE = re.compile(r"^\| `([a-z0-9_.]+)[=`\[]", re.M)


def declared_params(srctree):
    """{parameter: file} for every kernel_param() and BOOT_MODE_PARAM() in
    the source (not in the build's output)."""
    params = {}
    for path in sorted(glob.glob(os.path.join(srctree, "**", "*.c"), recursive=True)):
        rel = os.path.relpath(path, srctree)
        if rel.startswith(("build", "arch/host/build")) or "/build/" in rel:
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            for name in PARAM_DECL_RE.findall(f.read()):
                params.setdefault(name, rel)
    return params


def cmdline_problems(srctree):
    with open(os.path.join(srctree, CMDLINE_DOC), encoding="utf-8") as f:
        documented = set(PARAM_ROW_RE.findall(f.read()))
    declared = declared_params(srctree)
    problems = [f"{CMDLINE_DOC}: parameter {name} (declared in {path}) is not in the table"
                for name, path in sorted(declared.items()) if name not in documented]
    problems += [f"{CMDLINE_DOC}: parameter {name} is in the table, but nothing declares it"
                 for name in sorted(documented - set(declared))]
    return problems


STAMP_RE = re.compile(r"^make bench: tree ([0-9a-f]{7,40})(-dirty)?;", re.M)
FENCE_RE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
# A figure may end a sentence: "costs 28.37." (a full stop, not a further fraction).
FRACTION_RE = re.compile(r"(?<![\w.])(\d+)\.(\d+)(?!\w|\.\d)")
WHOLE_RE = re.compile(r"(?<![\w.,@])(\d{3,})(?!\w|\.\d)")
# A whole number quoted as a figure: followed, within two words, by the
# unit of one ("122 instructions", "491 us", "-341 ppm", "393 pages").
QUOTED_WHOLE_RE = re.compile(r"(?<![\w.])(\d[\d,]{2,})(?!\w|\.\d)"
                             r"(?=(?:[^\w\n]+[\w`']+){0,2}?[^\w\n]+"
                             r"(?:instructions?|us|µs|ppm|pages?)\b)")
# Fractions too common to be anyone's figure: a ratio of one.
NOT_FIGURES = {"1.00", "0.00"}
# A fraction with fewer significant digits (0.039 s, 0.57 s) is a figure
# all the same, but any page's example output has it by chance: README's
# sample "ps" once shared a CPU time with the null rebuild's seconds.
MIN_SIGNIFICANT_DIGITS = 3


def significant_digits(whole, frac):
    return len((whole + frac).lstrip("0"))


def skeleton(line):
    """@line with its numbers taken out: a copy of a line of output made by
    another run has the same skeleton."""
    return " ".join(re.sub(r"[-+]?\d[\d.,]*", "#", line).split())


def bench_figures(srctree):
    """(fractions, wholes, skeletons): the figures quoted in benchmarks.md's
    output blocks, as the strings a page would quote them by, and the
    skeletons of the lines that hold them."""
    with open(os.path.join(srctree, BENCH_DOC), encoding="utf-8") as f:
        text = f.read()
    fractions, wholes, skeletons = set(), set(), set()
    for lang, block in FENCE_RE.findall(text):
        if lang:
            continue  # code, not output
        for line in block.splitlines():
            if line.lstrip().startswith("make bench: tree"):
                continue
            if re.search(r"\d", line) and len(re.sub(r"[^A-Za-z]", "", skeleton(line))) >= 2:
                skeletons.add(skeleton(line))
            for whole, frac in FRACTION_RE.findall(line):
                if (f"{whole}.{frac}" in NOT_FIGURES or
                        significant_digits(whole, frac) < MIN_SIGNIFICANT_DIGITS):
                    continue
                fractions.add(f"{whole}.{frac}")
                if int(frac) == 0 and len(whole) >= 3:
                    wholes.add(whole)
            # Rows of figures have fractions; headings (sizes, counts of
            # objects or rounds) have none, and a number that starts a row
            # labels it (a size).
            if FRACTION_RE.search(line) or "ppm" in line:
                wholes.update(n for n in WHOLE_RE.findall(re.sub(r"^\s*\d+\s", "", line))
                              if int(n) & (int(n) - 1))
    return fractions, wholes, skeletons


def figure_problems(srctree, rel, text, figures):
    """Figures of benchmarks.md that @rel quotes, and lines of make bench's
    output it copies (from any run)."""
    fractions, wholes, skeletons = figures
    problems = []
    for n, line in enumerate(text.splitlines(), 1):
        if re.search(r"\d", line) and skeleton(line) in skeletons:
            problems.append(f"{rel}:{n}: a line of make bench's output: its home is "
                            f"{BENCH_DOC}; link to it instead")
            continue
        quoted = {f"{w}.{f}" for w, f in FRACTION_RE.findall(line)} & fractions
        quoted |= {w.replace(",", "") for w in QUOTED_WHOLE_RE.findall(line)} & wholes
        problems += [f"{rel}:{n}: quotes {fig} of {BENCH_DOC}: link to it instead"
                     for fig in sorted(quoted)]
    return problems


def git(srctree, *args):
    """git's output in @srctree, or None where git or a full history is
    not there to ask (a tarball of the tree, a shallow clone)."""
    try:
        out = subprocess.run(["git", "-C", srctree, *args], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True)
    except OSError:
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def stamp_problems(srctree):
    with open(os.path.join(srctree, BENCH_DOC), encoding="utf-8") as f:
        stamp = STAMP_RE.search(f.read())
    if not stamp:
        return [f"{BENCH_DOC}: no 'make bench: tree COMMIT; ...' line saying where the "
                "figures come from"]
    if stamp.group(2):
        return [f"{BENCH_DOC}: the figures come from a tree with uncommitted changes "
                f"({stamp.group(1)}-dirty)"]
    if (os.path.exists(os.path.join(srctree, ".git")) and
            git(srctree, "rev-parse", "--is-shallow-repository") == "false" and
            git(srctree, "rev-parse", "--verify", "--quiet", stamp.group(1) + "^{commit}") is None):
        return [f"{BENCH_DOC}: the figures come from commit {stamp.group(1)}, which this "
                "history does not have"]
    return []


TESTING_DOC = os.path.join("Documentation", "dev-tools", "testing.md")
GROUPS_TABLE_RE = re.compile(r"^\| group \| what it runs \|\n\|[-|]+\|\n((?:\|.*\n)+)", re.M)
GROUP_ROW_RE = re.compile(r"^\| `(\w+)` \|", re.M)
GROUP_NAMES_RE = re.compile(r"\(or any of `([\w\s]+)`")
ORDER_RE = re.compile(r"^ORDER = (\d+)", re.M)


def test_groups(srctree):
    """The groups scripts/test-kernel runs, in its order."""
    groups = []
    for path in glob.glob(os.path.join(srctree, "scripts", "*tests.py")):
        with open(path, encoding="utf-8") as f:
            order = ORDER_RE.search(f.read())
        if order:
            groups.append((int(order.group(1)), os.path.basename(path)[:-len("tests.py")]))
    return [name for _, name in sorted(groups)]


def groups_problems(srctree):
    with open(os.path.join(srctree, TESTING_DOC), encoding="utf-8") as f:
        text = f.read()
    groups = test_groups(srctree)
    table, names = GROUPS_TABLE_RE.search(text), GROUP_NAMES_RE.search(text)
    problems = []
    for what, found in (("its table of groups", table and GROUP_ROW_RE.findall(table.group(1))),
                        ("the groups GROUP= takes", names and names.group(1).split())):
        if found is None:
            problems.append(f"{TESTING_DOC}: {what} is missing")
        elif found != groups:
            problems.append(f"{TESTING_DOC}: {what} are {' '.join(found)}, but "
                            f"scripts/test-kernel runs {' '.join(groups)}")
    return problems


def check(srctree):
    symbols = defined_symbols(srctree)
    problems = (bench_problems(srctree) + stamp_problems(srctree) + cmdline_problems(srctree) +
                groups_problems(srctree))
    figures = bench_figures(srctree)
    for doc in doc_files(srctree):
        rel = os.path.relpath(doc, srctree)
        with open(doc, encoding="utf-8") as f:
            text = f.read()
        if rel != BENCH_DOC:
            problems += figure_problems(srctree, rel, text, figures)
        for n, line in enumerate(text.splitlines(), 1):
            for m in SYMBOL_RE.finditer(line):
                name = m.group(1)
                if "CONFIG_" + name in PLACEHOLDERS or "unknown symbol" in line:
                    continue  # a sample of the warning about a misspelled symbol
                if not (fnmatch.filter(symbols, name) if "*" in name else name in symbols):
                    problems.append(f"{rel}:{n}: CONFIG_{name} is not a Kconfig symbol")
            for m in CODE_RE.finditer(line):
                bad = path_problems(srctree, m.group(1))
                if bad:
                    problems.append(f"{rel}:{n}: {bad} does not exist")
            for m in LINK_RE.finditer(line):
                target = m.group(1)
                if "://" in target or target.startswith("mailto:"):
                    continue
                if not os.path.exists(os.path.join(os.path.dirname(doc), target)):
                    problems.append(f"{rel}:{n}: link to {target} leads nowhere")
    return problems


def main():
    srctree = sys.argv[1] if len(sys.argv) > 1 else "."
    problems = check(srctree)
    for p in problems:
        print(p)
    print(f"{len(doc_files(srctree))} pages checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
