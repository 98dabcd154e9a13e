import Foundation

/// Draws on each output picture just before it is encoded: the product overlays. The stage hands
/// it a picture that may share buffers with the next one, so a compositor that draws must call
/// `frame.makeWritable()` first.
public protocol FrameCompositor: AnyObject {
    /// `time` is the picture's time on the stream (seconds from the first frame).
    func compose(onto frame: Frame, time: Double) throws
}

/// The one per-frame video stage: picks the input picture due at t, scales and letterboxes it to
/// the output size (once per new input picture), lets the compositor draw, stamps the pts.
final class VideoStage {
    private let scaler: Scaler
    private let compositor: FrameCompositor?
    private var lastSource: ObjectIdentifier?
    private var lastScaled: Frame?
    private var black: Frame?
    private let size: FrameSize

    init(size: FrameSize, compositor: FrameCompositor?) {
        self.size = size
        scaler = Scaler(width: size.width, height: size.height)
        self.compositor = compositor
    }

    /// The picture for output frame `index` at `time`, from `source` (nil: nothing yet, black).
    func render(_ source: Frame?, index: Int64, time: Double) throws -> Frame {
        let base: Frame
        if let source {
            if lastSource != ObjectIdentifier(source) || lastScaled == nil {
                lastScaled = try scaler.convert(source)
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
        let output = try base.reference()
        try compositor?.compose(onto: output, time: time)
        output.pts = index
        // A decoded picture's own type must not force keyframes: they come every --keyint only.
        output.clearPictureType()
        return output
    }
}
