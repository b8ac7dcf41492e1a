# SPDX-License-Identifier: GPL-2.0
"""Booting a Kestrel ISO in QEMU, for the test runner and "make run".

The ISO's grub.cfg (scripts/mkiso) sources kestrel-cmdline.cfg from any
other disk it finds; cmdline_disk() makes such a disk with mtools, so one
ISO boots with any command line.  The kernel ends a test boot through the
isa-debug-exit device: QEMU then exits with (value << 1) | 1, so 33 means
success and 35 failure.  A triple fault with -no-reboot exits 0.

The ISO boots on the BIOS (QEMU's SeaBIOS, the default) or on UEFI
(firmware="uefi": OVMF, from Debian's ovmf package).  OVMF takes a few
seconds of TCG to start before GRUB runs, and writes its own progress and
GRUB's screen to the serial port before the kernel's output.

Test boots run with -icount (TEST_ICOUNT): the guest's clocks (TSC, PIT,
HPET) then follow the instructions it executes, not the host's clock, so
a busy host cannot make the guest lose ticks or see time jump, and a test
that measures time gives the same verdict on an idle machine and a loaded
one.  One instruction counts as 2^6 ns: busy-waits on a clock take few
instructions, and the timer suites stay fast.  "sleep=off" lets a halted
guest skip ahead to its next timer instead of waiting for the host.
"""
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time

QEMU = os.environ.get("QEMU", "qemu-system-x86_64")
EXIT_SUCCESS = (0x10 << 1) | 1
EXIT_FAILURE = (0x11 << 1) | 1
TEST_ICOUNT = "shift=6,sleep=off"
VGA_COLS, VGA_ROWS = 80, 25
FIRMWARES = ("bios", "uefi")
# OVMF as two flash devices, the way a machine has it: the code read-only,
# and a variable store of its own for each boot, copied from the pristine
# template.  OVMF writes that store as it boots (boot entries, the console
# it found); a shared one would carry one boot's writes into the next and
# would need a lock between boots side by side.  (-bios OVMF.fd would keep
# the variables in RAM instead; it starts no faster, and Debian calls the
# flash pair the supported way.)
OVMF_CODE = "/usr/share/OVMF/OVMF_CODE_4M.fd"
OVMF_VARS = "/usr/share/OVMF/OVMF_VARS_4M.fd"


def need_tool(tool, package):
    if not shutil.which(tool):
        raise SystemExit(f"{tool} not found: install the Debian package '{package}' "
                         "(or run 'make deps')")


def grub_quote(text):
    """Quote @text as one double-quoted GRUB script word."""
    return '"' + re.sub(r'([\\"$])', r"\\\1", text) + '"'


def cmdline_disk(path, cmdline, gfx=None):
    """Write a FAT disk image at @path that makes GRUB pass @cmdline, and
    with @gfx ("WxHxD") set that graphics mode (gfxpayload) on BIOS too."""
    need_tool("mformat", "mtools")
    cfg = path + ".cfg"
    with open(cfg, "w", encoding="utf-8") as f:
        f.write(f"set cmdline={grub_quote(cmdline)}\n")
        if gfx:
            # ASCII digits only (\d takes any script's), no size 0: the
            # value goes into GRUB script unquoted.
            if not re.fullmatch(r"[1-9][0-9]*x[1-9][0-9]*x[1-9][0-9]*", gfx):
                raise ValueError(f"graphics mode {gfx!r} is not WxHxD")
            f.write(f"set kestrel_gfx={gfx}\n")
    subprocess.run(["mformat", "-i", path, "-C", "-T", "2880", "-h", "2", "-s", "18", "::"],
                   check=True, capture_output=True)
    subprocess.run(["mcopy", "-i", path, cfg, "::/kestrel-cmdline.cfg"], check=True,
                   capture_output=True)
    os.unlink(cfg)


def firmware_args(firmware, workdir):
    """QEMU's options for @firmware ("bios" or "uefi"); UEFI's variable
    store is copied into @workdir, which must outlive QEMU."""
    if firmware not in FIRMWARES:
        raise SystemExit(f"unknown firmware {firmware!r}: bios or uefi")
    if firmware == "bios":
        return []
    for path in (OVMF_CODE, OVMF_VARS):
        if not os.path.exists(path):
            raise SystemExit(f"{path} not found: UEFI boots need OVMF, install the Debian "
                             "package 'ovmf' (or run 'make deps')")
    if workdir is None:
        raise ValueError("a UEFI boot needs a directory for its variable store")
    vars_copy = os.path.join(workdir, "OVMF_VARS.fd")
    shutil.copyfile(OVMF_VARS, vars_copy)
    return ["-drive", f"if=pflash,format=raw,unit=0,readonly=on,file={OVMF_CODE}",
            "-drive", f"if=pflash,format=raw,unit=1,file={vars_copy}"]


