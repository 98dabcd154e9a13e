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

    enum Component { case y, cb, cr }

    /// Weights on premultiplied (B, G, R, A) bytes giving a component's premultiplied code value
    /// times 255 (the blender's fixed point): the formula below, multiplied out.
    func weights(_ component: Component) -> (Float, Float, Float, Float) {
        let kg = 1 - kr - kb
        let (scaleY, scaleC, offsetY): (Double, Double, Double) = fullRange ? (255, 255, 0) : (219, 224, 16)
        switch component {
        case .y:
            return (Float(scaleY * kb), Float(scaleY * kg), Float(scaleY * kr), Float(offsetY))
        case .cb:
            // (B - Y) / (2 (1 - kb)) expanded over R, G, B.
            let d = 2 * (1 - kb)
            return (Float(scaleC * (1 - kb) / d), Float(scaleC * -kg / d), Float(scaleC * -kr / d), 128)
        case .cr:
            let d = 2 * (1 - kr)
            return (Float(scaleC * -kb / d), Float(scaleC * -kg / d), Float(scaleC * (1 - kr) / d), 128)
        }
    }
}
