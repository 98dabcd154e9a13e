/// When one destination falls behind the live edge, which packets it lets go, and whether it
/// counts as degraded. Pure: the writer measures, this decides.
///
/// `lag` is how far the packet being queued is ahead of the oldest packet the destination has
/// not delivered yet — in its own queue or, for a network destination, still in the socket's
/// send buffer. Above `threshold`, pictures are dropped up to the next keyframe that arrives with
/// the lag back under it; sound is never dropped. A network destination that drops for lag is
/// degraded until it has run `recoverAfter` seconds of stream without a drop and with its lag
/// under `recoverBelow`.
struct DropPolicy {
    let threshold: Double
    /// Network destinations report degraded; a recording's disk hiccup is not news.
    let reportsDegraded: Bool
    static let recoverBelow = 0.5
    static let recoverAfter = 5.0

    enum Change: Equatable { case degraded, recovered }

    private(set) var droppingToKeyframe = false
    private(set) var degraded = false
    private var lastDrop = -Double.infinity

    init(threshold: Double, reportsDegraded: Bool) {
        self.threshold = threshold
        self.reportsDegraded = reportsDegraded
    }

    /// Whether the packet at stream time `seconds` goes into the queue, and the change of state
    /// it brings, if any.
    mutating func admit(isVideo: Bool, isKeyframe: Bool, seconds: Double, lag: Double) -> (keep: Bool, change: Change?) {
        var keep = true
        if isVideo && (droppingToKeyframe || lag > threshold) {
            if isKeyframe && lag <= threshold {
                droppingToKeyframe = false
            } else {
                droppingToKeyframe = true
                keep = false
            }
        }
        guard reportsDegraded else { return (keep, nil) }
        if !keep {
            lastDrop = seconds
            if !degraded {
                degraded = true
                return (keep, .degraded)
            }
        } else if degraded, seconds - lastDrop >= Self.recoverAfter, lag < Self.recoverBelow {
            degraded = false
            return (keep, .recovered)
        }
        return (keep, nil)
    }

    /// A fresh start (a new connection, a backlog thrown away): the next keyframe is taken.
    mutating func restart() {
        droppingToKeyframe = false
    }

    /// The connection is gone: it is lost, not degraded.
    mutating func reset() {
        droppingToKeyframe = false
        degraded = false
        lastDrop = -.infinity
    }
}
