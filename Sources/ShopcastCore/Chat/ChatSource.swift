import Foundation

/// Where chat comes from, as `--chat` names it:
/// - `jsonl:FILE`: a file a bridge appends JSON lines to, read as it grows (from its end at
///   start: what was there before the show is not replayed; a file cut short is read again
///   from its start);
/// - `jsonl:-`: standard input;
/// - `exec:COMMAND`: a command's standard output (run by /bin/sh, started again 2 s after it
///   ends, stopped with the show).
/// Each line follows `ChatLine`'s contract.
public enum ChatSourceSpec: Equatable, Sendable {
    case file(String)
    case standardInput
    case command(String)

    public static func parse(_ text: String) -> ChatSourceSpec? {
        if text == "jsonl:-" { return .standardInput }
        if text.hasPrefix("jsonl:"), text.count > 6 { return .file(String(text.dropFirst(6))) }
        if text.hasPrefix("exec:"), text.count > 5 { return .command(String(text.dropFirst(5))) }
        return nil
    }

    public static let forms = "jsonl:FILE, jsonl:- or exec:COMMAND"
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
    private let lock = NSLock()
    private var stopped = false
    private var process: Process?
    private var warned = false
    /// Lines read, and lines skipped as bad, since the start.
    public private(set) var lines = 0
    public private(set) var skipped = 0

    public init(_ spec: ChatSourceSpec, name: String, filter: ChatFilter, deliver: @escaping @Sendable (ChatEvent) -> Void,
                warn: @escaping @Sendable (String) -> Void) {
        self.spec = spec
        self.name = name
        self.filter = filter
        self.deliver = deliver
        self.warn = warn
    }

    public func start() {
        let thread = Thread { [self] in run() }
        thread.name = "shopcast-chat"
        thread.start()
    }

    public func stop() {
        lock.lock()
        stopped = true
        let child = process
        lock.unlock()
        if let child, child.isRunning { child.terminate() }
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
        case .command(let command):
            while !isStopped {
                let child = Process()
                child.executableURL = URL(fileURLWithPath: "/bin/sh")
                child.arguments = ["-c", command]
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

    private func handle(_ bytes: Data, overlong: Bool) {
        var trimmed = bytes
        if trimmed.last == 0x0D { trimmed.removeLast() }
        if !overlong, trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
        lines += 1
        let result: Result<ChatEvent, ChatLine.Problem> = overlong ? .failure(.tooLong(ChatLine.maxBytes + 1))
            : ChatLine.parse(trimmed, source: name, number: lines)
        switch result {
        case .success(.message(let message)):
            if let clean = filter.clean(message) { deliver(.message(clean)) }
        case .success(let other):
            deliver(other)
        case .failure(let problem):
            skipped += 1
            if !warned {
                warned = true
                warn("chat \(name): skipped \(problem.words) (line \(lines)); later bad lines of this source are skipped silently")
            }
        }
    }
}
