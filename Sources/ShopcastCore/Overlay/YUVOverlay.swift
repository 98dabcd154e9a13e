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
    public convenience init(_ layer: OverlayLayer, frameWidth: Int, frameHeight: Int, matrix: ColorMatrix) {
        self.init(layer, within: PixelBox(x: 0, y: 0, width: frameWidth & ~1, height: frameHeight & ~1), matrix: matrix)
    }

    /// Converts all of `layer`, to be blended moved (`blend(into:movedBy:)`).
    convenience init(movable layer: OverlayLayer, matrix: ColorMatrix) {
        self.init(layer, within: layer.box, matrix: matrix)
    }

    private init(_ layer: OverlayLayer, within frame: PixelBox, matrix: ColorMatrix) {
        let box = layer.box.intersection(frame)
        self.box = box
        let w = box.width, h = box.height, cw = w / 2, ch = h / 2
        var lInv: [UInt8] = [], lCol: [UInt16] = [], cInv: [UInt8] = [], cbCol: [UInt16] = [], crCol: [UInt16] = []
        var lSpans = [(Int32, Int32)](repeating: (0, 0), count: h)
        var cSpans = [(Int32, Int32)](repeating: (0, 0), count: ch)
        // Premultiplied Y'CbCr is linear in the premultiplied bytes, so "code value x 255" (the
        // fixed point the blend uses) is a dot product of (B, G, R, A) bytes with these weights,
        // and a 2x2 chroma block's average is the same dot product of the summed bytes over 4.
        // In 32-bit integers with weights in 1/4096ths (an error under 1/1000 of a code value),
        // wrapping arithmetic (nothing here can overflow: at most 65025 x 4096), so the loops
        // vectorise; chroma weights carry the quarter.
        func fixed(_ k: (Float, Float, Float, Float), _ scale: Double) -> (Int32, Int32, Int32, Int32) {
            (Int32((Double(k.0) * scale).rounded()), Int32((Double(k.1) * scale).rounded()),
             Int32((Double(k.2) * scale).rounded()), Int32((Double(k.3) * scale).rounded()))
        }
        let wy = fixed(matrix.weights(.y), 4096), wb = fixed(matrix.weights(.cb), 1024), wr = fixed(matrix.weights(.cr), 1024)
        @inline(__always)
        func dot(_ k: (Int32, Int32, Int32, Int32), _ b: Int32, _ g: Int32, _ r: Int32, _ a: Int32) -> UInt16 {
            UInt16(truncatingIfNeeded: max(0, min(65025, (k.0 &* b &+ k.1 &* g &+ k.2 &* r &+ k.3 &* a &+ 2048) &>> 12)))
        }
        let dx = box.x - layer.box.x, dy = box.y - layer.box.y, srcStride = layer.box.width * 4
        // Every pixel is written, transparent ones included: their premultiplied bytes are 0, so
        // the same arithmetic gives "keep the frame" (inverse 255, colour 0), and the loops have
        // no branch. Raw pointers throughout: this runs over the whole card on every redraw.
        layer.pixels.withUnsafeBufferPointer { pixels in
            guard let src = pixels.baseAddress, w > 0, h > 0 else { return }
            @inline(__always)
            func row(_ y: Int) -> UnsafePointer<UInt8> { src + ((y &+ dy) &* srcStride &+ dx &* 4) }
            // The first and one-past-last column whose alpha test passes, (0, 0) for none.
            func span(_ count: Int, _ covered: (Int) -> Bool) -> (Int32, Int32) {
                var first = 0, end = count
                while first < count, !covered(first) { first += 1 }
                guard first < count else { return (0, 0) }
                while !covered(end - 1) { end -= 1 }
                return (Int32(first), Int32(end))
            }
            lInv = Array(unsafeUninitializedCapacity: w * h) { inv, count in
                for y in 0..<h {
                    let s = row(y), o = y * w
                    for x in 0..<w { inv[o &+ x] = 255 &- s[x &* 4 &+ 3] }
                    lSpans[y] = span(w) { s[$0 * 4 + 3] != 0 }
                }
                count = w * h
            }
            lCol = Array(unsafeUninitializedCapacity: w * h) { col, count in
                for y in 0..<h {
                    let s = row(y), o = y * w
                    for x in 0..<w {
                        let p = s + (x &* 4)
                        col[o &+ x] = dot(wy, Int32(p[0]), Int32(p[1]), Int32(p[2]), Int32(p[3]))
                    }
                }
                count = w * h
            }
            // A chroma sample covers a 2x2 block: its bytes summed (the weights carry the quarter).
            @inline(__always)
            func block(_ cy: Int, _ cx: Int, _ channel: Int) -> Int32 {
                let s0 = row(cy &* 2) + (cx &* 8 &+ channel), s1 = s0 + srcStride
                return Int32(s0[0]) &+ Int32(s0[4]) &+ Int32(s1[0]) &+ Int32(s1[4])
            }
            cInv = Array(unsafeUninitializedCapacity: cw * ch) { inv, count in
                for cy in 0..<ch {
                    for cx in 0..<cw { inv[cy &* cw &+ cx] = UInt8(truncatingIfNeeded: 255 &- (block(cy, cx, 3) &+ 2) &>> 2) }
                    cSpans[cy] = span(cw) { block(cy, $0, 3) != 0 }
                }
                count = cw * ch
            }
            func chroma(_ weights: (Int32, Int32, Int32, Int32)) -> [UInt16] {
                Array(unsafeUninitializedCapacity: cw * ch) { out, count in
                    for cy in 0..<ch {
                        for cx in 0..<cw {
                            out[cy &* cw &+ cx] = dot(weights, block(cy, cx, 0), block(cy, cx, 1), block(cy, cx, 2), block(cy, cx, 3))
                        }
                    }
                    count = cw * ch
                }
            }
            cbCol = chroma(wb)
            crCol = chroma(wr)
        }
        lumaInverse = lInv
        lumaColour = lCol
        lumaSpans = lSpans
        chromaInverse = cInv
        cbColour = cbCol
        crColour = crCol
        chromaSpans = cSpans
    }

    /// Blends into `planes`, the layer moved by `dx`, `dy` pixels (even, so that chroma stays on
    /// its 2x2 blocks). The parts outside the planes' size are skipped.
    public func blend(into planes: YUVPlanes, movedBy dx: Int = 0, _ dy: Int = 0) {
        precondition(dx & 1 == 0 && dy & 1 == 0, "an overlay moves by even pixels")
        let box = PixelBox(x: self.box.x + dx, y: self.box.y + dy, width: self.box.width, height: self.box.height)
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
