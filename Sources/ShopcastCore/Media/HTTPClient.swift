import CFFmpeg
import Foundation

/// HTTP/1.1 over FFmpeg's own tcp or tls protocol: webhooks and `shopcast cue`. https is checked
/// against the system's certificate store (or `caFile`) exactly as rtmps is, and shopcast needs
/// no second HTTP and TLS stack (libcurl and the libraries it loads). One request per
/// connection (`Connection: close`); redirects are not followed.
public enum HTTPClient {
    /// An answer: its status, headers (names lower-cased) and body.
    public struct Answer: Sendable {
        public let status: Int
        public let headers: [(String, String)]
        public let body: Data

        public func header(_ name: String) -> String? { headers.first { $0.0 == name.lowercased() }?.1 }
    }

    /// The largest answer body read whole.
    static let maxBody = 16 << 20

    /// Sends one request and reads the whole answer. Throws when no answer came within
    /// `timeout` seconds: refused, unreachable, a TLS or name failure.
    public static func exchange(_ method: String, _ url: URL, headers: [(String, String)] = [], body: Data? = nil,
                                timeout: Double, caFile: String? = nil) throws -> Answer {
        let target = try Target(url)
        do {
            let io = try AVIOConnection(address: target.address, name: target.hostHeader, secure: target.secure, timeout: timeout, caFile: caFile)
            try io.send(request(method, target: target, headers: headers, body: body))
            var reader = AnswerReader(io: io, host: target.hostHeader)
            let (status, answerHeaders) = try reader.head()
            return Answer(status: status, headers: answerHeaders, body: try reader.body(headers: answerHeaders, limit: maxBody))
        } catch let error as FFmpegError where error.isInterrupted || error.isTimeout {
            throw FFmpegError.timedOut("no answer from \(target.hostHeader) within \(DurationValue.format(timeout))")
        }
    }

    /// POSTs `body` and returns the answer's status (webhooks).
    public static func post(_ body: Data, to url: URL, headers: [(String, String)], timeout: Double,
                            caFile: String? = nil) throws -> Int {
        try exchange("POST", url, headers: headers, body: body, timeout: timeout, caFile: caFile).status
    }

    /// GETs `url` and hands each line of a streamed answer (server-sent events) to `line` as
    /// it arrives, until the server ends it or `line` returns false. Returns the status; a
    /// non-2xx answer's body is returned whole instead of streamed.
    public static func stream(_ url: URL, headers: [(String, String)], connectTimeout: Double, idleTimeout: Double,
                              line: (String) -> Bool) throws -> Answer {
        let target = try Target(url)
        let io = try AVIOConnection(address: target.address, name: target.hostHeader, secure: target.secure, timeout: connectTimeout, caFile: nil, readTimeout: idleTimeout)
        try io.send(request("GET", target: target, headers: headers + [("Accept", "text/event-stream")], body: nil))
        var reader = AnswerReader(io: io, host: target.hostHeader)
        let (status, answerHeaders) = try reader.head()
        guard (200..<300).contains(status) else {
            return Answer(status: status, headers: answerHeaders, body: try reader.body(headers: answerHeaders, limit: 1 << 20))
        }
        var pending = Data()
        try reader.bodyChunks(headers: answerHeaders, maxChunk: 1 << 20) { chunk in
            pending.append(chunk)
            // A line longer than a megabyte is not an event: give up on such a stream.
            guard pending.count <= 1 << 20 || pending.contains(0x0A) else { return false }
            while let newline = pending.firstIndex(of: 0x0A) {
                var text = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                if text.hasSuffix("\r") { text.removeLast() }
                pending.removeSubrange(pending.startIndex...newline)
                if !line(text) { return false }
            }
            return true
        }
        return Answer(status: status, headers: answerHeaders, body: Data())
    }

