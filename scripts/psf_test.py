#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Unit tests of scripts/psf.py and scripts/fbscreen.py: PSF 1 and 2 fonts
read with their Unicode tables, code page 437 picked through them with a
replacement for what a font lacks, malformed fonts refused with a reason,
and screendumps decoded back to text, colors and the cursor, where a
single wrong pixel makes a cell match nothing.  Run by "make test"."""
import gzip
import os
import struct
import sys
import tempfile
import unittest

import fbscreen
import psf

W, H = 8, 4
# Three glyphs: blank, "A", and the replacement character.
GLYPHS = [[0, 0, 0, 0], [0x18, 0x24, 0x7e, 0x42], [0xff, 0x81, 0x81, 0xff]]


def psf2(glyphs=GLYPHS, table=True, height=H, lie=0):
    header = struct.pack("<4sIIIIIII", psf.PSF2_MAGIC, 0, 32, 1 if table else 0, len(glyphs),
                         height + lie, height, W)
    data = b"".join(bytes(g) for g in glyphs)
    uni = b""
    if table:
        uni = (" ".encode() + b"\xff" + "A".encode() + b"\xfe" + "A\u0301".encode() + b"\xff"
               + "\ufffd".encode() + b"\xff")
    return header + data + uni


def psf1(glyphs=GLYPHS):
    padded = glyphs + [[0] * H] * (256 - len(glyphs))
    data = bytes([0x36, 0x04, psf.PSF1_MODEHASTAB, H]) + b"".join(bytes(g) for g in padded)
    uni = b""
    for g, chars in enumerate([" ", "A", "?"] + [""] * (256 - 3)):
        uni += b"".join(struct.pack("<H", ord(c)) for c in chars) + struct.pack("<H", 0xffff)
    return data + uni


class Fonts(unittest.TestCase):
    def load(self, data, name="f.psf.gz"):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, name)
            with (gzip.open if name.endswith(".gz") else open)(path, "wb") as f:
                f.write(data)
            return psf.load(path)

    def test_psf2_table_and_replacement(self):
        font = self.load(psf2())
        self.assertEqual((font.width, font.height), (W, H))
        table, missing = font.cp437()
        self.assertEqual(table[ord("A")], GLYPHS[1])
        self.assertEqual(table[0x20], GLYPHS[0])
        self.assertEqual(table[ord("B")], GLYPHS[2])     # not in the font
        self.assertIn(ord("B"), missing)
        self.assertNotIn(ord("A"), missing)
        self.assertEqual(len(table), 256)

    def test_psf1_table(self):
        font = self.load(psf1(), "f.psf")
        table, missing = font.cp437()
        self.assertEqual(table[ord("A")], GLYPHS[1])
        self.assertEqual(table[0xdb], GLYPHS[2])         # "?" stands in: no U+FFFD
        self.assertIn(0xdb, missing)

    def test_malformed_fonts_are_refused(self):
        for data, reason in ((psf2()[:20], "truncated"), (psf2(lie=1), "not a font"),
                             (psf2()[:32 + 5], "need"), (b"\x00" * 64, "no PSF")):
            with self.assertRaises(psf.FontError) as err:
                self.load(data)
            self.assertIn(reason, str(err.exception))
        with self.assertRaises(psf.FontError) as err:
            self.load(psf2(glyphs=GLYPHS[:2], table=True)).cp437()
        self.assertIn("neither", str(err.exception))

    def test_missing_file_names_the_package(self):
        with self.assertRaises(psf.FontError) as err:
            psf.find("No-Such-Font.psf.gz")
        self.assertIn("console-setup-linux", str(err.exception))

    def test_cp437_pictures(self):
        self.assertEqual(psf.cp437_char(0x01), "\u263a")
        self.assertEqual(psf.cp437_char(0x7f), "\u2302")
        self.assertEqual(psf.cp437_char(0xdb), "\u2588")
        self.assertEqual(psf.cp437_char(ord("K")), "K")


class Screendumps(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.font = os.path.join(self.tmp.name, "f.psf")
        with open(self.font, "wb") as f:
            f.write(psf2(table=True))
        self.decoder = fbscreen.Decoder(self.font)

    def tearDown(self):
        self.tmp.cleanup()

    def dump(self, cells, cursor=None, spoil=None):
        """A PPM of one row of cells [(glyph rows, fg, bg)], as fb.c draws them."""
        width = W * len(cells)
        pixels = bytearray()
        for y in range(H):
            for i, (rows, fg, bg) in enumerate(cells):
                bits = 0xff if cursor == i and y >= H - self.decoder.cursor_rows else rows[y]
                for x in range(W):
                    on = bits >> (W - 1 - x) & 1
                    pixels += bytes(fbscreen.VGA_RGB[fg if on else bg])
        if spoil is not None:
            pixels[spoil] ^= 0x01
        path = os.path.join(self.tmp.name, "s.ppm")
        with open(path, "wb") as f:
            f.write(b"P6\n%d %d\n255\n" % (width, H) + bytes(pixels))
        return path

    def test_text_colors_and_cursor(self):
        cells = [(GLYPHS[1], 14, 1), (GLYPHS[0], 7, 0), (GLYPHS[1], 7, 0), (GLYPHS[0], 7, 0)]
        rows, cursor = self.decoder.decode(self.dump(cells, cursor=3))
        self.assertEqual(rows[0][0], "A A ")
        self.assertEqual(rows[0][1], [0x1e, None, 0x07, 0x07])
        self.assertEqual(cursor, (0, 3))

    def test_one_wrong_pixel_matches_nothing(self):
        cells = [(GLYPHS[1], 14, 1), (GLYPHS[1], 7, 0)]
        rows, _ = self.decoder.decode(self.dump(cells, spoil=3 * (W + 2)))
        self.assertEqual(rows[0][0], "A" + fbscreen.UNKNOWN)

    def test_a_color_off_the_palette_matches_nothing(self):
        path = self.dump([(GLYPHS[1], 7, 0)], spoil=0)     # black becomes (1, 0, 0)
        rows, _ = self.decoder.decode(path)
        self.assertEqual(rows[0][0], fbscreen.UNKNOWN)


if __name__ == "__main__":
    sys.exit(0 if unittest.main(exit=False, verbosity=1).result.wasSuccessful() else 1)
