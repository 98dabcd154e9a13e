import Foundation

/// Where encoded events go: the `--events` file, the control API's live stream, webhooks.
/// `receive` is called on the bus's own thread, in publication order, and must not block:
/// a sink that does I/O queues the line for a thread of its own.
public protocol EventSink: AnyObject, Sendable {
    func receive(_ record: EventRecord, line: String)
    /// Waits until what was received is written out, at most `timeout` seconds.
    func flush(timeout: Double)
}

extension EventSink {
    public func flush(timeout: Double) {}
}

/// The one event stream of a run. Publishing never blocks the caller (the encoder thread, a
/// writer, the director): records queue for the bus's thread, which encodes each once (secrets
/// masked) and hands the line to every sink. Past `capacity` waiting records, new ones are
/// dropped and counted rather than letting a stuck sink grow memory.
public final class EventBus: @unchecked Sendable {
    public let encoder: EventEncoder
    private let condition = NSCondition()
    private var pending: [EventRecord] = []
    private var dispatching = false
    private var sinks: [EventSink] = []
    private var sequence = 0
    private var dropped = 0
    private var threadStarted = false
    private var streamClock: (@Sendable () -> Double)?
    private let capacity = 10_000

    public init(encoder: EventEncoder = EventEncoder(manifest: nil)) {
        self.encoder = encoder
    }

    /// Adds a sink; it hears every event published from now on.
    public func add(_ sink: EventSink) {
        condition.lock()
        sinks.append(sink)
        let start = !threadStarted
        threadStarted = true
        condition.unlock()
        if start {
            Thread.start(named: "shopcast-events") { [self] in dispatch() }
        }
    }

    /// Stamps events published without a stream time (a destination connecting …).
    public func setStreamClock(_ clock: @escaping @Sendable () -> Double) {
        condition.lock()
        streamClock = clock
        condition.unlock()
    }

    /// Queues `event`; returns at once.
    public func publish(_ event: ShowEvent, offset: Double? = nil, streamTime: Double? = nil) {
        condition.lock()
        defer { condition.unlock() }
        guard !sinks.isEmpty else { return }
        guard pending.count < capacity else {
            dropped += 1
            return
        }
        sequence += 1
        let stamped = streamTime ?? streamClock?()
        pending.append(EventRecord(sequence: sequence, time: Date(), streamTime: stamped, offset: offset, event: event))
        condition.broadcast()
    }

    /// Events dropped because the sinks fell too far behind.
    public var droppedEvents: Int {
        condition.lock(); defer { condition.unlock() }
        return dropped
    }

    /// Waits until every queued event has reached the sinks and they have written it out,
    /// at most about `timeout` seconds (a stalled reader).
    public func flush(timeout: Double = 2) {
        let deadline = MonotonicClock.now() + timeout
        condition.lock()
        _ = condition.wait(seconds: timeout) { pending.isEmpty && !dispatching }
        let targets = sinks
        condition.unlock()
        for sink in targets { sink.flush(timeout: max(0.05, deadline - MonotonicClock.now())) }
    }

    /// The bus's thread: lives as long as the process (one bus per run).
    private func dispatch() {
        while true {
            condition.lock()
            while pending.isEmpty { condition.wait() }
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            dispatching = true
            let targets = sinks
            condition.unlock()
            for record in batch {
                let line = SecretMasker.shared.mask(encoder.line(record))
                for sink in targets { sink.receive(record, line: line) }
            }
            condition.lock()
            dispatching = false
            condition.broadcast()
            condition.unlock()
        }
    }
}
