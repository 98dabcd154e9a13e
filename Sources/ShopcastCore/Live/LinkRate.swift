/// How fast a network destination's link carries the stream, in bytes per second, learnt from
/// the moments it was busy: between two looks at the socket that still held a backlog, the
/// bytes acknowledged measure what the link can carry. Moments it idled measure only what was
/// offered, so they are left out; the last two seconds of busy time are kept — but none older
/// than `forgetAfter`: a link that has not been seen busy for that long may have recovered, and
/// a stale slow figure would keep refusing every keyframe as too big to arrive in time.
struct LinkRate {
    /// A socket holding at least this much counts as busy.
    static let busyBytes = 8192
    /// Busy moments older than this (seconds) no longer count.
    static let forgetAfter = 10.0
    private var last: (time: Double, delivered: Int64, busy: Bool)?
    private var spans: [(end: Double, seconds: Double, bytes: Int64)] = []
    private var seconds = 0.0
    private var bytes: Int64 = 0

    /// The server had acknowledged `delivered` bytes at monotonic `time`, `unacknowledged` more
    /// still in the socket.
    mutating func note(delivered: Int64, unacknowledged: Int, at time: Double) {
        if let last, last.busy, time > last.time, delivered >= last.delivered {
            spans.append((time, time - last.time, delivered - last.delivered))
            seconds += time - last.time
            bytes += delivered - last.delivered
        }
        while let first = spans.first, seconds - first.seconds >= 2 || time - first.end > Self.forgetAfter {
            seconds -= first.seconds
            bytes -= first.bytes
            spans.removeFirst()
        }
        last = (time, delivered, unacknowledged >= Self.busyBytes)
    }

    /// Bytes per second, once the link has been seen busy for a third of a second lately.
    var bytesPerSecond: Double? {
        seconds >= 0.3 && bytes > 0 ? Double(bytes) / seconds : nil
    }

    /// A new connection starts from its own figures.
    mutating func reset() {
        self = LinkRate()
    }
}
