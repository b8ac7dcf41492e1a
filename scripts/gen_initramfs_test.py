#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Tests of scripts/gen_initramfs.py: archives made from lists and
directories, read back with a newc reader of their own (cpio is not a
dependency), byte-identical when made twice, and each mistake in a list
refused with the list file and line that made it."""
import os
import stat
import subprocess
import sys
import tempfile
import unittest

import gen_initramfs

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen_initramfs.py")


def read_newc(data):
    """The entries of a newc archive, as (name, fields, data), up to the trailer."""
    entries, pos = [], 0
    while True:
        hdr = data[pos:pos + 110]
        if hdr[:6] != b"070701":
            raise ValueError(f"no newc header at {pos}")
        f = [int(hdr[6 + 8 * i:14 + 8 * i], 16) for i in range(13)]
        namesize, size = f[11], f[6]
        name = data[pos + 110:pos + 110 + namesize]
        if name[-1:] != b"\0":
            raise ValueError(f"name without its NUL at {pos}")
        pos = (pos + 110 + namesize + 3) & ~3
        body = data[pos:pos + size]
        pos = (pos + size + 3) & ~3
        if name == b"TRAILER!!!\0":
            return entries, pos
        entries.append((name[:-1].decode(), f, body))


class GenInitramfs(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, text, mode="w"):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, mode) as f:
            f.write(text)
        return path

    def run_script(self, *sources, epoch="1700000000", out="out.cpio"):
        env = dict(os.environ, SOURCE_DATE_EPOCH=epoch)
        proc = subprocess.run([sys.executable, SCRIPT, "-o", os.path.join(self.dir, out),
                               "--depfile", os.path.join(self.dir, "out.d"), *sources],
                              cwd=self.dir, env=env, text=True, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
        return proc

    def archive(self, *sources, **kw):
        proc = self.run_script(*sources, **kw)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        with open(os.path.join(self.dir, kw.get("out", "out.cpio")), "rb") as f:
            return f.read()

    def test_list_entries_read_back(self):
        self.write("hello.txt", "hello\n")
        lst = self.write("a.list", "# comment\n\n"
                         "file /bin/hello hello.txt 0755 0 0\n"
                         "dir /bin 0755 0 0\n"
                         "nod /dev/console 0600 0 0 c 5 1\n"
                         "dir /dev 0755 0 0\n"
                         "slink /bin/sh hello 0777 0 0\n"
                         "dir /root 0700 1 2\n")
        data = self.archive(lst)
        entries, end = read_newc(data)
        self.assertEqual([e[0] for e in entries],
                         ["bin", "bin/hello", "bin/sh", "dev", "dev/console", "root"])
        by_name = {e[0]: e for e in entries}
        self.assertEqual([e[1][0] for e in entries], list(range(721, 727)))
        self.assertTrue(all(e[1][5] == 1700000000 for e in entries))
        self.assertEqual(by_name["bin/hello"][1][1], stat.S_IFREG | 0o755)
        self.assertEqual(by_name["bin/hello"][2], b"hello\n")
        self.assertEqual(by_name["bin/sh"][1][1], stat.S_IFLNK | 0o777)
        self.assertEqual(by_name["bin/sh"][2], b"hello")
        self.assertEqual(by_name["dev/console"][1][1], stat.S_IFCHR | 0o600)
        self.assertEqual(by_name["dev/console"][1][9:11], [5, 1])
        self.assertEqual(by_name["root"][1][1:5], [stat.S_IFDIR | 0o700, 1, 2, 2])
        self.assertEqual(gen_initramfs.entry_names(data), [e[0] for e in entries])
        self.assertEqual(len(data) % 512, 0)
        self.assertEqual(data[end:], b"\0" * (len(data) - end))
        with open(os.path.join(self.dir, "out.d")) as f:
            deps = f.read()
        self.assertIn("a.list", deps)
        self.assertIn("hello.txt", deps)

    def test_reproducible(self):
        self.write("x", "x" * 5000)
        lst = self.write("a.list", "dir /d 0755 0 0\nfile /d/x x 0644 0 0\n")
        first = self.archive(lst, out="1.cpio")
        os.utime(os.path.join(self.dir, "x"), (1, 1))
        self.assertEqual(first, self.archive(lst, out="2.cpio"))
        self.assertNotEqual(first, self.archive(lst, out="3.cpio", epoch="1"))

    def test_directory_source_and_base_list(self):
        self.write("tree/etc/motd", "hi\n")
        os.symlink("motd", os.path.join(self.dir, "tree/etc/issue"))
        base = os.path.join(os.path.dirname(SCRIPT), "..", "usr", "initramfs_base.list")
        entries, _ = read_newc(self.archive(base, "tree"))
        names = [e[0] for e in entries]
        for name in ("dev", "dev/console", "dev/null", "dev/zero", "root", "bin", "etc",
                     "etc/motd", "etc/issue"):
            self.assertIn(name, names)
        by_name = {e[0]: e for e in entries}
        self.assertEqual(by_name["dev/null"][1][9:11], [1, 3])
        self.assertEqual(by_name["dev/zero"][1][9:11], [1, 5])
        self.assertEqual(by_name["etc/issue"][2], b"motd")

    def assertRefused(self, text, message):
        lst = self.write("bad.list", "dir /d 0755 0 0\n" + text + "\n")
        proc = self.run_script(lst)
        self.assertEqual(proc.returncode, 1)
        self.assertIn(message, proc.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "out.cpio")))

    def test_mistakes_name_the_line(self):
        self.assertRefused("blob /d/x 0644 0 0", "bad.list:2: unknown type 'blob'")
        self.assertRefused("dir /d/x 0644 0", "bad.list:2: dir takes 4 fields, not 3")
        self.assertRefused("dir /d/x 0944 0 0", "bad.list:2: mode '0944' is not an octal number")
        self.assertRefused("dir /d/x 0644 -1 0", "bad.list:2: uid '-1' is out of range")
        self.assertRefused("file /d/x missing 0644 0 0", "bad.list:2: cannot read missing")
        self.assertRefused("dir /x/y 0755 0 0", "bad.list:2: x/y: its directory /x is not listed")
        self.assertRefused("dir /d/../x 0755 0 0", "a '..' component would leave the root")
        self.assertRefused("dir / 0755 0 0", "names the root")
        self.assertRefused("nod /d/n 0644 0 0 p 1 1", "device type 'p' is not c or b")
        self.assertRefused("pipe /d/p 0644 0 0", "FIFOs and sockets are not supported")
        self.assertRefused("slink /d/l 0755 0 0", "slink takes 5 fields, not 4")
        self.assertRefused("nod /d 0644 0 0 c 1 3", "bad.list:2: d is listed already, at ")
        self.assertRefused("dir /d 0700 0 0", "d is listed already")

    def test_same_directory_twice_is_one(self):
        lst = self.write("a.list", "dir /d 0755 0 0\n")
        entries, _ = read_newc(self.archive(lst, lst))
        self.assertEqual([e[0] for e in entries], ["d"])

    def test_missing_source(self):
        proc = self.run_script("nothing.list")
        self.assertEqual(proc.returncode, 1)
        self.assertIn("nothing.list: no such list file or directory", proc.stderr)


if __name__ == "__main__":
    sys.exit(0 if unittest.main(exit=False).result.wasSuccessful() else 1)
