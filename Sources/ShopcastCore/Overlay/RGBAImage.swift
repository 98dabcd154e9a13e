/// A decoded picture in memory: straight (not premultiplied) RGBA, 8 bits per component, rows
/// packed top to bottom with no padding (`width * 4` bytes each).
public struct RGBAImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// `width * height * 4` bytes: R, G, B, A for each pixel.
    public let pixels: [UInt8]

    /// Nil when `pixels` does not hold exactly `width * height * 4` bytes or a side is not positive.
    public init?(width: Int, height: Int, pixels: [UInt8]) {
        guard width > 0, height > 0, pixels.count == width * height * 4 else { return nil }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A picture of one colour, handy for backdrops and tests.
    public init(width: Int, height: Int, filledWith color: RGBAColor) {
        precondition(width > 0 && height > 0, "an image needs a positive size")
        let px: [UInt8] = [color.red, color.green, color.blue, color.alpha].map { UInt8((min(max($0, 0), 1) * 255).rounded()) }
        var bytes = [UInt8](repeating: 0, count: width * height * 4)
        for i in stride(from: 0, to: bytes.count, by: 4) {
            bytes[i] = px[0]; bytes[i + 1] = px[1]; bytes[i + 2] = px[2]; bytes[i + 3] = px[3]
        }
        self.width = width
        self.height = height
        self.pixels = bytes
    }
}
