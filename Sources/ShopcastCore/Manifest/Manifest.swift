import Foundation

/// A checked show manifest: everything `schedule`, `go-live` and `overlay` read from the YAML.
/// Only `ManifestLoader` builds one, and only when the file had no errors.
public struct Manifest: Sendable {
    /// The path as the user gave it (used in messages).
    public let path: String
    /// The folder images are resolved against.
    public let folder: URL
    public let show: Show
    public let theme: Theme
    /// Products by id.
    public let products: [String: Product]
    /// Product ids in the order the file lists them.
    public let productOrder: [String]
    /// Every offer: the scheduled ones by start (never two on screen at once), then those on cue
    /// in file order.
    public let offers: [Offer]
    /// Banners in file order; several may be on screen at once.
    public let banners: [Banner]
    /// The optional `chat:` section: how viewers' comments are shown.
    public var chat = ChatSection()

    public init(path: String, folder: URL, show: Show, theme: Theme, products: [String: Product],
                productOrder: [String], offers: [Offer], banners: [Banner]) {
        self.path = path
        self.folder = folder
        self.show = show
        self.theme = theme
        self.products = products
        self.productOrder = productOrder
        self.offers = offers
        self.banners = banners
    }

    /// A show with nothing scheduled and nothing to sell: go-live's show when it is steered
    /// (banners) without a manifest.
    public static func empty(folder: URL) -> Manifest {
        Manifest(path: "(no manifest)", folder: folder,
                 show: Show(title: "", starts: nil, duration: nil, localeIdentifier: "en-US", currency: nil, preset: nil),
                 theme: Theme(), products: [:], productOrder: [], offers: [], banners: [])
    }

    /// The offer with this id.
    public func offer(id: String) -> Offer? { offers.first { $0.id == id } }

    /// Formats prices in the show's locale and currency; nil when the show sells nothing.
    public var priceFormatter: PriceFormatter? {
        show.currency.map { PriceFormatter(locale: show.locale, currency: $0) }
    }
}

/// The `show:` section.
public struct Show: Sendable {
    public let title: String
    /// Wall-clock start: offsets count from here when set, else from the stream's first frame.
    /// Its zone is `zone` when the manifest names one, else the offset it was written with.
    public let starts: WallClock?
    /// `show.zone`: the IANA zone (`Europe/Rome`) the show's times are written and printed in,
    /// daylight saving included.
    public let zone: TimeZone?
    /// Planned length in seconds.
    public let duration: Double?
    /// The locale as written (`it-IT`) and as Foundation uses it.
    public let localeIdentifier: String
    public let locale: Locale
    public let currency: Currency?
    /// go-live output preset (`720p30`, `vertical` …), nil for go-live's default.
    public let preset: String?

    public init(title: String, starts: WallClock?, zone: TimeZone? = nil, duration: Double?, localeIdentifier: String,
                currency: Currency?, preset: String?) {
        self.title = title
        self.starts = starts
        self.zone = zone
        self.duration = duration
        self.localeIdentifier = localeIdentifier
        self.locale = Locale(identifier: localeIdentifier.replacingOccurrences(of: "-", with: "_"))
        self.currency = currency
        self.preset = preset
    }
}

/// The optional `chat:` section: where the chat column sits, how much it shows, for how long,
/// and what it never shows.
public struct ChatSection: Sendable {
    /// Which side of the picture; nil: the side the product card does not use.
    public var position: ChatPosition?
    public var settings = ChatSettings()
    /// Text size as a factor of the standard (0.5 to 2).
    public var size = 1.0
    /// Words (whole, any case) and `/patterns/` never shown.
    public var blocklist: [String] = []
    /// A blocked message is dropped whole rather than masked.
    public var dropBlocked = false

    public init() {}

    /// The filter these rules make (the patterns were checked when the manifest was read).
    public func filter() -> ChatFilter {
        (try? ChatFilter(blocklist: blocklist, dropBlocked: dropBlocked)) ?? (try! ChatFilter())
    }
}

public enum ChatPosition: String, Sendable, CaseIterable {
    case left, right
}

/// The optional `theme:` section: how product cards look.
public struct Theme: Sendable, Equatable {
    /// Where the product card sits on the frame.
    public enum Position: String, CaseIterable, Sendable {
        case topLeft = "top-left", topRight = "top-right", bottomLeft = "bottom-left"
        case bottomRight = "bottom-right", bottom
    }

