import Foundation

/// Writes `--events` as JSON lines: one object per line with "time" (ISO 8601, ms) and "event".
/// Thread-safe; every string passes the secret masker.
public final class EventLog: @unchecked Sendable {
    private let handle: DescriptorWriter?

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

    /// Writes an event that carries its own "event" and "time" (the schedule's offer events).
    public func emit(json: JSONValue) {
        guard let handle else { return }
        handle.write(SecretMasker.shared.mask(json.rendered) + "\n")
    }

    public func emit(_ event: String, _ fields: [String: Any] = [:]) {
        guard let handle else { return }
        var object = fields
        object["event"] = event
        object["time"] = EventLog.timestamp()
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
              let line = String(data: data, encoding: .utf8) else { return }
        // A reader that went away loses the events, not the show.
        handle.write(SecretMasker.shared.mask(line) + "\n")
    }
}
