import Foundation

/// Everything shopcast tells scripts, the control API's stream and webhooks, as typed values.
/// `EventEncoding` turns each into the one JSON dialect every sink writes; `name` is its
/// `"event"` field.
public enum ShowEvent: Sendable {
    // The show, from the director, once whatever the number of pictures drawn.
    case offerStarted(AiredOffer, units: Int?)
    case offerEnded(AiredOffer, reason: OfferEndReason, units: Int?)
    /// A scheduled offer whose slot passed while a producer's offer held the screen.
    case offerSkipped(Timeline.Slot)
    /// The live offer's end moved (extended or shortened).
    case offerChanged(AiredOffer, previousEnd: Double?, units: Int?)
    case stockChanged(product: Product, units: Int, previous: Int?)
    case soldOut(product: Product)
    case bannerStarted(AiredBanner)
    case bannerEnded(AiredBanner)
    /// A viewer's comment, tip or purchase came on screen (the flood control let it through).
    case chatShown(ShownChat)
    case chatHidden(ShownChat, reason: ChatHideReason)
    /// Held for the producer's approval (`--chat-hold`).
    case chatHeld(ShownChat)
    case chatPinned(ShownChat)
    case chatUnpinned(ShownChat)
    /// A command the director applied (`origin` says who sent it: api, journal …).
    case commandApplied(ShowCommand, origin: String)
    case commandRefused(ShowCommand, origin: String, reason: String)
    /// go-live started again on a journal: what the show looks like now.
    case showResumed(commands: Int, offer: String?)

    // The stream, from go-live's stages.
    case streamStarted(StreamDescription)
    case streamEnded(StreamEnding)
    case destinationConnected(destination: String, attempt: Int)
    case destinationLost(destination: String, error: String)
    case destinationRetrying(destination: String, attempt: Int, wait: Double, error: String)
    case destinationFailed(destination: String, error: String)
    /// A destination fell more than its drop threshold behind the live edge (a slow link): it
    /// drops pictures to keep up. `lag` in seconds.
    case destinationDegraded(destination: String, lag: Double)
    /// A degraded destination has kept up again for a few seconds.
    case destinationRecovered(destination: String, lag: Double)
    case inputLost(input: String, error: String)
    case inputRetrying(input: String, attempt: Int, wait: Double)
    case inputConnected(input: String)
    case inputFailed(input: String, error: String)
    /// The picture input delivered no picture for `InputWatch.stallAfter` seconds although it is
    /// not known to be lost (a feed whose publisher stopped, a device that went quiet).
    case inputStalled(input: String)
    /// Pictures flow again from an input that was stalled or lost.
    case inputResumed(input: String, after: Double)
    /// The input ended before the show's end (a file without --loop): the slate holds until then.
    case inputEnded(input: String)
    /// The show cut to the backup input (`to` backup) while the picture input is lost, or back
    /// to it (`to` primary); `input` is the one now on air.
    case inputSwitched(to: String, input: String)
    /// The holding slate went on air: `reason` input-stalled, input-lost or input-ended.
    case slateStarted(reason: String)
    /// The holding slate came off after `seconds` on air.
    case slateEnded(seconds: Double)
    case encoderBehind(behind: Double, skippedFrames: Int64)
    case stats(StreamStats)
    case controlListening(address: String)

    /// The `"event"` field.
    public var name: String {
        switch self {
        case .offerStarted: return "offer.start"
        case .offerEnded: return "offer.end"
        case .offerSkipped: return "offer.skipped"
        case .offerChanged: return "offer.changed"
        case .stockChanged: return "stock.changed"
        case .soldOut: return "product.sold-out"
        case .bannerStarted: return "banner.start"
        case .bannerEnded: return "banner.end"
        case .chatShown: return "chat.shown"
        case .chatHidden: return "chat.hidden"
        case .chatHeld: return "chat.held"
        case .chatPinned: return "chat.pinned"
        case .chatUnpinned: return "chat.unpinned"
        case .commandApplied: return "command.applied"
        case .commandRefused: return "command.refused"
        case .showResumed: return "show.resumed"
        case .streamStarted: return "stream.started"
        case .streamEnded: return "stream.ended"
        case .destinationConnected: return "destination.connected"
        case .destinationLost: return "destination.lost"
        case .destinationRetrying: return "destination.retrying"
        case .destinationFailed: return "destination.failed"
        case .destinationDegraded: return "destination.degraded"
        case .destinationRecovered: return "destination.recovered"
        case .inputLost: return "input.lost"
        case .inputRetrying: return "input.retrying"
        case .inputConnected: return "input.connected"
        case .inputFailed: return "input.failed"
        case .inputStalled: return "input.stalled"
        case .inputResumed: return "input.resumed"
        case .inputEnded: return "input.ended"
        case .inputSwitched: return "input.switched"
        case .slateStarted: return "slate.start"
        case .slateEnded: return "slate.end"
        case .encoderBehind: return "encoder.behind"
        case .stats: return "stats"
        case .controlListening: return "control.listening"
        }
    }

