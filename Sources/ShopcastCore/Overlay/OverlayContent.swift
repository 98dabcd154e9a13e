/// What a product card shows while an offer runs. Texts arrive ready to print (prices already
/// formatted in the show's currency and locale, the countdown already worded): the card lays them
/// out, it does not compute them.
public struct CardContent: Equatable, Sendable {
    /// The product's name; wraps to two lines, then ends in an ellipsis.
    public var productName: String
    /// One line under the name (ellipsized).
    public var description: String?
    /// The regular price. Shown struck through when `salePrice` is set, else as the price.
    public var listPrice: String
    /// The discounted price, shown large in the accent colour.
    public var salePrice: String?
    /// A short badge such as "-20%".
    public var badge: String?
    /// Worded time left, such as "ends in 02:41".
    public var countdown: String?
    /// Worded quantity, such as "50 left".
    public var stock: String?
    /// A discount code, shown in a pill after `codeLabel`.
    public var code: String?
    /// The word before the code ("CODE", "CODICE"), in the show's language.
    public var codeLabel: String
    /// The product's link: drawn as a QR code with the link in small text beneath.
    public var url: String?
    /// The product's picture, drawn on the card's leading side.
    public var image: RGBAImage?
    /// Set (the words "SOLD OUT" in the show's language) when no units are left: the price is
    /// struck through, the words replace the badge, and the countdown and stock go.
    public var soldOut: String?
    /// The show's language is written right to left (Arabic, Hebrew, Persian, Urdu): the card
    /// is mirrored, picture and link on the other side, the footer read from the right.
    public var rightToLeft = false

    public init(productName: String, description: String? = nil, listPrice: String, salePrice: String? = nil,
                badge: String? = nil, countdown: String? = nil, stock: String? = nil, code: String? = nil,
                codeLabel: String = "CODE", url: String? = nil, image: RGBAImage? = nil, soldOut: String? = nil,
                rightToLeft: Bool = false) {
        self.productName = productName
        self.description = description
        self.listPrice = listPrice
        self.salePrice = salePrice
        self.badge = badge
        self.countdown = countdown
        self.stock = stock
        self.code = code
        self.codeLabel = codeLabel
        self.url = url
        self.image = image
        self.soldOut = soldOut
        self.rightToLeft = rightToLeft
    }
}

/// A one-line announcement across the top of the picture ("Free shipping tonight").
public struct BannerContent: Equatable, Sendable {
    public var text: String

    public init(text: String) { self.text = text }
}

/// The full-frame "starting soon" slate shown before the show's start time.
public struct SlateContent: Equatable, Sendable {
    /// Large heading, such as "Starting soon" or the show's title.
    public var title: String
    /// The worded time to the start, such as "02:41"; drawn very large.
    public var countdown: String
    /// An optional line under the countdown (the show's name, a tagline).
    public var subtitle: String?

    public init(title: String, countdown: String, subtitle: String? = nil) {
        self.title = title
        self.countdown = countdown
        self.subtitle = subtitle
    }
}

/// Everything drawn over the picture at one moment. Equal scenes draw identical pixels, which is
/// how the compositor knows it may skip re-rendering.
public struct OverlayScene: Equatable, Sendable {
    public var slate: SlateContent?
    public var card: CardContent?
    public var banner: BannerContent?
    public var chat: ChatContent?

    public init(slate: SlateContent? = nil, card: CardContent? = nil, banner: BannerContent? = nil, chat: ChatContent? = nil) {
        self.slate = slate
        self.card = card
        self.banner = banner
        self.chat = chat
    }

    /// True when nothing is drawn.
    public var isEmpty: Bool { slate == nil && card == nil && banner == nil && chat == nil }
}
