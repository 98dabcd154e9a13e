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
        let lInv: [UInt8], lCol: [UInt16], cInv: [UInt8], cbCol: [UInt16], crCol: [UInt16]
        var lSpans = [(Int32, Int32)](repeating: (0, 0), count: h)
        var cSpans = [(Int32, Int32)](repeating: (0, 0), count: ch)
        // Premultiplied Y'CbCr is linear in the premultiplied bytes, so "code value x 255" (the
        // fixed point the blend uses) is a dot product of (B, G, R, A) bytes with these weights,
        // and a 2x2 chroma block's average is the same dot product of the summed bytes over 4.
        let wy = matrix.weights(.y), wb = matrix.weights(.cb), wr = matrix.weights(.cr)
        func dot(_ k: (Float, Float, Float, Float), _ b: Float, _ g: Float, _ r: Float, _ a: Float) -> UInt16 {
            UInt16(max(0, min(65025, (k.0 * b + k.1 * g + k.2 * r + k.3 * a).rounded())))
        }
        let dx = box.x - layer.box.x, dy = box.y - layer.box.y, srcStride = layer.box.width * 4
        // Raw pointers throughout: this loop runs over every pixel of the box once per render.
        let lInvP = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, w * h)), lColP = UnsafeMutablePointer<UInt16>.allocate(capacity: max(1, w * h))
        let cInvP = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, cw * ch))
        let cbP = UnsafeMutablePointer<UInt16>.allocate(capacity: max(1, cw * ch)), crP = UnsafeMutablePointer<UInt16>.allocate(capacity: max(1, cw * ch))
        defer { lInvP.deallocate(); lColP.deallocate(); cInvP.deallocate(); cbP.deallocate(); crP.deallocate() }
        lInvP.initialize(repeating: 255, count: w * h)
        lColP.initialize(repeating: 0, count: w * h)
        cInvP.initialize(repeating: 255, count: cw * ch)
        cbP.initialize(repeating: 0, count: cw * ch)
        crP.initialize(repeating: 0, count: cw * ch)
        layer.pixels.withUnsafeBufferPointer { src in
            for row in 0..<h {
                var first = -1, last = -1
                let s = src.baseAddress! + (row + dy) * srcStride + dx * 4
                for col in 0..<w where s[col * 4 + 3] != 0 {
                    let p = s + col * 4
                    if first < 0 { first = col }
                    last = col
                    lInvP[row * w + col] = 255 - p[3]
                    lColP[row * w + col] = dot(wy, Float(p[0]), Float(p[1]), Float(p[2]), Float(p[3]))
                }
                lSpans[row] = first < 0 ? (0, 0) : (Int32(first), Int32(last + 1))
            }
            for crow in 0..<ch {
                var first = -1, last = -1
                let s0 = src.baseAddress! + (crow * 2 + dy) * srcStride + dx * 4, s1 = s0 + srcStride
                for c in 0..<cw {
                    let p = c * 8
                    let a = Int(s0[p + 3]) + Int(s0[p + 7]) + Int(s1[p + 3]) + Int(s1[p + 7])
                    guard a != 0 else { continue }
                    if first < 0 { first = c }
                    last = c
                    let b = Float(Int(s0[p]) + Int(s0[p + 4]) + Int(s1[p]) + Int(s1[p + 4])) / 4
                    let g = Float(Int(s0[p + 1]) + Int(s0[p + 5]) + Int(s1[p + 1]) + Int(s1[p + 5])) / 4
                    let r = Float(Int(s0[p + 2]) + Int(s0[p + 6]) + Int(s1[p + 2]) + Int(s1[p + 6])) / 4
                    let i = crow * cw + c
                    cInvP[i] = UInt8(255 - (a + 2) / 4)
                    cbP[i] = dot(wb, b, g, r, Float(a) / 4)
                    crP[i] = dot(wr, b, g, r, Float(a) / 4)
                }
                cSpans[crow] = first < 0 ? (0, 0) : (Int32(first), Int32(last + 1))
            }
        }
        lInv = Array(UnsafeBufferPointer(start: lInvP, count: w * h))
        lCol = Array(UnsafeBufferPointer(start: lColP, count: w * h))
        cInv = Array(UnsafeBufferPointer(start: cInvP, count: cw * ch))
        cbCol = Array(UnsafeBufferPointer(start: cbP, count: cw * ch))
        crCol = Array(UnsafeBufferPointer(start: crP, count: cw * ch))
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
