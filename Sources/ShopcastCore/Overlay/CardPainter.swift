/// Lays out and paints one product card: measures its texts with Pango, places them with
/// `CardLayout`, and draws onto a canvas in frame coordinates.
struct CardPainter {
    let frames: CardLayout.Frames
    /// Everything the card paints, shadow included: the canvas must cover this.
    let bounds: Rect

    private let layout: CardLayout
    private let palette: OverlayPalette
    private let metrics: OverlayMetrics
    private let image: ImageSurface?
    private let qr: QRCode?
    /// The product name as shaped for this card (tests read its lines and ink).
    let name: TextLayout
    private let description: TextLayout?
    private let price: TextLayout
    private let struckPrice: TextLayout?
    private let badge: TextLayout?
    private let countdown: TextLayout?
    private let stock: TextLayout?
    private let codeLabel: TextLayout?
    private let code: TextLayout?
    private let url: TextLayout?
    /// No units left: the price is drawn struck in a quiet colour.
    private let soldOut: Bool
    /// Mirrored for a right-to-left language: everything is placed left to right, then drawn
    /// reflected across the card's vertical centre line.
    private let rightToLeft: Bool
    /// Where the text column's parts sit relative to its top, and whether the badge rides the
    /// price row (no picture to sit on).
    private let descriptionY: Double
    private let priceY: Double
    private let struckOffset: (x: Double, y: Double)
    private let inlineBadgeOffset: (x: Double, y: Double)?

    private var shadowSpread: Double { metrics.u(16) }

    /// Prepares the card. `image` is the product picture already turned into a surface (the
    /// renderer caches it across countdown ticks); `topInset` keeps top cards below a banner.
    init(_ content: CardContent, image: ImageSurface?, theme: OverlayTheme, metrics: OverlayMetrics,
         context: TextContext, topInset: Double = 0) throws {
        let palette = OverlayPalette(theme: theme)
        let qr = try content.url.map { try QRCode(encoding: $0) }
        let parts = CardLayout.Parts(
            image: image != nil, qr: qr != nil,
            footer: (content.soldOut == nil && (content.countdown != nil || content.stock != nil)) || content.code != nil
        )
        let u = metrics.u
        let family = theme.fontFamily
        var preferred: Double?
        if !parts.image && !parts.qr && !metrics.isPortrait {
            // Text only: size the card to its content rather than leave half of it empty.
            preferred = try Self.naturalWidth(content, family: family, metrics: metrics, context: context)
        }
        let layout = CardLayout(metrics: metrics, position: theme.position, parts: parts, preferredWidth: preferred)
        func text(_ s: String, _ style: TextStyle, width: Double? = nil, lines: Int = 1,
                  align: TextAlignment = .leading) throws -> TextLayout {
            try TextLayout(s, style: style, context: context, width: width, maxLines: lines, alignment: align)
        }
        let w = layout.textWidth
        let rtl = content.rightToLeft
        rightToLeft = rtl
        // How wide a one-line text is, from where it is placed: right-to-left text sits at the
        // far end of its layout box, so only its ink width says.
        func run(_ t: TextLayout) -> Double { rtl ? t.inkRect.width : t.inkRect.maxX }

        name = try text(content.productName, TextStyle(family: family, weight: 600, size: u(25)), width: w, lines: 2)
        description = try content.description.map {
            try text($0, TextStyle(family: family, weight: 400, size: u(15.5)), width: w, lines: 1)
        }
        let sale = content.salePrice
        // Sold out: the price that was on offer is struck through, and the old one goes.
        let soldOut = content.soldOut != nil
        self.soldOut = soldOut
        // The price must show whole: on a narrow card (9:16, picture and link beside it) a long
        // one steps down in size, to two thirds at most, before it would be cut.
        var shownPrice = try text(sale ?? content.listPrice,
                                  TextStyle(family: family, weight: 800, size: u(38), tabularDigits: true, strikethrough: soldOut), width: w)
        for size in [34.0, 30, 26] where shownPrice.isEllipsized {
            shownPrice = try text(sale ?? content.listPrice,
                                  TextStyle(family: family, weight: 800, size: u(size), tabularDigits: true, strikethrough: soldOut), width: w)
        }
        price = shownPrice
        struckPrice = try sale.flatMap { _ in soldOut ? nil : content.listPrice }.map { _ in
            try text(content.listPrice, TextStyle(family: family, weight: 500, size: u(19), tabularDigits: true,
                                                  strikethrough: true), width: w)
        }
        badge = try (content.soldOut ?? content.badge).map { try text($0, TextStyle(family: family, weight: 800, size: u(16), tabularDigits: true)) }
        let footerText = TextStyle(family: family, weight: 600, size: u(16), tabularDigits: true)
        countdown = soldOut ? nil : try content.countdown.map { try text($0, footerText, width: layout.cardWidth * 0.4) }
        // Sold out, the badge says so: no countdown, no stock line.
        stock = soldOut ? nil : try content.stock.map { try text($0, footerText, width: layout.cardWidth * 0.3) }
        codeLabel = try content.code.map { _ in
            try text(content.codeLabel, TextStyle(family: family, weight: 700, size: u(11), letterSpacing: u(1.4)))
        }
        code = try content.code.map {
            try text($0, TextStyle(family: family, weight: 800, size: u(16), letterSpacing: u(0.6)), width: layout.cardWidth * 0.3)
        }
        url = try content.url.map {
            try text(Self.displayURL($0), TextStyle(family: family, weight: 500, size: u(11.5)), width: layout.urlWidth,
                     lines: 2, align: .center)
        }

        // Stack the text column: name, description, then the price row on a shared baseline.
        var y = name.size.height
        var descY = 0.0
        if let description {
            y += u(3)
            descY = y
            y += description.size.height
        }
        y += u(8)
        let priceTop = y
        var struck = (x: 0.0, y: 0.0)
        var inlineBadge: (x: Double, y: Double)?
        var rowBottom = priceTop + price.size.height
        var rowX = run(price) + u(12)
        if let struckPrice {
            if rowX + run(struckPrice) <= w {
                struck = (rowX, priceTop + price.baseline - struckPrice.baseline)
                rowX += run(struckPrice) + u(12)
            } else {
                // Too narrow for both on one row: the old price goes under the new one.
                struck = (0, rowBottom)
                rowBottom += struckPrice.size.height
                rowX = w + 1
            }
        }
        if image == nil, let badge {
            let pillW = badge.size.width + u(16)
            if rowX + pillW <= w {
                inlineBadge = (rowX, priceTop + price.baseline - badge.baseline - u(3))
            } else {
                inlineBadge = (0, rowBottom + u(4))
                rowBottom += badge.size.height + u(10)
            }
        }
        descriptionY = descY
        priceY = priceTop
        struckOffset = struck
        inlineBadgeOffset = inlineBadge

        frames = layout.frames(textHeight: rowBottom, urlHeight: url?.size.height ?? 0, topInset: topInset)
        let spread = metrics.u(16)
        var b = frames.card.inset(by: -spread)
        b.height += spread * 0.35
        bounds = b
        self.layout = layout
        self.palette = palette
        self.metrics = metrics
        self.image = image
        self.qr = qr
    }

