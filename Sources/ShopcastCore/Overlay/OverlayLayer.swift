/// A rendered overlay element (card, banner, slate): premultiplied BGRA pixels covering only its
/// box in the frame. Boxes have even origin and size so 4:2:0 chroma is covered whole.
public struct OverlayLayer: Equatable, Sendable {
    /// Where the pixels go in the frame.
    public let box: PixelBox
    /// `box.width * box.height * 4` bytes, rows top to bottom: B, G, R, A with colour premultiplied
    /// by alpha.
    public let pixels: [UInt8]

    public init(box: PixelBox, pixels: [UInt8]) {
        precondition(pixels.count == box.width * box.height * 4, "layer pixels do not match its box")
        self.box = box
        self.pixels = pixels
    }

    /// The alpha (0...255) at a frame position, 0 outside the box.
    public func alpha(x: Int, y: Int) -> UInt8 {
        let lx = x - box.x, ly = y - box.y
        guard lx >= 0, ly >= 0, lx < box.width, ly < box.height else { return 0 }
        return pixels[(ly * box.width + lx) * 4 + 3]
    }
}
