/// A length of time as a clock reads it: `02:41` below an hour, `1:02:41` from an hour on,
/// whole seconds rounded down (a countdown says 00:00 only once nothing is left: round it up
/// before). Negative lengths read 00:00. The one formatter for countdowns, progress, rundowns
/// and previews; `DurationValue.format` writes lengths in units (`2m41s`) for messages.
public enum ClockText {
    /// What follows the whole seconds, when the time is not on one.
    public enum Fraction: Sendable {
        case none
        /// `.5`: previews' moments.
        case tenths
        /// `.250`: rundowns' offsets.
        case milliseconds
    }

    public static func string(_ seconds: Double, fraction: Fraction = .none) -> String {
        let t = max(0, seconds)
        var whole = Int(t.rounded(.down))
        var text = ""
        switch fraction {
        case .none:
            break
        case .tenths, .milliseconds:
            let scale = fraction == .tenths ? 10.0 : 1000.0
            var part = Int(((t - Double(whole)) * scale).rounded())
            // 5.96 s in tenths is 6.0: carried into the seconds, not printed as ".10".
            if part >= Int(scale) { whole += 1; part = 0 }
            if part > 0 {
                let digits = String(part)
                text = "." + String(repeating: "0", count: (fraction == .tenths ? 1 : 3) - digits.count) + digits
            }
        }
        let h = whole / 3600, m = (whole % 3600) / 60, s = whole % 60
        return (h > 0 ? String(h) + ":" + two(m) : two(m)) + ":" + two(s) + text
    }

    public static func string(_ seconds: Int) -> String { string(Double(seconds)) }

    /// `00:02:41`: always hours, for the status line's fixed columns.
    public static func hours(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded(.down)))
        return two(s / 3600) + ":" + two((s % 3600) / 60) + ":" + two(s % 60)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
}
