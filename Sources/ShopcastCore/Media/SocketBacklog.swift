import CLinux

/// The kernel's share of a network output's backlog: bytes handed to its TCP socket that the
/// server has not acknowledged yet. On a slow link the send buffer grows to megabytes — tens of
/// seconds of stream no queue of shopcast's own can see. Also whether the socket has room for
/// more without a write waiting, and corking it while a batch is written.
struct SocketBacklog {
    private let fd: Int32

    /// nil unless `fd` is a stream socket.
    init?(fd: Int32) {
        guard fd >= 0, shim_is_stream_socket(fd) != 0 else { return nil }
        self.fd = fd
    }

    /// Bytes in flight or not yet sent; nil when the kernel will not say.
    var unacknowledgedBytes: Int? {
        let bytes = shim_socket_unacknowledged(fd)
        return bytes >= 0 ? Int(bytes) : nil
    }

    /// Whether `bytes` more can go into the socket at once, without a write waiting for the
    /// server: what it holds and `bytes`, each counted twice (the kernel charges its bookkeeping
    /// to the same buffer: a 4 KiB write can take 5 to 8 KiB of it), and 64 KiB to spare.
    func hasRoom(for bytes: Int) -> Bool {
        let held = shim_socket_unacknowledged(fd)
        let buffer = shim_socket_send_buffer(fd)
        guard held >= 0, buffer > 0 else { return false }
        return 2 * (Int(held) + bytes) + 65536 <= Int(buffer)
    }

    /// Writes made while corked leave as full TCP segments; uncorking sends what is left. RTMP
    /// writes every chunk of a packet and every one-byte chunk header separately, and with
    /// TCP_NODELAY (for a quick publish) each would leave as a segment of its own: per packet,
    /// several segments where one or two do, each costing the kernel a pass through TCP (and,
    /// to a local ingest, through the receiver's too).
    func cork(_ on: Bool) {
        _ = shim_socket_cork(fd, on ? 1 : 0)
    }
}
