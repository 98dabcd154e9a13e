import Foundation

/// Draws a manifest's show onto the live stream: on each frame, what the time model puts on
/// screen at that frame's time (a card from the first frame at or after an offer's start, gone
/// from the first frame at or after its end), and an `offer.start`/`offer.end`/`banner.*` event
/// as each change hits the screen. Runs on the encoder thread.
public final class ManifestOverlay: FrameCompositor {
    private let scenes: ShowScenes
    private let drawing: ShowDrawing
    private let events: EventLog
    /// Show offset at stream time 0: negative while the stream runs before `show.starts`.
    private var offsetAtStart: Double = 0
    private var origin = Date()
    private var sequence = 0

    public init(manifest: Manifest, size: FrameSize, events: EventLog) throws {
        scenes = ShowScenes(manifest: manifest)
        drawing = try ShowDrawing(scenes: scenes)
        self.events = events
    }

    public func streamStarted(at date: Date) {
        origin = scenes.manifest.origin(streamStart: date)
        offsetAtStart = date.timeIntervalSince(origin)
    }

    /// Stream seconds at which the show (`show.duration`) is over, if it has a length.
    public func streamEnd(after date: Date) -> Double? {
        guard let length = scenes.manifest.show.duration else { return nil }
        return length - date.timeIntervalSince(scenes.manifest.origin(streamStart: date))
    }

    public func prepare(width: Int, height: Int, time: Double) throws -> Bool {
        let t = time + offsetAtStart
        for change in try drawing.advance(to: t, width: width, height: height, matrix: nil) {
            emit(change, at: t, streamTime: time)
        }
        return drawing.isDrawing
    }

    public func draw(onto frame: Frame) { drawing.draw(into: frame) }

    private func emit(_ change: TimelineChange, at t: Double, streamTime: Double) {
        sequence += 1
        let event = ScheduleEvent(change: change, at: t, timeline: scenes.timeline, origin: origin, sequence: sequence)
        guard case .object(var fields) = event.json(show: scenes.manifest.show, formatter: scenes.manifest.priceFormatter,
                                                     zone: scenes.manifest.zone) else { return }
        fields.append(("stream_time", .seconds(streamTime)))
        events.emit(json: .object(fields))
    }
}