    /// What the viewer will not read whole: each shaped text cut short with an ellipsis, or
    /// holding characters no installed font can draw (as boxes), by the manifest's word for it.
    var problems: (cut: [String], boxes: [(String, TextLayout)]) {
        let texts: [(String, TextLayout?)] = [("name", name), ("description", description), ("code", code), ("link", url),
                                              ("price", price), ("list price", struckPrice), ("badge", badge)]
        var cut: [String] = [], boxes: [(String, TextLayout)] = []
        for case let (what, layout?) in texts {
            // A name or link wrapped to its lines and then ellipsized is expected of long ones;
            // a code, a price or a badge cut short misleads.
            if layout.isEllipsized, !["name", "description", "link"].contains(what) { cut.append(what) }
            if layout.unknownGlyphCount > 0 { boxes.append((what, layout)) }
        }
        return (cut, boxes)
    }

    /// The side of one QR module in frame pixels, as `paint` draws it; nil without a link.
    var qrModule: Double? {
        guard let qr, let tile = frames.qrTile else { return nil }
        return Canvas.qrModule(side: tile.inset(by: metrics.u(9)).width, modules: qr.size)
    }

    /// Modules a side of the link's QR code.
    var qrModules: Int? { qr?.size }

    /// Paints the card onto `canvas` (which must cover `bounds`, or clips).
    func paint(on canvas: Canvas) {
        let u = metrics.u
        let card = frames.card
        canvas.shadow(under: card, radius: layout.radius, spread: shadowSpread, opacity: 0.55)
        canvas.fill(card, radius: layout.radius, top: palette.cardTop, bottom: palette.cardBottom)
        if let footer = frames.footer {
            canvas.clipped(to: card, radius: layout.radius) {
                canvas.fill(footer, color: palette.footer)
                canvas.fill(Rect(x: footer.minX, y: footer.minY, width: footer.width, height: max(1, u(1))), color: palette.hairline)
            }
            paintFooter(in: footer, on: canvas)
        }
        canvas.stroke(card.inset(by: 0.5), radius: layout.radius, color: palette.hairline, lineWidth: 1)

        if let image, let frame = frames.image.map(mirrored) {
            canvas.draw(image, covering: frame, radius: u(12))
            canvas.stroke(frame.inset(by: 0.5), radius: u(12), color: palette.hairline, lineWidth: 1)
            if let badge, let unmirrored = frames.image {
                paintBadge(badge, x: unmirrored.minX + u(8), y: unmirrored.minY + u(8), on: canvas)
            }
        }

        let t = frames.text
        drawBlock(name, x: t.minX, y: t.minY, width: t.width, color: palette.primaryText, on: canvas)
        if let description {
            drawBlock(description, x: t.minX, y: t.minY + descriptionY, width: t.width, color: palette.secondaryText, on: canvas)
        }
        drawRun(price, x: t.minX, y: t.minY + priceY, color: soldOut ? palette.secondaryText : palette.accentText, on: canvas)
        if let struckPrice {
            drawRun(struckPrice, x: t.minX + struckOffset.x, y: t.minY + struckOffset.y, color: palette.secondaryText, on: canvas)
        }
        if let badge, let at = inlineBadgeOffset {
            paintBadge(badge, x: t.minX + at.x, y: t.minY + at.y, on: canvas)
        }

        if let qr, let tile = frames.qrTile.map(mirrored) {
            canvas.fill(tile, radius: u(10), color: palette.qrTile)
            canvas.draw(qr, in: tile.inset(by: u(9)), color: palette.qrModules)
        }
        if let url, let frame = frames.url {
            drawBlock(url, x: frame.minX, y: frame.minY, width: frame.width, color: palette.secondaryText, on: canvas)
        }
    }

