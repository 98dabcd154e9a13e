import Foundation

/// Draws a manifest's show onto the live stream: on each frame, what the time model puts on
/// screen at that frame's time (a card from the first frame at or after an offer's start, gone
/// from the first frame at or after its end), and an `offer.start`/`offer.end`/`banner.*` event
/// as each change hits the screen. Runs on the encoder thread.
public final class ManifestOverlay: FrameCompositor {
    private let scenes: ShowScenes
    private let compositor: OverlayCompositor
    private let events: EventLog
    /// Show offset at stream time 0: negative while the stream runs before `show.starts`.
    private var offsetAtStart: Double = 0
    private var origin = Date()
    private var lastState: ScreenState?
    private var lastWasSlate = false
    private var sequence = 0

    public init(manifest: Manifest, size: FrameSize, events: EventLog) throws {
        scenes = ShowScenes(manifest: manifest)
        compositor = try OverlayCompositor(frameWidth: size.width, frameHeight: size.height, theme: try scenes.theme())
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

    public func compose(onto frame: Frame, time: Double) throws {
        let t = time + offsetAtStart
        if t < 0 {
            // Before the show: the slate, redrawn once a second as its countdown ticks.
            try compositor.update(scenes.scene(at: t))
            lastWasSlate = true
        } else {
            let state = scenes.timeline.state(at: t)
            if state != lastState || lastWasSlate {
                for change in scenes.changes(from: lastState, to: state, at: t) { emit(change, at: t, streamTime: time) }
                try compositor.update(scenes.scene(for: state))
                lastState = state
                lastWasSlate = false
            }
        }
        guard !compositor.scene.isEmpty else { return }
        try frame.makeWritable()
        guard let planes = YUVPlanes(frame) else { return }
        compositor.blend(into: planes)
    }

    private func emit(_ change: TimelineChange, at t: Double, streamTime: Double) {
        sequence += 1
        let event = ScheduleEvent(change: change, at: t, timeline: scenes.timeline, origin: origin, sequence: sequence)
        guard case .object(var fields) = event.json(show: scenes.manifest.show, formatter: scenes.manifest.priceFormatter,
                                                     zone: scenes.manifest.zone) else { return }
        fields.append(("stream_time", .seconds(streamTime)))
        events.emit(json: .object(fields))
    }
}
