import CFFmpeg

/// Converts any decoded picture to the output's yuv420p size, keeping its shape: a source of
/// another aspect is cropped to fill it or scaled to fit and letterboxed (or pillarboxed) on
/// black, as `framing` says; never stretched.
final class Scaler {
    let width: Int
    let height: Int
    /// Where a crop sits may move while the show runs (`shopcast cue crop`); what it keeps and
    /// the scaling stay the same.
    var framing: Framing
    private var context: OpaquePointer?
    private var key: (Int32, Int32, Int32, Int32, Int32, UInt32) = (0, 0, -1, 0, 0, 0)
    private var keyOrientation = Orientation.upright
    /// For a turned source: the fitted picture before it is turned.
    private var unturned: Frame?
    private var fit = (x: 0, y: 0, width: 0, height: 0)

    init(width: Int, height: Int, framing: Framing = .standard) {
        self.width = width
        self.height = height
        self.framing = framing
    }

    deinit { sws_freeContext(context) }

    /// A new frame at the output size, or a reference to `source` when it already matches.
    /// `orientation` turns the picture upright first (a phone's portrait video).
    func convert(_ original: Frame, orientation: Orientation = .upright) throws -> Frame {
        var sar = original.pointer.pointee.sample_aspect_ratio
        if sar.num <= 0 || sar.den <= 0 { sar = AVRational(num: 1, den: 1) }
        let source = try cropped(original, sar: sar, orientation: orientation)
        let s = source.pointer.pointee
        if orientation.isUpright, s.format == AV_PIX_FMT_YUV420P.rawValue, Int(s.width) == width, Int(s.height) == height,
           sar.num == sar.den, s.color_range != AVCOL_RANGE_JPEG {
            return try source.reference()
        }
        if key != (s.width, s.height, s.format, sar.num, sar.den, s.color_range.rawValue) || keyOrientation != orientation {
            try configure(source: s, sar: sar, orientation: orientation)
        }
        let output = try Frame(videoWidth: width, height: height)
        let o = output.pointer
        let letterboxed = fit.width != width || fit.height != height
        if letterboxed {
            // Black in limited-range YUV.
            for plane in 0..<3 {
                guard let p = output.plane(plane) else { continue }
                let rows = plane == 0 ? height : height / 2
                p.data.initialize(repeating: plane == 0 ? 16 : 128, count: p.stride * rows)
            }
        }
        // Scaled into the output's fitted box, or first into a picture of its own to be turned.
        let target = unturned?.pointer ?? o
        let (x, y) = unturned == nil ? (fit.x, fit.y) : (0, 0)
        var dst: [UnsafeMutablePointer<UInt8>?] = [
            target.pointee.data.0.map { $0 + y * Int(target.pointee.linesize.0) + x },
            target.pointee.data.1.map { $0 + (y / 2) * Int(target.pointee.linesize.1) + x / 2 },
            target.pointee.data.2.map { $0 + (y / 2) * Int(target.pointee.linesize.2) + x / 2 },
            nil,
        ]
        var dstStride: [Int32] = [target.pointee.linesize.0, target.pointee.linesize.1, target.pointee.linesize.2, 0]
        var src: [UnsafePointer<UInt8>?] = [
            s.data.0.map { UnsafePointer($0) }, s.data.1.map { UnsafePointer($0) },
            s.data.2.map { UnsafePointer($0) }, s.data.3.map { UnsafePointer($0) },
        ]
        var srcStride: [Int32] = [s.linesize.0, s.linesize.1, s.linesize.2, s.linesize.3]
        let rows = sws_scale(context, &src, &srcStride, 0, s.height, &dst, &dstStride)
        try FFmpegError.check(rows, "scale picture")
        if let unturned {
            for plane in 0..<3 {
                guard let from = unturned.plane(plane), let to = output.plane(plane) else { continue }
                let chroma = plane > 0 ? 2 : 1
                let w = unturned.width / chroma, h = unturned.height / chroma
                orientation.turn(from.data, stride: from.stride, width: w, height: h,
                                 into: to.data + (fit.y / chroma) * to.stride + fit.x / chroma, stride: to.stride)
            }
        }
        output.pts = source.pts
        return output
    }

