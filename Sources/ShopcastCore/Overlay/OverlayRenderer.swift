/// Turns overlay content into layers for one frame size and theme. Rendering costs a few
/// milliseconds, so callers render only when what is shown changes (`OverlayCompositor` does).
///
/// Owns a Pango context: use one renderer per thread.
public final class OverlayRenderer {
    public let frameWidth: Int
    public let frameHeight: Int
    public let theme: OverlayTheme
    let metrics: OverlayMetrics
    private let context: TextContext
    /// The renderer's Pango context, for laying text out the way it draws it.
    var textContext: TextContext { context }
    /// The last product picture converted for Cairo, kept while the same offer's countdown ticks.
    private var cachedImage: (source: RGBAImage, surface: ImageSurface)?

    public init(frameWidth: Int, frameHeight: Int, theme: OverlayTheme = .standard) throws {
        guard frameWidth >= 16, frameHeight >= 16 else {
            throw ShopcastError(.badData, "overlay frame size \(frameWidth)x\(frameHeight) is too small")
        }
        self.frameWidth = frameWidth
        self.frameHeight = frameHeight
        self.theme = theme
        metrics = OverlayMetrics(frameWidth: frameWidth, frameHeight: frameHeight)
        context = try TextContext()
    }

    /// Renders a product card. `belowBanner` moves a top-positioned card clear of the banner.
    public func render(_ card: CardContent, belowBanner: Bool = false) throws -> OverlayLayer {
        let painter = try cardPainter(card, belowBanner: belowBanner)
        return try rasterize(bounds: painter.bounds, painter.paint)
    }

    /// Renders the banner across the top.
    public func render(_ banner: BannerContent) throws -> OverlayLayer {
        let painter = try BannerPainter(banner, theme: theme, metrics: metrics, context: context)
        return try rasterize(bounds: painter.bounds, painter.paint)
    }

    /// Renders the full-frame "starting soon" slate.
    public func render(_ slate: SlateContent) throws -> OverlayLayer {
        let painter = try SlatePainter(slate, theme: theme, metrics: metrics, context: context)
        return try rasterize(bounds: painter.bounds, painter.paint)
    }

    /// Renders the chat column: one layer per entry on screen, bottom to top.
    public func render(_ chat: ChatContent) throws -> [OverlayLayer] {
        try chatLayout(chat).placed.map { placed in
            let layer = try render(placed.painter)
            let box = layer.box
            return OverlayLayer(box: PixelBox(x: box.x + placed.x, y: box.y + placed.y, width: box.width, height: box.height),
                                pixels: layer.pixels)
        }
    }

    /// Lays the chat column out; `painter` may hand back entries already laid out.
    func chatLayout(_ chat: ChatContent,
                    painter: ((ChatContent.Entry, Bool, Double) throws -> ChatEntryPainter)? = nil) throws -> ChatColumnLayout {
        try ChatColumnLayout(chat, metrics: metrics, painter: painter ?? { entry, pinned, width in
            try self.chatEntryPainter(entry, pinned: pinned, of: chat, maxWidth: width)
        })
    }

    /// Lays out one entry of the chat column (`pinned`: the pinned message).
    func chatEntryPainter(_ entry: ChatContent.Entry, pinned: Bool, of chat: ChatContent, maxWidth: Double) throws -> ChatEntryPainter {
        let palette = OverlayPalette(theme: theme)
        return pinned
            ? try ChatEntryPainter(pinned: entry, of: chat, maxWidth: maxWidth, palette: palette, theme: theme, metrics: metrics, context: context)
            : try ChatEntryPainter(entry, of: chat, maxWidth: maxWidth, palette: palette, theme: theme, metrics: metrics, context: context)
    }

    /// Renders one chat entry with its box at the origin (its layer is moved into place).
    func render(_ entry: ChatEntryPainter) throws -> OverlayLayer {
        try rasterize(bounds: entry.bounds, clippedToFrame: false) { entry.paint(on: $0, x: 0, y: 0) }
    }

    /// Every layer of a scene, bottom to top: slate, card, banner, the chat column's entries.
    public func render(_ scene: OverlayScene) throws -> [OverlayLayer] {
        var layers: [OverlayLayer] = []
        if let slate = scene.slate { layers.append(try render(slate)) }
        if let card = scene.card { layers.append(try render(card, belowBanner: scene.banner != nil)) }
        if let banner = scene.banner { layers.append(try render(banner)) }
        if let chat = scene.chat { layers += try render(chat) }
        return layers
    }

    /// Lays out a card without drawing it (tests read its frames).
    func cardPainter(_ card: CardContent, belowBanner: Bool) throws -> CardPainter {
        try CardPainter(card, image: try surface(for: card.image), theme: theme, metrics: metrics, context: context,
                        topInset: belowBanner ? BannerPainter.reservedHeight(metrics) : 0)
    }

    private func surface(for image: RGBAImage?) throws -> ImageSurface? {
        guard let image else { return nil }
        // Array equality short-cuts on shared storage, so an unchanged picture costs nothing here.
        if let cached = cachedImage, cached.source == image { return cached.surface }
        let surface = try ImageSurface(image)
        cachedImage = (image, surface)
        return surface
    }

    /// Paints onto a canvas covering `bounds` (widened to even pixels; clipped to the frame
    /// unless the layer is to be moved into place) and copies the pixels out.
    private func rasterize(bounds: Rect, clippedToFrame: Bool = true, _ paint: (Canvas) -> Void) throws -> OverlayLayer {
        let frameBox = PixelBox(x: 0, y: 0, width: frameWidth & ~1, height: frameHeight & ~1)
        let box = clippedToFrame ? bounds.evenPixelBox.intersection(frameBox) : bounds.evenPixelBox
        guard !box.isEmpty else { return OverlayLayer(box: PixelBox(x: 0, y: 0, width: 0, height: 0), pixels: []) }
        let canvas = try Canvas(width: box.width, height: box.height, originX: box.x, originY: box.y)
        paint(canvas)
        return canvas.withPixels { data, stride in
            let rowBytes = box.width * 4
            var pixels = [UInt8](repeating: 0, count: rowBytes * box.height)
            pixels.withUnsafeMutableBytes { dst in
                for row in 0..<box.height {
                    (dst.baseAddress! + row * rowBytes).copyMemory(from: data + row * stride, byteCount: rowBytes)
                }
            }
            return OverlayLayer(box: box, pixels: pixels)
        }
    }
}
