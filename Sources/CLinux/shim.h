// Linux calls that Swift's Glibc module does not import (variadic or missing headers).
#ifndef SHOPCAST_CLINUX_SHIM_H
#define SHOPCAST_CLINUX_SHIM_H
#include <malloc.h>
#include <sys/prctl.h>

/// Turns off transparent huge pages for this process (and what it executes); 0 on success.
static inline int shim_disable_transparent_huge_pages(void) {
    return prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0);
}

/// Caps glibc's malloc arenas. By default every thread that allocates may get its own arena,
/// and each keeps freed memory of its own; a show's handful of long-lived threads do fine with two.
static inline int shim_limit_malloc_arenas(int count) {
    return mallopt(M_ARENA_MAX, count);
}
#endif
