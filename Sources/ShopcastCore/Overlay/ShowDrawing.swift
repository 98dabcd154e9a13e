/// Keeps an overlay compositor in step with a show's time model, picture by picture: the one
/// place that decides what is on screen at a show offset, shared by go-live and overlay.
/// Scenes are looked up only when the screen state changes, and the compositor re-renders only
/// what changed, so most pictures cost just the blend. Not thread-safe: one video thread.
final class ShowDrawing {
    let scenes: ShowScenes
    private let theme: OverlayTheme
    private var compositor: OverlayCompositor?
    private var lastState: ScreenState?
    private var drewSlate = false

    init(scenes: ShowScenes) throws {
        self.scenes = scenes
        theme = try scenes.theme()
    }

    /// Moves to show offset `t` (negative: before the show, the slate) for pictures of this size
    /// and colour matrix. Returns what switched on or off since the previous picture, ends first.
    func advance(to t: Double, width: Int, height: Int, matrix: ColorMatrix?) throws -> [TimelineChange] {
        let compositor = try self.compositor(width: width, height: height, matrix: matrix)
        if t < 0 {
            // The slate, redrawn once a second as its countdown ticks.
            try compositor.update(scenes.scene(at: t))
            drewSlate = true
            return []
        }
        let state = scenes.timeline.state(at: t)
        guard state != lastState || drewSlate else { return [] }
        let changes = scenes.changes(from: lastState, to: state, at: t)
        try compositor.update(scenes.scene(for: state))
        lastState = state
        drewSlate = false
        return changes
    }

    /// Something is on screen at the current offset.
    var isDrawing: Bool { !(compositor?.scene.isEmpty ?? true) }

    /// Blends the current scene into a writable 8-bit 4:2:0 picture.
    func draw(into frame: Frame) {
        guard let compositor, let planes = YUVPlanes(frame) else { return }
        compositor.blend(into: planes)
    }

    private func compositor(width: Int, height: Int, matrix: ColorMatrix?) throws -> OverlayCompositor {
        if let c = compositor, c.frameWidth == width, c.frameHeight == height, matrix == nil || c.matrix == matrix { return c }
        let c = try OverlayCompositor(frameWidth: width, frameHeight: height, theme: theme, matrix: matrix)
        compositor = c
        // A new compositor starts from an empty scene: look the state up again.
        lastState = nil
        return c
    }
}
