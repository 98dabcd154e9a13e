import CFFmpeg
import Foundation

/// One HTTP/1.1 POST over FFmpeg's own tcp or tls protocol: https is checked against the system's
/// certificate store (or `caFile`) exactly as rtmps is, and shopcast needs no second HTTP and TLS
/// stack (libcurl and the libraries it loads) for its webhooks. One request per connection
/// (`Connection: close`); redirects are not followed; of the answer only the status is read.
public enum HTTPPost {
    /// Sends `body` to `url` (http or https) with `headers`; returns the status code. Throws when
    /// no answer came within `timeout` seconds: refused, unreachable, a TLS or name failure.
    public static func send(_ body: Data, to url: URL, headers: [(String, String)], timeout: Double,
                            caFile: String? = nil) throws -> Int {
        let target = try Target(url)
        do {
            return try exchange(body, target: target, headers: headers, timeout: timeout, caFile: caFile)
        } catch let error as FFmpegError where error.isInterrupted || error.isTimeout {
            throw FFmpegError.timedOut("no answer from \(target.hostHeader) within \(DurationValue.format(timeout))")
        }
    }

    private static func exchange(_ body: Data, target: Target, headers: [(String, String)], timeout: Double,
                                 caFile: String?) throws -> Int {
        for (name, value) in headers where (name + value).contains(where: { $0 == "\r" || $0 == "\n" }) {
            throw FFmpegError(shim_averror(EINVAL), "header \(name) has a line break")
        }
        var options: [(String, String)] = [("timeout", String(Int64(timeout * 1_000_000)))]
        if target.secure {
            options.append(("tls_verify", "1"))
            if let caFile { options.append(("ca_file", caFile)) }
        }
        let interrupter = Interrupter()
        // FFmpeg holds it unretained in the callback: it must outlive every call below.
        defer { withExtendedLifetime(interrupter) {} }
        interrupter.limit(timeout)
        var callback = interrupter.callback
        let dict = OptionDictionary(options)
        var io: UnsafeMutablePointer<AVIOContext>?
        // Direct: writes go out as written and reads return what has arrived, both on one socket.
        try FFmpegError.check(avio_open2(&io, target.address, AVIO_FLAG_READ_WRITE | AVIO_FLAG_DIRECT, &callback, &dict.pointer),
                              "connect to \(target.hostHeader)")
        defer { avio_closep(&io) }
        guard let io else { throw FFmpegError(shim_averror(ENOMEM), "connect to \(target.hostHeader)") }
        try dict.requireTLSVerificationTaken()

        var head = "POST \(target.path) HTTP/1.1\r\nHost: \(target.hostHeader)\r\n"
        if let authorization = target.authorization { head += "Authorization: \(authorization)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        for chunk in [Data(head.utf8), body] where !chunk.isEmpty {
            chunk.withUnsafeBytes { avio_write(io, $0.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(chunk.count)) }
        }
        avio_flush(io)
        try FFmpegError.check(io.pointee.error, "send to \(target.hostHeader)")
        return try readStatus(io, from: target.hostHeader)
    }

    /// Reads answers up to the end of a final (non-1xx) head and returns its status.
    private static func readStatus(_ io: UnsafeMutablePointer<AVIOContext>, from host: String) throws -> Int {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.count < 65536 {
            let count = buffer.withUnsafeMutableBufferPointer { avio_read_partial(io, $0.baseAddress, Int32($0.count)) }
            if count == shim_AVERROR_EOF || count == 0 { break }
            try FFmpegError.check(count, "read the answer of \(host)")
            received += buffer[0..<Int(count)]
            // 1xx heads (100 Continue) come before the real answer.
            while let status = try nextStatus(&received, from: host) {
                if status >= 200 { return status }
            }
        }
        throw FFmpegError(shim_averror(EPROTO), "\(host) closed the connection without an HTTP answer")
    }

    /// The status of the first complete head in `received`, which is consumed; nil until one is complete.
    static func nextStatus(_ received: inout [UInt8], from host: String) throws -> Int? {
        let end: [UInt8] = [13, 10, 13, 10]
        guard let range = received.firstRange(of: end) else { return nil }
        let head = String(decoding: received[..<range.lowerBound], as: UTF8.self)
        received.removeSubrange(..<range.upperBound)
        let parts = head.prefix { $0 != "\r" && $0 != "\n" }.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]), (100...599).contains(status) else {
            throw FFmpegError(shim_averror(EPROTO), "\(host) did not answer in HTTP")
        }
        return status
    }

    /// Where and how to connect, from an http(s) URL.
    struct Target {
        let secure: Bool
        /// FFmpeg's `tcp://host:port` or `tls://host:port`.
        let address: String
        let hostHeader: String
        /// Path and query as written (percent-encoded), "/" when empty.
        let path: String
        let authorization: String?

        init(_ url: URL) throws {
            guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
                  let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
                  let host = components.encodedHost, !host.isEmpty else {
                throw FFmpegError(shim_averror(EINVAL), "not an http:// or https:// URL")
            }
            secure = scheme == "https"
            let name = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
            let port = components.port ?? (secure ? 443 : 80)
            address = "\(secure ? "tls" : "tcp")://\(name):\(port)"
            hostHeader = components.port == nil ? name : "\(name):\(port)"
            var path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
            if let query = components.percentEncodedQuery { path += "?" + query }
            self.path = path
            if let user = components.user {
                authorization = "Basic " + Data("\(user):\(components.password ?? "")".utf8).base64EncodedString()
            } else {
                authorization = nil
            }
        }
    }
}
