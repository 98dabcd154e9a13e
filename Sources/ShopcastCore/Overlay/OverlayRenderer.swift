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

    /// Renders the chat column.
    public func render(_ chat: ChatContent) throws -> OverlayLayer {
        let painter = try chatPainter(chat)
        return try rasterize(bounds: painter.bounds, painter.paint)
    }

    func chatPainter(_ chat: ChatContent) throws -> ChatPainter {
        try ChatPainter(chat, theme: theme, metrics: metrics, context: context)
    }

    /// Every layer of a scene, bottom to top: slate, card, banner.
    public func render(_ scene: OverlayScene) throws -> [OverlayLayer] {
        var layers: [OverlayLayer] = []
        if let slate = scene.slate { layers.append(try render(slate)) }
        if let card = scene.card { layers.append(try render(card, belowBanner: scene.banner != nil)) }
        if let banner = scene.banner { layers.append(try render(banner)) }
        if let chat = scene.chat, !(chat.entries.isEmpty && chat.pinned == nil) { layers.append(try render(chat)) }
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

    /// Paints onto a canvas covering `bounds` (clipped to the frame, widened to even pixels) and
    /// copies the pixels out.
    private func rasterize(bounds: Rect, _ paint: (Canvas) -> Void) throws -> OverlayLayer {
        let frameBox = PixelBox(x: 0, y: 0, width: frameWidth & ~1, height: frameHeight & ~1)
        let box = bounds.evenPixelBox.intersection(frameBox)
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
