import CCairo
import Foundation

/// A transparent drawing surface with a Cairo context on it: the one place overlay painting
/// happens. Owns the `cairo_surface_t` and the `cairo_t`; `deinit` destroys both.
///
/// Coordinates are frame pixels: a canvas covering only part of the frame is created with that
/// part's `origin`, so painters draw in frame coordinates whatever the canvas size.
final class Canvas {
    let width: Int
    let height: Int
    /// Where the canvas's top-left pixel sits in the frame.
    let originX: Int
    let originY: Int
    private let surface: OpaquePointer
    private let cr: OpaquePointer

    init(width: Int, height: Int, originX: Int = 0, originY: Int = 0) throws {
        guard width > 0, height > 0 else { throw ShopcastError(.internal, "canvas size \(width)x\(height) is empty") }
        guard let s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)),
              cairo_surface_status(s) == CAIRO_STATUS_SUCCESS
        else { throw ShopcastError(.internal, "cannot allocate a \(width)x\(height) canvas") }
        guard let c = cairo_create(s), cairo_status(c) == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(s)
            throw ShopcastError(.internal, "cannot create a drawing context")
        }
        surface = s
        cr = c
        self.width = width
        self.height = height
        self.originX = originX
        self.originY = originY
        cairo_translate(cr, Double(-originX), Double(-originY))
        // Grey-scale antialiasing: subpixel (LCD) rendering would fringe once converted to YUV.
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_GRAY)
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    // MARK: Shapes

    /// Fills a rectangle whose corners are rounded by `radius`.
    func fill(_ rect: Rect, radius: Double = 0, color: RGBAColor) {
        roundedPath(rect, radius: radius)
        setColor(color)
        cairo_fill(cr)
    }

    /// Fills a rounded rectangle with a vertical gradient from `top` to `bottom`.
    func fill(_ rect: Rect, radius: Double = 0, top: RGBAColor, bottom: RGBAColor) {
        guard let pattern = cairo_pattern_create_linear(rect.minX, rect.minY, rect.minX, rect.maxY) else { return }
        defer { cairo_pattern_destroy(pattern) }
        cairo_pattern_add_color_stop_rgba(pattern, 0, top.red, top.green, top.blue, top.alpha)
        cairo_pattern_add_color_stop_rgba(pattern, 1, bottom.red, bottom.green, bottom.blue, bottom.alpha)
        roundedPath(rect, radius: radius)
        cairo_set_source(cr, pattern)
        cairo_fill(cr)
    }

    /// Strokes the outline of a rounded rectangle, the line centred on its edge.
    func stroke(_ rect: Rect, radius: Double = 0, color: RGBAColor, lineWidth: Double, dash: [Double] = []) {
        roundedPath(rect, radius: radius)
        setColor(color)
        cairo_set_line_width(cr, lineWidth)
        dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
        cairo_stroke(cr)
        cairo_set_dash(cr, nil, 0, 0)
    }

    /// Fills a circle.
    func fillCircle(centerX: Double, centerY: Double, radius: Double, color: RGBAColor) {
        cairo_new_path(cr)
        cairo_arc(cr, centerX, centerY, radius, 0, 2 * Double.pi)
        setColor(color)
        cairo_fill(cr)
    }

    /// Strokes a circle.
    func strokeCircle(centerX: Double, centerY: Double, radius: Double, color: RGBAColor, lineWidth: Double) {
        cairo_new_path(cr)
        cairo_arc(cr, centerX, centerY, radius, 0, 2 * Double.pi)
        setColor(color)
        cairo_set_line_width(cr, lineWidth)
        cairo_stroke(cr)
    }

    /// Strokes an open polyline with round caps and joins.
    func strokePolyline(_ points: [(Double, Double)], color: RGBAColor, lineWidth: Double) {
        guard let first = points.first else { return }
        cairo_new_path(cr)
        cairo_move_to(cr, first.0, first.1)
        for p in points.dropFirst() { cairo_line_to(cr, p.0, p.1) }
        setColor(color)
        cairo_set_line_width(cr, lineWidth)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_stroke(cr)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
    }

    /// A soft drop shadow under a rounded rectangle, faked with a few widening translucent outlines
    /// because Cairo has no blur.
    func shadow(under rect: Rect, radius: Double, spread: Double, opacity: Double) {
        let steps = 8
        for i in 0..<steps {
            let t = Double(steps - i) / Double(steps)
            let grow = spread * t
            let r = rect.inset(by: -grow).offsetBy(x: 0, y: spread * 0.35)
            fill(r, radius: radius + grow, color: RGBAColor.black.withAlpha(opacity / Double(steps) * (1 - t * 0.5)))
        }
    }

    /// Fills `rect` with a radial gradient from `inner` at `center` to `outer` at `radius`.
    func fillRadial(_ rect: Rect, centerX: Double, centerY: Double, radius: Double, inner: RGBAColor, outer: RGBAColor) {
        guard let pattern = cairo_pattern_create_radial(centerX, centerY, 0, centerX, centerY, radius) else { return }
        defer { cairo_pattern_destroy(pattern) }
        cairo_pattern_add_color_stop_rgba(pattern, 0, inner.red, inner.green, inner.blue, inner.alpha)
        cairo_pattern_add_color_stop_rgba(pattern, 1, outer.red, outer.green, outer.blue, outer.alpha)
        cairo_new_path(cr)
        cairo_rectangle(cr, rect.minX, rect.minY, rect.width, rect.height)
        cairo_set_source(cr, pattern)
        cairo_fill(cr)
    }

    /// Runs `body` with drawing clipped to a rounded rectangle.
    func clipped(to rect: Rect, radius: Double, _ body: () -> Void) {
        cairo_save(cr)
        roundedPath(rect, radius: radius)
        cairo_clip(cr)
        body()
        cairo_restore(cr)
    }

    // MARK: Pictures, codes, text

    /// Paints `image` so that it covers `rect` (cropping the overflow, keeping its aspect ratio),
    /// clipped to a rounded rectangle.
    func draw(_ image: ImageSurface, covering rect: Rect, radius: Double) {
        let scale = max(rect.width / Double(image.width), rect.height / Double(image.height))
        let drawnW = Double(image.width) * scale, drawnH = Double(image.height) * scale
        cairo_save(cr)
        roundedPath(rect, radius: radius)
        cairo_clip(cr)
        cairo_translate(cr, rect.minX + (rect.width - drawnW) / 2, rect.minY + (rect.height - drawnH) / 2)
        cairo_scale(cr, scale, scale)
        cairo_set_source_surface(cr, image.surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
        // Edge pixels repeat outward: scaled with the default (none), the picture's border
        // would be averaged with transparency and show as a faint line.
        cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD)
        cairo_paint(cr)
        cairo_restore(cr)
    }

    /// Paints `image` stretched over `rect` exactly (backgrounds already sized to the frame),
    /// and nowhere else.
    func draw(_ image: ImageSurface, filling rect: Rect) {
        cairo_save(cr)
        cairo_translate(cr, rect.minX, rect.minY)
        cairo_scale(cr, rect.width / Double(image.width), rect.height / Double(image.height))
        cairo_set_source_surface(cr, image.surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
        // Edge pixels repeat outward (else the scaled border fades into a faint line), so the
        // paint is bounded by the rectangle: padded, it covered the whole canvas.
        cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD)
        cairo_rectangle(cr, 0, 0, Double(image.width), Double(image.height))
        cairo_fill(cr)
        cairo_restore(cr)
    }

    /// The side of one module when `modules` fill `side` pixels: whole pixels, so every
    /// module is crisp, unless that would be under one.
    static func qrModule(side: Double, modules: Int) -> Double {
        let exact = side / Double(modules)
        return exact.rounded(.down) >= 1 ? exact.rounded(.down) : exact
    }

    /// Paints the dark modules of `code` into `rect` (a square; the quiet zone is the caller's).
    /// Modules snap to whole pixels where possible so scanners see crisp edges.
    func draw(_ code: QRCode, in rect: Rect, color: RGBAColor) {
        let n = code.size
        let module = Self.qrModule(side: rect.width, modules: n)
        let side = module * Double(n)
        let x0 = (rect.minX + (rect.width - side) / 2).rounded(), y0 = (rect.minY + (rect.height - side) / 2).rounded()
        cairo_new_path(cr)
        for row in 0..<n {
            for col in 0..<n where code.isDark(row: row, column: col) {
                cairo_rectangle(cr, x0 + Double(col) * module, y0 + Double(row) * module, module, module)
            }
        }
        setColor(color)
        // Without antialiasing, neighbouring modules do not leave hairline seams between them.
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE)
        cairo_fill(cr)
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_GRAY)
    }

    /// Draws `text` with its layout box's top-left corner at (x, y).
    func draw(_ text: TextLayout, x: Double, y: Double, color: RGBAColor) {
        cairo_save(cr)
        cairo_move_to(cr, x, y)
        setColor(color)
        text.show(on: cr)
        cairo_restore(cr)
    }

    // MARK: Output

    /// Calls `body` with the finished pixels: premultiplied B, G, R, A bytes (Cairo's ARGB32 on a
    /// little-endian host) and the row stride in bytes.
    func withPixels<T>(_ body: (UnsafePointer<UInt8>, Int) throws -> T) rethrows -> T {
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        // A successfully created image surface always has memory.
        let data = UnsafePointer(cairo_image_surface_get_data(surface)!)
        return try body(data, stride)
    }

    /// Writes the canvas as a PNG file.
    func writePNG(to path: String) throws {
        cairo_surface_flush(surface)
        let status = cairo_surface_write_to_png(surface, path)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ShopcastError(.io, "\(path): cannot write PNG (\(String(cString: cairo_status_to_string(status))))")
        }
    }

    // MARK: Helpers

    private func setColor(_ c: RGBAColor) {
        cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    }

    private func roundedPath(_ rect: Rect, radius: Double) {
        cairo_new_path(cr)
        let r = min(radius, rect.width / 2, rect.height / 2)
        guard r > 0 else {
            cairo_rectangle(cr, rect.minX, rect.minY, rect.width, rect.height)
            return
        }
        let half = Double.pi / 2
        cairo_arc(cr, rect.maxX - r, rect.minY + r, r, -half, 0)
        cairo_arc(cr, rect.maxX - r, rect.maxY - r, r, 0, half)
        cairo_arc(cr, rect.minX + r, rect.maxY - r, r, half, 2 * half)
        cairo_arc(cr, rect.minX + r, rect.minY + r, r, 2 * half, 3 * half)
        cairo_close_path(cr)
    }
}
