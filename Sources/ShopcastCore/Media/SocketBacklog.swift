import CLinux

/// The kernel's share of a network output's backlog: bytes handed to its TCP socket that the
/// server has not acknowledged yet. On a slow link the send buffer grows to megabytes — tens of
/// seconds of stream no queue of shopcast's own can see.
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
}
