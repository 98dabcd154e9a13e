import Foundation

/// An offer as it airs: the manifest's offer (or a plain card for a product without one) with
/// the terms it airs on and the interval it holds the screen.
public struct AiredOffer: Sendable, Equatable {
    public let offer: Offer
    public let salePrice: Money
    public let discountPercent: Decimal?
    public let code: String?
    /// Show offset at which it went on screen.
    public let start: Double
    /// Show offset at which it goes off; nil: until ended or replaced.
    public internal(set) var end: Double?
    /// Put on screen by a command rather than the schedule.
    public let cued: Bool
    /// Placed or moved by the producer: scheduled offers coming due wait for it to end.
    public internal(set) var held: Bool
    /// A scheduled offer that started after its time (it waited for a held offer, or the run
    /// began while it was due).
    public let late: Bool

    public var id: String { offer.id }
    public var product: Product { offer.product }
    public var listPrice: Money { offer.listPrice }
    /// Shows a countdown: the manifest asks for one and the offer has an end.
    public var countdown: Bool { offer.countdown && end != nil }
    /// Sells below the list price.
    public var discounted: Bool { salePrice != listPrice }

    public static func == (a: AiredOffer, b: AiredOffer) -> Bool {
        a.id == b.id && a.start == b.start && a.end == b.end && a.salePrice == b.salePrice
            && a.discountPercent == b.discountPercent && a.code == b.code && a.cued == b.cued
    }
}

/// A banner on screen: one occurrence of a manifest banner, or one put up by a command.
public struct AiredBanner: Sendable, Equatable {
    /// The manifest banner's id, or `cue-N` for one put up by a command.
    public let id: String
    public let text: String
    public let start: Double
    /// nil: until cleared.
    public let end: Double?
}

/// What is on screen, and the show's live facts, at one moment: an immutable, versioned
/// snapshot the `ShowDirector` makes after every change. Renderers read one per frame; the
/// control API reads the latest.
public struct ShowState: Sendable {
    /// Goes up with every change (never with mere time passing).
    public let version: Int
    /// Show offset this snapshot describes (negative: before `show.starts`).
    public let offset: Double
    /// The card on screen.
    public let offer: AiredOffer?
    /// Units left by product id, for products whose stock is counted.
    public let stock: [String: Int]
    /// Banners on screen, oldest first (the newest is drawn).
    public let banners: [AiredBanner]
    /// The scheduled offer that comes next: the one waiting for a held offer, or the first not
    /// yet shown.
    public let next: Timeline.Slot?
    /// The show has ended: nothing is on screen and commands are refused.
    public let over: Bool
    /// The producer put the holding slate up (a break): it covers the picture until taken down.
    public var slate = false
    /// The chat column, oldest first, and the pinned entry above it.
    public var chat: [ShownChat] = []
    public var chatPinned: ShownChat?
    /// Messages waiting for the producer's approval (`--chat-hold`), oldest first.
    public var chatHeld: [ChatMessage] = []
    /// Messages the flood rule kept off the screen since the start.
    public var chatNotShown = 0
    /// Where the producer moved a vertical rendition's crop (0 left, 1 right); nil: where
    /// go-live's --crop-vertical put it.
    public var cropPosition: Double?

    /// Units left of a product, nil when its stock is not counted.
    public func units(of product: String) -> Int? { stock[product] }

    /// The live offer's product has no units left.
    public var soldOut: Bool { offer.map { stock[$0.product.id] == 0 } ?? false }

    /// Whole seconds left on the live offer's countdown at `offset` (rounded up), nil without one.
    public var remaining: Int? {
        guard let offer, let end = offer.end else { return nil }
        return Timeline.remaining(until: end, from: offset)
    }

    /// The same facts at a later offset (time passing changes no version).
    public func at(_ t: Double) -> ShowState {
        var state = ShowState(version: version, offset: t, offer: offer, stock: stock, banners: banners, next: next, over: over)
        state.slate = slate
        state.chat = chat
        state.chatPinned = chatPinned
        state.chatHeld = chatHeld
        state.chatNotShown = chatNotShown
        state.cropPosition = cropPosition
        return state
    }
}
