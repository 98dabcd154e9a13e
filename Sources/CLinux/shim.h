// Linux calls that Swift's Glibc module does not import (variadic or missing headers).
#ifndef SHOPCAST_CLINUX_SHIM_H
#define SHOPCAST_CLINUX_SHIM_H
#include <sys/prctl.h>

/// Turns off transparent huge pages for this process (and what it executes); 0 on success.
static inline int shim_disable_transparent_huge_pages(void) {
    return prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0);
}
#endif
