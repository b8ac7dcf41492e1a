# SPDX-License-Identifier: GPL-2.0
#
# Kestrel top-level Makefile.
#
# Configuration targets run kconfig-frontends on Kconfig; build targets
# descend into each directory of $(build-dirs) through scripts/Makefile.build,
# link the directories' archives into kernel.elf and wrap it in a GRUB ISO.
# "make help" lists every target.  Documentation/kbuild/ explains the design.

VERSION = 0
PATCHLEVEL = 1
SUBLEVEL = 0
KERNELVERSION = $(VERSION).$(PATCHLEVEL).$(SUBLEVEL)
export KERNELVERSION

# No built-in rules or variables: every rule here is explicit.
MAKEFLAGS += -rR --no-print-directory

# V=1 prints full commands; make -s prints nothing but errors.
ifeq ("$(origin V)", "command line")
  KBUILD_VERBOSE = $(V)
endif
ifeq ($(KBUILD_VERBOSE),1)
  quiet =
  Q =
else
  quiet = quiet_
  Q = @
endif
ifneq ($(findstring s,$(firstword -$(MAKEFLAGS))),)
  quiet = silent_
endif
export quiet Q KBUILD_VERBOSE

# ---------------------------------------------------------------------------
# O=dir: re-run this Makefile from inside the output directory, so that every
# generated file, .config included, lands there and paths stay short.
ifeq ($(sub_make_done),)
abs_srctree := $(realpath $(dir $(lastword $(MAKEFILE_LIST))))
ifeq ("$(origin O)", "command line")
  KBUILD_OUTPUT := $(O)
endif
ifneq ($(KBUILD_OUTPUT),)
  # Only a new output directory takes a shell to create.
  abs_objtree := $(realpath $(or $(wildcard $(KBUILD_OUTPUT)/.),\
                   $(shell mkdir -p $(KBUILD_OUTPUT) && echo $(KBUILD_OUTPUT))))
  $(if $(abs_objtree),,$(error cannot create output directory "$(KBUILD_OUTPUT)"))
else
  abs_objtree := $(CURDIR)
endif
ifneq ($(abs_objtree),$(CURDIR))
  need-sub-make := 1
endif
export abs_srctree abs_objtree
export sub_make_done := 1

ifeq ($(need-sub-make),1)
PHONY += $(MAKECMDGOALS) __sub-make
$(filter-out __sub-make,$(MAKECMDGOALS)) __all: __sub-make
	@:
__sub-make:
	$(Q)$(MAKE) -C $(abs_objtree) -f $(abs_srctree)/Makefile $(MAKECMDGOALS)
endif
endif # sub_make_done

ifeq ($(need-sub-make),)

ifeq ($(abs_srctree),$(abs_objtree))
  srctree := .
else
  srctree := $(abs_srctree)
endif
objtree := .
export srctree objtree

include $(srctree)/scripts/Kbuild.include

# ---------------------------------------------------------------------------
# Tools.  CROSS_COMPILE prefixes the GNU toolchain; every name can also be
# overridden on the command line (make CC=clang LD=ld.bfd).  LLVM=1 takes
# the whole LLVM toolchain, as in Linux; LLVM=-14 picks versioned names
# (clang-14, ld.lld-14...).
CROSS_COMPILE ?=
ifneq ($(LLVM),)
  ifneq ($(filter -%,$(LLVM)),)
    LLVM_SUFFIX := $(LLVM)
  endif
  CC       = clang$(LLVM_SUFFIX)
  LD       = ld.lld$(LLVM_SUFFIX)
  AR       = llvm-ar$(LLVM_SUFFIX)
  NM       = llvm-nm$(LLVM_SUFFIX)
  OBJCOPY  = llvm-objcopy$(LLVM_SUFFIX)
  HOSTCC   = clang$(LLVM_SUFFIX)
else
  CC       = $(CROSS_COMPILE)gcc
  LD       = $(CROSS_COMPILE)ld
  AR       = $(CROSS_COMPILE)ar
  NM       = $(CROSS_COMPILE)nm
  OBJCOPY  = $(CROSS_COMPILE)objcopy
  HOSTCC   = gcc
endif
CPP      = $(CC) -E
NASM     = nasm
PYTHON   = python3
KCONFIG_CONF  = kconfig-conf
KCONFIG_MCONF = kconfig-mconf
KCONFIG_NCONF = kconfig-nconf
KCONFIG_QCONF = kconfig-qconf
KCONFIG_MERGE = kconfig-merge
# The user programs of usr/ (CONFIG_USER_MODE): static Linux executables
# linked against musl, whatever CC builds the kernel with.
MUSLCC   = musl-gcc
export CC LD AR NM OBJCOPY CPP NASM HOSTCC PYTHON MUSLCC

# ARCH=host builds the hardware-free code, with its test suites, as a program
# for the build machine (arch/host/Kconfig says what that is and why).  Its
# code includes the x86_64 <asm/...> headers, as Linux's ARCH=um does x86's.
ARCH ?= x86_64
SRCARCH := $(ARCH)
ifeq ($(wildcard $(srctree)/arch/$(SRCARCH)/Kconfig),)
  $(error ARCH=$(ARCH): no such architecture (arch/x86_64, or arch/host for the host tests))
