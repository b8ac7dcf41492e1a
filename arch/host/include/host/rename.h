/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Included first in every file of the host program (arch/host/Makefile):
 * gives the kernel's functions that share a name with the C library names
 * of their own, so that the program can use (and compare with) both.  A
 * file that calls the C library's versions defines HOST_LIBC_NAMES.
 */
#ifndef _HOST_RENAME_H
#define _HOST_RENAME_H

#ifndef HOST_LIBC_NAMES
#define memcpy	   kestrel_memcpy
#define memmove	   kestrel_memmove
#define memset	   kestrel_memset
#define memcmp	   kestrel_memcmp
#define memchr	   kestrel_memchr
#define strlen	   kestrel_strlen
#define strnlen	   kestrel_strnlen
#define strcmp	   kestrel_strcmp
#define strncmp	   kestrel_strncmp
#define strchr	   kestrel_strchr
#define strrchr	   kestrel_strrchr
#define strstr	   kestrel_strstr
#define strscpy	   kestrel_strscpy
#define vsnprintf  kestrel_vsnprintf
#define snprintf   kestrel_snprintf
#define vscnprintf kestrel_vscnprintf
#define scnprintf  kestrel_scnprintf
#define isdigit	   kestrel_isdigit
#define isupper	   kestrel_isupper
#define islower	   kestrel_islower
#define isalpha	   kestrel_isalpha
#define isalnum	   kestrel_isalnum
#define isxdigit   kestrel_isxdigit
#define isspace	   kestrel_isspace
#define isprint	   kestrel_isprint
#define tolower	   kestrel_tolower
#define toupper	   kestrel_toupper

#endif /* HOST_LIBC_NAMES */

#endif
