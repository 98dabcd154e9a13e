/// An overlay layer converted once into what per-frame blending needs, for one frame size and
/// colour matrix: for every luma pixel and every 2x2 chroma block of the layer's box, the inverse
/// alpha and the premultiplied colour as 8-bit fixed point, plus the span of each row that is not
/// fully transparent.
///
/// Blending is then `out = (dst * (255 - a) + pre + 128) / 255` in 16-bit integers with an exact
/// rounding division by 255, which the compiler vectorises.
public final class YUVOverlay {
    /// The part of the layer inside the frame.
    public let box: PixelBox
    /// Per luma pixel of `box`: 255 - alpha.
    private let lumaInverse: [UInt8]
    /// Per luma pixel: premultiplied Y times 255, rounded.
    private let lumaColour: [UInt16]
    /// Per luma row: the first and one-past-last column (box-relative) with any coverage.
    private let lumaSpans: [(Int32, Int32)]
    private let chromaInverse: [UInt8]
    private let cbColour: [UInt16]
    private let crColour: [UInt16]
    private let chromaSpans: [(Int32, Int32)]

    /// Converts `layer` for frames of `frameWidth`x`frameHeight` encoded with `matrix`.
    public init(_ layer: OverlayLayer, frameWidth: Int, frameHeight: Int, matrix: ColorMatrix) {
        let frame = PixelBox(x: 0, y: 0, width: frameWidth & ~1, height: frameHeight & ~1)
        let box = layer.box.intersection(frame)
        self.box = box
        let w = box.width, h = box.height, cw = w / 2, ch = h / 2
        var lInv = [UInt8](repeating: 255, count: w * h)
        var lCol = [UInt16](repeating: 0, count: w * h)
        var lSpans = [(Int32, Int32)](repeating: (0, 0), count: h)
        var cInv = [UInt8](repeating: 255, count: cw * ch)
        var cbCol = [UInt16](repeating: 0, count: cw * ch)
        var crCol = [UInt16](repeating: 0, count: cw * ch)
        var cSpans = [(Int32, Int32)](repeating: (0, 0), count: ch)
        // Chroma of each pixel of the current row pair, accumulated per block.
        var cbSum = [Double](repeating: 0, count: cw), crSum = cbSum, alphaSum = cbSum
        let src = layer.pixels
        let dx = box.x - layer.box.x, dy = box.y - layer.box.y
        for row in 0..<h {
            var first = -1, last = -1
            let srcRow = ((row + dy) * layer.box.width + dx) * 4
            for col in 0..<w {
                let s = srcRow + col * 4
                let a8 = src[s + 3]
                guard a8 != 0 else { continue }
                if first < 0 { first = col }
                last = col
                let a = Double(a8) / 255
                let c = matrix.premultipliedYCbCr(r: Double(src[s + 2]) / 255, g: Double(src[s + 1]) / 255,
                                                  b: Double(src[s]) / 255, alpha: a)
                lInv[row * w + col] = 255 - a8
                lCol[row * w + col] = UInt16(min(65025, (c.y * 255).rounded()))
                cbSum[col / 2] += c.cb
                crSum[col / 2] += c.cr
                alphaSum[col / 2] += a
            }
            lSpans[row] = first < 0 ? (0, 0) : (Int32(first), Int32(last + 1))
            if row & 1 == 1 {
                let crow = row / 2
                var cFirst = -1, cLast = -1
                for c in 0..<cw where alphaSum[c] > 0 {
                    if cFirst < 0 { cFirst = c }
                    cLast = c
                    // Averages of the four pixels: premultiplied values average linearly.
                    let i = crow * cw + c
                    cInv[i] = UInt8(max(0, min(255, (255 * (1 - alphaSum[c] / 4)).rounded())))
                    cbCol[i] = UInt16(max(0, min(65025, (cbSum[c] / 4 * 255).rounded())))
                    crCol[i] = UInt16(max(0, min(65025, (crSum[c] / 4 * 255).rounded())))
                }
                cSpans[crow] = cFirst < 0 ? (0, 0) : (Int32(cFirst), Int32(cLast + 1))
                for c in 0..<cw { cbSum[c] = 0; crSum[c] = 0; alphaSum[c] = 0 }
            }
        }
        lumaInverse = lInv
        lumaColour = lCol
        lumaSpans = lSpans
        chromaInverse = cInv
        cbColour = cbCol
        crColour = crCol
        chromaSpans = cSpans
    }

    /// Blends into `planes`. The parts of the box outside the planes' size are skipped.
    public func blend(into planes: YUVPlanes) {
        let visible = box.intersection(PixelBox(x: 0, y: 0, width: planes.width & ~1, height: planes.height & ~1))
        guard !visible.isEmpty else { return }
        let x0 = visible.x - box.x, y0 = visible.y - box.y
        let x1 = x0 + visible.width
        lumaInverse.withUnsafeBufferPointer { inv in
            lumaColour.withUnsafeBufferPointer { col in
                for row in y0..<(y0 + visible.height) {
                    let span = lumaSpans[row]
                    let start = max(Int(span.0), x0), end = min(Int(span.1), x1)
                    guard start < end else { continue }
                    let dst = planes.y + (box.y + row) * planes.yStride + box.x
                    Self.blendRow(dst, inv.baseAddress! + row * box.width, col.baseAddress! + row * box.width, start, end)
                }
            }
        }
        let cw = box.width / 2
        let cx0 = x0 / 2, cx1 = x1 / 2
        chromaInverse.withUnsafeBufferPointer { inv in
            cbColour.withUnsafeBufferPointer { cb in
                crColour.withUnsafeBufferPointer { cr in
                    for crow in (y0 / 2)..<((y0 + visible.height) / 2) {
                        let span = chromaSpans[crow]
                        let start = max(Int(span.0), cx0), end = min(Int(span.1), cx1)
                        guard start < end else { continue }
                        let frameRow = box.y / 2 + crow, frameCol = box.x / 2
                        let i = inv.baseAddress! + crow * cw
                        Self.blendRow(planes.u + frameRow * planes.uStride + frameCol, i, cb.baseAddress! + crow * cw, start, end)
                        Self.blendRow(planes.v + frameRow * planes.vStride + frameCol, i, cr.baseAddress! + crow * cw, start, end)
                    }
                }
            }
        }
    }

    /// `dst[i] = (dst[i] * inv[i] + colour[i]) / 255`, rounded, for i in start..<end.
    @inline(__always)
    private static func blendRow(_ dst: UnsafeMutablePointer<UInt8>, _ inv: UnsafePointer<UInt8>,
                                 _ colour: UnsafePointer<UInt16>, _ start: Int, _ end: Int) {
        for i in start..<end {
            // At most 255 * inv + 255 * (255 - inv) + 128 < 65536: no overflow in 16 bits.
            let t = UInt16(dst[i]) &* UInt16(inv[i]) &+ colour[i] &+ 128
            dst[i] = UInt8(truncatingIfNeeded: (t &+ (t >> 8)) >> 8)
        }
    }
}
