import Foundation

/// Where chat comes from, as `--chat` names it:
/// - `jsonl:FILE`: a file a bridge appends JSON lines to, read as it grows (from its end at
///   start: what was there before the show is not replayed; a file cut short is read again
///   from its start);
/// - `jsonl:-`: standard input;
/// - `exec:COMMAND`: a command's standard output (run by /bin/sh, started again 2 s after it
///   ends, stopped with the show).
/// Each line follows `ChatLine`'s contract.
/// - `irc://HOST[:PORT]/#CHANNEL` and `ircs://…` (TLS): an IRC channel, read with IRCv3 message
///   tags where the server offers them;
/// - `twitch:CHANNEL`: Twitch chat (`ircs://irc.chat.twitch.tv:6697`), read anonymously, or
///   as SHOPCAST_TWITCH_NICK with the token in SHOPCAST_TWITCH_TOKEN.
public enum ChatSourceSpec: Equatable, Sendable {
    case file(String)
    case standardInput
    case command(String)
    case irc(IRCEndpoint)

    public static func parse(_ text: String) -> ChatSourceSpec? {
        if text == "jsonl:-" { return .standardInput }
        if text.hasPrefix("jsonl:"), text.count > 6 { return .file(String(text.dropFirst(6))) }
        if text.hasPrefix("exec:"), text.count > 5 { return .command(String(text.dropFirst(5))) }
        if text.hasPrefix("twitch:") {
            let channel = text.dropFirst(7).lowercased()
            guard !channel.isEmpty, channel.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else { return nil }
            return .irc(IRCEndpoint(host: "irc.chat.twitch.tv", port: 6697, channel: "#" + channel, secure: true, twitch: true))
        }
        let lower = text.lowercased()
        guard lower.hasPrefix("irc://") || lower.hasPrefix("ircs://"), let url = URLComponents(string: text),
              let host = url.host, !host.isEmpty else { return nil }
        let secure = lower.hasPrefix("ircs://")
        // The channel's '#' makes it the URL's fragment; written without it, it is the path.
        let written = url.fragment.map { "#" + $0 } ?? String(url.path.drop { $0 == "/" })
        let channel = written.hasPrefix("#") || written.hasPrefix("&") ? written : "#" + written
        guard channel.count > 1, !channel.contains(" "), !channel.contains(",") else { return nil }
        return .irc(IRCEndpoint(host: host, port: url.port ?? (secure ? 6697 : 6667), channel: channel, secure: secure, twitch: false))
    }

    public static let forms = "jsonl:FILE, jsonl:-, exec:COMMAND, twitch:CHANNEL or irc[s]://HOST[:PORT]/#CHANNEL"
}

/// An IRC server and the channel to read.
public struct IRCEndpoint: Equatable, Sendable {
    public var host: String
    public var port: Int
    public var channel: String
    public var secure: Bool
    /// Twitch's dialect: its own capabilities (tags, commands) instead of the IRCv3 ones.
    public var twitch: Bool
}

/// Reads one chat source on a thread of its own and hands each event, cleaned by the filter,
/// to `deliver`. A bad line is skipped; the first of each source is reported through `warn`,
/// later ones only counted. A line longer than `ChatLine.maxBytes` is skipped without being
/// held in memory. Never blocks the show: `deliver` must not block.
public final class ChatSourceReader: @unchecked Sendable {
    public let name: String
    private let spec: ChatSourceSpec
    private let filter: ChatFilter
    private let deliver: @Sendable (ChatEvent) -> Void
    private let warn: @Sendable (String) -> Void
    /// For ircs:// and twitch: a CA file (go-live's --ca-file); the environment (a Twitch token,
    /// and what an exec: command runs with).
    private let caFile: String?
    private let environment: [String: String]
    private var connection: AVIOConnection?
    private let lock = NSLock()
    private var stopped = false
    private var process: Process?
    private var warned = false
    /// Lines read, and lines skipped as bad, since the start.
    public private(set) var lines = 0
    public private(set) var skipped = 0

    public init(_ spec: ChatSourceSpec, name: String, filter: ChatFilter, caFile: String? = nil, environment: [String: String] = [:],
                deliver: @escaping @Sendable (ChatEvent) -> Void, warn: @escaping @Sendable (String) -> Void) {
        self.spec = spec
        self.caFile = caFile
        self.environment = environment
        self.name = name
        self.filter = filter
        self.deliver = deliver
        self.warn = warn
    }

