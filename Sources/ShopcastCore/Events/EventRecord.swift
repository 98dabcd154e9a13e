import Foundation

/// One event as it happened: the typed event, when (wall clock), where in the stream and the
/// show, and its place in the run's order. Made by `EventBus.publish`.
public struct EventRecord: Sendable {
    /// 1, 2, 3 … in publication order within one run, so receivers can order deliveries.
    public let sequence: Int
    /// The wall-clock moment it was published.
    public let time: Date
    /// Seconds of stream (go-live) when it happened; nil where there is no stream (`schedule run`).
    public let streamTime: Double?
    /// Show offset of a show event (seconds from the show's origin); nil for stream events.
    public let offset: Double?
    public let event: ShowEvent

    public init(sequence: Int, time: Date, streamTime: Double?, offset: Double?, event: ShowEvent) {
        self.sequence = sequence
        self.time = time
        self.streamTime = streamTime
        self.offset = offset
        self.event = event
    }
}
