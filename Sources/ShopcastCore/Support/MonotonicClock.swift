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
