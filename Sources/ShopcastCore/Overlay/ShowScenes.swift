import Foundation

/// What viewers see of a show's state, as overlay scenes: the product card of the live offer
/// (prices in the show's locale, countdown, live stock or SOLD OUT, code, QR link), the banner,
/// and before `show.starts` a "starting soon" slate. Pure: product pictures were decoded with
/// the manifest. Shared by `go-live`, `overlay` and the previews.
public final class ShowScenes {
    public let manifest: Manifest
    public let timeline: Timeline
    private let words: OverlayWords
    private let formatter: PriceFormatter?
    private let badgeFormat: Decimal.FormatStyle.Percent
    private let rightToLeft: Bool
    /// Tips' currencies may differ from the show's: one formatter each, made on first use.
    private var tipFormatters: [String: PriceFormatter] = [:]

    public init(manifest: Manifest) {
        self.manifest = manifest
        timeline = Timeline(manifest)
        words = OverlayWords.forLanguage(String(manifest.show.localeIdentifier.prefix { $0 != "-" && $0 != "_" }).lowercased())
        formatter = manifest.priceFormatter
        badgeFormat = Decimal.FormatStyle.Percent(locale: manifest.show.locale).precision(.fractionLength(0...2))
        rightToLeft = Locale.Language(identifier: manifest.show.localeIdentifier).characterDirection == .rightToLeft
    }

    /// The theme the manifest asks for.
    public func theme() throws -> OverlayTheme {
        try OverlayTheme(fontFamily: manifest.theme.font, accent: manifest.theme.accent, position: manifest.theme.position.rawValue)
    }

    /// The scene for a state of the show: before `show.starts` (a negative offset) the "starting
    /// soon" slate with its countdown; then the live offer's card (with its countdown, the
    /// product's live stock, SOLD OUT at 0) and the newest banner.
    public func scene(for state: ShowState) -> OverlayScene {
        if state.offset < 0 {
            let left = Timeline.remaining(until: 0, from: state.offset)
            return OverlayScene(slate: SlateContent(title: manifest.show.title,
                                                    countdown: "\(words.startsIn) \(ClockText.string(left))",
                                                    subtitle: words.startingSoon))
        }
        let live = state.offer.map { self.card(for: $0, units: state.units(of: $0.product.id), remaining: state.remaining) }
        let top = state.banners.last.map { BannerContent(text: $0.text) }
        return OverlayScene(card: live, banner: top, chat: chat(state.chat, pinned: state.chatPinned))
    }

    /// The chat column for the entries on screen; nil when there are none.
    public func chat(_ shown: [ShownChat], pinned: ShownChat? = nil) -> ChatContent? {
        guard !shown.isEmpty || pinned != nil else { return nil }
        let position = manifest.theme.position
        let side = manifest.chat.position ?? ([.topRight, .bottomRight].contains(position) ? .left : .right)
        func entry(_ entry: ShownChat) -> ChatContent.Entry {
            let m = entry.message
            var amount: String?
            if let value = m.amount, let code = m.currency, let currency = Currency(code: code) {
                amount = Money(value, currency).text(in: tipFormatter(currency))
            } else if let bits = m.bits {
                amount = "\(bits) bits"
            }
            return ChatContent.Entry(id: m.id, author: m.author, color: m.color, text: m.text, kind: m.kind, amount: amount,
                                     count: entry.count, badge: m.badges.first)
        }
        return ChatContent(entries: shown.map(entry), pinned: pinned.map(entry), side: side, size: manifest.chat.size, bought: words.bought,
                           cardPosition: OverlayTheme.Position(rawValue: position.rawValue) ?? .bottomLeft)
    }

    private func tipFormatter(_ currency: Currency) -> PriceFormatter {
        if let known = tipFormatters[currency.code] { return known }
        let made = PriceFormatter(locale: manifest.show.locale, currency: currency)
        tipFormatters[currency.code] = made
        return made
    }

    /// The holding slate, `seconds` into a break: "We'll be right back" in the show's language,
    /// the break's clock, the show's title.
    public func holdingSlate(seconds: Int) -> SlateContent {
        SlateContent(title: words.rightBack, countdown: ClockText.string(seconds),
                     subtitle: manifest.show.title.isEmpty ? nil : manifest.show.title)
    }

    /// The card of an airing offer with `units` of stock left (nil: not counted) and
    /// `remaining` whole seconds on its countdown.
    public func card(for offer: AiredOffer, units: Int?, remaining: Int?) -> CardContent {
        let badge: String? = offer.discountPercent.map(percent) ?? (offer.discounted ? percentOff(offer) : nil)
        let soldOut = units == 0
        return CardContent(
            productName: offer.product.name,
            description: offer.product.description,
            listPrice: price(offer.listPrice),
            salePrice: offer.discounted ? price(offer.salePrice) : nil,
            badge: badge,
            countdown: offer.countdown && !soldOut ? remaining.map { "\(words.endsIn) \(ClockText.string($0))" } : nil,
            stock: soldOut ? nil : units.map { "\($0) \(words.left)" },
            code: offer.code,
            codeLabel: words.code,
            url: offer.product.url,
            image: image(for: offer.product),
            soldOut: soldOut ? words.soldOut : nil,
            rightToLeft: rightToLeft)
    }

    /// The card of a manifest offer as it first airs (previews, tests).
    public func card(for offer: Offer, remaining: Int?) -> CardContent {
        let aired = AiredOffer(offer: offer, salePrice: offer.salePrice, discountPercent: offer.discountPercent, code: offer.code,
                               start: 0, end: remaining.map(Double.init), cued: false, held: false, late: false)
        return card(for: aired, units: offer.quantity, remaining: remaining)
    }

    private func price(_ money: Money) -> String { money.text(in: formatter) }

    /// The badge for `percent` off (12.5 for 12.5%), written as the show's locale writes a
    /// percentage: "-12,5 %" in French, "-12.5%" in English.
    private func percent(_ percent: Decimal) -> String {
        badgeFormat.format(-percent / 100)
    }

    private func percentOff(_ offer: AiredOffer) -> String? {
        let list = offer.listPrice.amount, sale = offer.salePrice.amount
        guard list > 0, sale < list else { return nil }
        var exact = (1 - sale / list) * 100, whole = Decimal()
        NSDecimalRound(&whole, &exact, 0, .plain)
        return percent(whole)
    }

    private func image(for product: Product) -> RGBAImage? { product.picture }
}