    /// `source` itself, or a reference to the part of it the framing keeps.
    private func cropped(_ source: Frame, sar: AVRational, orientation: Orientation) throws -> Frame {
        let (w, h) = orientation.swapsSides ? (source.height, source.width) : (source.width, source.height)
        let pixelAspect = orientation.swapsSides ? Double(sar.den) / Double(sar.num) : Double(sar.num) / Double(sar.den)
        let outputAspect = Double(width) / Double(height)
        guard w > 2, h > 2, framing.crops(pictureAspect: Double(w) * pixelAspect / Double(h), outputAspect: outputAspect) else {
            return source
        }
        let kept = framing.keptRect(width: w, height: h, pixelAspect: pixelAspect, outputAspect: outputAspect)
        let rect = orientation.sourceRect(of: kept, width: source.width, height: source.height)
        let part = try source.reference()
        let p = part.pointer
        let left = rect.x & ~1, top = rect.y & ~1
        p.pointee.crop_left = left
        p.pointee.crop_top = top
        p.pointee.crop_right = max(0, source.width - left - rect.width)
        p.pointee.crop_bottom = max(0, source.height - top - rect.height)
        try FFmpegError.check(av_frame_apply_cropping(p, Int32(AV_FRAME_CROP_UNALIGNED)), "crop picture")
        return part
    }

    private func configure(source s: AVFrame, sar: AVRational, orientation: Orientation) throws {
        var displayAspect = Double(s.width) * Double(sar.num) / Double(sar.den) / Double(s.height)
        if orientation.swapsSides { displayAspect = 1 / displayAspect }
        let fitted = Scaler.fitRect(sourceAspect: displayAspect, width: width, height: height)
        fit = fitted
        // A turned picture is scaled to the fitted box's size before the turn (sides swapped).
        let (w, h) = orientation.swapsSides ? (fitted.height, fitted.width) : (fitted.width, fitted.height)
        unturned = orientation.isUpright ? nil : try Frame(videoWidth: w, height: h)
        sws_freeContext(context)
        context = sws_getContext(s.width, s.height, AVPixelFormat(rawValue: s.format),
                                 Int32(w), Int32(h), AV_PIX_FMT_YUV420P,
                                 SWS_BICUBIC, nil, nil, nil)
        guard context != nil else {
            let name = av_get_pix_fmt_name(AVPixelFormat(rawValue: s.format)).map { String(cString: $0) } ?? "unknown"
            throw FFmpegError(shim_averror(EINVAL), "cannot scale \(s.width)x\(s.height) \(name) pictures")
        }
        // Full-range sources (cameras' yuvj, JPEG-like frames) become the limited range the
        // encoder's output is tagged with.
        let coefficients = sws_getCoefficients(SWS_CS_DEFAULT)
        let fullRange: Int32 = s.color_range == AVCOL_RANGE_JPEG || isJPEGFormat(s.format) ? 1 : 0
        sws_setColorspaceDetails(context, coefficients, fullRange, coefficients, 0, 0, 1 << 16, 1 << 16)
        key = (s.width, s.height, s.format, sar.num, sar.den, s.color_range.rawValue)
        keyOrientation = orientation
    }

    private func isJPEGFormat(_ format: Int32) -> Bool {
        [AV_PIX_FMT_YUVJ420P, AV_PIX_FMT_YUVJ422P, AV_PIX_FMT_YUVJ444P].map(\.rawValue).contains(format)
    }

    /// The largest centred rectangle of `sourceAspect` inside `width`x`height`, even-aligned for 4:2:0.
    static func fitRect(sourceAspect: Double, width: Int, height: Int) -> (x: Int, y: Int, width: Int, height: Int) {
        let target = Double(width) / Double(height)
        var w = width, h = height
        if sourceAspect > target + 1e-3 {
            h = max(2, Int((Double(width) / sourceAspect / 2).rounded()) * 2)
        } else if sourceAspect < target - 1e-3 {
            w = max(2, Int((Double(height) * sourceAspect / 2).rounded()) * 2)
        }
        let x = ((width - w) / 4) * 2, y = ((height - h) / 4) * 2
        return (x, y, w, h)
    }
}
