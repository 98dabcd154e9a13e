import Foundation

/// Follows the clock through a timeline and hands each event to `emit` at its moment.
/// The wall clock is read once, to place the show's origin; from then on it waits on the
/// monotonic clock, so events land within a few milliseconds of their planned moment.
/// Started late, it skips what has ended and starts what is live now with the time it has left.
public final class ScheduleRunner: @unchecked Sendable {
    public let timeline: Timeline
    /// The wall-clock moment of offset 0.
    public let origin: Date
    private let wake = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var stopped = false

    public init(timeline: Timeline, origin: Date) {
        self.timeline = timeline
        self.origin = origin
    }

    /// What `run` did.
    public struct Summary: Sendable {
        public let emitted: Int
        public let skipped: Int
        public let interrupted: Bool
    }

    /// Blocks until the last event has been emitted or `stop()` is called. `emit` runs on the
    /// calling thread and should not block (webhook delivery is asynchronous). `now` pretends
    /// the run starts at another wall-clock moment (tests); by default the wall clock is read
    /// right next to the monotonic clock, so the two agree.
    @discardableResult
    public func run(now: Date? = nil, emit: (ScheduleEvent) -> Void) -> Summary {
        let monotonicStart = MonotonicClock.now()
        let startOffset = (now ?? Date()).timeIntervalSince(origin)
        let all = timeline.changes()
        var sequence = 0
        var emitted = 0

        // Starts of what is live right now but began before: emitted at once, marked late.
        for change in all where change.kind.isStart && change.start < startOffset && startOffset < change.end {
            sequence += 1
            emit(ScheduleEvent(change: change, at: startOffset, timeline: timeline, origin: origin, sequence: sequence))
            emitted += 1
        }
        let pending = all.filter { $0.offset >= startOffset }
        let skipped = all.count - pending.count - emitted
        for change in pending {
            let deadline = monotonicStart + (change.offset - startOffset)
            if !waitUntil(deadline) { return Summary(emitted: emitted, skipped: skipped, interrupted: true) }
            sequence += 1
            emit(ScheduleEvent(change: change, at: change.offset, timeline: timeline, origin: origin, sequence: sequence))
            emitted += 1
        }
        return Summary(emitted: emitted, skipped: skipped, interrupted: false)
    }

    /// Ends `run` early (from a signal handler's queue or another thread).
    public func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        wake.signal()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Sleeps until the monotonic `deadline`; false when stopped first.
    private func waitUntil(_ deadline: Double) -> Bool {
        while !isStopped {
            let left = deadline - MonotonicClock.now()
            if left <= 0 { return true }
            _ = wake.wait(timeout: .now() + .nanoseconds(Int(left * 1e9)))
        }
        return false
    }
}