    /// The events a shop hears about through webhooks: what a shopper can act on.
    public var isCommerce: Bool {
        switch self {
        case .offerStarted, .offerEnded, .offerSkipped, .offerChanged, .stockChanged, .soldOut: return true
        default: return false
        }
    }
}

/// Why an offer left the screen.
public enum OfferEndReason: String, Sendable {
    /// Its time was up.
    case time
    /// The producer ended it.
    case ended
    /// Another offer was cued over it.
    case replaced
    /// The show ended while it was on screen.
    case showEnded = "show-ended"
}

/// The facts of `stream.started`.
public struct StreamDescription: Sendable {
    public var size: String
    public var fps: Int
    public var videoBitRate: Int
    public var audioBitRate: Int
    public var keyint: Double
    public var inputs: [String]
    public var destinations: [String]
    /// Each output format (the first is `size`'s) with its own video and the destinations it feeds.
    public var renditions: [Rendition]

    /// One output format of the show.
    public struct Rendition: Sendable {
        public var format: String
        public var size: String
        public var videoBitRate: Int
        public var destinations: [String]

        public init(format: String, size: String, videoBitRate: Int, destinations: [String]) {
            self.format = format
            self.size = size
            self.videoBitRate = videoBitRate
            self.destinations = destinations
        }
    }

    public init(size: String, fps: Int, videoBitRate: Int, audioBitRate: Int, keyint: Double, inputs: [String],
                destinations: [String], renditions: [Rendition] = []) {
        self.size = size
        self.fps = fps
        self.videoBitRate = videoBitRate
        self.audioBitRate = audioBitRate
        self.keyint = keyint
        self.inputs = inputs
        self.destinations = destinations
        self.renditions = renditions
    }
}

/// The facts of `stream.ended`.
public struct StreamEnding: Sendable {
    public var reason: String
    public var elapsed: Double
    public var frames: Int64
    public var skippedFrames: Int64
    public var outcome: String
    public var lost: [String]
    public var error: String?
    /// The exit status go-live is about to return.
    public var exitCode: Int?

    public init(reason: String, elapsed: Double, frames: Int64, skippedFrames: Int64, outcome: String,
                lost: [String] = [], error: String? = nil, exitCode: Int? = nil) {
        self.reason = reason
        self.elapsed = elapsed
        self.frames = frames
        self.skippedFrames = skippedFrames
        self.outcome = outcome
        self.lost = lost
        self.error = error
        self.exitCode = exitCode
    }
}

/// The facts of a `stats` event: the stream's rates and each destination's counters.
public struct StreamStats: Sendable {
    public struct Destination: Sendable {
        public var name: String
        /// The rendition (output format) feeding it.
        public var format: String
        public var state: String
        public var sentPackets: Int
        public var droppedPackets: Int
        public var sentBytes: Int
        public var lag: Double

        public init(name: String, format: String, state: String, sentPackets: Int, droppedPackets: Int, sentBytes: Int, lag: Double) {
            self.name = name
            self.format = format
            self.state = state
            self.sentPackets = sentPackets
            self.droppedPackets = droppedPackets
            self.sentBytes = sentBytes
            self.lag = lag
        }
    }

    public var elapsed: Double
    public var frames: Int64
    public var fps: Double
    public var bitRate: Int
    public var destinations: [Destination]
    /// Each output format's video bits per second over the last second.
    public var renditions: [(format: String, size: String, bitRate: Int)]

    public init(elapsed: Double, frames: Int64, fps: Double, bitRate: Int, destinations: [Destination],
                renditions: [(format: String, size: String, bitRate: Int)] = []) {
        self.elapsed = elapsed
        self.frames = frames
        self.fps = fps
        self.bitRate = bitRate
        self.destinations = destinations
        self.renditions = renditions
    }
}
