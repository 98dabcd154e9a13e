/// Decides, frame by frame, whether viewers see the picture input or the holding slate: never a
/// frozen picture for long. Pure: the encoder thread feeds it each frame's time, the time of the
/// newest picture the input delivered and whether the input has ended for good.
struct InputWatch {
    /// No new picture for this long and the picture counts as stalled: the slate goes up.
    static let stallAfter = 1.0
    /// At the start of a show a source may take this long to deliver its first picture (a
    /// feed is shown a second after it arrives) before the slate goes up.
    static let startGrace = 2.0

    enum Change: Equatable {
        /// The slate goes up now.
        case lost
        /// The picture is back after `after` seconds of slate.
        case back(after: Double)
    }

    /// Show time the slate went up, nil while the picture is on air.
    private(set) var holdingSince: Double?

    var isHolding: Bool { holdingSince != nil }

    /// The state for the frame at `t`: `newest` is the show time of the newest picture
    /// delivered (nil: none yet), `endedAt` when the input ended for good.
    mutating func update(t: Double, newest: Double?, endedAt: Double?) -> Change? {
        let holding: Bool
        if let endedAt, t >= endedAt {
            holding = true
        } else if let newest {
            holding = t - newest > Self.stallAfter
        } else {
            holding = t >= Self.startGrace
        }
        switch (holding, holdingSince) {
        case (true, nil):
            holdingSince = t
            return .lost
        case (false, let since?):
            holdingSince = nil
            return .back(after: t - since)
        default:
            return nil
        }
    }
}
