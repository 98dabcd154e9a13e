/// The drawing stage of a burn: for each picture of a recording, what the show's time model puts
/// on screen at its show offset (a card from the first picture at or after an offer's start, gone
/// from the first picture at or after its end), alpha-blended in place.
final class RecordingOverlay {
    private let drawing: ShowDrawing
    /// Offers (by timeline index) that reached the screen.
    private(set) var offersShown = Set<Int>()

    init(scenes: ShowScenes) throws {
        drawing = try ShowDrawing(scenes: scenes)
    }

    /// Draws what is on screen at show offset `t` onto `frame` (8-bit 4:2:0), making the frame's
    /// buffers writable first when something is drawn.
    func compose(onto frame: Frame, at t: Double) throws {
        let changes = try drawing.advance(to: t, width: frame.width, height: frame.height, matrix: frame.colorMatrix)
        for change in changes where change.kind == .offerStart { offersShown.insert(change.index) }
        guard drawing.isDrawing else { return }
        try frame.makeWritable()
        drawing.draw(into: frame)
    }
}