def qemu_command(iso, disk=None, monitor=None, display="none", serial="stdio", cpu=None,
                 extra=(), firmware="bios", workdir=None, smp=1, mttcg=True):
    """QEMU's command line.  @smp > 1: that many CPUs, each on a host thread
    of its own (MTTCG, "-accel tcg,thread=multi"), which QEMU refuses
    under -icount ("No MTTCG when icount is enabled"); or with @mttcg
    false, all on one host thread that runs them in turn
    ("tcg,thread=single"), which -icount allows."""
    if smp < 1:
        raise ValueError(f"smp={smp}: a machine has at least one CPU")
    accel = "tcg"
    if smp > 1:
        accel = "tcg,thread=multi" if mttcg else "tcg,thread=single"
    cmd = [QEMU, "-accel", accel, "-m", "128M", "-boot", "order=d", "-cdrom", iso,
           "-no-reboot", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
           "-display", display, "-serial", serial]
    cmd += firmware_args(firmware, workdir)
    if cpu:
        cmd += ["-cpu", cpu]
    if smp > 1:
        cmd += ["-smp", str(smp)]
    if disk:
        cmd += ["-drive", f"file={disk},format=raw,if=ide,index=1"]
    if monitor:
        cmd += ["-monitor", f"unix:{monitor},server,nowait"]
    return cmd + list(extra)


class Monitor:
    """The QEMU human monitor on a unix socket.  Its screen() is the VGA
    text buffer, or with @decoder (an fbscreen.Decoder) the framebuffer
    console's text, read off a screendump."""

    def __init__(self, path, timeout=5.0, decoder=None):
        self.decoder = decoder
        self.cursor = None          # the framebuffer's cursor at the last screen()
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX)
                self.sock.settimeout(timeout)
                self.sock.connect(path)
                break
            except OSError:
                self.sock.close()
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        self._read_prompt()

    def _read_prompt(self):
        data = b""
        while not data.endswith(b"(qemu) "):
            chunk = self.sock.recv(4096)
            if not chunk:
                break
            data += chunk
        return data.decode("utf-8", "replace")

    def command(self, line):
        self.sock.sendall(line.encode() + b"\n")
        return self._read_prompt()

    def vga_text(self, workdir):
        """The VGA text buffer as 25 rows of (text, attributes)."""
        dump = os.path.join(workdir, "vga.bin")
        self.command(f'pmemsave 0xb8000 {VGA_COLS * VGA_ROWS * 2} "{dump}"')
        with open(dump, "rb") as f:
            data = f.read()
        rows = []
        for r in range(VGA_ROWS):
            cells = data[r * VGA_COLS * 2:(r + 1) * VGA_COLS * 2]
            rows.append((cells[0::2].decode("cp437"), list(cells[1::2])))
        return rows

    def fb_text(self, workdir):
        """The framebuffer console's rows of (text, attributes), from a screendump."""
        dump = os.path.join(workdir, "screen.ppm")
        if os.path.exists(dump):
            os.unlink(dump)
        reply = self.command(f'screendump "{dump}"')
        if not os.path.exists(dump):
            raise RuntimeError(f"screendump wrote nothing: {reply!r}")
        rows, self.cursor = self.decoder.decode(dump)
        return rows

    def screen(self, workdir):
        return self.fb_text(workdir) if self.decoder else self.vga_text(workdir)

    def read_u64(self, phys):
        """The 64-bit word at physical address @phys (the monitor's xp)."""
        reply = self.command(f"xp /1gx {phys:#x}")
        m = re.search(r":\s*0x([0-9a-f]+)", reply)
        if not m:
            raise RuntimeError(f"xp {phys:#x}: {reply!r}")
        return int(m.group(1), 16)

    def close(self):
        self.sock.close()


class BootResult:
    def __init__(self, status, output, timed_out, seconds, screen=None, icount=None):
        self.status = status        # QEMU's exit status; None if killed
        self.output = output        # everything the kernel wrote to COM1
        self.timed_out = timed_out
        self.seconds = seconds
        self.screen = screen        # rows from Monitor.screen(), if asked for
        self.icount = icount        # the -icount setting it booted with, None for host time

    def describe(self):
        if self.timed_out:
            return f"timed out after {self.seconds:.1f} s"
        names = {EXIT_SUCCESS: "success", EXIT_FAILURE: "failure",
                 0: "reset or triple fault"}
        return f"QEMU exit status {self.status} ({names.get(self.status, 'unexpected')})"


