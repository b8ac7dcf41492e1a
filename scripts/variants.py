# SPDX-License-Identifier: GPL-2.0
"""The designs Kconfig offers for one job, read from the Kconfig choice
itself: the one place a heap design, a scheduling policy or a frame
allocator is listed.

  choice(srctree, "HEAP_SLAB")   the choice that has HEAP_SLAB among its
                                 options: every option in Kconfig's order,
                                 which one is the default

A Variant has its symbol, its prompt, a short name (the symbol without
the prefix the choice's options share: "linked-list" for
HEAP_LINKED_LIST), and the fragment of configs/fragments/ that chooses it
and nothing else, if there is one.  config_name() spells a configuration
that chooses it for runner.build_config(): with the fragment where there
is one, else with the option itself.  So a new design is tested,
fuzzed and measured by every script that asks for the choice, with no
edit under scripts/.
"""
import glob
import os
import re

# The choices whose options are designs of one part of the kernel, each by
# one of its options: the frame allocator, the heap, the scheduling policy,
# the spinlock.
DESIGN_CHOICES = ("FRAME_ALLOC_BUDDY", "HEAP_SLAB", "SCHED_RR", "SPINLOCK_TICKET")


class Variant:
    def __init__(self, symbol, prompt, name, fragment):
        self.symbol = symbol        # "HEAP_BUMP"
        self.prompt = prompt        # "Bump allocator"
        self.name = name            # "bump"
        self.fragment = fragment    # "heap-bump.config", or None

    def config_name(self, base):
        """A configuration for runner.build_config(): @base ("A_defconfig"
        or "A_defconfig+B.config") with this variant chosen."""
        return f"{base}+{self.fragment or f'CONFIG_{self.symbol}=y'}"

    def __repr__(self):
        return f"Variant({self.symbol})"


class Choice:
    def __init__(self, prompt, default, variants):
        self.prompt = prompt
        self.default = default      # the Variant a defconfig gets
        self.variants = variants    # every option, in Kconfig's order

    def others(self):
        """Every option but the default."""
        return [v for v in self.variants if v is not self.default]


def kconfig_files(srctree):
    for top in ("Kconfig", "arch", "kernel", "mm", "drivers", "lib", "fs", "usr"):
        path = os.path.join(srctree, top)
        if os.path.isfile(path):
            yield path
        for dirpath, _, files in os.walk(path):
            yield from (os.path.join(dirpath, f) for f in sorted(files) if f.startswith("Kconfig"))


def choices(srctree):
    """Every choice block in the tree: (prompt, default symbol, [(symbol, prompt)]).
    An option's prompt is its "bool" or "prompt" line, wherever it is in
    the option's entry (after "depends on", say)."""
    for path in kconfig_files(srctree):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for block in re.findall(r"^choice\b(.*?)^endchoice\b", text, re.S | re.M):
            head, *entries = re.split(r"^config[ \t]+", block, flags=re.M)
            prompt = re.search(r'^\s+prompt\s+"([^"]*)"', head, re.M)
            default = re.search(r"^\s+default\s+(\w+)", head, re.M)
            options = []
            for entry in entries:
                symbol = entry.split(None, 1)[0]
                said = re.search(r'^\s+(?:bool|prompt)\s+"([^"]*)"', entry, re.M)
                options.append((symbol, said.group(1) if said else symbol))
            yield (prompt.group(1) if prompt else "", default and default.group(1), options)


def fragments(srctree):
    """symbol -> the fragment that sets it to y and nothing else."""
    found = {}
    for path in sorted(glob.glob(os.path.join(srctree, "configs", "fragments", "*.config"))):
        with open(path, encoding="utf-8") as f:
            lines = [ln.strip() for ln in f if ln.strip() and not ln.startswith("#")]
        if len(lines) == 1 and re.fullmatch(r"CONFIG_\w+=y", lines[0]):
            found[lines[0][len("CONFIG_"):-2]] = os.path.basename(path)
    return found


def choice(srctree, member):
    """The Choice whose options include the symbol @member."""
    for prompt, default, options in choices(srctree):
        symbols = [s for s, _ in options]
        if member not in symbols:
            continue
        prefix = os.path.commonprefix(symbols)
        prefix = prefix[:prefix.rfind("_") + 1]
        frags = fragments(srctree)
        variants = [Variant(s, p, s[len(prefix):].lower().replace("_", "-"), frags.get(s))
                    for s, p in options]
        by_symbol = {v.symbol: v for v in variants}
        return Choice(prompt, by_symbol.get(default, variants[0]), variants)
    raise KeyError(f"no Kconfig choice has the option {member}")


def designs(srctree):
    """The Choice of every design choice (DESIGN_CHOICES)."""
    return [choice(srctree, member) for member in DESIGN_CHOICES]
