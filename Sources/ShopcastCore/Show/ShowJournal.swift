import Foundation

/// `go-live --journal FILE`: every command the director applied, appended as a JSON line and
/// flushed to disk (fsync) before the control API answers, so a crash or a reboot loses no
/// producer's word. Started again on the same journal and manifest, go-live replays it and
/// resumes the show where it was: the live offer with its original end, the stock, what was
/// already cued.
///
/// Lines: a header `{"journal":"shopcast","version":1,"origin":…,"origin_unix":…,"start":…,
/// "show":…}` (the wall-clock moment of show offset 0 and the director's first offset), then
/// `{"seq":N,"offset":…,"time":…,"command":…}` per command, and `{"reached":OFFSET}` each time
/// the schedule changed the screen (how far the aired show got).
public final class ShowJournal: @unchecked Sendable {
    /// What an existing journal holds.
    public struct Contents: Sendable {
        public let origin: Date
        public let start: Double
        public let commands: [(offset: Double, command: ShowCommand)]
        /// The furthest show offset the aired show reached (commands or schedule).
        public let reached: Double
    }

    public let path: String
    /// The journal as found when opened; nil for a new (or empty) one.
    public let contents: Contents?
    private let writer: DescriptorWriter
    private let condition = NSCondition()
    private var queue: [(line: String, sync: Bool, done: ((String?) -> Void)?)] = []
    private var sequence: Int
    private var failure: String?

    /// Opens (creating) `path`, reading what it holds. Throws `.badData` for a journal that is
    /// not one, or belongs to another show; `.io` when it cannot be opened.
    public init(path: String, currentDirectory: URL, showTitle: String) throws {
        let url = FilePath.url(path, in: currentDirectory)
        self.path = path
        var keep: Int?
        if let data = FileManager.default.contents(atPath: url.path), !data.isEmpty {
            // A line cut short by a crash or a power loss is dropped, so the next one starts clean.
            let whole = (data.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
            if whole < data.count { keep = whole }
            contents = whole == 0 ? nil : try Self.read(data.prefix(whole), path: path, showTitle: showTitle)
        } else {
            contents = nil
        }
        sequence = contents?.commands.count ?? 0
        if let keep, truncate(url.path, off_t(keep)) != 0 {
            throw ShopcastError(.io, "cannot repair the journal \(path) (its last line was cut short): \(String(cString: strerror(errno)))")
        }
        writer = try DescriptorWriter(appendingTo: url.path)
        Thread.start(named: "shopcast-journal") { [self] in drain() }
    }

    /// Writes the header of a new journal (does nothing for one being resumed).
    public func begin(origin: Date, start: Double, showTitle: String) {
        guard contents == nil else { return }
        let header = JSONValue.object([
            ("journal", .string("shopcast")), ("version", .int(1)),
            ("origin", .string(WallClock.utc(origin))), ("origin_unix", .exact(origin.timeIntervalSince1970)),
            ("start", .exact(start)), ("show", .string(showTitle)),
        ])
        enqueue(header.rendered, sync: true, done: nil)
    }

    /// Appends an applied command; `durable` runs (on the journal's thread) once it is on disk,
    /// with nil, or with why it could not be written (a full disk, an I/O error). Offsets and
    /// lengths are written exactly, so a replay lands on the same instants.
    public func record(_ command: ShowCommand, offset: Double, durable: @escaping (String?) -> Void) {
        condition.lock()
        sequence += 1
        let n = sequence
        condition.unlock()
        let line = JSONValue.object([("seq", .int(n)), ("offset", .exact(offset)), ("time", .string(WallClock.utc(Date())))]
                                    + command.jsonFields(exact: true)).rendered
        enqueue(line, sync: true, done: durable)
    }

    /// Notes that the aired show reached `offset` (the schedule changed the screen there).
    public func reached(_ offset: Double) {
        enqueue(JSONValue.object([("reached", .exact(offset))]).rendered, sync: false, done: nil)
    }

    /// Why the journal could not be written, once it could not.
    public var writeFailure: String? {
        condition.lock(); defer { condition.unlock() }
        return failure
    }

    /// Waits until everything queued is written, at most `timeout` seconds.
    public func flush(timeout: Double) {
        condition.lock()
        _ = condition.wait(seconds: timeout) { queue.isEmpty }
        condition.unlock()
    }

    private func enqueue(_ line: String, sync: Bool, done: ((String?) -> Void)?) {
        condition.lock()
        queue.append((line + "\n", sync, done))
        condition.broadcast()
        condition.unlock()
    }

    private func drain() {
        while true {
            condition.lock()
            while queue.isEmpty { condition.wait() }
            let batch = queue
            condition.unlock()
            var error: String?
            if !writer.write(batch.map(\.line).joined()) {
                error = "cannot write the journal \(path): \(String(cString: strerror(errno)))"
            } else if batch.contains(where: \.sync), fsync(writer.descriptor) != 0 {
                error = "cannot flush the journal \(path) to disk: \(String(cString: strerror(errno)))"
            }
            for entry in batch { entry.done?(error) }
            condition.lock()
            if let error, failure == nil { failure = error }
            queue.removeFirst(batch.count)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Parses a journal (`overlay --journal` reads one too). A last line cut short (the process was killed while writing it) is
    /// ignored; anything else that is not a journal line is an error at its line.
    public static func read(_ data: Data, path: String, showTitle: String) throws -> Contents {
        let data = Data(data)
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.components(separatedBy: "\n")
        let complete = text.hasSuffix("\n")
        if lines.last == "" { lines.removeLast() }
        var origin: Date?
        var start = 0.0
        var commands: [(Double, ShowCommand)] = []
        var reached = -Double.infinity
        for (i, line) in lines.enumerated() where !line.isEmpty {
            let isLast = i == lines.count - 1
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                if isLast && !complete { break }
                throw ShopcastError(.badData, "\(path):\(i + 1): not a shopcast journal line")
            }
            if i == 0 {
                guard object["journal"] as? String == "shopcast", let unix = (object["origin_unix"] as? NSNumber)?.doubleValue else {
                    throw ShopcastError(.badData, "\(path) is not a shopcast journal (no header on line 1)")
                }
                if let show = object["show"] as? String, show != showTitle {
                    throw ShopcastError(.badData, "\(path) is the journal of the show '\(show)', not '\(showTitle)'; give a new --journal file for a new show")
                }
                origin = Date(timeIntervalSince1970: unix)
                start = (object["start"] as? NSNumber)?.doubleValue ?? 0
                reached = start
                continue
            }
            if let mark = (object["reached"] as? NSNumber)?.doubleValue {
                reached = max(reached, mark)
                continue
            }
            guard let offset = (object["offset"] as? NSNumber)?.doubleValue, let command = ShowCommand(json: object) else {
                throw ShopcastError(.badData, "\(path):\(i + 1): not a command this version of shopcast knows")
            }
            commands.append((offset, command))
            reached = max(reached, offset)
        }
        guard let origin else { throw ShopcastError(.badData, "\(path) is not a shopcast journal (no header on line 1)") }
        return Contents(origin: origin, start: start, commands: commands, reached: reached)
    }
}
