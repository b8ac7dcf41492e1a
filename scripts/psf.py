#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""PSF console fonts, for the framebuffer console and its screen tests.

The framebuffer console draws the 256 byte values the VGA console shows,
code page 437, with a PSF font of Debian's console-setup-linux package.
Such a font orders its glyphs its own way and says which Unicode
characters each one draws, so this module reads PSF 1 and PSF 2 fonts
(gzipped or not) and picks, for every code page 437 byte, the glyph of
its Unicode character.  A byte whose character the font lacks gets the
font's replacement character (U+FFFD, else "?"), and is counted.  A font
without a Unicode table is in its own 8-bit order, code page 437 for a PC
font: byte b is glyph b.

Run by the build: "psf.py FONT.psf.gz" writes the C file of the font
(drivers/video/Makefile).  Imported by the screen tests, which render the
same glyphs on the host and compare them with the screen, pixel for pixel.
"""
import argparse
import gzip
import os
import struct
import sys

FONT_DIR = "/usr/share/consolefonts"
PSF1_MAGIC = b"\x36\x04"
PSF1_MODE512, PSF1_MODEHASTAB = 0x01, 0x02
PSF1_SEPARATOR, PSF1_STARTSEQ = 0xFFFF, 0xFFFE
PSF2_MAGIC = b"\x72\xb5\x4a\x86"
PSF2_HAS_UNICODE_TABLE = 0x01
PSF2_SEPARATOR, PSF2_STARTSEQ = 0xFF, 0xFE
GLYPH_MAX = 255     # pixels a side: struct font (drivers/video/font.h) holds a u8

# Code page 437's pictures for the bytes Python's cp437 codec leaves as
# control characters: what the VGA's character generator draws for them.
CP437_LOW = ("\u0000\u263a\u263b\u2665\u2666\u2663\u2660\u2022\u25d8\u25cb\u25d9\u2642"
             "\u2640\u266a\u266b\u263c\u25ba\u25c4\u2195\u203c\u00b6\u00a7\u25ac\u21a8"
             "\u2191\u2193\u2192\u2190\u221f\u2194\u25b2\u25bc")
CP437_DEL = "\u2302"


class FontError(Exception):
    pass


def cp437_char(byte):
    """The Unicode character code page 437 draws for @byte."""
    if byte < 0x20:
        return CP437_LOW[byte]
    if byte == 0x7f:
        return CP437_DEL
    return bytes([byte]).decode("cp437")


class Font:
    """A PSF font: @width x @height glyphs, each a list of @height row
    bitmaps (ints, the leftmost pixel in the highest of @width bits),
    and the glyph that draws each Unicode character."""

    def __init__(self, width, height, glyphs, unicode):
        self.width, self.height = width, height
        self.glyphs = glyphs
        self.unicode = unicode      # character -> glyph index

    def glyph_for(self, char):
        """The glyph index for @char, or None when the font has none
        (always None without a Unicode table: see cp437())."""
        return self.unicode.get(char)

    def cp437(self):
        """(rows of the glyph for each byte 0..255, bytes drawn as a replacement)."""
        if self.unicode:
            def index_of(byte):
                return self.glyph_for(" " if byte == 0 else cp437_char(byte))
            fallback = self.glyph_for("\ufffd")
            if fallback is None:
                fallback = self.glyph_for("?")
        else:
            # No table: the glyphs are in the font's own 8-bit order, which
            # for a PC font (Linux's own fonts, a VGA ROM's) is code page
            # 437, as Linux's console assumes; not in Unicode's order.
            def index_of(byte):
                return byte if byte < len(self.glyphs) else None
            fallback = index_of(ord("?"))
        if fallback is None:
            raise FontError("the font has neither U+FFFD nor '?' to stand for what it lacks")
        table, missing = [], []
        for byte in range(256):
            index = index_of(byte)
            if index is None:
                missing.append(byte)
                index = fallback
            table.append(self.glyphs[index])
        return table, missing


def _rows(data, count, height, row_bytes, width):
    glyphs = []
    size = height * row_bytes
    if len(data) < count * size:
        raise FontError(f"{count} glyphs of {size} bytes need {count * size} bytes, "
                        f"the file has {len(data)}")
    for g in range(count):
        glyph = []
        for r in range(height):
            off = g * size + r * row_bytes
            bits = int.from_bytes(data[off:off + row_bytes], "big")
            glyph.append(bits >> (row_bytes * 8 - width))
        glyphs.append(glyph)
    return glyphs


def _check_size(width, height):
    if width > GLYPH_MAX or height > GLYPH_MAX:
        raise FontError(f"glyphs of {width}x{height} pixels: the kernel's struct font "
                        f"holds at most {GLYPH_MAX} a side")


def _parse_psf1(data):
    if len(data) < 4:
        raise FontError("PSF1 header truncated")
    mode, height = data[2], data[3]
    count = 512 if mode & PSF1_MODE512 else 256
    if height == 0:
        raise FontError("PSF1 glyph height 0")
    glyphs = _rows(data[4:], count, height, 1, 8)
    unicode = {}
    if mode & PSF1_MODEHASTAB:
        pos, glyph = 4 + count * height, 0
        in_seq = False
        while glyph < count and pos + 2 <= len(data):
            (value,) = struct.unpack_from("<H", data, pos)
            pos += 2
            if value == PSF1_SEPARATOR:
                glyph += 1
                in_seq = False
            elif value == PSF1_STARTSEQ:
                in_seq = True
            elif not in_seq:
                unicode.setdefault(chr(value), glyph)
    return Font(8, height, glyphs, unicode)


def _parse_psf2(data):
    if len(data) < 32:
        raise FontError("PSF2 header truncated")
    _, _, header, flags, count, size, height, width = struct.unpack_from("<4sIIIIIII", data)
    row_bytes = (width + 7) // 8
    if not (width and height and count) or size != height * row_bytes or header < 32:
        raise FontError(f"PSF2 header says {count} glyphs of {width}x{height} in {size} "
                        "bytes each: not a font")
    _check_size(width, height)
    glyphs = _rows(data[header:], count, height, row_bytes, width)
    unicode = {}
    if flags & PSF2_HAS_UNICODE_TABLE:
        table = data[header + count * size:]
        glyph, pos = 0, 0
        while glyph < count and pos < len(table):
            end = table.index(PSF2_SEPARATOR, pos) if PSF2_SEPARATOR in table[pos:] \
                else len(table)
            entry = table[pos:end]
            singles = entry.split(bytes([PSF2_STARTSEQ]))[0]
            # Bytes that are no UTF-8 name no character: decoded as U+FFFD
            # ("replace"), they would make this glyph the replacement
            # character every byte the font lacks is drawn with.
            for char in singles.decode("utf-8", "surrogateescape"):
                if not "\udc80" <= char <= "\udcff":
                    unicode.setdefault(char, glyph)
            glyph += 1
            pos = end + 1
    return Font(width, height, glyphs, unicode)


def load(path):
    """The font in the PSF file at @path (gzipped when it ends in .gz)."""
    opener = gzip.open if path.endswith(".gz") else open
    try:
        with opener(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise FontError(f"{path}: {e.strerror or e}") from None
    if data.startswith(PSF2_MAGIC):
        return _parse_psf2(data)
    if data.startswith(PSF1_MAGIC):
        return _parse_psf1(data)
    raise FontError(f"{path}: not a PSF font (no PSF 1 or PSF 2 magic)")


def find(name, font_dir=FONT_DIR):
    """The path of console font @name (a file name in @font_dir, or a path)."""
    path = name if os.sep in name else os.path.join(font_dir, name)
    if not os.path.exists(path):
        raise FontError(f"{path} not found: install the Debian package "
                        "'console-setup-linux' (or run 'make deps')")
    return path


def c_source(font, source_name):
    """The C file of @font's code page 437 glyphs (see drivers/video/font.h)."""
    table, missing = font.cp437()
    row_bytes = (font.width + 7) // 8
    out = ["/* SPDX-License-Identifier: GPL-2.0 */",
           f"/* Generated by scripts/psf.py from {source_name}: do not edit. */",
           '#include "font.h"', ""]
    if missing:
        out.append("/* Not in the font, drawn as its replacement character: "
                   + " ".join(f"{b:#04x}" for b in missing) + " */")
    out.append(f"static const u8 glyphs[256 * {font.height} * {row_bytes}] = {{")
    for byte, rows in enumerate(table):
        data = b"".join((r << (row_bytes * 8 - font.width)).to_bytes(row_bytes, "big")
                        for r in rows)
        out.append(f"\t/* {byte:#04x} */ " + ", ".join(f"{b:#04x}" for b in data) + ",")
    out += ["};", "",
            "const struct font font = {",
            f"\t.width = {font.width},",
            f"\t.height = {font.height},",
            f"\t.row_bytes = {row_bytes},",
            "\t.glyphs = glyphs,",
            "};", ""]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description="Write the C file of a PSF console font's "
                                 "code page 437 glyphs.")
    ap.add_argument("font", help=f"a file in {FONT_DIR}, or a path")
    ap.add_argument("-o", "--output", help="the C file (default: standard output)")
    args = ap.parse_args()
    try:
        path = find(args.font)
        text = c_source(load(path), os.path.basename(path))
    except FontError as e:
        print(f"psf.py: {e}", file=sys.stderr)
        return 1
    if args.output:
        with open(args.output + ".tmp", "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(args.output + ".tmp", args.output)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
