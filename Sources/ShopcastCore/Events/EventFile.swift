import Foundation

/// `--events FILE`: the event stream as JSON lines, appended to a file or written to stdout
/// (`-`). Lines are written by a thread of its own through a bounded queue, so a reader that
/// stops reading (a full pipe) can never stall the bus and its other sinks: past `capacity`
/// waiting lines, new ones are dropped.
public final class EventFile: EventSink, @unchecked Sendable {
    private let handle: DescriptorWriter
    private let condition = NSCondition()
    private var pending: [String] = []
    private var writing = false
    private let capacity = 10_000

    /// `-` is stdout; anything else a file, created or appended to.
    public init(path: String, currentDirectory: URL) throws {
        if path == "-" {
            handle = .standardOutput
        } else {
            let url = FilePath.url(path, in: currentDirectory)
            handle = try DescriptorWriter(appendingTo: url.path)
        }
        Thread.start(named: "shopcast-evfile") { [self] in drain() }
    }

    public func receive(_ record: EventRecord, line: String) { append(line) }

    /// Queues one line (without its newline) for the file: what `receive` does with an
    /// event's, and what the chat log writes.
    public func append(_ line: String) {
        condition.lock()
        if pending.count < capacity {
            pending.append(line + "\n")
            condition.broadcast()
        }
        condition.unlock()
    }

    public func flush(timeout: Double) {
        condition.lock()
        _ = condition.wait(seconds: timeout) { pending.isEmpty && !writing }
        condition.unlock()
    }

    /// The writer thread: lives as long as the process (one file per run).
    private func drain() {
        while true {
            condition.lock()
            while pending.isEmpty { condition.wait() }
            let batch = pending
            pending.removeAll()
            writing = true
            condition.unlock()
            // A reader that went away loses the events, not the show.
            handle.write(batch.joined())
            condition.lock()
            writing = false
            condition.broadcast()
            condition.unlock()
        }
    }
}