    /// The card's mirror line for a right-to-left card: x maps to `axis - x`.
    private var axis: Double? { rightToLeft ? frames.card.minX + frames.card.maxX : nil }

    private func mirrored(_ r: Rect) -> Rect {
        guard let axis else { return r }
        return Rect(x: axis - r.maxX, y: r.minY, width: r.width, height: r.height)
    }

    private func mirrored(_ x: Double) -> Double { axis.map { $0 - x } ?? x }

    /// Draws a one-line text whose ink starts at `x` (left to right), mirrored on a
    /// right-to-left card so its ink ends at the mirror image of `x`.
    private func drawRun(_ text: TextLayout, x: Double, y: Double, color: RGBAColor, on canvas: Canvas) {
        guard let axis else { return canvas.draw(text, x: x, y: y, color: color) }
        let ink = text.inkRect
        canvas.draw(text, x: axis - x - ink.width - ink.minX, y: y, color: color)
    }

    /// Draws a text laid out in a box `width` wide at `x`; the box is mirrored, and the text's
    /// own direction places it inside (Arabic hugs the box's right edge).
    private func drawBlock(_ text: TextLayout, x: Double, y: Double, width: Double, color: RGBAColor, on canvas: Canvas) {
        canvas.draw(text, x: axis.map { $0 - x - width } ?? x, y: y, color: color)
    }

    private func paintBadge(_ badge: TextLayout, x: Double, y: Double, on canvas: Canvas) {
        let u = metrics.u
        let size = badge.size
        let pill = mirrored(Rect(x: x, y: y, width: size.width + u(16), height: size.height + u(4)))
        // A tight dark halo keeps the badge distinct on a picture of the same colour.
        canvas.shadow(under: pill, radius: u(7), spread: u(4), opacity: 0.5)
        canvas.fill(pill, radius: u(7), color: palette.accent)
        canvas.draw(badge, x: pill.minX + u(8), y: pill.minY + u(2), color: palette.onAccent)
    }

