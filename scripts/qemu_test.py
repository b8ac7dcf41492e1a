#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Tests of qemu.py's command line disk: kestrel-cmdline.cfg, which the
ISO's grub.cfg sources, must set $cmdline to the text as given, whatever
it holds, and $kestrel_gfx only to a mode GRUB can take (WxHxD, ASCII
digits, none 0): the file is GRUB script, not data.  And the CPUs of its
command line: -smp with MTTCG only when asked for more than one.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import qemu


def grub_unquote(word):
    """Read back one double-quoted GRUB word as GRUB's lexer does."""
    assert word[0] == '"' and word[-1] == '"'
    out, i = [], 1
    while i < len(word) - 1:
        if word[i] == "\\" and word[i + 1] in '\\"$':
            i += 1
        elif word[i] in '"$':
            raise ValueError(f"unescaped {word[i]!r} in {word!r}")
        out.append(word[i])
        i += 1
    return "".join(out)


class GrubQuote(unittest.TestCase):
    def test_hostile_text_reads_back(self):
        for text in ['', 'qemu_exit', 'x="a b"', 'y=$z ${z}', 'w=\\q\\', '";reboot;"',
                     '$(halt)', 'a\nb']:
            self.assertEqual(grub_unquote(qemu.grub_quote(text)), text)


class Smp(unittest.TestCase):
    def test_one_cpu_is_plain_tcg(self):
        cmd = qemu.qemu_command("k.iso")
        self.assertEqual(cmd[cmd.index("-accel") + 1], "tcg")
        self.assertNotIn("-smp", cmd)

    def test_more_cpus_run_mttcg(self):
        cmd = qemu.qemu_command("k.iso", smp=4)
        self.assertEqual(cmd[cmd.index("-accel") + 1], "tcg,thread=multi")
        self.assertEqual(cmd[cmd.index("-smp") + 1], "4")

    def test_no_cpu_is_refused(self):
        with self.assertRaises(ValueError):
            qemu.qemu_command("k.iso", smp=0)


@unittest.skipUnless(shutil.which("mformat") and shutil.which("mtype"), "mtools")
class CmdlineDisk(unittest.TestCase):
    def cfg(self, cmdline, gfx=None):
        with tempfile.TemporaryDirectory() as tmp:
            disk = os.path.join(tmp, "cmdline.img")
            qemu.cmdline_disk(disk, cmdline, gfx)
            return subprocess.run(["mtype", "-i", disk, "::/kestrel-cmdline.cfg"], check=True,
                                  capture_output=True, text=True).stdout

    def test_gfx_mode_is_set(self):
        self.assertEqual(self.cfg("qemu_exit", "1024x768x32").splitlines(),
                         ['set cmdline="qemu_exit"', "set kestrel_gfx=1024x768x32"])

    def test_bad_gfx_modes_are_refused(self):
        # Python's \d takes any script's digits: they reached grub.cfg.
        for gfx in ["1024x768", "0x768x32", "1024x0x32", "1024x768x0", "\uff11024x768x32",
                    "\u0663x768x32", "1024x768x32\n", "1024x768x32;auto", " 1024x768x32"]:
            with self.assertRaises(ValueError, msg=repr(gfx)):
                self.cfg("", gfx)


if __name__ == "__main__":
    sys.exit(unittest.main())