    public let font: String?
    /// `#RRGGBB` (or `#RGB`, `#RRGGBBAA`) as written.
    public let accent: String?
    public let position: Position

    public init(font: String? = nil, accent: String? = nil, position: Position = .bottomLeft) {
        self.font = font
        self.accent = accent
        self.position = position
    }
}

/// One entry of `products:`.
public struct Product: Sendable {
    public let id: String
    public let name: String
    public let price: Money
    /// The checked image file inside the manifest's folder, and what its header says.
    public let image: URL?
    public let imageInfo: ImageInfo?
    /// The picture, decoded when the manifest was read (never on the video thread at the
    /// offer's start) and shrunk to fit `pictureBox`.
    public let picture: RGBAImage?
    /// Pictures are decoded to fit this square: the card's picture slot at 1080p, with room to spare.
    public static let pictureBox = 480
    /// http(s) link shown as a QR code.
    public let url: String?
    public let description: String?

    public init(id: String, name: String, price: Money, image: URL?, imageInfo: ImageInfo?, picture: RGBAImage? = nil,
                url: String?, description: String?) {
        self.id = id
        self.name = name
        self.price = price
        self.image = image
        self.imageInfo = imageInfo
        self.picture = picture
        self.url = url
        self.description = description
    }
}

/// One entry of `offers:`: a product card, on screen over [at, at+length) when scheduled, or
/// whenever the producer cues it when it has no `at:` (on cue).
public struct Offer: Sendable {
    /// Stable id (`OfferIDs`): what events, the control API and webhooks call it.
    public let id: String
    public let product: Product
    /// Seconds from the show's origin; nil for an offer on cue.
    public let at: Double?
    /// How long it stays on screen; nil only for an offer on cue without `for:` (until ended).
    public let length: Double?
    public let listPrice: Money
    /// The price during the offer: the discounted list price, the given sale price, or the list price.
    public let salePrice: Money
    /// Percent off as given, or computed from a sale price; nil when the offer sells at list price.
    public let discountPercent: Decimal?
    public let code: String?
    /// The product's starting stock (`quantity:`); stock is live state from the show's start.
    public let quantity: Int?
    public let countdown: Bool
    /// Where the offer is written, for messages; 0 for a card made on the spot.
    public let line: Int

    public init(id: String, product: Product, at: Double?, length: Double?, listPrice: Money, salePrice: Money,
                discountPercent: Decimal?, code: String?, quantity: Int?, countdown: Bool, line: Int) {
        self.id = id
        self.product = product
        self.at = at
        self.length = length
        self.listPrice = listPrice
        self.salePrice = salePrice
        self.discountPercent = discountPercent
        self.code = code
        self.quantity = quantity
        self.countdown = countdown
        self.line = line
    }

    /// Shown only when cued.
    public var isOnCue: Bool { at == nil }

    /// A card for a product that has no offer of its own: its list price, no code, no end.
    public static func plain(_ product: Product) -> Offer {
        Offer(id: product.id, product: product, at: nil, length: nil, listPrice: product.price, salePrice: product.price,
              discountPercent: nil, code: nil, quantity: nil, countdown: true, line: 0)
    }
}

/// One entry of `banners:`: a line of text on screen over [start, start+length), repeated
/// `every` seconds when set.
public struct Banner: Sendable {
    /// Its `id:`, or `banner-N` (N counting from 1 in file order).
    public let id: String
    public let text: String
    public let start: Double
    public let length: Double
    public let every: Double?
    public let line: Int

    public init(id: String, text: String, start: Double, length: Double, every: Double?, line: Int) {
        self.id = id
        self.text = text
        self.start = start
        self.length = length
        self.every = every
        self.line = line
    }
}

extension Manifest {
    /// The wall-clock moment of offset 0: `show.starts` when set, otherwise the stream's
    /// first frame (`streamStart`).
    public func origin(streamStart: Date) -> Date { show.starts?.date ?? streamStart }

    /// The zone the show's times are written in: `show.zone`, else `show.starts`' offset.
    public var writtenZone: TimeZone? { show.zone ?? show.starts?.zone }

    /// The zone to print the show's times in: `writtenZone`, else the machine's.
    public var zone: TimeZone { writtenZone ?? TimeZone.current }
}
