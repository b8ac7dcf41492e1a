#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Make the initramfs: a cpio "newc" archive from lists and directories.

  gen_initramfs.py -o OUT [--depfile FILE] [--srctree DIR] SOURCE...

Each SOURCE is a list file in the format of Linux's usr/gen_init_cpio:

  # a comment
  dir   NAME MODE UID GID
  file  NAME LOCATION MODE UID GID
  nod   NAME MODE UID GID c|b MAJOR MINOR
  slink NAME TARGET MODE UID GID

(MODE in octal), or a directory whose whole tree is added as it is, owned
by root.  A relative LOCATION or SOURCE is taken from the current
directory (the build's), then from --srctree.  Every parent directory of
an entry must be listed; one NAME listed twice is an error unless both
lines are the same directory.

The archive is reproducible: entries sorted by path, inode numbers from
721 in that order (as gen_init_cpio numbers them), every mtime
SOURCE_DATE_EPOCH (0 when unset), the end padded to 512 bytes.
--depfile writes a make fragment naming every file and directory read,
so that make rebuilds the archive when one of them changes.

Python's standard library only: cpio is not a dependency of the build.
"""
import argparse
import os
import stat
import sys

FIRST_INO = 721


class ListError(Exception):
    pass


class Entry:
    def __init__(self, name, mode, uid=0, gid=0, data=b"", rdev=(0, 0), where=""):
        self.name, self.mode, self.uid, self.gid = name, mode, uid, gid
        self.data, self.rdev, self.where = data, rdev, where

    def same_dir(self, other):
        return (stat.S_ISDIR(self.mode) and stat.S_ISDIR(other.mode)
                and (self.mode, self.uid, self.gid) == (other.mode, other.uid, other.gid))


def clean_name(name, where):
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if not parts:
        raise ListError(f"{where}: {name!r} names the root, which always exists")
    if ".." in parts:
        raise ListError(f"{where}: {name!r}: a '..' component would leave the root")
    if any(len(p.encode()) > 255 for p in parts):
        raise ListError(f"{where}: {name!r}: a component is longer than 255 bytes")
    return "/".join(parts)


def number(text, base, what, where, limit=0xFFFFFFFF):
    try:
        value = int(text, base)
    except ValueError:
        raise ListError(f"{where}: {what} {text!r} is not a{'n octal' if base == 8 else ''} number")
    if not 0 <= value <= limit:
        raise ListError(f"{where}: {what} {text!r} is out of range")
    return value


def locate(path, srctree):
    if os.path.isabs(path) or os.path.exists(path) or not srctree:
        return path
    return os.path.join(srctree, path)


def read_file(location, where, deps):
    try:
        with open(location, "rb") as f:
            data = f.read()
    except OSError as e:
        raise ListError(f"{where}: cannot read {location}: {e.strerror}")
    deps.add(location)
    return data


def parse_line(words, where, srctree, deps):
    kind, args = words[0], words[1:]
    want = {"dir": 4, "file": 5, "nod": 7, "slink": 5}
    if kind in ("pipe", "sock"):
        raise ListError(f"{where}: {kind}: FIFOs and sockets are not supported")
    if kind not in want:
        raise ListError(f"{where}: unknown type {kind!r} (dir, file, nod or slink)")
    if len(args) < want[kind] or (kind != "file" and len(args) > want[kind]):
        raise ListError(f"{where}: {kind} takes {want[kind]} fields, not {len(args)}")
    name = clean_name(args[0], where)
    if kind == "dir":
        mode, uid, gid = args[1:4]
        return Entry(name, stat.S_IFDIR | number(mode, 8, "mode", where, 0o7777),
                     number(uid, 10, "uid", where), number(gid, 10, "gid", where), where=where)
    if kind == "file":
        location, mode, uid, gid = args[1:5]
        if len(args) > 5:
            raise ListError(f"{where}: hard links are not supported")
        data = read_file(locate(location, srctree), where, deps)
        return Entry(name, stat.S_IFREG | number(mode, 8, "mode", where, 0o7777),
                     number(uid, 10, "uid", where), number(gid, 10, "gid", where), data,
                     where=where)
    if kind == "nod":
        mode, uid, gid, dev, major, minor = args[1:7]
        if dev not in ("c", "b"):
            raise ListError(f"{where}: device type {dev!r} is not c or b")
        return Entry(name, (stat.S_IFCHR if dev == "c" else stat.S_IFBLK)
                     | number(mode, 8, "mode", where, 0o7777),
                     number(uid, 10, "uid", where), number(gid, 10, "gid", where),
                     rdev=(number(major, 10, "major", where, 4095),
                           number(minor, 10, "minor", where, 0xFFFFF)), where=where)
    target, mode, uid, gid = args[1:5]
    if len(target.encode()) >= 4096:
        raise ListError(f"{where}: the link target is longer than 4095 bytes")
    return Entry(name, stat.S_IFLNK | number(mode, 8, "mode", where, 0o7777),
                 number(uid, 10, "uid", where), number(gid, 10, "gid", where),
                 target.encode(), where=where)


def read_list(path, srctree, deps):
    entries = []
    deps.add(path)
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise ListError(f"{path}: cannot read the list: {getattr(e, 'strerror', e)}")
    for number_, line in enumerate(lines, 1):
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        entries.append(parse_line(words, f"{path}:{number_}", srctree, deps))
    return entries


def read_tree(top, deps):
    entries = []
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames.sort()
        deps.add(dirpath)
        for name in sorted(dirnames) + sorted(filenames):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, top)
            st = os.lstat(path)
            perm = stat.S_IMODE(st.st_mode)
            if stat.S_ISLNK(st.st_mode):
                entries.append(Entry(rel, stat.S_IFLNK | 0o777,
                                     data=os.readlink(path).encode(), where=path))
            elif stat.S_ISDIR(st.st_mode):
                entries.append(Entry(rel, stat.S_IFDIR | perm, where=path))
            elif stat.S_ISREG(st.st_mode):
                entries.append(Entry(rel, stat.S_IFREG | perm, data=read_file(path, path, deps),
                                     where=path))
            elif stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
                entries.append(Entry(rel, stat.S_IFMT(st.st_mode) | perm, where=path,
                                     rdev=(os.major(st.st_rdev), os.minor(st.st_rdev))))
            else:
                raise ListError(f"{path}: FIFOs and sockets are not supported")
    return entries


def collect(sources, srctree, deps):
    by_name = {}
    for source in sources:
        path = locate(source, srctree)
        if os.path.isdir(path):
            entries = read_tree(path, deps)
        elif os.path.exists(path):
            entries = read_list(path, srctree, deps)
        else:
            raise ListError(f"{source}: no such list file or directory")
        for e in entries:
            old = by_name.get(e.name)
            if old and not old.same_dir(e):
                raise ListError(f"{e.where}: {e.name} is listed already, at {old.where}")
            by_name.setdefault(e.name, e)
    for name, e in by_name.items():
        parent = name.rpartition("/")[0]
        if parent and not (parent in by_name and stat.S_ISDIR(by_name[parent].mode)):
            raise ListError(f"{e.where}: {name}: its directory /{parent} is not listed")
    return [by_name[name] for name in sorted(by_name, key=lambda n: n.split("/"))]


def header(ino, mode, uid, gid, nlink, mtime, size, rdev, namesize, check=0):
    fields = (ino, mode, uid, gid, nlink, mtime, size, 0, 0, rdev[0], rdev[1], namesize, check)
    return b"070701" + b"".join(b"%08X" % f for f in fields)


def pad4(data):
    return data + b"\0" * (-len(data) % 4)


def archive(entries, mtime):
    out = bytearray()
    for ino, e in enumerate(entries, FIRST_INO):
        name = e.name.encode() + b"\0"
        nlink = 2 if stat.S_ISDIR(e.mode) else 1
        out += pad4(header(ino, e.mode, e.uid, e.gid, nlink, mtime, len(e.data), e.rdev,
                           len(name)) + name)
        out += pad4(e.data)
    name = b"TRAILER!!!\0"
    out += pad4(header(0, 0, 0, 0, 1, 0, 0, (0, 0), len(name)) + name)
    out += b"\0" * (-len(out) % 512)
    return bytes(out)


def entry_names(data):
    """The names of a newc archive's entries up to its trailer, as the
    kernel's reader (fs/cpio.c) walks them; ValueError if it is not one."""
    names, pos = [], 0
    while True:
        hdr = data[pos:pos + 110]
        if len(hdr) < 110 or hdr[:6] not in (b"070701", b"070702"):
            raise ValueError(f"no newc header at offset {pos}")
        namesize, size = int(hdr[94:102], 16), int(hdr[54:62], 16)
        name = data[pos + 110:pos + 110 + namesize - 1].decode(errors="replace")
        if name == "TRAILER!!!":
            return names
        names.append(name)
        pos = (((pos + 110 + namesize + 3) & ~3) + size + 3) & ~3


def write_depfile(path, target, deps):
    quoted = sorted(d.replace(" ", "\\ ") for d in deps)
    var = f"deps_{target}"
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(f"{var} := {' '.join(quoted)}\n{target}: $({var})\n$({var}):\n")
    os.replace(path + ".tmp", path)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--depfile")
    parser.add_argument("--srctree", default="")
    parser.add_argument("sources", nargs="+")
    args = parser.parse_args(argv)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "") or "0"
    deps = set()
    try:
        if not epoch.isdigit() or int(epoch) > 0xFFFFFFFF:
            raise ListError(f"SOURCE_DATE_EPOCH={epoch!r} is not a time a cpio header holds")
        data = archive(collect(args.sources, args.srctree, deps), int(epoch))
    except ListError as e:
        print(f"gen_initramfs: {e}", file=sys.stderr)
        return 1
    with open(args.output + ".tmp", "wb") as f:
        f.write(data)
    os.replace(args.output + ".tmp", args.output)
    if args.depfile:
        write_depfile(args.depfile, args.output, deps)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
