# SPDX-License-Identifier: GPL-2.0
"""The screen group of "make test": the VGA text screen read from the host.

QEMU's monitor dumps the text buffer (qemu.py), so these tests see what a
user sees, never a flag the kernel set: the banner and KERN_INFO colors
with colors on and off, scrolling against the serial log, the no-long-mode
error of a 32-bit CPU, keys typed through QEMU's keyboard, and a fault
report in the emergency color.  They boot what the boot group built.
"""
import re

import qemu
from runner import INTERACT_TIMEOUT

# Shift, caps lock, backspace and punctuation, typed through QEMU's keyboard:
# the serial port sees the erase as "\b \b", the screen only the result.
TYPED_KEYS = ["e", "c", "h", "o", "spc", "shift-k", "e", "s", "t", "r", "e", "l", "minus", "4",
              "2", "shift-1", "x", "backspace", "spc", "caps_lock", "a", "b", "caps_lock", "c",
              "ret"]
TYPED_ECHO = "echo Kestrel-42!x\b \b ABc\n"
TYPED_SCREEN = "echo Kestrel-42! ABc"
NO_LONG_MODE = "ERR: no long mode: this CPU cannot run a 64-bit kernel"


def screen_boot(runner, label, outdir, until, **kwargs):
    """Boot until the serial output matches @until, then read the VGA
    screen; on failure report @label and return None."""
    if not outdir:
        runner.not_built(label)
        return None
    res = runner.boot(outdir, screen_when=until, **kwargs)
    if not res.screen:
        runner.result(label, False, "screen not read: " + res.describe(), res.output)
        return None
    return res


def screen_test(runner, name, outdir, colors):
    label = f"screen: {name} banner {'in color' if colors else 'monochrome'}"
    res = screen_boot(runner, label, outdir, r"Kernel initialized", cmdline="")
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
    text0, attrs0 = res.screen[0]
    if not banner_line or text0.rstrip() != banner_line:
        problems.append(f"row 0 is {text0.rstrip()!r}, serial banner {banner_line!r}")
    n = len(text0.rstrip())
    if set(attrs0[:n]) != {want_banner}:
        problems.append(f"banner attributes {sorted(set(attrs0[:n]))}, "
                        f"expected {want_banner:#04x}")
    info_rows = [r for r in res.screen if r[0].startswith("Boot loader:")]
    if not info_rows:
        problems.append("no 'Boot loader:' line on screen")
    elif set(info_rows[0][1][:len(info_rows[0][0].rstrip())]) != {want_info}:
        problems.append(f"KERN_INFO attributes {sorted(set(info_rows[0][1]))}, "
                        f"expected {want_info:#04x}")
    if colors and want_banner == want_info:
        problems.append("banner and info colors are the same: the test proves nothing")
    screen = "\n".join(r[0].rstrip() for r in res.screen)
    runner.result(label, not problems, "; ".join(problems) or
                  f"row 0 attribute {want_banner:#04x}", screen)


def scroll_test(runner, outdir):
    """A boot that prints more than a screenful: the bottom rows must be
    the last lines of the serial log, wrapped at 80 columns."""
    label = "screen: debug_defconfig scrolls; bottom rows match the serial log"
    res = screen_boot(runner, label, outdir, r"Kernel initialized", cmdline="",
                      screen_until=r"Kernel initialized$")
    if not res:
        return
    rows = []
    for line in res.output[res.output.find("Kestrel "):].split("\n"):
        rows += [line[i:i + qemu.VGA_COLS] for i in range(0, max(len(line), 1),
                                                          qemu.VGA_COLS)]
    want = rows[-qemu.VGA_ROWS:]
    got = [r[0].rstrip() for r in res.screen]
    ok = len(rows) > qemu.VGA_ROWS and [w.rstrip() for w in want] == got
    runner.result(label, ok, f"{len(rows)} rows printed, last {qemu.VGA_ROWS} on screen",
                  "screen:\n" + "\n".join(got) + "\nexpected:\n" + "\n".join(want))


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


def keyboard_test(runner, outdir):
    """Type through QEMU's PS/2 keyboard; the idle kernel echoes on every console."""
    label = "screen: keys typed with QEMU sendkey are echoed on serial and VGA"
    serial_want = TYPED_ECHO
    res = screen_boot(runner, label, outdir, r"Kernel initialized", cmdline="",
                      interact=lambda s: (s.sendkeys(TYPED_KEYS),
                                          s.wait_for(re.escape(serial_want), INTERACT_TIMEOUT)),
                      screen_until=re.escape(TYPED_SCREEN))
    if not res:
        return
    rows = [r[0].rstrip() for r in res.screen]
    problems = []
    if "Kernel initialized\n" + serial_want not in res.output:
        problems.append("serial echo differs")
    after = rows[rows.index("Kernel initialized") + 1:] if "Kernel initialized" in rows \
        else []
    if not after or after[0] != TYPED_SCREEN:
        problems.append(f"screen row after 'Kernel initialized' is {after[:1]}")
    runner.result(label, not problems, "; ".join(problems) or repr(TYPED_SCREEN),
                  res.output + "\nscreen:\n" + "\n".join(rows))


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
    for start, color in (("ktest: fault test pf_null", info), ("#PF Page Fault", want),
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


def run(runner):
    defconfig = runner.built.get("x86_64_defconfig")
    mono = runner.built.get("x86_64_defconfig+mono.config")
    if runner.wanted("screen: x86_64_defconfig*"):
        screen_test(runner, "x86_64_defconfig", defconfig, colors=True)
    if runner.wanted("screen: x86_64_defconfig+mono*"):
        screen_test(runner, "x86_64_defconfig+mono.config", mono, colors=False)
    if runner.wanted("screen: debug_defconfig*"):
        scroll_test(runner, runner.built.get("debug_defconfig"))
    if runner.wanted("screen: 32-bit*"):
        no_long_mode_test(runner, defconfig)
    if runner.wanted("screen: keys typed*"):
        keyboard_test(runner, defconfig)
    if runner.wanted("screen: a fault report*"):
        fault_screen_test(runner, runner.built.get("x86_64_defconfig+ktest.config"))

