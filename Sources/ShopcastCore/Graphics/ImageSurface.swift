import CCairo

/// A Cairo image surface holding a picture to paint (a product image, a background).
/// Owns the `cairo_surface_t`; `deinit` destroys it.
final class ImageSurface {
    let surface: OpaquePointer
    let width: Int
    let height: Int

    /// Copies `image` into Cairo's premultiplied native-endian ARGB32 layout.
    init(_ image: RGBAImage) throws {
        guard let s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(image.width), Int32(image.height)),
              cairo_surface_status(s) == CAIRO_STATUS_SUCCESS
        else { throw ShopcastError(.internal, "cannot allocate a \(image.width)x\(image.height) image surface") }
        surface = s
        width = image.width
        height = image.height
        cairo_surface_flush(s)
        let stride = Int(cairo_image_surface_get_stride(s))
        guard let data = cairo_image_surface_get_data(s) else {
            cairo_surface_destroy(s)
            throw ShopcastError(.internal, "image surface has no pixel memory")
        }
        image.pixels.withUnsafeBufferPointer { src in
            for y in 0..<height {
                let row = data + y * stride
                let srcRow = y * width * 4
                for x in 0..<width {
                    let i = srcRow + x * 4
                    let a = UInt32(src[i + 3])
                    // Premultiply with rounding: (c * a + 127) / 255.
                    let r = (UInt32(src[i]) * a + 127) / 255
                    let g = (UInt32(src[i + 1]) * a + 127) / 255
                    let b = (UInt32(src[i + 2]) * a + 127) / 255
                    // ARGB32 in native endianness is B, G, R, A in memory on little-endian hosts.
                    row[x * 4] = UInt8(b)
                    row[x * 4 + 1] = UInt8(g)
                    row[x * 4 + 2] = UInt8(r)
                    row[x * 4 + 3] = UInt8(a)
                }
            }
        }
        cairo_surface_mark_dirty(s)
    }

    /// Copies already premultiplied B, G, R, A rows (an overlay layer's pixels).
    init(premultipliedBGRA bytes: UnsafeRawBufferPointer, width: Int, height: Int) throws {
        precondition(bytes.count >= width * height * 4, "too few bytes for the surface")
        guard let s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)),
              cairo_surface_status(s) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(s)
        else { throw ShopcastError(.internal, "cannot allocate a \(width)x\(height) image surface") }
        surface = s
        self.width = width
        self.height = height
        cairo_surface_flush(s)
        let stride = Int(cairo_image_surface_get_stride(s))
        for row in 0..<height {
            UnsafeMutableRawPointer(data + row * stride)
                .copyMemory(from: bytes.baseAddress! + row * width * 4, byteCount: width * 4)
        }
        cairo_surface_mark_dirty(s)
    }

    deinit { cairo_surface_destroy(surface) }
}