    public func start() {
        Thread.start(named: "shopcast-chat") { [self] in run() }
    }

    public func stop() {
        lock.lock()
        stopped = true
        let child = process
        let link = connection
        lock.unlock()
        if let child, child.isRunning { child.terminate() }
        link?.abort()
    }

    private var isStopped: Bool {
        lock.lock(); defer { lock.unlock() }
        return stopped
    }

    private func run() {
        switch spec {
        case .standardInput:
            read(descriptor: 0, follow: false)
        case .file(let path):
            followFile(path)
        case .irc(let endpoint):
            followIRC(endpoint)
        case .command(let command):
            while !isStopped {
                let child = Process()
                child.executableURL = URL(fileURLWithPath: "/bin/sh")
                child.arguments = ["-c", command]
                // go-live's environment, as given (a bridge's API key comes this way, never on
                // its command line); inherited when none was given.
                if !environment.isEmpty { child.environment = environment }
                let pipe = Pipe()
                child.standardOutput = pipe
                child.standardInput = FileHandle.nullDevice
                do {
                    try child.run()
                } catch {
                    warn("chat \(name): cannot run the command: \(error)")
                    return
                }
                lock.lock(); process = child; lock.unlock()
                read(descriptor: pipe.fileHandleForReading.fileDescriptor, follow: false)
                child.waitUntilExit()
                if isStopped { return }
                warn("chat \(name): the command ended (status \(child.terminationStatus)); starting it again in 2 s")
                Thread.sleep(forTimeInterval: 2)
            }
        }
    }

    /// Reads an IRC channel for as long as the show runs: reconnects after 1 s, then twice as
    /// long each time up to 30 s (back to 1 s after a connection that lasted a minute); a lost
    /// chat is a warning, never a stop.
    private func followIRC(_ endpoint: IRCEndpoint) {
        var attempt = 0
        var heard = false
        while !isStopped {
            let began = MonotonicClock.now()
            do {
                try session(endpoint, heard: &heard)
                if isStopped { return }
                warn("chat \(name): the server closed the connection; reconnecting")
            } catch {
                if isStopped { return }
                if attempt == 0 || heard { warn("chat \(name): \(error); reconnecting") }
            }
            heard = false
            attempt = MonotonicClock.now() - began > 60 ? 1 : attempt + 1
            let wait = min(30, pow(2, Double(attempt - 1)))
            let until = MonotonicClock.now() + wait
            while !isStopped, MonotonicClock.now() < until { Thread.sleep(forTimeInterval: 0.1) }
        }
    }

    /// One connection: register, join, read until it ends. `heard` becomes true once the
    /// channel was joined (a later loss is worth a warning again).
    private func session(_ endpoint: IRCEndpoint, heard: inout Bool) throws {
        let address = "\(endpoint.secure ? "tls" : "tcp")://\(endpoint.host):\(endpoint.port)"
        // Servers ping every few minutes: twice that without a byte is a dead connection.
        let link = try AVIOConnection(address: address, name: "\(endpoint.host):\(endpoint.port)", secure: endpoint.secure,
                                      timeout: 10, caFile: caFile, readTimeout: 600)
        lock.lock(); connection = link; let stopping = stopped; lock.unlock()
        defer { lock.lock(); connection = nil; lock.unlock() }
        if stopping { return }
        func send(_ line: String) throws { try link.send(Data((line + "\r\n").utf8)) }
        var nick = "justinfan" + String(Int.random(in: 10_000...99_999))
        if endpoint.twitch, let token = environment["SHOPCAST_TWITCH_TOKEN"], !token.isEmpty,
           let login = environment["SHOPCAST_TWITCH_NICK"], !login.isEmpty {
            SecretMasker.shared.register(token)
            try send("PASS " + (token.hasPrefix("oauth:") ? token : "oauth:" + token))
            nick = login.lowercased()
        }
        try send("CAP REQ :" + (endpoint.twitch ? "twitch.tv/tags twitch.tv/commands" : "message-tags server-time"))
        try send("NICK \(nick)")
        try send("USER shopcast 0 * :shopcast")
        try send("CAP END")
        var pending = [UInt8]()
        var number = 0
        while !isStopped {
            let bytes = try link.read()
            if bytes.isEmpty { return }
            pending += bytes
            while let end = pending.firstIndex(of: 0x0A) {
                var raw = pending[..<end]
                if raw.last == 0x0D { raw = raw.dropLast() }
                let line = String(decoding: raw, as: UTF8.self)
                pending.removeSubrange(...end)
                guard let message = IRCMessage(Substring(line)) else { continue }
                switch message.command {
                case "PING":
                    try send("PONG :" + (message.parameters.last ?? ""))
                case "001":
                    try send("JOIN \(endpoint.channel)")
                case "366":
                    heard = true  // the end of the channel's names: joined
                case "433":
                    nick = "justinfan" + String(Int.random(in: 10_000...99_999))
                    try send("NICK \(nick)")
                case "473", "474", "475", "403":
                    throw ShopcastError(.unavailable, "cannot join \(endpoint.channel): \(message.parameters.last ?? message.command)")
                default:
                    number += 1
                    if let event = message.chatEvent(source: name, number: number) { pass(event) }
                }
            }
            // A line longer than IRCv3 allows (8 KB of tags, 512 bytes of the rest): dropped.
            if pending.count > 8704 { pending.removeAll() }
        }
    }

