import Foundation

/// One change a producer (or the shop) asks of a running show. Commands reach the
/// `ShowDirector` in order, from the control API, `shopcast cue`, a journal being replayed;
/// the manifest's schedule is the other source of change, and needs no commands.
public enum ShowCommand: Sendable, Equatable {
    /// Put an offer on screen now: by offer id, or by product id (that product's next offer not
    /// yet shown, else its last one, else a plain card at its list price).
    case cue(String, OfferOverrides)
    /// Start the next scheduled offer now, with its own length.
    case next(OfferOverrides)
    /// Take the live offer off the screen now.
    case end
    /// Move the live offer's end by this many seconds (negative: shorten it).
    case extend(Double)
    /// Set a product's stock.
    case setStock(product: String, units: Int)
    /// Add to (or, negative, take from) a product's stock: "sold 3" is -3.
    case adjustStock(product: String, by: Int)
    /// A banner now, for `length` seconds (nil: until banners are cleared).
    case banner(text: String, length: Double?)
    /// Take every banner off the screen now (repeating ones come back at their next time).
    case clearBanners
    /// Put the holding slate up (a break: true) or take it down (false).
    case slate(Bool)
    /// Move the crop of a 9:16 rendition cut from a landscape picture: 0 its left edge, 1 its
    /// right edge (following the host); nil: back to go-live's --crop-vertical.
    case crop(Double?)

    /// The command's name in events, the journal and the API: `offer.cue`, `stock.set` …
    public var name: String {
        switch self {
        case .cue: return "offer.cue"
        case .next: return "offer.next"
        case .end: return "offer.end"
        case .extend(let seconds): return seconds >= 0 ? "offer.extend" : "offer.shorten"
        case .setStock: return "stock.set"
        case .adjustStock: return "stock.adjust"
        case .banner: return "banner.show"
        case .clearBanners: return "banner.clear"
        case .slate(let on): return on ? "slate.on" : "slate.off"
        case .crop(let position): return position == nil ? "crop.reset" : "crop.move"
        }
    }
}

/// What a cue may change of an offer for this one airing.
public struct OfferOverrides: Sendable, Equatable {
    /// How long it stays on screen, in seconds.
    public var length: Double?
    /// Percent off the list price (1 to 99).
    public var discount: Decimal?
    /// A sale price (in the product's currency), below the list price.
    public var price: Decimal?
    public var code: String?
    /// Sets the product's stock.
    public var quantity: Int?

    public init(length: Double? = nil, discount: Decimal? = nil, price: Decimal? = nil, code: String? = nil,
                quantity: Int? = nil) {
        self.length = length
        self.discount = discount
        self.price = price
        self.code = code
        self.quantity = quantity
    }

    public static let none = OfferOverrides()
}

/// Why the director turned a command down; it changed nothing.
public struct CommandRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// An id the show does not know; `known` lists the ids it does (HTTP 404).
        case unknown(known: [String])
        /// The show is not in a state where this makes sense: nothing live, the show over (HTTP 409).
        case conflict
        /// A value that cannot be used, naming the field (HTTP 400).
        case invalid(field: String)
        /// The show is not running yet (its inputs are still opening); try again (HTTP 503).
        case unavailable
    }

    public let reason: Reason
    public let message: String

    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { message }
}
