/// The drawing stage of a burn: for each picture of a recording, what the show's time model puts
/// on screen at its show offset (a card from the first picture at or after an offer's start, gone
/// from the first picture at or after its end), alpha-blended in place. Scenes are looked up only
/// when the screen state changes, and the compositor re-renders only what changed, so most
/// pictures cost just the blend.
final class RecordingOverlay {
    private let scenes: ShowScenes
    private let theme: OverlayTheme
    private var compositor: OverlayCompositor?
    private var lastState: ScreenState?
    private var drewSlate = false
    /// Offers (by timeline index) that reached the screen.
    private(set) var offersShown = Set<Int>()

    init(scenes: ShowScenes) throws {
        self.scenes = scenes
        theme = try scenes.theme()
    }

    /// Draws what is on screen at show offset `t` onto `frame` (8-bit 4:2:0), making the frame's
    /// buffers writable first when something is drawn.
    func compose(onto frame: Frame, at t: Double) throws {
        let compositor = try self.compositor(for: frame)
        if t < 0 {
            // Before the show (a recording that starts early): the slate, ticking each second.
            try compositor.update(scenes.scene(at: t))
            drewSlate = true
        } else {
            let state = scenes.timeline.state(at: t)
            if state != lastState || drewSlate {
                try compositor.update(scenes.scene(for: state))
                if let offer = state.offer { offersShown.insert(offer.index) }
                lastState = state
                drewSlate = false
            }
        }
        guard !compositor.scene.isEmpty else { return }
        try frame.makeWritable()
        guard let planes = YUVPlanes(frame) else { return }
        compositor.blend(into: planes)
    }

    /// The compositor for this picture's size and colour matrix, made on the first picture.
    private func compositor(for frame: Frame) throws -> OverlayCompositor {
        let matrix = frame.colorMatrix
        if let c = compositor, c.frameWidth == frame.width, c.frameHeight == frame.height, c.matrix == matrix { return c }
        let c = try OverlayCompositor(frameWidth: frame.width, frameHeight: frame.height, theme: theme, matrix: matrix)
        compositor = c
        // A new compositor starts from an empty scene: make the next picture look the state up.
        lastState = nil
        return c
    }
}
