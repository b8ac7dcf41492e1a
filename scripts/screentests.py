# SPDX-License-Identifier: GPL-2.0
"""The screen group of "make test": the screens read from the host.

QEMU's monitor dumps the VGA text buffer, or a picture of the framebuffer
that fbscreen.py matches cell by cell against the kernel's own font
(qemu.py), so these tests see what a user sees, never a flag the kernel
set: the banner and KERN_INFO colors with colors on and off, scrolling
against the serial log and paging back with Shift-PgUp, the no-long-mode
error of a 32-bit CPU, the shell typed through QEMU's keyboard (and the
cursor after its prompt), and a fault report in the emergency color.  The
banner, scrolling and the shell are checked on the framebuffer console
too: under UEFI, and on a BIOS with a graphics mode GRUB set.  They boot
what the boot group built.
"""
import re
import threading
import time

import fbscreen
import psf
import qemu
from runner import INTERACT_TIMEOUT

# The group's place in a run, and its line in "make test --help".
ORDER = 40
SUMMARY = """the VGA text screen and the framebuffer read from the host: banner
text and colors, with colors on and off; scrolling and Shift-PgUp; the
no-long-mode error; the shell typed on the PS/2 keyboard; the framebuffer
console under UEFI and on a BIOS graphics mode, pixel-exact against the
kernel's font"""


class Screen:
    """Which screen a test reads: its name in labels, its size in text
    cells, and how to boot so that the kernel draws on it."""

    def __init__(self, name, cols, rows, **boot):
        self.name, self.cols, self.rows, self.boot = name, cols, rows, boot


VGA = Screen("VGA", qemu.VGA_COLS, qemu.VGA_ROWS)
# The mode GRUB sets, and the one the kernel asks for (its Multiboot2 header).
FB_MODE = (1024, 768, 32)
# Boot arguments that give the kernel a framebuffer, by firmware.
FB_BOOTS = {"UEFI": {"firmware": "uefi"},
            "BIOS graphics": {"gfx": "x".join(map(str, FB_MODE))},
            "BIOS graphics, 24 bpp": {"gfx": "1024x768x24"}}
# A depth the console does not draw: GRUB sets it, the kernel must refuse it.
REFUSED_MODE = "1024x768x16"
REFUSAL = ("fbcon: framebuffer 1024x768, 16 bpp, pitch 2048, type 1 at {hex}: only 24 and 32 "
           "bits per pixel are drawn; no framebuffer console")