    private func paintFooter(in footer: Rect, on canvas: Canvas) {
        let u = metrics.u
        var x = footer.minX + layout.padding
        let mid = footer.midY
        // The code pill sits at the trailing end; the countdown and stock are clipped short of it,
        // so odd lengths can crowd the strip but never overlap or leave the card.
        var leftLimit = footer.maxX - layout.padding
        if let codeLabel, let code {
            let inner = u(12)
            let pillW = inner + codeLabel.size.width + u(8) + runWidth(code) + inner
            let pillH = u(30)
            let pill = Rect(x: footer.maxX - layout.padding - pillW, y: mid - pillH / 2, width: pillW, height: pillH)
            let drawn = mirrored(pill)
            canvas.fill(drawn, radius: pillH / 2, color: palette.accent.withAlpha(0.16))
            canvas.stroke(drawn.inset(by: u(0.75)), radius: pillH / 2, color: palette.accentText, lineWidth: u(1.5),
                          dash: [u(4), u(3)])
            drawRun(codeLabel, x: pill.minX + inner, y: mid - codeLabel.size.height / 2, color: palette.secondaryText, on: canvas)
            drawRun(code, x: pill.minX + inner + codeLabel.size.width + u(8), y: mid - code.size.height / 2,
                    color: palette.primaryText, on: canvas)
            leftLimit = pill.minX - u(12)
        }
        let leftArea = Rect(x: footer.minX, y: footer.minY, width: max(0, leftLimit - footer.minX), height: footer.height)
        canvas.clipped(to: mirrored(leftArea), radius: 0) {
            if let countdown {
                // A small clock face: ring plus hands.
                let r = u(7.5)
                canvas.strokeCircle(centerX: mirrored(x + r), centerY: mid, radius: r, color: palette.accentText, lineWidth: u(1.8))
                canvas.strokePolyline([(mirrored(x + r), mid - r * 0.55), (mirrored(x + r), mid), (mirrored(x + r + r * 0.45), mid + r * 0.2)],
                                      color: palette.accentText, lineWidth: u(1.8))
                x += 2 * r + u(8)
                drawRun(countdown, x: x, y: mid - countdown.size.height / 2, color: palette.primaryText, on: canvas)
                x += runWidth(countdown) + u(24)
            }
            if let stock {
                let r = u(4)
                canvas.fillCircle(centerX: mirrored(x + u(7)), centerY: mid, radius: r * 2, color: palette.accentText.withAlpha(0.25))
                canvas.fillCircle(centerX: mirrored(x + u(7)), centerY: mid, radius: r, color: palette.accentText)
                x += u(14) + u(8)
                drawRun(stock, x: x, y: mid - stock.size.height / 2, color: palette.primaryText, on: canvas)
            }
        }
    }

    /// How wide a one-line text is from where it is placed (see `init`).
    private func runWidth(_ t: TextLayout) -> Double { rightToLeft ? t.inkRect.width : t.inkRect.maxX }

    /// The width a text-only card needs for its content on single lines, padding included.
    private static func naturalWidth(_ content: CardContent, family: String, metrics: OverlayMetrics,
                                     context: TextContext) throws -> Double {
        let u = metrics.u
        func width(_ s: String?, _ weight: Int, _ size: Double) throws -> Double {
            guard let s else { return 0 }
            return try TextLayout(s, style: TextStyle(family: family, weight: weight, size: u(size)), context: context).size.width
        }
        let name = try width(content.productName, 600, 25)
        let description = try width(content.description, 400, 15.5)
        var prices = try width(content.salePrice ?? content.listPrice, 800, 38)
        if content.salePrice != nil, content.soldOut == nil { prices += u(12) + (try width(content.listPrice, 500, 19)) }
        if let badge = content.soldOut ?? content.badge { prices += u(12) + (try width(badge, 800, 16)) + u(16) }
        var footer = 0.0
        if content.countdown != nil, content.soldOut == nil { footer += u(23) + (try width(content.countdown, 600, 16)) + u(24) }
        if content.stock != nil, content.soldOut == nil { footer += u(22) + (try width(content.stock, 600, 16)) + u(12) }
        if content.code != nil { footer += u(44) + (try width(content.codeLabel, 700, 11)) + (try width(content.code, 800, 16)) }
        return max(name, description, prices, footer) + 2 * u(20) + u(8)
    }

    /// The link as printed: without the scheme, which viewers need not type.
    static func displayURL(_ url: String) -> String {
        for scheme in ["https://", "http://"] where url.lowercased().hasPrefix(scheme) {
            return String(url.dropFirst(scheme.count))
        }
        return url
    }
}
