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

Usage: doccheck.py SRCTREE
"""
import fnmatch
import glob
import os
import re
import sys

SYMBOL_RE = re.compile(r"\bCONFIG_([A-Z0-9_]*[A-Z0-9](?:_\*)?)")
DEFINE_RE = re.compile(r"^\s*(?:menu)?config\s+([A-Z0-9_]+)", re.M)
CODE_RE = re.compile(r"`([^`\n]+)`")
LINK_RE = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
# A path: top-level directories of the tree, or a file name with a known suffix.
TOP_DIRS = ("arch/", "kernel/", "mm/", "drivers/", "lib/", "include/", "scripts/",
            "configs/", "Documentation/", ".ci/")
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
    configuration's outputs, or a file whose source is in the tree?"""
    if path.endswith((".o", ".cmd")) or path.startswith(("include/config/", "include/generated/")):
        return True
    return any(os.path.exists(os.path.join(srctree, path + ext)) for ext in (".S", ".c"))


def path_problems(srctree, token):
    """@token, if it looks like a path of the tree, and names nothing."""
    token = token.split()[0].rstrip(",.:;")
    if not token.startswith(TOP_DIRS) or not PATH_RE.match(token):
        return None
    pattern = PLACEHOLDER_RE.sub("*", token)
    if any(c in pattern for c in "*?"):
        return None if glob.glob(os.path.join(srctree, pattern)) else token
    if os.path.exists(os.path.join(srctree, token)) or built_from_source(srctree, token):
        return None
    return token


def check(srctree):
    symbols = defined_symbols(srctree)
    problems = []
    for doc in doc_files(srctree):
        rel = os.path.relpath(doc, srctree)
        with open(doc, encoding="utf-8") as f:
            text = f.read()
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
