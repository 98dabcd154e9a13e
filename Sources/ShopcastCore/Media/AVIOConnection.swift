import CFFmpeg
import Foundation

/// One TCP or TLS connection through FFmpeg's AVIO (`tcp://host:port`, `tls://host:port`,
/// certificates verified against the system's store or `caFile`), owned: closed in deinit.
/// Every call runs under its interrupter: a connect or read past its deadline, or `abort()`
/// from another thread, ends with an error instead of hanging. Used for HTTP (webhooks, the
/// control client) and IRC chat.
final class AVIOConnection: @unchecked Sendable {
    private var io: UnsafeMutablePointer<AVIOContext>?
    private let interrupter = Interrupter()
    private var callback: AVIOInterruptCB
    /// How messages name the peer.
    let host: String

    /// `timeout` bounds the connect (and, without `readTimeout`, every read); `readTimeout`
    /// bounds each read once connected.
    init(address: String, name: String, secure: Bool, timeout: Double, caFile: String?, readTimeout: Double? = nil) throws {
        host = name
        var options: [(String, String)] = [("timeout", String(Int64((readTimeout ?? timeout) * 1_000_000)))]
        if secure {
            options.append(("tls_verify", "1"))
            if let caFile { options.append(("ca_file", caFile)) }
        }
        interrupter.limit(timeout)
        callback = interrupter.callback
        let dict = OptionDictionary(options)
        // Direct: writes go out as written and reads return what has arrived, both on one socket.
        try FFmpegError.check(avio_open2(&io, address, AVIO_FLAG_READ_WRITE | AVIO_FLAG_DIRECT, &callback, &dict.pointer),
                              "connect to \(name)")
        guard io != nil else { throw FFmpegError(shim_averror(ENOMEM), "connect to \(name)") }
        try dict.requireTLSVerificationTaken()
        // Once connected, a stream may stay open as long as the server keeps it alive.
        if readTimeout != nil { interrupter.limit(nil) }
    }

    deinit { avio_closep(&io) }

    /// Ends a blocked read or write from another thread, and every later one.
    func abort() { interrupter.abort() }

    func send(_ data: Data) throws {
        guard let io else { return }
        data.withUnsafeBytes { avio_write(io, $0.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(data.count)) }
        avio_flush(io)
        try FFmpegError.check(io.pointee.error, "send to \(host)")
    }

    /// What has arrived (at least one byte); empty at the end of the stream.
    func read() throws -> [UInt8] {
        guard let io else { return [] }
        var buffer = [UInt8](repeating: 0, count: 8192)
        let count = buffer.withUnsafeMutableBufferPointer { avio_read_partial(io, $0.baseAddress, Int32($0.count)) }
        if count == shim_AVERROR_EOF || count == 0 { return [] }
        try FFmpegError.check(count, "read from \(host)")
        return Array(buffer[0..<Int(count)])
    }
}
