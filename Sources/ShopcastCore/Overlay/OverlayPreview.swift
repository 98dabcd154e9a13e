/// Still pictures of what viewers will see: overlay layers composited over a frame of the show
/// (or a neutral studio-grey backdrop) and written as PNG, so a producer can check the look.
public enum OverlayPreview {
    /// Renders `scene` for a `width`x`height` show and writes it to `path`.
    /// `background` is scaled to cover the frame when its size differs (cropped, never stretched).
    public static func write(_ scene: OverlayScene, width: Int, height: Int, theme: OverlayTheme = .standard,
                             background: RGBAImage? = nil, to path: String) throws {
        let renderer = try OverlayRenderer(frameWidth: width, frameHeight: height, theme: theme)
        try write(layers: try renderer.render(scene), width: width, height: height, background: background, to: path)
    }

    /// Composites already rendered layers, bottom first, and writes the PNG.
    public static func write(layers: [OverlayLayer], width: Int, height: Int, background: RGBAImage? = nil,
                             to path: String) throws {
        let canvas = try compose(layers: layers, width: width, height: height, background: background)
        try canvas.writePNG(to: path)
    }

    /// The composited picture as straight RGBA (for contact sheets and pixel tests).
    public static func image(layers: [OverlayLayer], width: Int, height: Int, background: RGBAImage? = nil) throws -> RGBAImage {
        let canvas = try compose(layers: layers, width: width, height: height, background: background)
        return canvas.withPixels { data, stride in
            var out = [UInt8](repeating: 0, count: width * height * 4)
            for y in 0..<height {
                for x in 0..<width {
                    let s = data + y * stride + x * 4, d = (y * width + x) * 4
                    let a = Int(s[3])
                    // Unpremultiply; the backdrop is opaque so a is 255 in practice.
                    func un(_ c: UInt8) -> UInt8 { a == 0 ? 0 : UInt8(min(255, (Int(c) * 255 + a / 2) / a)) }
                    out[d] = un(s[2]); out[d + 1] = un(s[1]); out[d + 2] = un(s[0]); out[d + 3] = UInt8(a)
                }
            }
            return RGBAImage(width: width, height: height, pixels: out)!
        }
    }

    static func compose(layers: [OverlayLayer], width: Int, height: Int, background: RGBAImage?) throws -> Canvas {
        let canvas = try Canvas(width: width, height: height)
        let frame = Rect(x: 0, y: 0, width: Double(width), height: Double(height))
        if let background {
            canvas.draw(try ImageSurface(background), covering: frame, radius: 0)
        } else {
            paintBackdrop(frame, on: canvas)
        }
        for layer in layers where !layer.box.isEmpty {
            let surface = try layer.pixels.withUnsafeBytes {
                try ImageSurface(premultipliedBGRA: $0, width: layer.box.width, height: layer.box.height)
            }
            canvas.draw(surface, filling: Rect(x: Double(layer.box.x), y: Double(layer.box.y),
                                               width: Double(layer.box.width), height: Double(layer.box.height)))
        }
        return canvas
    }

    /// A soft-lit grey set: neutral enough to judge colours, textured enough to show translucency.
    static func paintBackdrop(_ frame: Rect, on canvas: Canvas) {
        canvas.fill(frame, top: RGBAColor(red: 0.55, green: 0.56, blue: 0.58), bottom: RGBAColor(red: 0.30, green: 0.31, blue: 0.33))
        canvas.fillRadial(frame, centerX: frame.width * 0.62, centerY: frame.height * 0.38,
                          radius: max(frame.width, frame.height) * 0.55,
                          inner: RGBAColor(red: 0.93, green: 0.90, blue: 0.86, alpha: 0.55), outer: RGBAColor.white.withAlpha(0))
    }
}
