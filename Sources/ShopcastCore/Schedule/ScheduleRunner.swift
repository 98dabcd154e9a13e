import Foundation

/// `schedule run`: follows the clock through a show and hands each change the director makes
/// to `emit` at its moment. The wall clock is read once, to place the show's origin; from then
/// on it waits on the monotonic clock, so events land within a few milliseconds of their
/// planned moment. Started late, it passes over what has ended and starts what is due now with
/// the time it has left (`late`). Stopped early, the live offer ends then (`show-ended`), so
/// the shop closes the deal.
public final class ScheduleRunner: @unchecked Sendable {
    public let manifest: Manifest
    /// The wall-clock moment of offset 0.
    public let origin: Date
    private let wake = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var stopped = false

    public init(manifest: Manifest, origin: Date) {
        self.manifest = manifest
        self.origin = origin
    }

    /// What `run` did.
    public struct Summary: Sendable {
        public let emitted: Int
        /// Scheduled offers over before the run started.
        public let skipped: Int
        public let interrupted: Bool
    }

    /// Blocks until the show's last change has been emitted or `stop()` is called. `emit` runs
    /// on the calling thread and should not block (webhook delivery is asynchronous). `now`
    /// pretends the run starts at another wall-clock moment (tests); by default the wall clock
    /// is read right next to the monotonic clock, so the two agree.
    @discardableResult
    public func run(now: Date? = nil, emit: (ShowDirector.Change) -> Void) -> Summary {
        let monotonicStart = MonotonicClock.now()
        let startOffset = (now ?? Date()).timeIntervalSince(origin)
        let director = ShowDirector(manifest: manifest, start: startOffset)
        let skipped = director.timeline.offers.filter { $0.end <= startOffset }.count
        var emitted = 0
        func send(_ changes: [ShowDirector.Change]) {
            for change in changes { emit(change) }
            emitted += changes.count
        }
        send(director.advance(to: startOffset))
        while let next = director.nextChange(after: director.offset) {
            if !waitUntil(monotonicStart + (next - startOffset)) {
                send(director.finish(at: startOffset + MonotonicClock.now() - monotonicStart))
                return Summary(emitted: emitted, skipped: skipped, interrupted: true)
            }
            send(director.advance(to: next))
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
