import CFFmpeg

/// How a video's pictures are turned to be seen upright. A phone records in its sensor's
/// orientation and says in the stream's display matrix how to turn the pictures; a player that
/// ignores it shows a portrait video sideways.
struct Orientation: Equatable, Sendable {
    /// Clockwise quarter turns, 0 to 3, after the mirroring.
    var quarterTurns = 0
    /// Mirrored left to right first (a front camera's selfie view).
    var mirrored = false

    static let upright = Orientation()

    var isUpright: Bool { quarterTurns == 0 && !mirrored }
    /// Width and height trade places.
    var swapsSides: Bool { quarterTurns % 2 == 1 }

    init(quarterTurns: Int = 0, mirrored: Bool = false) {
        self.quarterTurns = ((quarterTurns % 4) + 4) % 4
        self.mirrored = mirrored
    }

    /// From a display matrix (nine 16.16 / 2.30 fixed-point numbers, as FFmpeg keeps it).
    init(displayMatrix: UnsafePointer<Int32>) {
        var matrix = (0..<9).map { displayMatrix[$0] }
        // A negative determinant is a mirror; undone first, what is left is a rotation.
        let mirrored = Int64(matrix[0]) * Int64(matrix[4]) - Int64(matrix[1]) * Int64(matrix[3]) < 0
        if mirrored { av_display_matrix_flip(&matrix, 1, 0) }
        // FFmpeg gives the matrix's angle counter-clockwise; the picture turns the other way.
        let angle = -av_display_rotation_get(&matrix)
        let turns = angle.isFinite ? Int((angle / 90).rounded()) : 0
        self.init(quarterTurns: turns, mirrored: mirrored)
    }

    /// Writes one plane of `width`x`height` pixels turned into `destination` (whose sides are
    /// swapped when `swapsSides`). Strides count pixels: bytes of a YUV plane, words of RGBA.
    func turn<Pixel>(_ source: UnsafePointer<Pixel>, stride: Int, width: Int, height: Int,
                     into destination: UnsafeMutablePointer<Pixel>, stride out: Int) {
        for y in 0..<height {
            let row = source + y * stride
            for x in 0..<width {
                let value = row[mirrored ? width - 1 - x : x]
                let (dx, dy): (Int, Int)
                switch quarterTurns {
                case 1: (dx, dy) = (height - 1 - y, x)
                case 2: (dx, dy) = (width - 1 - x, height - 1 - y)
                case 3: (dx, dy) = (y, width - 1 - x)
                default: (dx, dy) = (x, y)
                }
                destination[dy * out + dx] = value
            }
        }
    }
}

extension Orientation {
    /// A yuv420p `picture` turned upright: a new picture (sides swapped when `swapsSides`) with
    /// its timestamps, colour tags and pixel aspect; `picture` itself when it is upright already.
    func upright(_ picture: Frame) throws -> Frame {
        guard !isUpright else { return picture }
        let (w, h) = (picture.width, picture.height)
        let turned = try Frame(videoWidth: swapsSides ? h : w, height: swapsSides ? w : h)
        try FFmpegError.check(av_frame_copy_props(turned.pointer, picture.pointer), "copy picture properties")
        av_frame_remove_side_data(turned.pointer, AV_FRAME_DATA_DISPLAYMATRIX)
        if swapsSides {
            let sar = picture.pointer.pointee.sample_aspect_ratio
            turned.pointer.pointee.sample_aspect_ratio = AVRational(num: sar.den, den: sar.num)
        }
        for plane in 0..<3 {
            guard let from = picture.plane(plane), let to = turned.plane(plane) else { continue }
            let (pw, ph) = plane == 0 ? (w, h) : ((w + 1) / 2, (h + 1) / 2)
            turn(from.data, stride: from.stride, width: pw, height: ph, into: to.data, stride: to.stride)
        }
        return turned
    }
}

extension Frame {
    /// How this picture is to be turned, from its own display matrix (a JPEG's EXIF
    /// orientation); nil when it carries none.
    var orientation: Orientation? {
        guard let data = av_frame_get_side_data(pointer, AV_FRAME_DATA_DISPLAYMATRIX), data.pointee.size >= 36 else { return nil }
        return data.pointee.data.withMemoryRebound(to: Int32.self, capacity: 9) { Orientation(displayMatrix: $0) }
    }
}

extension InputFile {
    /// How the stream's pictures are to be turned (its display matrix), upright when it has none.
    func orientation(of index: Int) -> Orientation {
        var size: Int = 0
        guard let data = av_stream_get_side_data(stream(index), AV_PKT_DATA_DISPLAYMATRIX, &size), size >= 36 else { return .upright }
        return data.withMemoryRebound(to: Int32.self, capacity: 9) { Orientation(displayMatrix: $0) }
    }
}

extension Orientation {
    /// The pixels of a `width`x`height` source that end up in `rect` of the turned picture.
    func sourceRect(of rect: PixelRect, width: Int, height: Int) -> PixelRect {
        // Each corner of the turned picture back to the (mirrored) source, then the mirror undone.
        func source(_ dx: Int, _ dy: Int) -> (x: Int, y: Int) {
            let (x, y): (Int, Int)
            switch quarterTurns {
            case 1: (x, y) = (dy, height - 1 - dx)
            case 2: (x, y) = (width - 1 - dx, height - 1 - dy)
            case 3: (x, y) = (width - 1 - dy, dx)
            default: (x, y) = (dx, dy)
            }
            return (mirrored ? width - 1 - x : x, y)
        }
        let a = source(rect.x, rect.y), b = source(rect.x + rect.width - 1, rect.y + rect.height - 1)
        return PixelRect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(a.x - b.x) + 1, height: abs(a.y - b.y) + 1)
    }
}
