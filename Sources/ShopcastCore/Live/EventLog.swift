import Foundation

/// Writes `--events` as JSON lines: one object per line with "time" (ISO 8601, ms) and "event".
/// Thread-safe; every string passes the secret masker. Lines are written by a thread of their
/// own through a bounded queue, so a reader that stops reading can never stall the encoder or a
/// destination: past `capacity` waiting lines, new ones are dropped and counted.
public final class EventLog: @unchecked Sendable {
    private let handle: DescriptorWriter?
    private let condition = NSCondition()
    private var pending: [String] = []
    private var writing = false
    private let capacity = 10_000
    private var dropped = 0

    /// Events to nowhere.
    public init() { handle = nil }

    /// `-` is stdout; anything else a file, created or appended to.
    public init(path: String, currentDirectory: URL) throws {
        if path == "-" {
            handle = .standardOutput
        } else {
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : currentDirectory.appendingPathComponent(path)
            handle = try DescriptorWriter(appendingTo: url.path)
        }
        let thread = Thread { [self] in drain() }
        thread.name = "shopcast-events"
        thread.start()
    }

    /// Lines dropped because the reader fell too far behind.
    public var droppedLines: Int {
        condition.lock(); defer { condition.unlock() }
        return dropped
    }

    /// Waits until every queued line is written, or `timeout` seconds pass (a stalled reader).
    public func flush(timeout: Double = 2) {
        condition.lock()
        _ = condition.wait(seconds: timeout) { pending.isEmpty && !writing }
        condition.unlock()
    }

    /// Writes an event that carries its own "event" and "time" (the schedule's offer events).
    public func emit(json: JSONValue) {
        guard handle != nil else { return }
        enqueue(SecretMasker.shared.mask(json.rendered) + "\n")
    }

    public func emit(_ event: String, _ fields: [String: Any] = [:]) {
        guard handle != nil else { return }
        var object = fields
        object["event"] = event
        object["time"] = EventLog.timestamp()
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
              let line = String(data: data, encoding: .utf8) else { return }
        enqueue(SecretMasker.shared.mask(line) + "\n")
    }

    /// UTC ISO 8601 with milliseconds, e.g. 2026-11-27T19:05:00.250Z (no ICU needed).
    static func timestamp(_ date: Date = Date()) -> String {
        let seconds = date.timeIntervalSince1970
        var whole = time_t(seconds.rounded(.down))
        let millis = min(999, Int(((seconds - Double(whole)) * 1000).rounded(.down)))
        var parts = tm()
        gmtime_r(&whole, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), millis)
    }

    private func enqueue(_ line: String) {
        condition.lock()
        if pending.count < capacity {
            pending.append(line)
            condition.broadcast()
        } else {
            dropped += 1
        }
        condition.unlock()
    }

    /// The writer thread: lives as long as the process (an EventLog is made once per run).
    private func drain() {
        while true {
            condition.lock()
            while pending.isEmpty { condition.wait() }
            let batch = pending
            pending.removeAll()
            writing = true
            condition.unlock()
            // A reader that went away loses the events, not the show.
            handle?.write(batch.joined())
            condition.lock()
            writing = false
            condition.broadcast()
            condition.unlock()
        }
    }
}
