/// What a destination is doing, for the status line and events.
public enum WriterState: Equatable, Sendable {
    case connecting
    case live
    /// Connected but behind the live edge (a slow link): pictures are being dropped to keep up.
    case degraded
    case retrying(retry: Int, wait: Double)
    /// Gave up (retries exhausted, or a recording that cannot be written).
    case failed(String)
    /// Finished cleanly at the end of the show.
    case finished
    /// Stopped at the end of the show while not connected.
    case stopped

    public var label: String {
        switch self {
        case .connecting: return "connecting"
        case .live: return "live"
        case .degraded: return "degraded"
        case .retrying: return "retrying"
        case .failed: return "failed"
        case .finished: return "finished"
        case .stopped: return "stopped"
        }
    }
}

/// Counters of one destination, read by the status line.
public struct WriterStats: Sendable {
    public var state: WriterState = .connecting
    public var sentPackets = 0
    public var droppedPackets = 0
    public var sentBytes = 0
    public var everConnected = false
    /// Lost at least once (and maybe back since).
    public var lostCount = 0
    /// Seconds of stream not yet delivered — queued, or for a TCP destination still in the
    /// socket's send buffer: how far behind the live edge it is.
    public var lag = 0.0
    /// Why the last attempt failed (masked), while it is retrying.
    public var reason: String?
}
