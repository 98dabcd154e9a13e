import XCTest
@testable import ShopcastCore

final class OverlayBlendTests: XCTestCase {
    /// A layer with every kind of alpha and colour, on a small frame with padded strides.
    private func syntheticLayer(box: PixelBox) -> OverlayLayer {
        var rng = SystemRandomNumberGenerator()
        var px = [UInt8](repeating: 0, count: box.width * box.height * 4)
        for i in 0..<(box.width * box.height) {
            let x = i % box.width
            // Transparent left columns, opaque right, anything in between.
            let a: UInt8 = x < 3 ? 0 : x >= box.width - 3 ? 255 : UInt8.random(in: 0...255, using: &rng)
            // Premultiplied: colour never exceeds alpha.
            px[i * 4] = UInt8.random(in: 0...a, using: &rng)
            px[i * 4 + 1] = UInt8.random(in: 0...a, using: &rng)
            px[i * 4 + 2] = UInt8.random(in: 0...a, using: &rng)
            px[i * 4 + 3] = a
        }
        return OverlayLayer(box: box, pixels: px)
    }

    /// The integer blender matches a straightforward floating-point "over" within one code value,
    /// for luma per pixel and for chroma per 2x2 block; pixels outside the box are untouched. Boxes
    /// inside the frame and hanging over its top-left and bottom-right corners.
    func testBlendMatchesReferenceWithinOne() {
        let matrices = [ColorMatrix.bt709, .bt601, ColorMatrix(kr: 0.2126, kb: 0.0722, fullRange: true)]
        let boxes = [PixelBox(x: 10, y: 6, width: 30, height: 20), PixelBox(x: -6, y: -4, width: 30, height: 20),
                     PixelBox(x: 50, y: 36, width: 30, height: 20)]
        for matrix in matrices {
            for box in boxes {
                let w = 64, h = 48, yStride = 80, cStride = 48
                let layer = syntheticLayer(box: box)
                var yPlane = (0..<(yStride * h)).map { _ in UInt8.random(in: 16...235) }
                var uPlane = (0..<(cStride * h / 2)).map { _ in UInt8.random(in: 16...240) }
                var vPlane = (0..<(cStride * h / 2)).map { _ in UInt8.random(in: 16...240) }
                let (y0, u0, v0) = (yPlane, uPlane, vPlane)
                let overlay = YUVOverlay(layer, frameWidth: w, frameHeight: h, matrix: matrix)
                yPlane.withUnsafeMutableBufferPointer { yp in
                    uPlane.withUnsafeMutableBufferPointer { up in
                        vPlane.withUnsafeMutableBufferPointer { vp in
                            overlay.blend(into: YUVPlanes(width: w, height: h, y: yp.baseAddress!, yStride: yStride,
                                                          u: up.baseAddress!, uStride: cStride, v: vp.baseAddress!, vStride: cStride))
                        }
                    }
                }
                // Reference, written from the definitions in floating point.
                func pixel(_ x: Int, _ y: Int) -> (a: Double, r: Double, g: Double, b: Double) {
                    guard x >= box.x, y >= box.y, x < box.x + box.width, y < box.y + box.height else { return (0, 0, 0, 0) }
                    let i = ((y - box.y) * box.width + (x - box.x)) * 4
                    let a = Double(layer.pixels[i + 3]) / 255
                    guard a > 0 else { return (0, 0, 0, 0) }
                    return (a, Double(layer.pixels[i + 2]) / 255 / a, Double(layer.pixels[i + 1]) / 255 / a, Double(layer.pixels[i]) / 255 / a)
                }
                func ycbcr(_ r: Double, _ g: Double, _ b: Double) -> (Double, Double, Double) {
                    let kg = 1 - matrix.kr - matrix.kb
                    let yl = matrix.kr * r + kg * g + matrix.kb * b
                    let cb = (b - yl) / (2 * (1 - matrix.kb)), cr = (r - yl) / (2 * (1 - matrix.kr))
                    return matrix.fullRange ? (255 * yl, 128 + 255 * cb, 128 + 255 * cr) : (16 + 219 * yl, 128 + 224 * cb, 128 + 224 * cr)
                }
                var worst = 0
                for y in 0..<h {
                    for x in 0..<w {
                        let p = pixel(x, y)
                        let c = ycbcr(p.r, p.g, p.b)
                        let expected = Double(y0[y * yStride + x]) * (1 - p.a) + c.0 * p.a
                        let got = Int(yPlane[y * yStride + x])
                        worst = max(worst, abs(got - Int(expected.rounded())))
                        XCTAssertLessThanOrEqual(abs(Double(got) - expected), 1.0, "Y at \(x),\(y)")
                    }
                }
                for cy in 0..<(h / 2) {
                    for cx in 0..<(w / 2) {
                        var alpha = 0.0, cb = 0.0, cr = 0.0
                        for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                            let p = pixel(cx * 2 + dx, cy * 2 + dy)
                            let c = ycbcr(p.r, p.g, p.b)
                            alpha += p.a / 4; cb += c.1 * p.a / 4; cr += c.2 * p.a / 4
                        }
                        let i = cy * cStride + cx
                        let eu = Double(u0[i]) * (1 - alpha) + cb, ev = Double(v0[i]) * (1 - alpha) + cr
                        XCTAssertLessThanOrEqual(abs(Double(uPlane[i]) - eu), 1.0, "U at \(cx),\(cy)")
                        XCTAssertLessThanOrEqual(abs(Double(vPlane[i]) - ev), 1.0, "V at \(cx),\(cy)")
                    }
                }
                // Stride padding beyond the frame width is never written.
                for y in 0..<h { XCTAssertEqual(Array(yPlane[(y * yStride + w)..<((y + 1) * yStride)]), Array(y0[(y * yStride + w)..<((y + 1) * yStride)])) }
                XCTAssertLessThanOrEqual(worst, 1)
            }
        }
    }

    /// Opaque white and black land on the limited-range extremes.
    func testOpaqueColoursHitNominalCodeValues() {
        for (bgra, yExpected) in [([255, 255, 255, 255] as [UInt8], UInt8(235)), ([0, 0, 0, 255], 16)] {
            let box = PixelBox(x: 0, y: 0, width: 4, height: 4)
            let layer = OverlayLayer(box: box, pixels: Array([[UInt8]](repeating: bgra, count: 16).joined()))
            var frame = TestYUVFrame(width: 8, height: 8, fill: (90, 60, 200))
            frame.withPlanes { YUVOverlay(layer, frameWidth: 8, frameHeight: 8, matrix: .bt709).blend(into: $0) }
            XCTAssertEqual(frame.y[0], yExpected)
            XCTAssertEqual(frame.u[0], 128)
            XCTAssertEqual(frame.v[0], 128)
            XCTAssertEqual(frame.y[5], 90, "outside the box")
        }
    }

    /// The compositor re-renders only what changed: a countdown tick re-renders the card, not the
    /// banner; an identical scene renders nothing; an emptied scene blends nothing.
    func testCompositorRendersOnlyOnChange() throws {
        let compositor = try OverlayCompositor(frameWidth: 640, frameHeight: 360)
        XCTAssertEqual(compositor.matrix, .bt601)
        var card = OverlayFixtures.scarf()
        let banner = BannerContent(text: "Free shipping")
        XCTAssertTrue(try compositor.update(OverlayScene(card: card, banner: banner)))
        XCTAssertEqual(compositor.renderCount, 2)
        XCTAssertFalse(try compositor.update(OverlayScene(card: card, banner: banner)))
        XCTAssertEqual(compositor.renderCount, 2)
        card.countdown = "ends in 02:40"
        XCTAssertTrue(try compositor.update(OverlayScene(card: card, banner: banner)))
        XCTAssertEqual(compositor.renderCount, 3)
        var frame = TestYUVFrame(width: 640, height: 360)
        let original = frame
        frame.withPlanes { compositor.blend(into: $0) }
        XCTAssertNotEqual(frame.y, original.y)
        try compositor.update(OverlayScene())
        var clean = TestYUVFrame(width: 640, height: 360)
        clean.withPlanes { compositor.blend(into: $0) }
        XCTAssertEqual(clean.y, original.y)
        XCTAssertEqual(clean.u, original.u)
        XCTAssertEqual(try OverlayCompositor(frameWidth: 1280, frameHeight: 720).matrix, .bt709)
        XCTAssertEqual(try OverlayCompositor(frameWidth: 720, frameHeight: 1280).matrix, .bt709)
    }

    /// The slate covers the whole frame opaquely.
    func testSlateCoversTheFrame() throws {
        let renderer = try OverlayRenderer(frameWidth: 640, frameHeight: 360)
        let layer = try renderer.render(SlateContent(title: "Starting soon", countdown: "04:59"))
        XCTAssertEqual(layer.box, PixelBox(x: 0, y: 0, width: 640, height: 360))
        XCTAssertTrue(stride(from: 3, to: layer.pixels.count, by: 4).allSatisfy { layer.pixels[$0] == 255 })
    }
}
