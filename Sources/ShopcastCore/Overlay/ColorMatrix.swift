/// How RGB maps to Y'CbCr for the frames overlays are blended into.
public struct ColorMatrix: Equatable, Sendable {
    /// Luma weight of red.
    public let kr: Double
    /// Luma weight of blue.
    public let kb: Double
    /// True for full range (0...255); false for limited "TV" range (Y 16...235, C 16...240).
    public let fullRange: Bool

    public init(kr: Double, kb: Double, fullRange: Bool) {
        self.kr = kr
        self.kb = kb
        self.fullRange = fullRange
    }

    /// ITU-R BT.709, limited range: HD output, which is how shopcast tags what it encodes.
    public static let bt709 = ColorMatrix(kr: 0.2126, kb: 0.0722, fullRange: false)
    /// ITU-R BT.601, limited range: standard-definition sources.
    public static let bt601 = ColorMatrix(kr: 0.299, kb: 0.114, fullRange: false)

    /// BT.709 for HD sizes (either side at least 720 lines, vertical shows included), else BT.601.
    public static func standard(width: Int, height: Int) -> ColorMatrix {
        min(width, height) >= 720 || max(width, height) >= 1280 ? .bt709 : .bt601
    }

    /// Code values (0...255 scale) of a premultiplied colour: R, G, B already multiplied by
    /// `alpha`, all in 0...1. The results are premultiplied too, which keeps them linear in the
    /// inputs, so averaging neighbouring pixels for 4:2:0 chroma stays exact.
    func premultipliedYCbCr(r: Double, g: Double, b: Double, alpha: Double) -> (y: Double, cb: Double, cr: Double) {
        let luma = kr * r + (1 - kr - kb) * g + kb * b
        let pb = (b - luma) / (2 * (1 - kb)), pr = (r - luma) / (2 * (1 - kr))
        if fullRange {
            return (255 * luma, 128 * alpha + 255 * pb, 128 * alpha + 255 * pr)
        }
        return (16 * alpha + 219 * luma, 128 * alpha + 224 * pb, 128 * alpha + 224 * pr)
    }
}
