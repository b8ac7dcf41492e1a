#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Tests of scripts/psf.py and scripts/fbscreen.py on small fonts made
here: malformed files refused with a FontError (never a traceback, nor a
font the kernel's struct font cannot hold), the Unicode tables read as
the PSF formats define them, and screendumps decoded cell by cell, a
stale cursor included."""
import os
import struct
import sys
import tempfile
import unittest

import fbscreen
import psf


def psf2(glyphs, width, height, table=None):
    """A PSF2 file of @glyphs (lists of row ints), with @table (bytes a
    glyph, PSF2_SEPARATOR added) if given."""
    row_bytes = (width + 7) // 8
    size = height * row_bytes
    data = struct.pack("<4sIIIIIII", psf.PSF2_MAGIC, 0, 32,
                       psf.PSF2_HAS_UNICODE_TABLE if table else 0, len(glyphs), size, height,
                       width)
    for rows in glyphs:
        data += b"".join((r << (row_bytes * 8 - width)).to_bytes(row_bytes, "big")
                         for r in rows)
    if table:
        data += b"".join(entry + bytes([psf.PSF2_SEPARATOR]) for entry in table)
    return data


def distinct_glyphs(count, height=8):
    """@count 8-pixel-wide glyphs, glyph g's first row g & 0xff, second g >> 8."""
    return [[g & 0xff, g >> 8] + [0] * (height - 2) for g in range(count)]


class FontFiles(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, data, name="font.psf"):
        path = os.path.join(self.tmp.name, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def load(self, data):
        return psf.load(self.write(data))


class Malformed(FontFiles):
    def test_truncated_psf1_header_is_a_font_error(self):
        for data in (psf.PSF1_MAGIC, psf.PSF1_MAGIC + b"\x00"):
            with self.assertRaises(psf.FontError):
                self.load(data)

    def test_truncated_glyphs_are_a_font_error(self):
        with self.assertRaises(psf.FontError):
            self.load(psf.PSF1_MAGIC + b"\x00\x10" + bytes(100))
        with self.assertRaises(psf.FontError):
            self.load(psf2(distinct_glyphs(256), 8, 8)[:-1])

    def test_header_that_lies_is_a_font_error(self):
        good = psf2(distinct_glyphs(256), 8, 8)
        for field, value in ((2, 1 << 30), (4, 1 << 31), (5, 7)):   # header size, count, size
            data = bytearray(good)
            struct.pack_into("<I", data, 4 * field, value)
            with self.assertRaises(psf.FontError, msg=f"field {field} = {value}"):
                self.load(bytes(data))

    def test_glyph_larger_than_struct_font_holds_is_refused(self):
        # struct font (drivers/video/font.h) keeps width and height in a u8 each.
        for width, height in ((256, 2), (8, 256)):
            with self.assertRaises(psf.FontError, msg=f"{width}x{height}"):
                self.load(psf2([[0] * height] * 256, width, height))
        font = self.load(psf2([[0] * 255] * 256, 255, 255))
        self.assertEqual((font.width, font.height), (255, 255))


class UnicodeTables(FontFiles):
    def test_psf2_table_first_glyph_wins_sequences_ignored(self):
        table = [b""] * 256
        table[65] = "A".encode() + bytes([psf.PSF2_STARTSEQ]) + "B\u0301".encode()
        table[66] = "B?".encode()
        table[67] = "A\u00c7".encode()            # A again: glyph 65 keeps it
        font = self.load(psf2(distinct_glyphs(256), 8, 8, table))
        self.assertEqual(font.glyph_for("A"), 65)
        self.assertEqual(font.glyph_for("B"), 66)
        self.assertEqual(font.glyph_for("\u00c7"), 67)
        self.assertIsNone(font.glyph_for("\u0301"))  # only in a sequence
        rows, missing = font.cp437()
        self.assertEqual(rows[0x80], font.glyphs[67])     # Ç is byte 0x80 of code page 437
        self.assertEqual(rows[1], font.glyphs[66])        # no ☺: the '?' glyph
        self.assertIn(1, missing)

    def test_invalid_utf8_in_a_table_names_no_character(self):
        # Glyph 5's entry is a lone lead byte: it must not become U+FFFD,
        # the replacement every missing byte would then be drawn with.
        table = [b""] * 256
        table[5] = b"\xc3"
        table[63] = b"?"
        font = self.load(psf2(distinct_glyphs(256), 8, 8, table))
        self.assertIsNone(font.glyph_for("\ufffd"))
        rows, _ = font.cp437()
        self.assertEqual(rows[1], font.glyphs[63])

    def test_psf1_table(self):
        glyphs = distinct_glyphs(256, 8)
        data = psf.PSF1_MAGIC + bytes([psf.PSF1_MODEHASTAB, 8])
        data += b"".join(bytes(rows) for rows in glyphs)
        for g in range(256):
            values = {0x41: [0x41, psf.PSF1_STARTSEQ, 0x42, 0x301], 0x3f: [0x3f],
                      0x99: [0x263a, 0x42]}.get(g, [])
            data += b"".join(struct.pack("<H", v) for v in values + [psf.PSF1_SEPARATOR])
        font = self.load(data)
        self.assertEqual(font.glyph_for("A"), 0x41)
        self.assertEqual(font.glyph_for("B"), 0x99)      # glyph 0x41 has B only in a sequence
        self.assertEqual(font.glyph_for("\u263a"), 0x99)
        rows, missing = font.cp437()
        self.assertEqual(rows[1], font.glyphs[0x99])
        self.assertNotIn(1, missing)

    def test_font_without_a_table_is_in_its_own_order(self):
        # A 256-glyph font without a Unicode table (as Linux's own fonts)
        # is in the PC's order, code page 437: byte b is glyph b.
        font = self.load(psf2(distinct_glyphs(256), 8, 8))
        rows, missing = font.cp437()
        self.assertEqual(missing, [])
        for byte in (0x01, 0x41, 0x80, 0xdb, 0xff):
            self.assertEqual(rows[byte], font.glyphs[byte], f"byte {byte:#04x}")

    def test_c_source_holds_every_glyph(self):
        font = self.load(psf2(distinct_glyphs(256, 3), 8, 3))
        text = psf.c_source(font, "x.psf")
        self.assertIn("static const u8 glyphs[256 * 3 * 1]", text)
        self.assertIn("/* 0x81 */ 0x81, 0x00, 0x00,", text)


class Screendumps(FontFiles):
    WIDTH, HEIGHT = 8, 8

    def setUp(self):
        super().setUp()
        glyphs = [[0] * self.HEIGHT for _ in range(256)]
        glyphs[ord("x")] = [0x81, 0x42, 0x24, 0x18, 0x18, 0x24, 0x42, 0x81]
        glyphs[ord("?")] = [0x3c, 0x42, 0x02, 0x0c, 0x10, 0x00, 0x10, 0x00]
        table = [b""] * 256
        for c in " x?":
            table[ord(c)] = c.encode()
        self.decoder = fbscreen.Decoder(self.write(psf2(glyphs, self.WIDTH, self.HEIGHT, table)))
        self.glyphs = glyphs

    def ppm(self, cells):
        """A screendump of one row of @cells: (glyph byte, fg, bg, cursor)."""
        width = self.WIDTH * len(cells)
        pixels = bytearray()
        for y in range(self.HEIGHT):
            for byte, fg, bg, cursor in cells:
                bits = self.glyphs[byte][y]
                if cursor and y >= self.HEIGHT - self.decoder.cursor_rows:
                    bits = 0xff
                for x in range(self.WIDTH):
                    on = bits & (0x80 >> x)
                    pixels += bytes(fbscreen.VGA_RGB[fg if on else bg])
        return self.write(b"P6\n%d %d\n255\n" % (width, self.HEIGHT) + bytes(pixels),
                          "screen.ppm")

    def test_text_colors_and_cursor(self):
        # The font has no "!": "!" is drawn with the "?" glyph, which must
        # still read as "?", the byte that owns it.
        screen, cursor = self.decoder.decode(self.ppm([(ord("x"), 15, 1, False),
                                                       (ord(" "), 7, 0, True),
                                                       (ord("?"), 7, 0, False)]))
        self.assertEqual(screen, [("x ?", [0x1f, 0x07, 0x07])])
        self.assertEqual(cursor, (0, 1))

    def test_stale_cursor_is_not_hidden(self):
        # Two underlines: one of them is stale, left by a refresh() that did
        # not erase it, and no one position may stand for the cursor.
        _, cursor = self.decoder.decode(self.ppm([(ord("x"), 7, 0, True),
                                                  (ord(" "), 7, 0, True)]))
        self.assertNotEqual(cursor, (0, 1))
        self.assertNotEqual(cursor, (0, 0))
        self.assertIsNotNone(cursor)


    def spoil(self, path, index):
        """Flip the low bit of byte @index of @path's pixels."""
        with open(path, "rb") as f:
            data = bytearray(f.read())
        data[data.index(b"255\n") + 4 + index] ^= 0x01
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_one_wrong_pixel_matches_nothing(self):
        path = self.ppm([(ord("x"), 15, 1, False), (ord("x"), 7, 0, False)])
        screen, _ = self.decoder.decode(self.spoil(path, 3 * (self.WIDTH + 2)))
        self.assertEqual(screen[0][0], "x" + fbscreen.UNKNOWN)

    def test_a_color_off_the_palette_matches_nothing(self):
        path = self.ppm([(ord("x"), 7, 0, False)])
        screen, _ = self.decoder.decode(self.spoil(path, 3))     # black becomes (1, 0, 0)
        self.assertEqual(screen[0][0], fbscreen.UNKNOWN)


class NamesAndPictures(FontFiles):
    def test_missing_file_names_the_package(self):
        with self.assertRaises(psf.FontError) as err:
            psf.find("No-Such-Font.psf.gz")
        self.assertIn("console-setup-linux", str(err.exception))

    def test_cp437_pictures(self):
        self.assertEqual(psf.cp437_char(0x01), "\u263a")
        self.assertEqual(psf.cp437_char(0x7f), "\u2302")
        self.assertEqual(psf.cp437_char(0xdb), "\u2588")
        self.assertEqual(psf.cp437_char(ord("K")), "K")

    def test_what_the_font_lacks_is_listed_and_replaced(self):
        glyphs = distinct_glyphs(3)
        font = self.load(psf2(glyphs, 8, 8, [b" ", b"A", "\ufffd".encode()]))
        table, missing = font.cp437()
        self.assertEqual(table[ord("A")], glyphs[1])
        self.assertEqual(table[ord("B")], glyphs[2])
        self.assertIn(ord("B"), missing)
        self.assertNotIn(ord("A"), missing)


if __name__ == "__main__":
    sys.exit(unittest.main())