    private static func request(_ method: String, target: Target, headers: [(String, String)], body: Data?) throws -> Data {
        for (name, value) in headers where (name + value).contains(where: { $0 == "\r" || $0 == "\n" }) {
            throw FFmpegError(shim_averror(EINVAL), "header \(name) has a line break")
        }
        var head = "\(method) \(target.path) HTTP/1.1\r\nHost: \(target.hostHeader)\r\n"
        if let authorization = target.authorization { head += "Authorization: \(authorization)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        head += "Connection: close\r\n\r\n"
        var data = Data(head.utf8)
        if let body { data.append(body) }
        return data
    }

    /// Reads an answer off a connection: the head (1xx heads skipped), then the body by its
    /// length, chunk by chunk, or to the end of the connection.
    private struct AnswerReader {
        let io: AVIOConnection
        let host: String
        var buffered: [UInt8] = []

        init(io: AVIOConnection, host: String) {
            self.io = io
            self.host = host
        }

        mutating func head() throws -> (Int, [(String, String)]) {
            for _ in 0..<16 {
                while buffered.firstRange(of: [13, 10, 13, 10] as [UInt8]) == nil {
                    guard buffered.count < 65536 else { throw FFmpegError(shim_averror(EPROTO), "\(host) sent an answer head over 64 KiB") }
                    let more = try io.read()
                    if more.isEmpty { throw FFmpegError(shim_averror(EPROTO), "\(host) closed the connection without an HTTP answer") }
                    buffered += more
                }
                let range = buffered.firstRange(of: [13, 10, 13, 10] as [UInt8])!
                let text = String(decoding: buffered[..<range.lowerBound], as: UTF8.self)
                buffered.removeSubrange(..<range.upperBound)
                let lines = text.components(separatedBy: "\r\n")
                let parts = lines[0].split(separator: " ", maxSplits: 2)
                guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]), (100...599).contains(status) else {
                    throw FFmpegError(shim_averror(EPROTO), "\(host) did not answer in HTTP")
                }
                // 1xx heads (100 Continue) come before the real answer.
                if status < 200 { continue }
                let headers = lines.dropFirst().compactMap { line -> (String, String)? in
                    guard let colon = line.firstIndex(of: ":") else { return nil }
                    return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
                }
                return (status, headers)
            }
            throw FFmpegError(shim_averror(EPROTO), "\(host) sent informational answers without end")
        }

        mutating func body(headers: [(String, String)], limit: Int) throws -> Data {
            var data = Data()
            try bodyChunks(headers: headers, maxChunk: limit) { chunk in
                data.append(chunk)
                return data.count <= limit
            }
            return data
        }

        /// Hands the body to `chunk` piece by piece until it ends or `chunk` returns false. A
        /// chunk announced larger than `maxChunk` is refused before it is read.
        mutating func bodyChunks(headers: [(String, String)], maxChunk: Int, _ chunk: (Data) -> Bool) throws {
            func header(_ name: String) -> String? { headers.first { $0.0 == name }?.1 }
            if header("transfer-encoding")?.lowercased().contains("chunked") == true {
                while true {
                    let sizeLine = try line()
                    let digits = sizeLine.split(separator: ";").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
                    guard digits.allSatisfy(\.isHexDigit), let size = Int(digits, radix: 16), size <= maxChunk else {
                        throw FFmpegError(shim_averror(EPROTO), "\(host) sent a malformed or oversized chunk")
                    }
                    if size == 0 { return }
                    let data = try exactly(size)
                    _ = try line()
                    if !chunk(data) { return }
                }
            }
            if var left = header("content-length").flatMap({ Int($0) }) {
                while left > 0 {
                    let piece = try some(max: left)
                    if piece.isEmpty { throw FFmpegError(shim_averror(EPROTO), "\(host) closed the connection before the end of the answer") }
                    left -= piece.count
                    if !chunk(piece) { return }
                }
                return
            }
            while true {
                let piece = try some(max: Int.max)
                if piece.isEmpty || !chunk(piece) { return }
            }
        }

        private mutating func some(max: Int) throws -> Data {
            if buffered.isEmpty { buffered = try io.read() }
            let n = min(max, buffered.count)
            let data = Data(buffered[..<n])
            buffered.removeFirst(n)
            return data
        }

        private mutating func exactly(_ count: Int) throws -> Data {
            var data = Data()
            while data.count < count {
                let piece = try some(max: count - data.count)
                if piece.isEmpty { throw FFmpegError(shim_averror(EPROTO), "\(host) closed the connection inside a chunk") }
                data.append(piece)
            }
            return data
        }

        private mutating func line() throws -> String {
            while buffered.firstRange(of: [13, 10] as [UInt8]) == nil {
                guard buffered.count < 4096 else { throw FFmpegError(shim_averror(EPROTO), "\(host) sent a malformed chunk") }
                let more = try io.read()
                if more.isEmpty { throw FFmpegError(shim_averror(EPROTO), "\(host) closed the connection inside a chunk") }
                buffered += more
            }
            let range = buffered.firstRange(of: [13, 10] as [UInt8])!
            let text = String(decoding: buffered[..<range.lowerBound], as: UTF8.self)
            buffered.removeSubrange(..<range.upperBound)
            return text
        }
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
