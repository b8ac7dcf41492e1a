// SPDX-License-Identifier: GPL-2.0
/*
 * Running the drivers' initcalls; see <kernel/init.h>.
 */
#include <kernel/init.h>

extern const initcall_t __device_initcalls_start[], __device_initcalls_end[];

void do_initcalls(void)
{
	const initcall_t *call;

	for (call = __device_initcalls_start; call < __device_initcalls_end; call++)
		(*call)();
}
