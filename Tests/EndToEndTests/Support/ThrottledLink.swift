import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A slow uplink for tests: a TCP relay on 127.0.0.1 that carries what its clients send to a
/// server at `bytesPerSecond` (a token bucket refilled every 10 ms), and the server's answers at
/// full speed. Its receiving socket keeps a small buffer, so the backlog builds up at the sender,
/// as behind a real slow link, instead of vanishing into the relay's kernel buffer. It runs until
/// `stop()` or its `lifetime` passes, whichever comes first.
final class ThrottledLink: @unchecked Sendable {
    let port: UInt16
    private let target: UInt16
    private var rate: Int
    private let listener: Int32
    private let lock = NSLock()
    private var stopped = false
    private var sockets: [Int32] = []
    private var relayed = 0
    private var silent = false
    private let until: Date

    init(to target: UInt16, bytesPerSecond: Int, lifetime: TimeInterval) throws {
        self.target = target
        rate = bytesPerSecond
        until = Date().addingTimeInterval(lifetime)
        port = try FreePort.tcp()
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw HarnessError("socket() failed: errno \(errno)") }
        var one: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        // Accepted sockets inherit it; set before listen() so the window it advertises is small.
        var small: Int32 = 8192
        setsockopt(listener, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
        var address = FreePort.loopback(port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 4) == 0 else {
            close(listener)
            throw HarnessError("the throttled link cannot listen on 127.0.0.1:\(port): errno \(errno)")
        }
        Thread { [self] in acceptLoop() }.start()
    }

    /// Bytes carried to the server so far.
    var bytesRelayed: Int {
        lock.lock(); defer { lock.unlock() }
        return relayed
    }

    /// What the link carries a second toward the server; changed while it runs, a link that
    /// clears up or gets congested.
    var bytesPerSecond: Int {
        get { lock.lock(); defer { lock.unlock() }; return rate }
        set { lock.lock(); rate = newValue; lock.unlock() }
    }

    /// A path that goes silent: nothing is carried either way (connections stay open) until
    /// `silent` is false again.
    var isSilent: Bool {
        get { lock.lock(); defer { lock.unlock() }; return silent }
        set { lock.lock(); silent = newValue; lock.unlock() }
    }

    func stop() {
        lock.lock()
        stopped = true
        let open = sockets
        sockets = []
        lock.unlock()
        for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    deinit {
        stop()
        close(listener)
    }

    private var running: Bool {
        lock.lock(); defer { lock.unlock() }
        return !stopped && Date() < until
    }

    private func acceptLoop() {
        while running {
            guard wait(listener, for: Int16(POLLIN)) else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = FreePort.loopback(target)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { close(client); close(server); continue }
            lock.lock()
            sockets += [client, server]
            lock.unlock()
            let done = DispatchGroup()
            done.enter(); done.enter()
            Thread { [self] in pump(from: client, to: server, limited: true); done.leave() }.start()
            Thread { [self] in pump(from: server, to: client, limited: false); done.leave() }.start()
            Thread { done.wait(); close(client); close(server) }.start()
        }
        stop()
    }

    /// Copies until either side closes or the link stops; `limited` at `bytesPerSecond`.
    private func pump(from source: Int32, to sink: Int32, limited: Bool) {
        var buffer = [UInt8](repeating: 0, count: 16384)
        let tick = 0.01
        var allowance = 0
        var nextTick = Date()
        while running {
            if isSilent {
                Thread.sleep(forTimeInterval: 0.01)
                continue
            }
            var room = buffer.count
            if limited {
                let now = Date()
                let perTick = max(1, Int(Double(bytesPerSecond) * tick))
                if now >= nextTick {
                    // At most one tick's worth banked: a burst never outruns the rate.
                    allowance = min(perTick * 2, allowance + perTick)
                    nextTick = now.addingTimeInterval(tick)
                }
                if allowance == 0 {
                    Thread.sleep(until: nextTick)
                    continue
                }
                room = min(room, allowance)
            }
            guard wait(source, for: Int16(POLLIN)) else { continue }
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, room) }
            guard count > 0 else { break }
            var sent = 0
            while sent < count {
                let n = buffer.withUnsafeBytes { send(sink, $0.baseAddress! + sent, count - sent, Int32(MSG_NOSIGNAL)) }
                guard n > 0 else { shutdown(source, Int32(SHUT_RDWR)); return }
                sent += n
            }
            if limited {
                allowance -= count
                lock.lock(); relayed += count; lock.unlock()
            }
        }
        shutdown(sink, Int32(SHUT_WR))
    }

    /// Waits up to 50 ms for `fd` to be ready for `events`.
    private func wait(_ fd: Int32, for events: Int16) -> Bool {
        var entry = pollfd(fd: fd, events: events, revents: 0)
        return poll(&entry, 1, 50) > 0
    }
}
