# SPDX-License-Identifier: GPL-2.0
"""The environment for a make started from a script that make started.

"make test" and "make bench" run scripts that run make again for other
output directories.  What the outer make exported (sub_make_done, srctree,
MAKEFLAGS with its O= and -j, ...) would make the inner make skip its own
O= handling and build in the wrong place, so it is removed.
"""
import os

OUTER_MAKE_VARS = {
    "MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES", "sub_make_done", "srctree",
    "objtree", "VPATH", "abs_srctree", "abs_objtree", "quiet", "Q", "KBUILD_VERBOSE",
    "KCONFIG_CONFIG", "KBUILD_CPPFLAGS", "KBUILD_CFLAGS", "KBUILD_AFLAGS", "CC", "LD", "AR",
    "NM", "OBJCOPY", "CPP", "NASM", "HOSTCC", "PYTHON", "O", "V", "W", "ARCH", "SRCARCH",
    "HEADER_ARCH",
}


def make_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in OUTER_MAKE_VARS}
    env.update(extra)
    return env