def fb_screen(runner, outdir, how):
    """The framebuffer console's screen of the kernel in @outdir, booted @how."""
    font = runner.config_value(outdir, "CONFIG_FONT_FILE")
    decoder = fbscreen.Decoder(psf.find(font))
    return Screen(f"the framebuffer ({how})", FB_MODE[0] // decoder.width,
                  FB_MODE[1] // decoder.height, fb_decoder=decoder, **FB_BOOTS[how])


# Shift, caps lock, backspace and punctuation, typed through QEMU's keyboard
# into the shell, whose echo command prints the line back.
TYPED_KEYS = ["e", "c", "h", "o", "spc", "shift-k", "e", "s", "t", "r", "e", "l", "minus", "4",
              "2", "shift-1", "x", "backspace", "spc", "caps_lock", "a", "b", "caps_lock", "c",
              "ret"]
TYPED_LINE = "echo Kestrel-42! ABc"
TYPED_OUTPUT = "Kestrel-42! ABc"
PROMPT = "kestrel# "
BANNER = re.compile(r"Kestrel \d+\.\d+\.\d+ ")
# Typed on both consoles at once: every byte must arrive, once.
BOTH_SERIAL, BOTH_KEYS = "s" * 40, ["k"] * 10
NO_LONG_MODE = "ERR: no long mode: this CPU cannot run a 64-bit kernel"


def screen_boot(runner, label, outdir, until, screen=VGA, **kwargs):
    """Boot until the serial output matches @until, then read @screen;
    on failure report @label and return None."""
    if not outdir:
        runner.not_built(label)
        return None
    res = runner.boot(outdir, screen_when=until, **screen.boot, **kwargs)
    if not res.screen:
        runner.result(label, False, "screen not read: " + res.describe(), res.output)
        return None
    return res


def bring_banner_back(session):
    """Shift-PgUp, half a screen back at a time, until the banner is on
    the screen: a boot log longer than the screen has scrolled it off,
    and the console's history keeps it."""
    for _ in range(4):
        if any(BANNER.match(r[0]) for r in session.screen()):
            return
        session.sendkeys(["shift-pgup"])
        time.sleep(0.2)


def known(attrs):
    """The attributes of cells that show one: a blank framebuffer cell
    shows no foreground (fbscreen.py)."""
    return {a for a in attrs if a is not None}


def screen_test(runner, name, outdir, colors, screen=VGA):
    label = f"screen: {name} banner {'in color' if colors else 'monochrome'}"
    if screen is not VGA:
        label += f" on {screen.name}"
    # The kernel shell's prompt ends the boot log, and nothing prints after it.
    res = screen_boot(runner, label, outdir, re.escape(PROMPT) + "$", cmdline="init=kshell",
                      screen_until=r"(^|\n)" + BANNER.pattern, interact=bring_banner_back,
                      screen=screen)
    if not res:
        return
    banner_line = next((ln for ln in res.output.splitlines() if ln.startswith("Kestrel ")),
                       None)
    if colors:
        bg = int(runner.config_value(outdir, "CONFIG_VGA_BG_COLOR"))
        notice = int(runner.config_value(outdir, "CONFIG_VGA_COLOR_NOTICE"))
        info = int(runner.config_value(outdir, "CONFIG_VGA_FG_COLOR"))
        want_banner, want_info = bg << 4 | notice, bg << 4 | info
    else:
        want_banner = want_info = 0x07
    problems = []
    rows = [r for r in res.screen if BANNER.match(r[0])]
    text0, attrs0 = rows[0] if rows else res.screen[0]
    # A screen narrower than the banner (64 columns of 16x32 glyphs) wraps it.
    if not banner_line or text0.rstrip() != banner_line[:screen.cols].rstrip():
        problems.append(f"banner row {text0.rstrip()!r}, serial banner {banner_line!r}")
    n = len(text0.rstrip())
    if known(attrs0[:n]) != {want_banner}:
        problems.append(f"banner attributes {sorted(set(attrs0[:n]))}, "
                        f"expected {want_banner:#04x}")
    info_rows = [r for r in res.screen if r[0].startswith("Boot loader:")]
    if not info_rows:
        problems.append("no 'Boot loader:' line on screen")
    elif known(info_rows[0][1][:len(info_rows[0][0].rstrip())]) != {want_info}:
        problems.append(f"KERN_INFO attributes {sorted(set(info_rows[0][1]))}, "
                        f"expected {want_info:#04x}")
    if colors and want_banner == want_info:
        problems.append("banner and info colors are the same: the test proves nothing")
    screen = "\n".join(r[0].rstrip() for r in res.screen)
    runner.result(label, not problems, "; ".join(problems) or
                  f"banner attribute {want_banner:#04x}", screen)


def serial_rows(output, cols):
    """The serial log from the banner on, as a screen console lays it out:
    one row per @cols columns of each line."""
    rows = []
    for line in output[output.find("Kestrel "):].split("\n"):
        rows += [line[i:i + cols].rstrip() for i in range(0, max(len(line), 1), cols)]
    return rows


def wait_for_screen(session, want):
    """Read the screen until its rows are @want (keys typed with sendkey
    reach the guest a moment later); the rows last read."""
    deadline = time.monotonic() + INTERACT_TIMEOUT
    while True:
        got = [r[0].rstrip() for r in session.screen()]
        if got == want or time.monotonic() > deadline:
            return got
        time.sleep(0.05)


def page_through_history(session, pages, screen):
    """Shift-PgUp twice, then Shift-PgDn twice, with the screen after each
    key; the serial log says what each must show (half a screen a key)."""
    rows = serial_rows(session.output(), screen.cols)
    half = screen.rows // 2
    for key, back in (("shift-pgup", half), ("shift-pgup", 2 * half), ("shift-pgdn", half),
                      ("shift-pgdn", 0)):
        want = rows[len(rows) - screen.rows - back:len(rows) - back]
        session.sendkeys([key])
        pages.append((key, back, want, wait_for_screen(session, want)))


def scroll_test(runner, outdir, screen=VGA):
    """A boot that prints more than a screenful: the bottom rows must be
    the last lines of the serial log, wrapped at the screen's width;
    Shift-PgUp pages back through what scrolled away, and Shift-PgDn
    returns."""
    on = "" if screen is VGA else f" on {screen.name}"
    label = f"screen: debug_defconfig scrolls{on}; bottom rows match the serial log"
    paging = (f"screen: debug_defconfig{on}: Shift-PgUp pages back half a screen at a time, "
              "Shift-PgDn returns")
    pages = []
    # The shell's prompt is the last thing printed: once both consoles
    # have it, the screen holds still.  The kernel shell's, not BusyBox's.
    res = screen_boot(runner, label, outdir, re.escape(PROMPT) + "$", cmdline="init=kshell",
                      screen_until=re.escape(PROMPT.rstrip()) + "$",
                      interact=lambda session: page_through_history(session, pages, screen),
                      screen=screen)
    if not res:
        if outdir:
            runner.result(paging, False, "the screen was not read")
        else:
            runner.not_built(paging)
        return
    rows = serial_rows(res.output, screen.cols)
    want = rows[-screen.rows:]
    got = [r[0].rstrip() for r in res.screen]
    ok = len(rows) > screen.rows and want == got
    runner.result(label, ok, f"{len(rows)} rows printed, last {screen.rows} on screen",
                  "screen:\n" + "\n".join(got) + "\nexpected:\n" + "\n".join(want))
    problems = [f"{key} to {back} rows back: row 0 {got_rows[0]!r}, expected {want_rows[0]!r}"
                for key, back, want_rows, got_rows in pages if got_rows != want_rows]
    if len(pages) != 4:
        problems.append(f"{len(pages)} of 4 keys typed")
    runner.result(paging, not problems, "; ".join(problems) or
                  f"{screen.rows // 2} and {screen.rows // 2 * 2} rows back, then live again",
                  "\n".join(f"{key}: {g[0] if g else ''!r}" for key, _, _, g in pages))


def no_long_mode_test(runner, outdir):
    label = "screen: 32-bit CPU gets 'ERR: no long mode' on VGA and serial"
    # The whole message, not its start: the screen is read while the CPU
    # may still be writing it, and what it has not reached yet is GRUB's.
    res = screen_boot(runner, label, outdir, re.escape(NO_LONG_MODE), cpu="qemu32",
                      screen_until=re.escape(NO_LONG_MODE))
    if not res:
        return
    text, attrs = res.screen[0][0].rstrip(), res.screen[0][1]
    ok = text == NO_LONG_MODE and set(attrs[:len(text)]) == {0x4f}
    runner.result(label, ok, repr(text) if ok else f"row 0: {text!r}", res.output)


def prompt_after(session, start):
    """Wait for the shell's next prompt after output offset @start."""
    return bool(session.wait_for_after(start, r"\n" + re.escape(PROMPT) + "$",
                                       INTERACT_TIMEOUT))


def type_both(session):
    """Type on the serial port and the keyboard at the same time; the
    output of the echo that follows.  The line ends once the shell has
    echoed every byte: QEMU may still hold keys when sendkey returns."""
    start = len(session.output())
    session.type("echo ")
    # The prompt came before @start: what follows it is the echo alone.
    session.wait_for_after(start, "^" + re.escape("echo ") + "$", INTERACT_TIMEOUT)
    typist = threading.Thread(target=session.type, args=(BOTH_SERIAL,))
    typist.start()
    session.sendkeys(BOTH_KEYS)
    typist.join()
    total = len(BOTH_SERIAL) + len(BOTH_KEYS)
    session.wait_for_after(start, r"echo [sk]{%d}$" % total, INTERACT_TIMEOUT)
    session.type("\n")
    prompt_after(session, start)
    out = session.output()[start:]
    return out.split("\n")[1] if out.count("\n") >= 2 else ""


def settled_rows(session):
    """The screen's rows once its last non-blank row is the prompt."""
    deadline = time.monotonic() + INTERACT_TIMEOUT
    while True:
        rows = [r[0].rstrip() for r in session.screen()]
        filled = [r for r in rows if r]
        if (filled and filled[-1] == PROMPT.rstrip()) or time.monotonic() > deadline:
            return rows
        time.sleep(0.05)


def keyboard_session(session, found):
    found["both"] = type_both(session)
    start = len(session.output())
    session.sendkeys(TYPED_KEYS)
    prompt_after(session, start)
    start = len(session.output())
    session.sendkeys(["p", "s", "ret"])
    prompt_after(session, start)
    start = len(session.output())
    session.sendkeys(["up", "ret"])         # the arrow's escape sequence: ps again
    prompt_after(session, start)
    found["rows"] = settled_rows(session)
    start = len(session.output())
    session.sendkeys(["t", "o", "p", "spc", "2", "ret"])
    prompt_after(session, start)
    found["top"] = settled_rows(session)
    found["cursor"] = session.monitor.cursor


def top_screen_problems(rows):
    """top 2 drew its second frame over its first, from the top row."""
    problems = []
    frames = [i for i, r in enumerate(rows) if r.startswith("top - up ")]
    if frames != [0]:
        problems.append(f"'top - up' on rows {frames}, expected row 0 only")
    headers = sum(r.startswith("  PID STATE") for r in rows)
    if headers != 1:
        problems.append(f"{headers} ps headers on the screen, expected 1")
    filled = [r for r in rows if r]
    if not filled or filled[-1] != PROMPT.rstrip():
        problems.append("no prompt after the frame")
    return problems


def shell_screen_problems(rows):
    """What the screen lacks of the session typed on the keyboard."""
    problems = []
    try:
        at = rows.index(PROMPT + TYPED_LINE)
    except ValueError:
        return [f"no row {PROMPT + TYPED_LINE!r}"]
    if rows[at + 1:at + 2] != [TYPED_OUTPUT]:
        problems.append(f"the row after the echo is {rows[at + 1:at + 2]}")
    ps_at = [i for i, r in enumerate(rows) if r == PROMPT + "ps"]
    if len(ps_at) != 2:
        problems.append(f"{len(ps_at)} rows {PROMPT + 'ps'!r}, expected 2 (the up arrow)")
    for i in ps_at[:1]:
        table = rows[i + 1:]
        if not table or not table[0].startswith("  PID STATE"):
            problems.append("no ps header after the ps line")
        for name in (" idle", " init", " kshell"):
            if not any(r.endswith(name) for r in table[:8]):
                problems.append(f"no{name} row in ps")
    last = [r for r in rows if r][-1]
    if last != PROMPT.rstrip():
        problems.append(f"last row {last!r}, not the prompt")
    return problems


def keyboard_test(runner, outdir, screen=VGA):
    """Type into the shell through QEMU's PS/2 keyboard; its echo and its
    output appear on the screen, read from the host.  On the framebuffer
    the cursor is read too: it must stand after the last prompt."""
    on = "VGA" if screen is VGA else screen.name
    label = f"screen: the shell typed with QEMU sendkey: prompt, echo and ps on {on}"
    both = "screen: typing on the keyboard and the serial port at once loses nothing"
    top_label = f"screen: top 2 draws its second frame over the first (ESC [H ESC [J on {on})"
    if screen is not VGA:
        both += f" ({screen.name})"
    found = {}
    # top 2 leaves the prompt above blank rows: the screen is settled once
    # the prompt is its last row with text.
    res = screen_boot(runner, label, outdir, re.escape(PROMPT), cmdline="init=kshell",
                      interact=lambda s: keyboard_session(s, found),
                      screen_until=re.escape(PROMPT.rstrip()) + r"\n*$", screen=screen)
    if not res:
        runner.result(both, False, "the session did not run")
        runner.result(top_label, False, "the session did not run")
        return
    rows = found.get("rows") or [r[0].rstrip() for r in res.screen]
    problems = shell_screen_problems(rows)
    runner.result(label, not problems, "; ".join(problems) or
                  f"{TYPED_LINE!r}, its output and ps twice", res.output + "\nscreen:\n" +
                  "\n".join(rows))
    top = found.get("top", [])
    problems = top_screen_problems(top) if top else ["the session did not get to top"]
    if screen is not VGA and top:
        prompt_row = max(i for i, r in enumerate(top) if r)
        if found.get("cursor") != (prompt_row, len(PROMPT)):
            problems.append(f"the cursor at {found.get('cursor')}, expected "
                            f"{(prompt_row, len(PROMPT))} after the prompt")
    runner.result(top_label, not problems, "; ".join(problems) or
                  "one frame from row 0, then the prompt" +
                  ("" if screen is VGA else " and the cursor after it"), "\n".join(top))
    line = found.get("both", "")
    counts = (line.count("s"), line.count("k"))
    ok = counts == (len(BOTH_SERIAL), len(BOTH_KEYS)) and set(line) <= {"s", "k"}
    runner.result(both, ok, f"{counts[0]} of {len(BOTH_SERIAL)} serial bytes and {counts[1]} "
                  f"of {len(BOTH_KEYS)} keys arrived, once each", res.output)


def fault_screen_test(runner, outdir):
    """A fatal exception's report and the panic stand out on the VGA screen."""
    label = "screen: a fault report and the panic are on VGA in the emergency color"
    res = screen_boot(runner, label, outdir, r"end Kernel panic", cmdline="ktest.fault=pf_null",
                      screen_until=r"end Kernel panic")
    if not res:
        return
    bg = int(runner.config_value(outdir, "CONFIG_VGA_BG_COLOR"))
    want = bg << 4 | int(runner.config_value(outdir, "CONFIG_VGA_COLOR_EMERG"))
    info = bg << 4 | int(runner.config_value(outdir, "CONFIG_VGA_FG_COLOR"))
    problems = []
    for start, color in (("boot mode ktest.fault=pf_null", info), ("#PF Page Fault", want),
                         ("  CR2: 0000000000000000", want),
                         ("Kernel panic - not syncing: Fatal exception", want)):
        row = next((r for r in res.screen if r[0].startswith(start)), None)
        if not row:
            problems.append(f"no row starting {start!r}")
        elif set(row[1][:len(row[0].rstrip())]) != {color}:
            problems.append(f"{start!r} in {sorted(set(row[1]))}, expected {color:#04x}")
    if want == info:
        problems.append("emergency and info colors are the same: the test proves nothing")
    runner.result(label, not problems, "; ".join(problems) or f"attribute {want:#04x}",
                  "\n".join(r[0].rstrip() for r in res.screen))


def refused_mode_test(runner, outdir):
    """GRUB sets a graphics mode the framebuffer console cannot draw on:
    the kernel says so on serial, in one line, and boots on without it."""
    label = (f"screen: a 16 bpp framebuffer ({REFUSED_MODE}) is refused with a message, and "
             "the kernel boots on")
    if not outdir:
        runner.not_built(label)
        return
    res = runner.boot(outdir, gfx=REFUSED_MODE)
    want = re.escape(REFUSAL).replace(re.escape("{hex}"), "0x[0-9a-f]+")
    problems = []
    if res.status != qemu.EXIT_SUCCESS:
        problems.append(res.describe())
    if not re.search(want, res.output):
        problems.append("no refusal line")
    if "vga: the screen is not in text mode" not in res.output:
        problems.append("the VGA console did not step aside")
    runner.result(label, not problems, "; ".join(problems) or "refused, booted on", res.output)


FB_ONLY = "x86_64_defconfig+CONFIG_VGA_CONSOLE=n+CONFIG_SERIAL_CONSOLE=n"


def fb_only_test(runner):
    """A kernel whose only console is the framebuffer boots under UEFI to
    its shell, and the screen shows the banner: nothing needs the VGA
    text buffer or the serial port."""
    label = "screen: a kernel with no VGA and no serial console boots to its shell on the " \
        "framebuffer (UEFI), banner first"
    outdir = runner.config(FB_ONLY)
    if not outdir:
        runner.not_built(label)
        return
    screen = fb_screen(runner, outdir, "UEFI")
    res = runner.boot(outdir, cmdline="init=kshell",
                      screen_poll=re.escape(PROMPT.rstrip()) + r"\n*$",
                      **screen.boot)
    rows = [r[0].rstrip() for r in res.screen or []]
    problems = []
    if not res.screen:
        problems.append(f"no prompt on the screen: {res.describe()}")
    elif not BANNER.match(rows[0]):
        problems.append(f"row 0 is {rows[0]!r}, not the banner")
    if "Kestrel " in res.output:
        problems.append("the kernel wrote to the serial port")
    runner.result(label, not problems, "; ".join(problems) or
                  f"{rows[0] if rows else ''!r} on row 0, the prompt last", "\n".join(rows))


def run(runner):
    defconfig = "x86_64_defconfig"
    if runner.wants_any("screen: x86_64_defconfig "):
        screen_test(runner, defconfig, runner.config(defconfig), colors=True)
    if runner.wants_any("screen: x86_64_defconfig+mono"):
        mono = "x86_64_defconfig+mono.config"
        screen_test(runner, mono, runner.config(mono), colors=False)
    if runner.wants_any("screen: debug_defconfig"):
        scroll_test(runner, runner.config("debug_defconfig"))
    if runner.wants_any("screen: 32-bit"):
        no_long_mode_test(runner, runner.config(defconfig))
    if any(runner.wants_any(f"screen: {what}") for what in ("the shell typed", "typing on",
                                                             "top 2")):
        keyboard_test(runner, runner.config(defconfig))
    if runner.wants_any("screen: a fault report"):
        fault_screen_test(runner, runner.config("x86_64_defconfig+ktest.config"))
    # The framebuffer console: the banner in color, scrolling and the shell
    # under UEFI, and the monochrome banner on a BIOS graphics mode.
    if runner.wants_any("screen: x86_64_defconfig banner in color on the framebuffer (UEFI)"):
        outdir = runner.config(defconfig)
        screen_test(runner, defconfig, outdir, True, fb_screen(runner, outdir, "UEFI"))
    if runner.wants_any("screen: x86_64_defconfig+mono banner monochrome on the framebuffer"):
        mono = "x86_64_defconfig+mono.config"
        outdir = runner.config(mono)
        screen_test(runner, mono, outdir, False, fb_screen(runner, outdir, "BIOS graphics"))
    if runner.wants_any("screen: debug_defconfig scrolls on the framebuffer") or \
            runner.wants_any("screen: debug_defconfig on the framebuffer"):
        outdir = runner.config("debug_defconfig")
        scroll_test(runner, outdir, fb_screen(runner, outdir, "UEFI"))
    if runner.wants_any("screen: x86_64_defconfig banner in color on the framebuffer (BIOS "
                        "graphics, 24 bpp)"):
        outdir = runner.config(defconfig)
        screen_test(runner, defconfig, outdir, True,
                    fb_screen(runner, outdir, "BIOS graphics, 24 bpp"))
    if runner.wants_any("screen: x86_64_defconfig+font-16x32.config banner in color on the "
                        "framebuffer"):
        large = "x86_64_defconfig+font-16x32.config"
        outdir = runner.config(large)
        screen_test(runner, large, outdir, True, fb_screen(runner, outdir, "UEFI"))
    if runner.wants_any("screen: a 16 bpp framebuffer"):
        refused_mode_test(runner, runner.config(defconfig))
    if runner.wants_any("screen: a kernel with no VGA"):
        fb_only_test(runner)
    if any(runner.wants_any(f"screen: {what}") for what in (
            "the shell typed with QEMU sendkey: prompt, echo and ps on the framebuffer",
            "typing on the keyboard and the serial port at once loses nothing (the fr",
            "top 2 draws its second frame over the first (ESC [H ESC [J on the fr")):
        outdir = runner.config(defconfig)
        keyboard_test(runner, outdir, fb_screen(runner, outdir, "UEFI"))

