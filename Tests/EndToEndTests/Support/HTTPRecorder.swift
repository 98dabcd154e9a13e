import Foundation

/// A small HTTP/1.1 server on 127.0.0.1 with a free port, for webhook tests and an API's
/// stand-in. It records each request (arrival time, method, path, headers, body) and answers
/// with the status (and JSON body) the test chooses, then closes the connection.
final class HTTPRecorder: @unchecked Sendable {
    struct Request {
        /// Wall-clock arrival, taken when the whole body has been read.
        let arrival: Date
        let method: String
        let path: String
        /// Header names lower-cased.
        let headers: [String: String]
        let body: Data
    }

    private let listener: Int32
    let port: UInt16
    private let condition = NSCondition()
    private var recorded: [Request] = []
    private var closed = false
    /// Chooses the status and body for the Nth request (0-based) and the request itself.
    private let respond: @Sendable (Int, Request) -> (status: Int, body: String)

    convenience init(respond: @escaping @Sendable (Int, Request) -> Int = { _, _ in 200 }) throws {
        try self.init(answer: { (respond($0, $1), "") })
    }

    /// `answer` gives each request its status and a JSON body.
    init(answer respond: @escaping @Sendable (Int, Request) -> (status: Int, body: String)) throws {
        self.respond = respond
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else { close(listener); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { stop() }

    var url: String { "http://127.0.0.1:\(port)/hooks/live" }

    func stop() {
        condition.lock()
        let wasClosed = closed
        closed = true
        condition.unlock()
        if !wasClosed {
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
        }
    }

    var requests: [Request] {
        condition.lock()
        defer { condition.unlock() }
        return recorded
    }

    /// Waits until `count` requests have arrived or `timeout` passes; returns what arrived.
    func waitFor(_ count: Int, timeout: Double) -> [Request] {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while recorded.count < count, condition.wait(until: deadline) {}
        return recorded
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                condition.lock()
                let done = closed
                condition.unlock()
                if done { return }
                continue
            }
            Thread.detachNewThread { [self] in serve(client) }
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        var headerEnd: Int?
        var contentLength = 0
        while true {
            if let end = headerEnd, buffer.count >= end + contentLength { break }
            let n = read(client, &chunk, chunk.count)
            if n <= 0 { return }
            buffer += chunk[0..<n]
            if headerEnd == nil, let range = Data(buffer).range(of: Data("\r\n\r\n".utf8)) {
                headerEnd = range.upperBound
                let head = String(decoding: buffer[0..<range.lowerBound], as: UTF8.self)
                for line in head.split(separator: "\r\n").dropFirst() where line.lowercased().hasPrefix("content-length:") {
                    contentLength = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
        }
        let arrival = Date()
        let end = headerEnd!
        let lines = String(decoding: buffer[0..<(end - 4)], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let request = Request(arrival: arrival, method: parts.count > 0 ? String(parts[0]) : "",
                              path: parts.count > 1 ? String(parts[1]) : "", headers: headers,
                              body: Data(buffer[end..<(end + contentLength)]))
        condition.lock()
        let index = recorded.count
        recorded.append(request)
        condition.broadcast()
        condition.unlock()
        let (status, body) = respond(index, request)
        let reply = "HTTP/1.1 \(status) \(status < 300 ? "OK" : "Error")\r\nContent-Length: \(body.utf8.count)\r\n"
            + (body.isEmpty ? "" : "Content-Type: application/json\r\n") + "Connection: close\r\n\r\n" + body
        let bytes = Array(reply.utf8)
        var sent = 0
        while sent < bytes.count {
            // A client that left must not end the tests with SIGPIPE.
            let n = bytes.withUnsafeBytes { send(client, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            sent += n
        }
    }
}
