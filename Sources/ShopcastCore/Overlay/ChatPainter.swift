import Foundation

/// What the chat column shows: its entries, newest last, already worded (a tip's amount in the
/// show's locale), and which side of the picture it takes.
public struct ChatContent: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var id: String
        public var author: String
        public var color: RGBAColor?
        public var text: String
        public var kind: ChatMessage.Kind
        /// "€5,00", "500 bits": set on tips and cheers.
        public var amount: String?
        /// The same words this many times.
        public var count: Int

        public init(id: String, author: String, color: RGBAColor? = nil, text: String, kind: ChatMessage.Kind = .comment,
                    amount: String? = nil, count: Int = 1) {
            self.id = id
            self.author = author
            self.color = color
            self.text = text
            self.kind = kind
            self.amount = amount
            self.count = count
        }
    }

    public var entries: [Entry]
    /// Pinned above the column until unpinned.
    public var pinned: Entry?
    public var side: ChatPosition
    /// Text size factor (manifest `chat.size`).
    public var size: Double
    /// How a purchase reads after the buyer's name ("bought", "ha comprato").
    public var bought: String
    /// Where the product card sits: the column keeps clear of it.
    public var cardPosition: OverlayTheme.Position

    public init(entries: [Entry], pinned: Entry? = nil, side: ChatPosition, size: Double = 1, bought: String = "bought",
                cardPosition: OverlayTheme.Position = .bottomLeft) {
        self.entries = entries
        self.pinned = pinned
        self.side = side
        self.size = size
        self.bought = bought
        self.cardPosition = cardPosition
    }
}

/// Lays out and paints the chat column in a region of its own: beside the product card on a
/// landscape picture (the side the card does not use, below the banner), above or below it on
/// a portrait one, never over either. Each entry is its author (bold, in their colour) and text
/// on at most two lines, ellipsized; tips and cheers on the accent colour with their amount,
/// purchases in green ("Giulia bought the silk scarf"); newest at the bottom.
struct ChatPainter {
    let region: Rect
    let bounds: Rect
    private let placed: [(box: Rect, text: TextLayout, fill: RGBAColor, ink: RGBAColor)]
    private var pinnedBox: (box: Rect, text: TextLayout)?
    private let palette: OverlayPalette
    private let metrics: OverlayMetrics
    /// Laid-out texts, oldest first (the pinned one first of all), for tests.
    var texts: [TextLayout] { (pinnedBox.map { [$0.text] } ?? []) + placed.map(\.text) }

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

    init(_ content: ChatContent, theme: OverlayTheme, metrics: OverlayMetrics, context: TextContext) throws {
        let u = metrics.u
        let palette = OverlayPalette(theme: theme)
        region = Self.region(content, metrics: metrics)
        self.metrics = metrics
        let pad = u(8) * content.size, gap = u(6)
        let textWidth = max(u(40), region.width - 2 * pad)
        var boxes: [(Rect, TextLayout, RGBAColor, RGBAColor)] = []
        var bottom = region.maxY
        var top = region.minY
        // The pinned message first, at the top of the region, in the accent's outline colours.
        if let pin = content.pinned {
            let style = TextStyle(family: theme.fontFamily, weight: 600, size: u(18) * content.size,
                                  lead: (("📌 " + pin.author).utf8.count, palette.accentText))
            let text = try TextLayout("📌 " + pin.author + "  " + pin.text, style: style, context: context, width: textWidth, maxLines: 2)
            let height = text.size.height + 2 * pad
            if top + height <= bottom {
                let width = min(region.width, text.size.width + 2 * pad)
                let x = content.side == .right && !metrics.isPortrait ? region.maxX - width : region.minX
                pinnedBox = (Rect(x: x, y: top, width: width, height: height), text)
                top += height + gap
            }
        }
        for entry in content.entries.reversed() {
            var lead = entry.author
            var body: String
            switch entry.kind {
            case .purchase:
                lead = "🛍️ " + entry.author
                body = " " + content.bought + (entry.text.isEmpty ? "" : " " + entry.text)
            default:
                body = (entry.amount.map { " · " + $0 } ?? "") + (entry.text.isEmpty ? "" : "  " + entry.text)
            }
            if entry.count > 1 { body += "  ×\(entry.count)" }
            let isTip = entry.amount != nil || entry.kind == .tip
            let fill: RGBAColor = entry.kind == .purchase ? RGBAColor(red: 0.09, green: 0.45, blue: 0.27, alpha: 0.92)
                : isTip ? palette.accent.withAlpha(0.92) : palette.cardTop.withAlpha(0.78)
            let ink = entry.kind == .purchase ? RGBAColor.white : isTip ? palette.onAccent : palette.primaryText
            let nameColor = (entry.kind == .comment && !isTip) ? (entry.color.map { Self.legible($0) } ?? palette.accentText) : nil
            let style = TextStyle(family: theme.fontFamily, weight: 500, size: u(17) * content.size,
                                  lead: (lead.utf8.count, nameColor))
            let text = try TextLayout(lead + body, style: style, context: context, width: textWidth, maxLines: 2)
            let height = text.size.height + 2 * pad
            guard bottom - height >= top else { break }
            let width = min(region.width, text.size.width + 2 * pad)
            let x = content.side == .right && !metrics.isPortrait ? region.maxX - width : region.minX
            boxes.append((Rect(x: x, y: bottom - height, width: width, height: height), text, fill, ink))
            bottom -= height + gap
        }
        placed = boxes.reversed().map { (box: $0.0, text: $0.1, fill: $0.2, ink: $0.3) }
        self.palette = palette
        let boxesUsed = placed.map(\.box) + (pinnedBox.map { [$0.box] } ?? [])
        let used = boxesUsed.reduce(Rect?.none) { r, b in r.map { $0.union(b) } ?? b } ?? Rect(x: region.minX, y: region.maxY, width: 0, height: 0)
        bounds = used.inset(by: -u(6))
    }

    func paint(on canvas: Canvas) {
        let u = metrics.u
        if let (box, text) = pinnedBox {
            canvas.shadow(under: box, radius: u(10), spread: u(5), opacity: 0.45)
            canvas.fill(box, radius: u(10), color: palette.cardTop.withAlpha(0.95))
            canvas.stroke(box.inset(by: u(1)), radius: u(10), color: palette.accentText, lineWidth: u(2))
            canvas.draw(text, x: box.minX + (box.width - text.size.width) / 2, y: box.minY + (box.height - text.size.height) / 2,
                        color: palette.primaryText)
        }
        for p in placed {
            canvas.shadow(under: p.box, radius: u(10), spread: u(4), opacity: 0.35)
            canvas.fill(p.box, radius: u(10), color: p.fill)
            canvas.draw(p.text, x: p.box.minX + (p.box.width - p.text.size.width) / 2, y: p.box.minY + (p.box.height - p.text.size.height) / 2,
                        color: p.ink)
        }
    }

    /// An author's colour made readable on the dark entry: too dark a colour is lightened.
    static func legible(_ c: RGBAColor) -> RGBAColor {
        let luma = 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue
        return luma >= 0.45 ? c.withAlpha(1) : c.mixed(with: .white, (0.45 - luma) / 0.55 + 0.15)
    }
}
