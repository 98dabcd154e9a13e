import Foundation

/// Draws the show on each output picture just before it is encoded: the product overlays.
public protocol FrameCompositor: AnyObject {
    /// Gets ready to draw the show's `state` on a picture of this size; true when something is
    /// to be drawn on it.
    func prepare(width: Int, height: Int, state: ShowState) throws -> Bool
    /// Draws onto a picture the stage owns and may write.
    func draw(onto frame: Frame)
}

/// A rendition's per-frame video stage: scales and frames the input picture due at t to its
/// output size (once per new input picture), lets its compositor draw the frame's show state,
/// stamps the pts.
final class VideoStage {
    private let scaler: Scaler
    private let compositor: FrameCompositor?
    private let slate: HoldingSlate
    private var lastSource: ObjectIdentifier?
    private var lastScaled: Frame?
    private var black: Frame?
    private let size: FrameSize
    /// Pictures to draw on, reused once the encoder has let go of them: drawing never writes
    /// into a picture that is shown again, and never allocates (and faults in) a fresh one.
    private var canvases: [Frame] = []

    /// Where go-live's options put a vertical crop; the show state's `cropPosition` moves it.
    private let cropPosition: Double

    init(size: FrameSize, compositor: FrameCompositor?, slate: HoldingSlate, framing: Framing = .standard) {
        self.size = size
        cropPosition = framing.position
        scaler = Scaler(width: size.width, height: size.height, framing: framing)
        self.compositor = compositor
        self.slate = slate
    }

    /// A writable picture of the output size from the pool (at most a few, as the encoder
    /// releases each picture once it has taken it in).
    private func canvas() throws -> Frame {
        if let free = canvases.first(where: { $0.isWritable }) { return free }
        let frame = try Frame(videoWidth: size.width, height: size.height)
        if canvases.count < 4 { canvases.append(frame) }
        return frame
    }

    /// Lets go of the pictures the stage keeps (the show is over).
    func releasePictures() {
        lastSource = nil
        lastScaled = nil
        black = nil
        canvases.removeAll()
    }

    /// The picture for output frame `index`, from `source` (nil: nothing yet, black), with the
    /// show's `state` for this frame drawn on it; or the holding slate, `slateSeconds` into it.
    func render(_ source: Frame?, orientation: Orientation = .upright, index: Int64, state: ShowState?,
                slateSeconds: Int? = nil) throws -> Frame {
        if let slateSeconds {
            // The slate covers the whole picture: nothing of the lost source shows through.
            let output = try canvas()
            try slate.draw(seconds: slateSeconds, onto: output)
            output.pts = index
            return output
        }
        let base: Frame
        let position = state?.cropPosition ?? cropPosition
        if position != scaler.framing.position {
            // The producer moved the crop: the same picture is cut again from the next frame.
            scaler.framing.position = position
            lastScaled = nil
        }
        if let source {
            if lastSource != ObjectIdentifier(source) || lastScaled == nil {
                lastScaled = try scaler.convert(source, orientation: orientation)
                lastSource = ObjectIdentifier(source)
            }
            base = lastScaled!
        } else {
            if black == nil {
                let frame = try Frame(videoWidth: size.width, height: size.height)
                for plane in 0..<3 {
                    guard let p = frame.plane(plane) else { continue }
                    p.data.initialize(repeating: plane == 0 ? 16 : 128, count: p.stride * (plane == 0 ? size.height : size.height / 2))
                }
                black = frame
            }
            base = black!
        }
        let output: Frame
        if let compositor, let state, try compositor.prepare(width: size.width, height: size.height, state: state) {
            output = try canvas()
            try output.copyPicture(from: base)
            compositor.draw(onto: output)
        } else {
            output = try base.reference()
        }
        output.pts = index
        // A decoded picture's own type must not force keyframes: they come every --keyint only.
        output.clearPictureType()
        return output
    }
}
