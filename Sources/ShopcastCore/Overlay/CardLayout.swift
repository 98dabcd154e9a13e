/// Where each part of a product card goes, for a frame size and theme position. Pure geometry:
/// text heights come in already measured, so this is testable without fonts.
///
/// ```
/// +-------------------------------------------------------------+
/// |  +---------+  Product name on up to           +----------+  |
/// |  | picture |  two lines, then ellipsis…       |    QR    |  |
/// |  |  [-20%] |  one line of description         |          |  |
/// |  +---------+  31,92 €  39,90 €                +----------+  |
/// |                                              shop.example/… |
/// |-------------------------------------------------------------|
/// |  (clock) ends in 02:41   (dot) 50 left        [CODE SILK20] |
/// +-------------------------------------------------------------+
/// ```
struct CardLayout {
    /// Which optional columns and strips the card has.
    struct Parts: Equatable {
        var image: Bool
        var qr: Bool
        var footer: Bool
    }

    /// The placed parts in frame pixels.
    struct Frames: Equatable {
        var card: Rect
        var image: Rect?
        /// The text column: name, description, prices, vertically centred in the body.
        var text: Rect
        /// The white tile holding the QR code.
        var qrTile: Rect?
        /// Where the link's text goes under the tile.
        var url: Rect?
        var footer: Rect?
    }

    let metrics: OverlayMetrics
    let position: OverlayTheme.Position
    let parts: Parts

    let padding: Double
    let gap: Double
    let radius: Double
    let imageSide: Double
    let qrSide: Double
    let urlGap: Double
    let footerHeight: Double
    let cardWidth: Double

    /// `preferredWidth` narrows a landscape card whose content is short (never below a minimum,
    /// never above the standard width).
    init(metrics m: OverlayMetrics, position: OverlayTheme.Position, parts: Parts, preferredWidth: Double? = nil) {
        metrics = m
        self.position = position
        self.parts = parts
        padding = m.u(20)
        gap = m.u(18)
        radius = m.u(18)
        imageSide = m.u(148)
        qrSide = m.u(112)
        urlGap = m.u(6)
        footerHeight = m.u(46)
        // Landscape: a card about half the width, leaving the product on camera visible.
        // Portrait: the whole safe width, which is narrow enough already.
        var width = m.isPortrait ? m.safe.width : min(m.u(620), m.safe.width)
        if let preferredWidth { width = min(width, max(preferredWidth.rounded(.up), m.u(380))) }
        cardWidth = width
    }

    /// Width available to the name, description and prices.
    var textWidth: Double {
        var w = cardWidth - 2 * padding
        if parts.image { w -= imageSide + gap }
        if parts.qr { w -= qrSide + gap }
        return max(w, metrics.u(60))
    }

    /// Width available to the link's text under the QR tile: the tile plus the padding beside it,
    /// so a typical shop link fits on one line.
    var urlWidth: Double { qrSide + padding }

    /// Places the card. `textHeight` is the measured text column; `urlHeight` the link's text;
    /// `topInset` keeps top-positioned cards clear of a banner.
    func frames(textHeight: Double, urlHeight: Double, topInset: Double = 0) -> Frames {
        let qrColumn = parts.qr ? qrSide + (urlHeight > 0 ? urlGap + urlHeight : 0) : 0
        let body = max(parts.image ? imageSide : 0, textHeight, qrColumn)
        let height = padding + body + padding + (parts.footer ? footerHeight : 0)
        let safe = metrics.safe
        let x: Double
        switch position {
        case .topLeft, .bottomLeft: x = safe.minX
        case .topRight, .bottomRight: x = safe.maxX - cardWidth
        case .bottom: x = safe.minX + (safe.width - cardWidth) / 2
        }
        let y: Double
        switch position {
        case .topLeft, .topRight: y = safe.minY + topInset
        case .bottomLeft, .bottomRight, .bottom: y = safe.maxY - height
        }
        let card = Rect(x: x.rounded(), y: y.rounded(), width: cardWidth.rounded(), height: height.rounded())
        let bodyTop = card.minY + padding
        var leading = card.minX + padding
        var image: Rect?
        if parts.image {
            image = Rect(x: leading, y: bodyTop + (body - imageSide) / 2, width: imageSide, height: imageSide)
            leading += imageSide + gap
        }
        let text = Rect(x: leading, y: bodyTop + (body - textHeight) / 2, width: textWidth, height: textHeight)
        var qrTile: Rect?, url: Rect?
        if parts.qr {
            let tile = Rect(x: card.maxX - padding - qrSide, y: bodyTop + (body - qrColumn) / 2, width: qrSide, height: qrSide)
            qrTile = tile
            if urlHeight > 0 {
                url = Rect(x: tile.minX + (qrSide - urlWidth) / 2, y: tile.maxY + urlGap, width: urlWidth, height: urlHeight)
            }
        }
        let footer = parts.footer
            ? Rect(x: card.minX, y: card.maxY - footerHeight, width: card.width, height: footerHeight) : nil
        return Frames(card: card, image: image, text: text, qrTile: qrTile, url: url, footer: footer)
    }
}