class Session:
    """A running QEMU, for the callback of boot(interact=...)."""

    def __init__(self, monitor, chunks, workdir, proc):
        self.monitor = monitor
        self._chunks = chunks
        self._workdir = workdir
        self._proc = proc

    def output(self):
        return b"".join(self._chunks).decode("utf-8", "replace").replace("\r\n", "\n")

    def wait_for(self, pattern, timeout=10.0):
        """Wait until the serial output matches @pattern; the match, or None."""
        return self.wait_for_after(0, pattern, timeout)

    def wait_for_after(self, start, pattern, timeout=10.0, idle=False):
        """wait_for() in the output from offset @start on.  With @idle,
        @timeout counts from the last output instead: a guest slowed by a
        busy host, printing as it goes, is waited for; a silent one is not,
        nor one that prints for TALKING_CAP timeouts in all without the
        pattern (a loop that prints, a report repeated), as
        wait_while_talking() does."""
        now = time.monotonic()
        deadline, cap = now + timeout, now + TALKING_CAP * timeout
        seen = 0
        while True:
            out = self.output()
            m = re.search(pattern, out[start:])
            if m:
                return m
            now = time.monotonic()
            if idle and len(out) != seen:
                seen = len(out)
                deadline = min(now + timeout, cap)
            if now > deadline:
                return None
            time.sleep(0.02)

    def type(self, text):
        """Write @text to the serial port, as a terminal on it would."""
        try:
            self._proc.stdin.write(text.encode("latin-1"))
            self._proc.stdin.flush()
        except OSError:
            pass        # QEMU already exited: what it printed says why

    def sendkeys(self, keys):
        """Type @keys, QEMU key names such as "a", "shift-k", "ret"."""
        for key in keys:
            self.monitor.command(f"sendkey {key}")

    def screen(self):
        return self.monitor.screen(self._workdir)

    def read_u64(self, phys):
        return self.monitor.read_u64(phys)


SETTLE_SECONDS = 30.0     # how long a guest may take to do what the serial port announced


def wait_for_output(chunks, pattern, seconds):
    """Wait until the serial output collected in @chunks matches @pattern."""
    deadline = time.monotonic() + seconds
    while not re.search(pattern, b"".join(chunks).decode("utf-8", "replace")):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


# A guest that keeps printing is making progress, however slowly a loaded
# host runs it; one that keeps printing for this many timeouts is stuck in
# a loop that prints.
TALKING_CAP = 10


def wait_while_talking(proc, chunks, seconds):
    """Wait for @proc to exit while its output (@chunks) keeps coming:
    @seconds of silence, or TALKING_CAP times @seconds in all, time out."""
    start = last = time.monotonic()
    seen = len(chunks)
    while proc.poll() is None:
        now = time.monotonic()
        if len(chunks) != seen:
            seen, last = len(chunks), now
        if now - last > seconds or now - start > TALKING_CAP * seconds:
            raise subprocess.TimeoutExpired(proc.args, seconds)
        time.sleep(0.05)


def settled_screen(mon, workdir, pattern):
    """The screen, read again until its text matches @pattern (if any)."""
    deadline = time.monotonic() + SETTLE_SECONDS
    screen = mon.screen(workdir)
    while pattern and not re.search(pattern, "\n".join(r[0].rstrip() for r in screen)) \
            and time.monotonic() < deadline:
        time.sleep(0.05)
        screen = mon.screen(workdir)
    return screen


def poll_screen(mon, workdir, pattern, seconds):
    """Read the screen until its text matches @pattern: the rows, or None.
    A screen that keeps changing is a guest at work, however slowly a
    loaded host runs it: @seconds count from the last change, up to
    TALKING_CAP times @seconds in all, as wait_while_talking() counts."""
    start = last = time.monotonic()
    seen = None
    while True:
        rows = mon.screen(workdir)
        text = "\n".join(r[0].rstrip() for r in rows)
        if re.search(pattern, text):
            return rows
        now = time.monotonic()
        if text != seen:
            seen, last = text, now
        if now - last > seconds or now - start > TALKING_CAP * seconds:
            return None
        time.sleep(0.25)


