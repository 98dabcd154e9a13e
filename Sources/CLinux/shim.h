// Linux calls that Swift's Glibc module does not import (variadic or missing headers).
#ifndef SHOPCAST_CLINUX_SHIM_H
#define SHOPCAST_CLINUX_SHIM_H
#include <malloc.h>
#include <sys/prctl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

/// Turns off transparent huge pages for this process (and what it executes); 0 on success.
static inline int shim_disable_transparent_huge_pages(void) {
    return prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0);
}

/// Names the calling thread in the kernel's list (its first 15 bytes).
static inline void shim_name_this_thread(const char *name) {
    prctl(PR_SET_NAME, name, 0, 0, 0);
}

/// Caps glibc's malloc arenas. By default every thread that allocates may get its own arena,
/// and each keeps freed memory of its own; a show's handful of long-lived threads do fine with two.
static inline int shim_limit_malloc_arenas(int count) {
    return mallopt(M_ARENA_MAX, count);
}
/// Bytes a TCP socket holds that its peer has not acknowledged yet (SIOCOUTQ), or -1.
static inline int shim_socket_unacknowledged(int fd) {
    int bytes = 0;
    return ioctl(fd, SIOCOUTQ, &bytes) == 0 ? bytes : -1;
}

/// The socket's send buffer as the kernel counts it (SO_SNDBUF: payload and its bookkeeping
/// together, which TCP's autotuning grows with the link), or -1.
static inline int shim_socket_send_buffer(int fd) {
    int bytes = 0;
    socklen_t size = sizeof bytes;
    return getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &bytes, &size) == 0 ? bytes : -1;
}

/// Holds back partial TCP segments (TCP_CORK on) until released (off), when they go at once:
/// a batch of small writes leaves as full segments. 0 on success.
static inline int shim_socket_cork(int fd, int on) {
    return setsockopt(fd, IPPROTO_TCP, TCP_CORK, &on, sizeof on);
}

/// True when `fd` is a stream socket (TCP).
static inline int shim_is_stream_socket(int fd) {
    int type = 0;
    socklen_t size = sizeof type;
    return getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &size) == 0 && type == SOCK_STREAM;
}
#endif
