/// How far a burn has got, reported a few times a second.
public struct BurnProgress: Sendable {
    /// Pictures encoded so far.
    public var frames: Int
    /// Seconds of the input done (from its first picture).
    public var position: Double
    /// The input's length in seconds, when its container says.
    public var duration: Double?
    /// Wall-clock seconds since the burn started.
    public var elapsed: Double

    public init(frames: Int, position: Double, duration: Double?, elapsed: Double) {
        self.frames = frames
        self.position = position
        self.duration = duration
        self.elapsed = elapsed
    }

    /// The part done, 0...1, when the length is known.
    public var fraction: Double? {
        guard let duration, duration > 0 else { return nil }
        return min(1, max(0, position / duration))
    }

    /// Media seconds per wall-clock second (4.0 means four times real time).
    public var speed: Double { elapsed > 0 ? position / elapsed : 0 }

    /// Wall-clock seconds left at the current speed, when the length is known.
    public var remaining: Double? {
        guard let duration, speed > 0 else { return nil }
        return max(0, (duration - position) / speed)
    }
}

/// What a finished burn did.
public struct BurnSummary: Sendable {
    /// The last progress report: frames, position, elapsed time.
    public var progress: BurnProgress
    /// True when `requestStop()` cut the burn short: the file is complete but shorter than the input.
    public var stopped: Bool
    /// How many offers were on screen at some frame.
    public var offersShown: Int
    /// Audio streams remuxed.
    public var audioStreams: Int
    /// Pictures without a usable timestamp (none, or not after the previous one), left out.
    public var skippedFrames: Int
    /// Packets the decoder rejected as damaged, left out.
    public var damagedPackets: Int
}