    /// Tails `path` from its end, polling for growth; reopens when it is replaced or cut.
    private func followFile(_ path: String) {
        var offset: off_t = -1
        var reported = false
        while !isStopped {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                if !reported { warn("chat \(name): cannot open \(path) (\(String(cString: strerror(errno)))); waiting for it"); reported = true }
                Thread.sleep(forTimeInterval: 0.2)
                continue
            }
            reported = false
            var info = stat()
            fstat(fd, &info)
            if offset < 0 || offset > info.st_size { offset = offset < 0 ? info.st_size : 0 }
            lseek(fd, offset, SEEK_SET)
            offset = read(descriptor: fd, follow: true, path: path, from: offset)
            close(fd)
        }
    }

    /// Reads lines from `fd` until its end (or, following a file, until it is replaced or cut,
    /// returning where reading stopped).
    @discardableResult
    private func read(descriptor fd: Int32, follow: Bool, path: String? = nil, from start: off_t = 0) -> off_t {
        var position = start
        var line = Data()
        var overlong = false
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        while !isStopped {
            let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return position
            }
            if n == 0 {
                guard follow, let path else { return position }
                // At the end of a file that may grow: has it been replaced or cut meanwhile?
                var now = stat(), open = stat()
                if stat(path, &now) != 0 || fstat(fd, &open) != 0 || now.st_ino != open.st_ino || now.st_size < position {
                    return now.st_size < position ? 0 : position
                }
                Thread.sleep(forTimeInterval: 0.05)
                continue
            }
            position += off_t(n)
            var from = 0
            for i in 0..<n where buffer[i] == 0x0A {
                if !overlong { line.append(contentsOf: buffer[from..<i]) }
                handle(line, overlong: overlong)
                line.removeAll(keepingCapacity: true)
                overlong = false
                from = i + 1
            }
            if from < n, !overlong {
                line.append(contentsOf: buffer[from..<n])
                if line.count > ChatLine.maxBytes {
                    overlong = true
                    line.removeAll()
                }
            }
        }
        return position
    }

    /// Hands an event on: a message only as the filter lets it air, anything else as it is.
    private func pass(_ event: ChatEvent) {
        guard case .message(let message) = event else { return deliver(event) }
        if let clean = filter.clean(message) { deliver(.message(clean)) }
    }

    private func handle(_ bytes: Data, overlong: Bool) {
        var trimmed = bytes
        if trimmed.last == 0x0D { trimmed.removeLast() }
        if !overlong, trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
        lines += 1
        let result: Result<ChatEvent, ChatLine.Problem> = overlong ? .failure(.tooLong(ChatLine.maxBytes + 1))
            : ChatLine.parse(trimmed, source: name, number: lines)
        switch result {
        case .success(let event):
            pass(event)
        case .failure(let problem):
            skipped += 1
            if !warned {
                warned = true
                warn("chat \(name): skipped \(problem.words) (line \(lines)); later bad lines of this source are skipped silently")
            }
        }
    }
}
