/// What a video pipeline holds to draw overlays: give it the scene for each frame, then blend.
/// Each element (slate, card, banner, each chat entry) is re-rendered and re-converted only when
/// its own content changes, so a ticking countdown costs one card render per second, a new
/// comment one entry's, and an unchanged frame only the integer blend.
///
/// Not thread-safe: use from the thread that owns the frames.
public final class OverlayCompositor {
    public let frameWidth: Int
    public let frameHeight: Int
    public let matrix: ColorMatrix
    private let renderer: OverlayRenderer
    public private(set) var scene = OverlayScene()
    private var slate: (SlateContent, YUVOverlay)?
    private var card: (CardContent, Bool, YUVOverlay)?
    private var banner: (BannerContent, YUVOverlay)?
    /// Its own element, each entry drawn once: a new comment draws itself, never the card.
    private var chat: (ChatContent, ChatColumn)?
    /// How many element renders the compositor has done, each chat entry one (for tests and
    /// statistics).
    public private(set) var renderCount = 0

    /// `matrix` defaults to `ColorMatrix.standard` for the size (BT.709 limited for HD).
    public init(frameWidth: Int, frameHeight: Int, theme: OverlayTheme = .standard, matrix: ColorMatrix? = nil) throws {
        renderer = try OverlayRenderer(frameWidth: frameWidth, frameHeight: frameHeight, theme: theme)
        self.frameWidth = frameWidth
        self.frameHeight = frameHeight
        self.matrix = matrix ?? .standard(width: frameWidth, height: frameHeight)
    }

    /// Makes `scene` current, rendering whatever element changed. Returns true when anything was
    /// re-rendered or removed.
    @discardableResult
    public func update(_ scene: OverlayScene) throws -> Bool {
        guard scene != self.scene else { return false }
        if let s = scene.slate {
            if slate?.0 != s { slate = (s, try prepare(renderer.render(s))) }
        } else {
            slate = nil
        }
        let belowBanner = scene.banner != nil
        if let c = scene.card {
            if card?.0 != c || card?.1 != belowBanner {
                card = (c, belowBanner, try prepare(renderer.render(c, belowBanner: belowBanner)))
            }
        } else {
            card = nil
        }
        if let b = scene.banner {
            if banner?.0 != b { banner = (b, try prepare(renderer.render(b))) }
        } else {
            banner = nil
        }
        if let c = scene.chat, !(c.entries.isEmpty && c.pinned == nil) {
            if chat?.0 != c {
                let column = chat?.1 ?? ChatColumn()
                renderCount += try column.update(c, renderer: renderer, matrix: matrix)
                chat = (c, column)
            }
        } else {
            chat = nil
        }
        self.scene = scene
        return true
    }

    /// Blends the current scene into one frame (no-op when the scene is empty).
    public func blend(into planes: YUVPlanes) {
        slate?.1.blend(into: planes)
        card?.2.blend(into: planes)
        banner?.1.blend(into: planes)
        chat?.1.blend(into: planes)
    }

    private func prepare(_ layer: OverlayLayer) -> YUVOverlay {
        renderCount += 1
        return YUVOverlay(layer, frameWidth: frameWidth, frameHeight: frameHeight, matrix: matrix)
    }
}
