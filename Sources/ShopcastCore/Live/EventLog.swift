import Foundation

/// Writes `--events` as JSON lines: one object per line with "time" (ISO 8601, ms) and "event".
/// Thread-safe; every string passes the secret masker.
public final class EventLog: @unchecked Sendable {
    private let handle: FileHandle?
    private let lock = NSLock()
    private let closeOnDeinit: Bool
    private let formatter: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }()

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

    public func emit(_ event: String, _ fields: [String: Any] = [:]) {
        guard let handle else { return }
        var object = fields
        object["event"] = event
        object["time"] = formatter.string(from: Date())
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
              let line = String(data: data, encoding: .utf8) else { return }
        let masked = SecretMasker.shared.mask(line) + "\n"
        lock.lock()
        handle.write(Data(masked.utf8))
        lock.unlock()
    }
}
