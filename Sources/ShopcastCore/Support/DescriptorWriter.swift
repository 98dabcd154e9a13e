import Foundation

/// Writes text to a file descriptor with plain write(2). Unlike FileHandle, a reader that went
/// away (EPIPE, with SIGPIPE ignored) or a full disk is an error to report or ignore, never a
/// crash in the middle of a show.
public final class DescriptorWriter: @unchecked Sendable {
    public let descriptor: Int32
    private let closes: Bool
    private let lock = NSLock()

    /// Wraps `descriptor`; closes it on deinit when `closeOnDeinit`.
    public init(descriptor: Int32, closeOnDeinit: Bool) {
        self.descriptor = descriptor
        closes = closeOnDeinit
    }

    /// Opens `path` for appending, creating it (mode 0644) if needed.
    public convenience init(appendingTo path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ShopcastError(.io, "cannot open \(path): \(String(cString: strerror(errno)))") }
        self.init(descriptor: fd, closeOnDeinit: true)
    }

    deinit { if closes { close(descriptor) } }

    public static let standardOutput = DescriptorWriter(descriptor: 1, closeOnDeinit: false)
    public static let standardError = DescriptorWriter(descriptor: 2, closeOnDeinit: false)

    /// Writes all of `text`; false when the descriptor no longer takes it.
    @discardableResult
    public func write(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        lock.lock()
        defer { lock.unlock() }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }
}
