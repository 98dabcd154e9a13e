/// One entry of the chat column drawn on its own, its box at the origin: its author (bold, in
/// their colour, after their badge's mark: 🎙️ the host, 🛡️ a moderator, 💎 a VIP, ⭐ a member) and text on at most two lines, ellipsized; tips and cheers on the accent colour
/// with their amount, purchases in green ("Giulia bought the silk scarf"); the pinned message in
/// the accent's outline. The column moves entries as newer ones arrive, so each is drawn once.
struct ChatEntryPainter {
    let width: Double
    let height: Double
    let text: TextLayout
    private let fill: RGBAColor
    private let ink: RGBAColor
    /// The pinned message's outline.
    private let outline: RGBAColor?
    private let metrics: OverlayMetrics
    /// What it paints around its box at the origin: the box and the part of its shadow kept.
    var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height).inset(by: -metrics.u(6)) }

    /// A comment, tip or purchase of `content`, at most `maxWidth` pixels wide.
    init(_ entry: ChatContent.Entry, of content: ChatContent, maxWidth: Double, palette: OverlayPalette, theme: OverlayTheme,
         metrics: OverlayMetrics, context: TextContext) throws {
        let u = metrics.u
        let pad = u(8) * content.size
        var lead = entry.badge.map { $0.mark + " " + entry.author } ?? entry.author
        var body: String
        switch entry.kind {
        case .purchase:
            lead = "🛍️ " + entry.author
            body = " " + content.bought + (entry.text.isEmpty ? "" : " " + entry.text)
        default:
            body = Self.saying(entry)
        }
        if entry.count > 1 { body += "  ×\(entry.count)" }
        let isTip = entry.amount != nil || entry.kind == .tip
        fill = entry.kind == .purchase ? RGBAColor(red: 0.09, green: 0.45, blue: 0.27, alpha: 0.92)
            : isTip ? palette.accent.withAlpha(0.92) : palette.cardTop.withAlpha(0.78)
        ink = entry.kind == .purchase ? RGBAColor.white : isTip ? palette.onAccent : palette.primaryText
        let nameColor = (entry.kind == .comment && !isTip) ? (entry.color.map { ChatColumnLayout.legible($0) } ?? palette.accentText) : nil
        let style = TextStyle(family: theme.fontFamily, weight: 500, size: u(17) * content.size, lead: (lead.utf8.count, nameColor))
        text = try TextLayout(lead + body, style: style, context: context, width: max(u(40), maxWidth - 2 * pad), maxLines: 2)
        width = min(maxWidth, text.size.width + 2 * pad)
        height = text.size.height + 2 * pad
        outline = nil
        self.metrics = metrics
    }

    /// The pinned message of `content`.
    init(pinned entry: ChatContent.Entry, of content: ChatContent, maxWidth: Double, palette: OverlayPalette, theme: OverlayTheme,
         metrics: OverlayMetrics, context: TextContext) throws {
        let u = metrics.u
        let pad = u(8) * content.size
        let style = TextStyle(family: theme.fontFamily, weight: 600, size: u(18) * content.size,
                              lead: (("📌 " + entry.author).utf8.count, palette.accentText))
        // A tip keeps its amount when pinned; a tip without words (a sticker) is name and amount.
        text = try TextLayout("📌 " + entry.author + Self.saying(entry), style: style, context: context,
                              width: max(u(40), maxWidth - 2 * pad), maxLines: 2)
        width = min(maxWidth, text.size.width + 2 * pad)
        height = text.size.height + 2 * pad
        fill = palette.cardTop.withAlpha(0.95)
        ink = palette.primaryText
        outline = palette.accentText
        self.metrics = metrics
    }

    /// What follows the author: a tip's amount (" · 5,00 €"), then the words, if any.
    private static func saying(_ entry: ChatContent.Entry) -> String {
        (entry.amount.map { " · " + $0 } ?? "") + (entry.text.isEmpty ? "" : "  " + entry.text)
    }

    func paint(on canvas: Canvas, x: Double, y: Double) {
        let u = metrics.u
        let box = Rect(x: x, y: y, width: width, height: height)
        canvas.shadow(under: box, radius: u(10), spread: outline == nil ? u(4) : u(5), opacity: outline == nil ? 0.35 : 0.45)
        canvas.fill(box, radius: u(10), color: fill)
        if let outline { canvas.stroke(box.inset(by: u(1)), radius: u(10), color: outline, lineWidth: u(2)) }
        canvas.draw(text, x: box.minX + (box.width - text.size.width) / 2, y: box.minY + (box.height - text.size.height) / 2, color: ink)
    }
}
