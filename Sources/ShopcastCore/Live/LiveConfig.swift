import Foundation

/// Everything `go-live` needs, checked by the CLI.
public struct LiveConfig {
    public var inputs: [InputSpec]
    /// Each output format and the destinations it feeds; the first is the show's own format.
    public var renditions: [RenditionSpec]
    public var loop: Bool
    /// The show's format: its frame rate, keyframe interval, encoder speed and sound hold for
    /// every rendition.
    public var format: OutputFormat
    /// How each rendition frames a picture of another shape.
    public var framing = Framing.standard
    /// Stop after this many seconds of stream; nil runs until a signal or the input ends.
    public var duration: Double?
    /// Reconnection attempts per destination after a failure; nil keeps trying.
    public var maxRetries: Int?
    public var caFile: String?
    public var environment: [String: String]
    /// The show: its state for each frame, and the commands that change it, if any.
    public var show: LiveShow?
    /// Makes what draws each frame's show state on one rendition's pictures (the manifest's
    /// product cards), if anything is drawn.
    public var overlay: (() throws -> FrameCompositor)?
    /// The sound under the holding slate, looped (`--hold-audio FILE`); nil: silence.
    public var holdAudio: String?
    /// The picture (and, unless a second input gives the sound, the sound) while the picture
    /// input is lost (`--backup-input SOURCE`); a file loops.
    public var backupInput: InputSpec?

    public init(inputs: [InputSpec], destinations: [Destination], loop: Bool, format: OutputFormat,
                duration: Double?, maxRetries: Int?, caFile: String?, environment: [String: String],
                show: LiveShow? = nil, overlay: (() throws -> FrameCompositor)? = nil) {
        self.inputs = inputs
        renditions = [RenditionSpec(name: nil, format: format, destinations: destinations)]
        self.loop = loop
        self.format = format
        self.duration = duration
        self.maxRetries = maxRetries
        self.caFile = caFile
        self.environment = environment
        self.show = show
        self.overlay = overlay
    }

    /// Every destination, rendition by rendition.
    public var destinations: [Destination] { renditions.flatMap(\.destinations) }
}

/// One output format of the show and the destinations it feeds.
public struct RenditionSpec: Sendable {
    /// The preset name the destinations gave (`-t vertical:…`); nil for the show's own format.
    public var name: String?
    public var format: OutputFormat
    public var destinations: [Destination]

    public init(name: String?, format: OutputFormat, destinations: [Destination]) {
        self.name = name
        self.format = format
        self.destinations = destinations
    }

    /// How the status line, events and the control API name it: the preset, or the size.
    public var label: String { name ?? format.size.description }
}

/// How a show ended, which the CLI turns into an exit status.
public enum LiveOutcome: Equatable, Sendable {
    /// Ran its length (or was stopped by a signal) with every destination up at the end.
    case completed
    /// No destination was ever reached.
    case noDestinationReached
    /// The show ran but a destination gave up after its retries or was never reached.
    case destinationLost([String])
    /// A recording could not be written (a full disk ...).
    case recordingFailed(String)
}

/// The end of a show: its outcome, and the facts for the `stream.ended` event, which the CLI
/// publishes once it has decided the exit status.
public struct LiveSummary {
    public let outcome: LiveOutcome
    public let ending: StreamEnding
}

/// Why the encoder stopped.
public enum EndReason: String, Sendable {
    case duration, signal, inputEnded = "input-ended", destinationsFailed = "destinations-failed", error
}

/// A picture of the running show for the status line.
public struct LiveStatus: Sendable {
    public var elapsed: Double
    public var frames: Int64
    public var fps: Double
    /// Encoded bits per second over the last second.
    public var bitRate: Double
    /// Each destination, the rendition (output format) feeding it, and its figures.
    public var destinations: [(display: String, format: String, stats: WriterStats)]
    /// Each rendition's label, size and encoded video bits per second over the last second.
    public var renditions: [(format: String, size: String, bitRate: Double)] = []
    /// Each input and how it is doing: live, stalled, lost, retrying, ended, failed.
    public var inputs: [(name: String, health: String)] = []
    public var skippedFrames: Int64 = 0
    /// Why the holding slate is on air (input-stalled, input-lost, input-ended), nil when not.
    public var slate: String?
    /// The backup input is on air in place of the lost picture input.
    public var onBackup = false
}
