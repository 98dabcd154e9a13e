import Foundation

/// The show's monotonic clock: time 0 is the moment the show starts; inputs are paced to it and
/// the encoder ticks on it.
public final class ShowClock: @unchecked Sendable {
    private var origin: Double
    private let originLock = NSLock()
    private let stopLock = NSLock()
    private var stopped = false

    public init() { origin = MonotonicClock.now() }

    /// Time 0 is now: called when the show starts, after inputs and encoders are open.
    public func start() {
        originLock.lock()
        origin = MonotonicClock.now()
        originLock.unlock()
    }

    /// Seconds since the show started.
    public var elapsed: Double {
        originLock.lock(); defer { originLock.unlock() }
        return MonotonicClock.now() - origin
    }

    /// Sleeps until `elapsed` reaches `t`; returns false soon (within 20 ms) once the show is
    /// stopping. Relative sleeps on the monotonic clock: a wall-clock step cannot stall it.
    @discardableResult
    public func sleep(until t: Double) -> Bool {
        while !isStopped {
            let remaining = t - elapsed
            if remaining <= 0 { return true }
            Thread.sleep(forTimeInterval: min(remaining, 0.02))
        }
        return false
    }

    /// Wakes every sleeper; later sleeps return false immediately.
    public func stop() {
        stopLock.lock()
        stopped = true
        stopLock.unlock()
    }

    public var isStopped: Bool {
        stopLock.lock(); defer { stopLock.unlock() }
        return stopped
    }
}
