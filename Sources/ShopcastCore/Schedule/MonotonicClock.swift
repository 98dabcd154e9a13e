import Foundation

/// Seconds on CLOCK_MONOTONIC: never jumps when NTP or a user sets the wall clock, so a run
/// that started on time stays on time.
public enum MonotonicClock {
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
