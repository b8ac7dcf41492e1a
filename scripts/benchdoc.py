#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Copy the figures of one "make bench" into benchmarks.md.

benchmarks.md quotes make bench's output verbatim, in output blocks whose
paragraphs each begin as a paragraph of the output does: the stamp line
("make bench: tree COMMIT; ..."), the build figures, each table.  make
bench keeps what it printed in BUILDDIR/bench.out; this script replaces
each paragraph of the page's output blocks with the paragraph of that
file that begins with the same line, numbers aside (the skeleton
doccheck compares), so refreshing the page is one command, and a table
that gained or lost a row comes whole.

It refuses, and writes nothing, when the run is not one to quote: no
stamp, a -dirty tree, a figure marked FAILED, or a paragraph of the page
that the output does not have (a benchmark renamed or gone: edit the
page by hand first).

Usage: benchdoc.py BENCH_OUT [PAGE]   (PAGE: Documentation/dev-tools/benchmarks.md)
"""
import os
import re
import sys

import doccheck


def paragraphs(lines):
    """Runs of non-blank lines, as lists."""
    out, cur = [], []
    for line in lines:
        if line.strip():
            cur.append(line)
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def shape(line):
    """@line without its numbers, nor the commit of a stamp."""
    return doccheck.skeleton(re.sub(r"^make bench: tree [0-9a-f]+(?:-dirty)?;", "", line))


def output_paragraph(output_lines, first):
    """The output's lines from the one shaped as @first to the next blank
    line, or None."""
    want = shape(first)
    for i, line in enumerate(output_lines):
        if shape(line) == want:
            end = i
            while end < len(output_lines) and output_lines[end].strip():
                end += 1
            return output_lines[i:end]
    return None


def refresh(page, output):
    """(new page text, problems): @page with every paragraph of its output
    blocks replaced by the same paragraph of @output (make bench's)."""
    lines = [line.rstrip() for line in output.splitlines()]
    problems = []
    stamp = next((line for line in lines if line.startswith("make bench: tree ")), None)
    if stamp is None:
        problems.append("the output has no 'make bench: tree ...' line")
    elif not (m := doccheck.STAMP_RE.match(stamp)) or m.group(2):
        problems.append(f"the figures come from a tree with changes: {stamp.split(';')[0]}")

    def block(m):
        if m.group(1):
            return m.group(0)  # code, not output
        new = []
        for para in paragraphs(m.group(2).splitlines()):
            fresh = output_paragraph(lines, para[0])
            if fresh is None:
                problems.append(f"no paragraph of the output begins as '{para[0].strip()}'")
                fresh = para
            elif any("FAILED" in line for line in fresh):
                problems.append(f"'{fresh[0].strip()}' has figures marked FAILED")
            new.append("\n".join(fresh))
        return "```\n" + "\n\n".join(new) + "\n```"

    return doccheck.FENCE_RE.sub(block, page), problems


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    page_path = sys.argv[2] if len(sys.argv) == 3 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", doccheck.BENCH_DOC)
    with open(sys.argv[1], encoding="utf-8") as f:
        output = f.read()
    with open(page_path, encoding="utf-8") as f:
        page = f.read()
    new, problems = refresh(page, output)
    if problems:
        for p in problems:
            print(f"benchdoc: {p}", file=sys.stderr)
        print(f"benchdoc: {page_path} left as it was", file=sys.stderr)
        return 1
    if new != page:
        with open(page_path, "w", encoding="utf-8") as f:
            f.write(new)
    print(f"benchdoc: {page_path} {'updated' if new != page else 'already quotes these figures'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
