import Foundation

/// What viewers see at each moment of a manifest's show, as overlay scenes: the product card of
/// the live offer (prices in the show's locale, countdown, stock, code, QR link), the banner,
/// and before `show.starts` a "starting soon" slate. Pure apart from decoding each product
/// picture once; shared by `go-live`, `overlay` and the previews.
public final class ShowScenes {
    public let manifest: Manifest
    public let timeline: Timeline
    private let words: OverlayWords
    private let formatter: PriceFormatter?
    private var images: [String: RGBAImage?] = [:]
    /// Pictures are decoded to fit this box (the card's picture slot at 1080p, with room to spare).
    private let imageBox = 480

    public init(manifest: Manifest) {
        self.manifest = manifest
        timeline = Timeline(manifest)
        words = OverlayWords.forLanguage(String(manifest.show.localeIdentifier.prefix { $0 != "-" && $0 != "_" }).lowercased())
        formatter = manifest.priceFormatter
    }

    /// The theme the manifest asks for.
    public func theme() throws -> OverlayTheme {
        try OverlayTheme(fontFamily: manifest.theme.font, accent: manifest.theme.accent, position: manifest.theme.position.rawValue)
    }

    /// The scene at show offset `t` (negative: before `show.starts`, when the slate counts down).
    public func scene(at t: Double) -> OverlayScene {
        if t < 0 {
            let left = Timeline.remaining(until: 0, from: t)
            return OverlayScene(slate: SlateContent(title: manifest.show.title,
                                                    countdown: "\(words.startsIn) \(OverlayWords.clock(left))",
                                                    subtitle: words.startingSoon))
        }
        return scene(for: timeline.state(at: t))
    }

    /// The scene for a screen state.
    public func scene(for state: ScreenState) -> OverlayScene {
        let live = state.offer.map { self.card(for: $0.offer, remaining: $0.remaining) }
        let top = state.banners.last.map { BannerContent(text: $0.banner.text) }
        return OverlayScene(card: live, banner: top)
    }

    /// The card of an offer with `remaining` whole seconds left on its countdown.
    public func card(for offer: Offer, remaining: Int) -> CardContent {
        let discounted = offer.salePrice != offer.listPrice
        let badge: String? = offer.discountPercent.map { "-\(NSDecimalNumber(decimal: $0).stringValue)%" }
            ?? (discounted ? percentOff(offer) : nil)
        return CardContent(
            productName: offer.product.name,
            description: offer.product.description,
            listPrice: price(offer.listPrice),
            salePrice: discounted ? price(offer.salePrice) : nil,
            badge: badge,
            countdown: offer.countdown ? "\(words.endsIn) \(OverlayWords.clock(remaining))" : nil,
            stock: offer.quantity.map { "\($0) \(words.left)" },
            code: offer.code,
            url: offer.product.url,
            image: image(for: offer.product))
    }

    /// Screen changes between two consecutive frames, ends before starts, as timeline changes.
    public func changes(from old: ScreenState?, to new: ScreenState, at t: Double) -> [TimelineChange] {
        var result: [TimelineChange] = []
        if let o = old?.offer, o.index != new.offer?.index {
            result.append(TimelineChange(offset: t, kind: .offerEnd, index: o.index, start: o.offer.start, end: o.offer.end))
        }
        let oldBanners = old?.banners ?? []
        for b in oldBanners where !new.banners.contains(b) {
            result.append(TimelineChange(offset: t, kind: .bannerEnd, index: b.index, start: b.start, end: b.end))
        }
        if let n = new.offer, n.index != old?.offer?.index {
            result.append(TimelineChange(offset: t, kind: .offerStart, index: n.index, start: n.offer.start, end: n.offer.end))
        }
        for b in new.banners where !oldBanners.contains(b) {
            result.append(TimelineChange(offset: t, kind: .bannerStart, index: b.index, start: b.start, end: b.end))
        }
        return result
    }

    private func price(_ money: Money) -> String { formatter?.string(money) ?? money.decimalString }

    private func percentOff(_ offer: Offer) -> String? {
        let list = NSDecimalNumber(decimal: offer.listPrice.amount).doubleValue
        let sale = NSDecimalNumber(decimal: offer.salePrice.amount).doubleValue
        guard list > 0, sale < list else { return nil }
        return "-\(Int(((1 - sale / list) * 100).rounded()))%"
    }

    private func image(for product: Product) -> RGBAImage? {
        if let cached = images[product.id] { return cached }
        let decoded = product.image.flatMap { try? ImageDecoder.decode(path: $0.path, fit: .within(width: imageBox, height: imageBox)) }
        images[product.id] = decoded
        return decoded
    }
}

extension YUVPlanes {
    /// The planes of a yuv420p frame from the video stage.
    init?(_ frame: Frame) {
        guard let y = frame.plane(0), let u = frame.plane(1), let v = frame.plane(2) else { return nil }
        self.init(width: frame.width, height: frame.height, y: y.data, yStride: y.stride, u: u.data, uStride: u.stride,
                  v: v.data, vStride: v.stride)
    }
}
