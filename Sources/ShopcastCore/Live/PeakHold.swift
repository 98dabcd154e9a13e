/// The highest value of the last few seconds: a destination's lag rises and falls with every
/// GOP on a slow link, and a figure read once a second should say how bad it gets, not where in
/// the cycle the reading fell. Two buckets of `window` seconds each.
struct PeakHold {
    let window: Double
    private var start = -Double.infinity
    private var current = 0.0
    private var previous = 0.0

    init(window: Double) { self.window = window }

    mutating func note(_ value: Double, at time: Double) {
        if time - start >= window {
            previous = time - start >= 2 * window ? 0 : current
            current = 0
            start = time
        }
        current = max(current, value)
    }

    /// The peak over the last one to two windows, as of `time`.
    func peak(at time: Double) -> Double {
        if time - start >= 2 * window { return 0 }
        if time - start >= window { return current }
        return max(current, previous)
    }

    mutating func reset() { self = PeakHold(window: window) }
}