endif
HEADER_ARCH := $(if $(filter host,$(SRCARCH)),x86_64,$(SRCARCH))
export SRCARCH HEADER_ARCH

# include/ of the output tree comes first: its generated/autoconf.h must win
# over one that an in-tree build left in the source tree.  Flags that only
# the kernel (freestanding) or only the host program wants are added by
# arch/$(SRCARCH)/Makefile.
KBUILD_CPPFLAGS := -I$(objtree)/include -I$(srctree)/arch/$(HEADER_ARCH)/include \
		   -I$(srctree)/include \
		   -include $(srctree)/include/kernel/kconfig.h
# __FILE__ and debug info read kernel/..., not the source tree's absolute
# path, and the debug info's build directory is "."; so kernel.elf is the
# same wherever the sources and the build are (UBSan's records ignore the
# maps: lib/Makefile deals with them).
KBUILD_CFLAGS := -std=gnu11 -fno-common -fno-delete-null-pointer-checks \
		 -fno-strict-aliasing -ffile-prefix-map=$(srctree)/= \
		 -fdebug-prefix-map=$(abs_objtree)=. \
		 -Wall -Wextra -Wno-unused-parameter -Wmissing-prototypes \
		 -Wstrict-prototypes -Wvla -Wundef
KBUILD_AFLAGS := -I$(srctree)/arch/$(HEADER_ARCH)/include/ -I$(abs_objtree)/include/generated/
KBUILD_LDFLAGS :=
# KCFLAGS: extra flags for every C file, as in Linux.
KBUILD_CFLAGS += $(KCFLAGS)
# The user programs (usr/, scripts/Makefile.usrprogs) are ordinary hosted C
# with the C library's headers, none of the kernel's: the kernel's
# warnings, -O2, and static ET_EXEC executables (musl-gcc's wrapper cannot
# make a static PIE).  USERCFLAGS adds flags, as in Linux.
KBUILD_USERCFLAGS := -std=gnu11 -O2 -Wall -Wextra -Wmissing-prototypes -Wstrict-prototypes \
		     -Wvla -Wundef -fno-pie -ffile-prefix-map=$(srctree)/= $(USERCFLAGS)
KBUILD_USERLDFLAGS := -static -no-pie
# W=e turns warnings into errors (the test suite builds every config so).
ifeq ("$(origin W)", "command line")
  ifneq ($(findstring e,$(W)),)
    KBUILD_CFLAGS += -Werror
    KBUILD_USERCFLAGS += -Werror
    KBUILD_AFLAGS += -Werror
    KBUILD_LDFLAGS += --fatal-warnings
  endif
endif

# Objects of these directories make up the kernel.  The host program is
# their hardware-free part (the host-y lists) and arch/host's own code.
build-dirs := arch/$(HEADER_ARCH) kernel mm fs drivers lib
build-dirs += $(if $(filter host,$(SRCARCH)),arch/host)
# usr/ holds user programs, not kernel objects: scripts/Makefile.kernel
# builds it on its own, with CONFIG_USER_MODE.

# ---------------------------------------------------------------------------
# Which kind of goal is this?  Configuration targets must not need a
# configuration; build targets need one and refresh the generated headers.

config-targets := config menuconfig nconfig xconfig oldconfig olddefconfig \
		  listnewconfig defconfig savedefconfig allnoconfig allyesconfig \
		  alldefconfig randconfig %_defconfig %.config
no-dot-config-targets := clean mrproper distclean help deps test hosttest \
			 bench kernelversion sizediff randconfig-test checkstyle

goals := $(if $(MAKECMDGOALS),$(MAKECMDGOALS),all)
config-goals := $(filter $(config-targets),$(goals))
other-goals := $(filter-out $(config-targets) $(no-dot-config-targets),$(goals))

# Several goals with a configuration goal among them run one at a time,
# as Linux's do: two configuration goals under -j would write one .config
# at once ("make -j2 sched-fair.config ktest.config" lost a fragment).
mixed-build :=
ifneq ($(config-goals),)
  ifneq ($(words $(goals)),1)
    mixed-build := 1
  endif
endif
# "make deps run": install the tools before anything checks for them.
ifneq ($(filter deps,$(goals)),)
  ifneq ($(filter-out deps,$(goals)),)
    mixed-build := 1
  endif
endif

ifeq ($(mixed-build),1)
# "make x86_64_defconfig all": run the goals one after the other, so that the
# configuration exists before anything reads it (and the tools before
# anything runs them).
PHONY += $(goals) __build_one_by_one
$(filter-out __build_one_by_one,$(goals)): __build_one_by_one
	@:
__build_one_by_one:
	$(Q)set -e; for goal in $(goals); do \
		$(MAKE) -f $(srctree)/Makefile $$goal; \
	done
else

KCONFIG_CONFIG ?= .config
export KCONFIG_CONFIG

ifneq ($(config-goals),)
include $(srctree)/scripts/Makefile.config
else ifneq ($(other-goals),)
include $(srctree)/scripts/Makefile.kernel
endif

include $(srctree)/scripts/Makefile.misc

endif # mixed-build
endif # need-sub-make

PHONY += FORCE
FORCE:

.PHONY: $(PHONY)
