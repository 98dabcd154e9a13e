/// Which packet a network destination's server has got to. Each packet written is noted with
/// the output's byte count at its end; given how many bytes the server has acknowledged, the
/// oldest packet not wholly delivered is the one whose end lies beyond them.
struct SendLedger {
    private var ends: [(offset: Int64, seconds: Double)] = []
    private var head = 0

    /// A packet of stream time `seconds` was written; the output had taken `offset` bytes after it.
    mutating func wrote(endingAt offset: Int64, seconds: Double) {
        ends.append((offset, seconds))
    }

    /// Forgets what `delivered` bytes cover; the stream time of the oldest packet still on its
    /// way, nil when all arrived.
    mutating func undelivered(after delivered: Int64) -> Double? {
        while head < ends.count, ends[head].offset <= delivered { head += 1 }
        if head > 512, head * 2 > ends.count {
            ends.removeFirst(head)
            head = 0
        }
        return head < ends.count ? ends[head].seconds : nil
    }

    mutating func reset() {
        ends.removeAll(keepingCapacity: true)
        head = 0
    }
}
