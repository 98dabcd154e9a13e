import Foundation

/// What viewers see while the show's picture is lost: "We'll be right back" in the show's
/// language, a clock of the break that ticks every second (so the stream visibly lives and
/// nobody takes it for a frozen picture) and the show's title, in the manifest's theme (the
/// built-in look without one). Rendered once a second; each picture costs one blend. Not
/// thread-safe: the video thread.
public final class HoldingSlate {
    private let scenes: ShowScenes
    private let theme: OverlayTheme
    private var compositor: OverlayCompositor?

    /// `manifest` nil: the built-in look, in English, without a title.
    public init(manifest: Manifest?) throws {
        scenes = ShowScenes(manifest: manifest ?? .empty(folder: URL(fileURLWithPath: "/")))
        theme = manifest == nil ? .standard : try scenes.theme()
    }

    /// Draws the slate, `seconds` into the break, over the whole of a writable 4:2:0 picture.
    func draw(seconds: Int, onto frame: Frame) throws {
        let compositor: OverlayCompositor
        if let c = self.compositor, c.frameWidth == frame.width, c.frameHeight == frame.height {
            compositor = c
        } else {
            compositor = try OverlayCompositor(frameWidth: frame.width, frameHeight: frame.height, theme: theme)
            self.compositor = compositor
        }
        try compositor.update(OverlayScene(slate: scenes.holdingSlate(seconds: seconds)))
        guard let planes = YUVPlanes(frame) else { return }
        compositor.blend(into: planes)
    }
}
