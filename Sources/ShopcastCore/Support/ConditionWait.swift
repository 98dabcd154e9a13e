import Foundation

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
