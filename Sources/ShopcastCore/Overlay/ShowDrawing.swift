/// Keeps an overlay compositor in step with the show's state, picture by picture: go-live and
/// overlay hand it each picture's `ShowState` snapshot and it draws exactly that. A scene is
/// built only when the snapshot's version, the countdown's second or the slate's second
/// changes, and the compositor re-renders only the element that changed, so most pictures cost
/// just the blend. Not thread-safe: one video thread.
final class ShowDrawing {
    let scenes: ShowScenes
    private let theme: OverlayTheme
    private var compositor: OverlayCompositor?
    /// What the current scene was built from: (version, countdown or slate second).
    private var drawn: (version: Int, second: Int?)?

    init(scenes: ShowScenes) throws {
        self.scenes = scenes
        theme = try scenes.theme()
    }

    /// Makes the compositor show `state` for pictures of this size and colour matrix; true when
    /// something is to be drawn.
    @discardableResult
    func update(to state: ShowState, width: Int, height: Int, matrix: ColorMatrix?) throws -> Bool {
        let compositor = try self.compositor(width: width, height: height, matrix: matrix)
        let second = state.offset < 0 ? Timeline.remaining(until: 0, from: state.offset) : state.remaining
        if drawn == nil || drawn!.version != state.version || drawn!.second != second {
            try compositor.update(scenes.scene(for: state))
            drawn = (state.version, second)
        }
        return !compositor.scene.isEmpty
    }

    /// Blends the current scene into a writable 8-bit 4:2:0 picture.
    func draw(into frame: Frame) {
        guard let compositor, let planes = YUVPlanes(frame) else { return }
        compositor.blend(into: planes)
    }

    private func compositor(width: Int, height: Int, matrix: ColorMatrix?) throws -> OverlayCompositor {
        if let c = compositor, c.frameWidth == width, c.frameHeight == height, matrix == nil || c.matrix == matrix { return c }
        let c = try OverlayCompositor(frameWidth: width, frameHeight: height, theme: theme, matrix: matrix)
        compositor = c
        // A new compositor starts from an empty scene: build it again.
        drawn = nil
        return c
    }
}