def boot(iso, cmdline=None, timeout=30.0, cpu=None, screen_when=None, screen_delay=0.0,
         interact=None, extra=(), icount=TEST_ICOUNT, timeout_after=None, screen_until=None,
         type_when=None, firmware="bios", gfx=None, fb_decoder=None, screen_poll=None, smp=1,
         mttcg=True):
    """Boot @iso and collect its serial output.

    @firmware: "bios" or "uefi" (OVMF).  @gfx ("WxHxD"): the graphics mode
    GRUB sets before it starts the kernel, on BIOS too (else VGA text
    mode there, 1024x768x32 on UEFI).

    With @screen_when (a regex), wait until the serial output matches it,
    wait @screen_delay seconds more, call @interact(Session) if given, read
    the VGA text screen through the monitor and stop QEMU.  Otherwise wait
    for QEMU to exit by itself.  @extra: more QEMU arguments.  @icount: the
    -icount setting, None for guest time that follows the host's clock.

    Waits that depend on the guest go by what it printed, not by the host's
    clock, so that a slow host changes no result: a boot waited for to its
    end times out after @timeout seconds with no output (a loaded host slows
    a guest that prints as it goes, and stops none), or ten times that in
    all; with @timeout_after (a regex), @timeout counts only from the
    moment the serial output matches it; with @screen_until (a regex), the screen is read again until its
    text matches (the VGA console may still be a line behind the serial one).

    With @type_when (a regex) instead of @screen_when, call @interact once
    the output matches it, then wait for QEMU to exit: a session typed on
    the serial port (Session.type), or keys pressed (Session.sendkeys),
    that ends the boot.

    With @fb_decoder (an fbscreen.Decoder of the kernel's font), the
    screen read is the framebuffer console's.  With @screen_poll (a regex)
    and no serial console to wait on, the screen is read until its text
    matches (poll_screen()), and QEMU stopped.

    With @smp > 1, the machine has that many CPUs under MTTCG, and no
    -icount whatever @icount says (QEMU has no MTTCG under -icount): such
    a boot's guest time follows the host's clock, so it suits no suite
    that measures time.  With @mttcg false the CPUs take turns on one
    host thread, under @icount: guest time follows guest instructions
    again, and every suite's verdict is the idle machine's, but no two
    CPUs ever run at the same instant.
    """
    if smp > 1 and mttcg:
        icount = None
    need_tool(QEMU, "qemu-system-x86")
    with tempfile.TemporaryDirectory(prefix="kestrel-qemu.") as tmp:
        disk = None
        if cmdline is not None or gfx:
            disk = os.path.join(tmp, "cmdline.img")
            cmdline_disk(disk, cmdline or "", gfx)
        monitor = os.path.join(tmp, "monitor.sock") \
            if screen_when or type_when or screen_poll else None
        if icount:
            extra = ["-icount", icount, *extra]
        cmd = qemu_command(iso, disk=disk, monitor=monitor, cpu=cpu, extra=extra,
                           firmware=firmware, workdir=tmp, smp=smp, mttcg=mttcg)
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if interact else subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        chunks = []
        matched = threading.Event()
        pattern = re.compile(screen_when) if screen_when else None

        def reader():
            for chunk in iter(lambda: proc.stdout.read1(4096), b""):
                chunks.append(chunk)
                if pattern and pattern.search(b"".join(chunks).decode("utf-8", "replace")):
                    matched.set()
            matched.set()

        thread = threading.Thread(target=reader, daemon=True)
        thread.start()
        screen = None
        timed_out = False
        try:
            if type_when:
                if not wait_for_output(chunks, type_when, timeout):
                    raise subprocess.TimeoutExpired(cmd, timeout)
                mon = Monitor(monitor, decoder=fb_decoder)
                try:
                    interact(Session(mon, chunks, tmp, proc))
                finally:
                    mon.close()
                proc.wait(timeout=timeout)
            elif screen_poll:
                mon = Monitor(monitor, decoder=fb_decoder)
                screen = poll_screen(mon, tmp, screen_poll, timeout)
                timed_out = screen is None
                mon.command("quit")
                mon.close()
                proc.wait(timeout=10)
            elif timeout_after and not pattern:
                if not wait_for_output(chunks, timeout_after, SETTLE_SECONDS + timeout):
                    raise subprocess.TimeoutExpired(cmd, timeout)
                proc.wait(timeout=timeout)
            elif not pattern:
                wait_while_talking(proc, chunks, timeout)
            elif not matched.wait(timeout):
                timed_out = True
            elif proc.poll() is None:
                time.sleep(screen_delay)
                mon = Monitor(monitor, decoder=fb_decoder)
                if interact:
                    interact(Session(mon, chunks, tmp, proc))
                screen = settled_screen(mon, tmp, screen_until)
                mon.command("quit")
                mon.close()
                proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            timed_out = True
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            if proc.stdin:
                try:
                    proc.stdin.close()
                except OSError:
                    pass
            thread.join(timeout=5)
        output = b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")
        status = None if timed_out else proc.returncode
        return BootResult(status, output, timed_out, time.monotonic() - start, screen, icount)
