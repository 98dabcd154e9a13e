import Foundation

/// Time on CLOCK_MONOTONIC: never jumps when NTP or a user sets the wall clock, so a show or a
/// schedule run that started on time stays on time.
public enum MonotonicClock {
    public static func nanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Seconds, for arithmetic with durations.
    public static func now() -> Double { Double(nanoseconds()) / 1e9 }
}

extension NSCondition {
    /// With the lock held: waits until `isDone()` or until `seconds` have passed on the monotonic
    /// clock; true when done. Each step waits at most 50 ms against the wall clock, so a wall-clock
    /// jump (NTP, a user) can stretch or cut one step, never the whole wait.
    public func wait(seconds: Double, until isDone: () -> Bool) -> Bool {
        let end = MonotonicClock.now() + seconds
        while !isDone() {
            let left = end - MonotonicClock.now()
            if left <= 0 { return false }
            _ = wait(until: Date(timeIntervalSinceNow: min(left, 0.05)))
        }
        return true
    }
}
