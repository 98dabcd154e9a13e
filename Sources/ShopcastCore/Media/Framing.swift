/// How a picture of one shape fills an output of another: cropped to fill it (the part kept
/// slides from left to right with `position`), or letterboxed whole on black.
public struct Framing: Equatable, Sendable {
    public enum Fit: String, Equatable, Sendable, CaseIterable {
        case crop, pad
    }

    /// nil: crop a landscape picture into a portrait output (a 9:16 rendition of a 16:9
    /// camera), letterbox every other mismatch.
    public var fit: Fit?
    /// Which part of a picture cropped at its sides is kept: 0 its left edge, 0.5 its centre,
    /// 1 its right edge. A picture cropped top and bottom keeps its centre.
    public var position: Double

    public static let standard = Framing()

    public init(fit: Fit? = nil, position: Double = 0.5) {
        self.fit = fit
        self.position = min(1, max(0, position))
    }

    /// The words `--crop-vertical` takes: left, centre (or center), right, or a percentage.
    public static func position(from text: String) -> Double? {
        switch text.lowercased() {
        case "left": return 0
        case "centre", "center": return 0.5
        case "right": return 1
        default:
            let number = text.hasSuffix("%") ? String(text.dropLast()) : text
            guard let value = Double(number), value.isFinite, (0...100).contains(value) else { return nil }
            return value / 100
        }
    }

    /// Whether a picture of `pictureAspect` (as seen) is cropped to fill an output of
    /// `outputAspect`, rather than letterboxed.
    func crops(pictureAspect: Double, outputAspect: Double) -> Bool {
        guard abs(pictureAspect - outputAspect) > 1e-3 else { return false }
        switch fit {
        case .crop: return true
        case .pad: return false
        case nil: return outputAspect < 1 && pictureAspect > 1
        }
    }

    /// The part of a `width`x`height` picture (in its pixels, whose aspect is `pixelAspect`)
    /// that is kept to fill an output of `outputAspect`: the whole height and a slice of the
    /// width placed by `position`, or the whole width and the middle of the height. Even
    /// numbers throughout, so 4:2:0 chroma stays aligned.
    func keptRect(width: Int, height: Int, pixelAspect: Double, outputAspect: Double) -> PixelRect {
        let aspect = Double(width) * pixelAspect / Double(height)
        if aspect > outputAspect {
            let w = min(width, max(2, Int((Double(height) * outputAspect / pixelAspect / 2).rounded()) * 2))
            let x = Int((Double(width - w) * position / 2).rounded()) * 2
            return PixelRect(x: min(x, width - w), y: 0, width: w, height: height)
        }
        let h = min(height, max(2, Int((Double(width) * pixelAspect / outputAspect / 2).rounded()) * 2))
        return PixelRect(x: 0, y: ((height - h) / 4) * 2, width: width, height: h)
    }
}

/// A rectangle of whole pixels.
struct PixelRect: Equatable {
    var x: Int, y: Int, width: Int, height: Int
}
