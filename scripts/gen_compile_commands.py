#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Write compile_commands.json from the .cmd files of a build.

Every object's .cmd file (written by fixdep) records the exact command
that built it (cmd_<obj>) and its source (source_<obj>); this collects
them for clangd and other tools.

  gen_compile_commands.py -o compile_commands.json DIR...

Run from the output directory; DIRs are the build directories to scan.
"""
import argparse
import json
import os
import re

CMD_RE = re.compile(r"^cmd_(\S+) := (.*)$")
SOURCE_RE = re.compile(r"^source_(\S+) := (.*)$")


def entries(topdir, objtree="."):
    for dirpath, _, files in os.walk(topdir):
        for name in files:
            if not (name.startswith(".") and name.endswith(".o.cmd")):
                continue
            cmd = source = None
            with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                for line in f:
                    m = CMD_RE.match(line)
                    if m:
                        cmd = m.group(2).replace("$(pound)", "#").replace("$$", "$")
                    m = SOURCE_RE.match(line)
                    if m:
                        source = m.group(2)
            if cmd and source and source.endswith(".c"):
                yield {"directory": os.path.abspath(objtree),
                       "file": os.path.normpath(os.path.join(os.path.abspath(objtree), source)),
                       "command": cmd}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()
    data = sorted((e for d in args.dirs for e in entries(d)), key=lambda e: e["file"])
    with open(args.output, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
