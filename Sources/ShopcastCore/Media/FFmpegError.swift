import CFFmpeg

/// A failed FFmpeg call: the operation that failed and FFmpeg's own error code.
public struct FFmpegError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let operation: String

    public init(_ code: Int32, _ operation: String) {
        self.code = code
        self.operation = operation
    }

    /// FFmpeg's text for the code, e.g. "Connection refused".
    public var reason: String { FFmpegError.text(for: code) }

    public var description: String { "\(operation): \(reason)" }

    /// The call was cut short by our interrupt callback (a stop or a deadline).
    public var isInterrupted: Bool { code == shim_AVERROR_EXIT }
    public var isTimeout: Bool { code == shim_AVERROR_ETIMEDOUT }

    /// A generic I/O failure: what FFmpeg's TLS layer reports for a certificate it cannot verify.
    public var isIOError: Bool { code == shim_averror(EIO) }
    /// Nobody answered, or the network broke: refused, timed out, no route, reset.
    public var isUnreachable: Bool {
        [ECONNREFUSED, ETIMEDOUT, EHOSTUNREACH, ENETUNREACH, ECONNRESET, EPIPE].map { shim_averror($0) }.contains(code)
    }

    static func timedOut(_ operation: String) -> FFmpegError { FFmpegError(shim_AVERROR_ETIMEDOUT, operation) }

    static func text(for code: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        av_strerror(code, &buffer, buffer.count)
        return String(cString: buffer)
    }

    /// Throws when `code` is negative; returns it otherwise.
    @discardableResult
    static func check(_ code: Int32, _ operation: @autoclosure () -> String) throws -> Int32 {
        if code < 0 { throw FFmpegError(code, operation()) }
        return code
    }
}
