# SPDX-License-Identifier: GPL-2.0
"""The framebuffer console's screen, read from the host.

QEMU's monitor dumps the screen as a PPM picture (screendump).  Each text
cell of it must be exactly one glyph of the kernel's own font (the PSF
file CONFIG_FONT_FILE names, read by psf.py as the build reads it) in two
of the 16 VGA colors, or such a glyph with the underline cursor: the
pixels are matched, not recognized, so a single pixel out of place shows
as a cell that matches nothing.  The result has the form of the VGA text
buffer's (qemu.Monitor.vga_text): rows of (text, attributes), so the same
screen tests read either console.

A cell of one color (a space, or an empty cell) shows its background but
no foreground: its attribute is None, and tests compare the attributes of
the cells that have one.
"""
import psf

# The VGA palette, as the kernel's fb.c converts it.
VGA_RGB = [(0x00, 0x00, 0x00), (0x00, 0x00, 0xaa), (0x00, 0xaa, 0x00), (0x00, 0xaa, 0xaa),
           (0xaa, 0x00, 0x00), (0xaa, 0x00, 0xaa), (0xaa, 0x55, 0x00), (0xaa, 0xaa, 0xaa),
           (0x55, 0x55, 0x55), (0x55, 0x55, 0xff), (0x55, 0xff, 0x55), (0x55, 0xff, 0xff),
           (0xff, 0x55, 0x55), (0xff, 0x55, 0xff), (0xff, 0xff, 0x55), (0xff, 0xff, 0xff)]
COLOR_INDEX = {bytes(rgb): i for i, rgb in enumerate(VGA_RGB)}
UNKNOWN = "\ufffd"      # a cell that is no glyph of the font


class ScreenError(Exception):
    pass


def read_ppm(path):
    """(width, height, RGB bytes) of a binary PPM (P6) with 8-bit samples."""
    with open(path, "rb") as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    pos += 1
    magic, width, height, maxval = fields[0], int(fields[1]), int(fields[2]), int(fields[3])
    if magic != b"P6" or maxval != 255:
        raise ScreenError(f"{path}: not an 8-bit binary PPM ({magic!r}, maxval {maxval})")
    pixels = data[pos:pos + width * height * 3]
    if len(pixels) != width * height * 3:
        raise ScreenError(f"{path}: {len(pixels)} bytes of pixels for {width}x{height}")
    return width, height, pixels


class Decoder:
    """Turns screendumps into text, with the glyphs of one PSF font."""

    def __init__(self, font_path):
        self.font = psf.load(font_path)
        self.width, self.height = self.font.width, self.font.height
        self.cursor_rows = self.height // 8 or 1        # as fb.c draws it
        table, missing = self.font.cp437()
        full = (1 << self.width) - 1
        self.glyphs, self.with_cursor = {}, {}
        # Printable ASCII first: where glyphs are alike (space, 0x00, 0xff)
        # the text reads as the kernel most likely wrote it.  The bytes the
        # font lacks come last: they are drawn as its replacement glyph,
        # which must read as the byte that owns it ("?"), not as the first
        # byte drawn with it.
        order = list(range(0x20, 0x7f)) + [b for b in range(256) if not 0x20 <= b < 0x7f]
        order = [b for b in order if b not in missing] + [b for b in order if b in missing]
        for byte in order:
            rows = tuple(table[byte])
            self.glyphs.setdefault(rows, byte)
            under = rows[:self.height - self.cursor_rows] + (full,) * self.cursor_rows
            self.with_cursor.setdefault(under, byte)

    def _bits(self, rows, fg):
        """The cell's rows as bitmaps, @fg's pixels set."""
        out = []
        for r in rows:
            bits = 0
            for x in range(self.width):
                bits = bits << 1 | (r[x * 3:x * 3 + 3] == fg)
            out.append(bits)
        return tuple(out)

    def cell(self, rows):
        """(code page 437 byte, attribute, cursor here) of a cell's pixel rows;
        the byte and attribute None when the cell is no glyph."""
        colors = set()
        for r in rows:
            colors.update(r[i:i + 3] for i in range(0, len(r), 3))
        index = {c: COLOR_INDEX.get(bytes(c)) for c in colors}
        if None in index.values() or not 1 <= len(colors) <= 2:
            return None, None, False
        if len(colors) == 1:
            return 0x20, None, False
        a, b = sorted(colors)
        for fg, bg in ((a, b), (b, a)):
            bits = self._bits(rows, fg)
            attr = index[bg] << 4 | index[fg]
            if bits in self.glyphs:
                return self.glyphs[bits], attr, False
            if bits in self.with_cursor:
                return self.with_cursor[bits], attr, True
        return None, None, False

    def decode(self, path):
        """(rows of (text, attributes), the cursor's (row, column) or None).
        A screen with several underline cursors (all but one stale, left
        on screen) gives them all, a tuple of (row, column), so that no
        test mistakes one of them for the cursor."""
        width, height, pixels = read_ppm(path)
        cols, nrows = width // self.width, height // self.height
        stride, cw = width * 3, self.width * 3
        screen, cursors = [], []
        for row in range(nrows):
            text, attrs = [], []
            for col in range(cols):
                base = row * self.height * stride + col * cw
                rows = [pixels[base + y * stride:base + y * stride + cw]
                        for y in range(self.height)]
                byte, attr, here = self.cell(rows)
                if here:
                    cursors.append((row, col))
                text.append(UNKNOWN if byte is None else bytes([byte]).decode("cp437"))
                attrs.append(attr)
            screen.append(("".join(text), attrs))
        if len(cursors) > 1:
            return screen, tuple(cursors)
        return screen, cursors[0] if cursors else None
