/// Where the chat column's entries go, in a region of its own: beside the product card on a
/// landscape picture (the side the card does not use, below the banner), above or below it on
/// a portrait one, never over either. The pinned message at the top, then the newest entries
/// from the bottom up, as many as fit. Entries sit on even pixels, so an entry drawn once can be
/// moved without converting it again (4:2:0 chroma is shared by 2x2 pixels).
struct ChatColumnLayout {
    struct Placed {
        let entry: ChatContent.Entry
        let pinned: Bool
        let painter: ChatEntryPainter
        /// Where the entry's box starts in the frame: even pixels.
        let x: Int
        let y: Int
    }

    let region: Rect
    /// Bottom to top of the drawing order: the pinned message first, then the entries oldest first.
    let placed: [Placed]
    /// What the entries cover, shadows included.
    let bounds: Rect
    /// Laid-out texts in drawing order, for tests.
    var texts: [TextLayout] { placed.map(\.painter.text) }

    /// The space the product card may take, reserved whatever card is up, so that the column
    /// never moves when an offer comes or goes.
    static func cardReserve(_ m: OverlayMetrics) -> Double { m.u(148 + 40 + 46 + 24) }

    static func region(_ content: ChatContent, metrics m: OverlayMetrics) -> Rect {
        let safe = m.safe
        let top = safe.minY + BannerPainter.reservedHeight(m)
        if m.isPortrait {
            let cardAtTop = [.topLeft, .topRight].contains(content.cardPosition)
            return cardAtTop
                ? Rect(x: safe.minX, y: top + cardReserve(m), width: safe.width, height: max(0, safe.maxY - top - cardReserve(m)))
                : Rect(x: safe.minX, y: top, width: safe.width, height: max(0, safe.maxY - cardReserve(m) - top))
        }
        let width = min(m.u(400), safe.width * 0.32)
        let x = content.side == .right ? safe.maxX - width : safe.minX
        // A card centred at the bottom reaches under either side's column: end above it.
        let bottom = content.cardPosition == .bottom ? safe.maxY - cardReserve(m) : safe.maxY
        return Rect(x: x, y: top, width: width, height: max(0, bottom - top))
    }

    /// Lays `content` out; `painter` draws one entry (true: the pinned one) at most as wide as
    /// the region, and is asked only for entries that may still fit.
    init(_ content: ChatContent, metrics: OverlayMetrics,
         painter: (ChatContent.Entry, _ pinned: Bool, _ maxWidth: Double) throws -> ChatEntryPainter) throws {
        let region = Self.region(content, metrics: metrics)
        self.region = region
        let gap = metrics.u(6)
        let alignRight = content.side == .right && !metrics.isPortrait
        func even(_ v: Double) -> Int { Int((v / 2).rounded(.down)) * 2 }
        func x(_ p: ChatEntryPainter) -> Int { alignRight ? even(region.maxX - p.width) : even(region.minX) }
        var top = region.minY, bottom = region.maxY
        var pin: Placed?
        if let entry = content.pinned {
            let p = try painter(entry, true, region.width)
            let y = even(top)
            if Double(y) + p.height <= bottom {
                pin = Placed(entry: entry, pinned: true, painter: p, x: x(p), y: y)
                top = Double(y) + p.height + gap
            }
        }
        var stacked: [Placed] = []
        for entry in content.entries.reversed() {
            let p = try painter(entry, false, region.width)
            let y = even(bottom - p.height)
            guard Double(y) >= top else { break }
            stacked.append(Placed(entry: entry, pinned: false, painter: p, x: x(p), y: y))
            bottom = Double(y) - gap
        }
        placed = (pin.map { [$0] } ?? []) + stacked.reversed()
        bounds = placed.map { $0.painter.bounds.offsetBy(x: Double($0.x), y: Double($0.y)) }
            .reduce(Rect?.none) { r, b in r.map { $0.union(b) } ?? b } ?? Rect(x: region.minX, y: region.maxY, width: 0, height: 0)
    }

    /// An author's colour made readable on the dark entry: too dark a colour is lightened.
    static func legible(_ c: RGBAColor) -> RGBAColor {
        let luma = 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue
        return luma >= 0.45 ? c.withAlpha(1) : c.mixed(with: .white, (0.45 - luma) / 0.55 + 0.15)
    }
}
