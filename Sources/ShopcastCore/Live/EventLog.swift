import Foundation

/// Writes `--events` as JSON lines: one object per line with "time" (ISO 8601, ms) and "event".
/// Thread-safe; every string passes the secret masker.
public final class EventLog: @unchecked Sendable {
    private let handle: FileHandle?
    private let lock = NSLock()
    private let closeOnDeinit: Bool

    /// Events to nowhere.
    public init() {
        handle = nil
        closeOnDeinit = false
    }

    /// `-` is stdout; anything else a file, created or appended to.
    public init(path: String, currentDirectory: URL) throws {
        if path == "-" {
            handle = FileHandle.standardOutput
            closeOnDeinit = false
            return
        }
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : currentDirectory.appendingPathComponent(path)
        if !FileManager.default.fileExists(atPath: url.path) {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw ShopcastError(.io, "cannot create events file \(url.path)")
            }
        }
        guard let h = try? FileHandle(forWritingTo: url) else { throw ShopcastError(.io, "cannot open events file \(url.path)") }
        h.seekToEndOfFile()
        handle = h
        closeOnDeinit = true
    }

    deinit { if closeOnDeinit { try? handle?.close() } }

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
        let line = SecretMasker.shared.mask(json.rendered) + "\n"
        lock.lock()
        handle.write(Data(line.utf8))
        lock.unlock()
    }

    public func emit(_ event: String, _ fields: [String: Any] = [:]) {
        guard let handle else { return }
        var object = fields
        object["event"] = event
        object["time"] = EventLog.timestamp()
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
              let line = String(data: data, encoding: .utf8) else { return }
        let masked = SecretMasker.shared.mask(line) + "\n"
        lock.lock()
        handle.write(Data(masked.utf8))
        lock.unlock()
    }
}
