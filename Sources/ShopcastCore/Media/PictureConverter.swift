import CFFmpeg

/// Converts decoded pictures of any pixel format to 8-bit yuv420p at the same size, for the
/// overlay blend (which works on 4:2:0 planes). Unlike `Scaler` it never letterboxes: the picture
/// keeps its size and sample aspect ratio, only its format changes. Owns its `SwsContext`.
final class PictureConverter {
    private var context: OpaquePointer?
    private var key: (Int32, Int32, Int32) = (0, 0, -1)

    deinit { sws_freeContext(context) }

    /// True when `frame` can be blended into as it is: 8-bit 4:2:0 planar, either range.
    static func isBlendable(_ frame: Frame) -> Bool {
        let format = frame.pointer.pointee.format
        return format == AV_PIX_FMT_YUV420P.rawValue || format == AV_PIX_FMT_YUVJ420P.rawValue
    }

    /// A yuv420p copy of `source` with its timestamps and colour tags.
    func convert(_ source: Frame) throws -> Frame {
        let s = source.pointer.pointee
        if key != (s.width, s.height, s.format) {
            sws_freeContext(context)
            context = sws_getContext(s.width, s.height, AVPixelFormat(rawValue: s.format), s.width, s.height,
                                     AV_PIX_FMT_YUV420P, SWS_BICUBIC, nil, nil, nil)
            guard context != nil else {
                let name = av_get_pix_fmt_name(AVPixelFormat(rawValue: s.format)).map { String(cString: $0) } ?? "unknown"
                throw ShopcastError(.badData, "cannot convert \(name) pictures to yuv420p")
            }
            key = (s.width, s.height, s.format)
        }
        let output = try Frame(videoWidth: Int(s.width), height: Int(s.height))
        try FFmpegError.check(av_frame_copy_props(output.pointer, source.pointer), "copy frame properties")
        let o = output.pointer.pointee
        var dst: [UnsafeMutablePointer<UInt8>?] = [o.data.0, o.data.1, o.data.2, nil]
        var dstStride: [Int32] = [o.linesize.0, o.linesize.1, o.linesize.2, 0]
        var src: [UnsafePointer<UInt8>?] = [
            s.data.0.map { UnsafePointer($0) }, s.data.1.map { UnsafePointer($0) },
            s.data.2.map { UnsafePointer($0) }, s.data.3.map { UnsafePointer($0) },
        ]
        var srcStride: [Int32] = [s.linesize.0, s.linesize.1, s.linesize.2, s.linesize.3]
        try FFmpegError.check(sws_scale(context, &src, &srcStride, 0, s.height, &dst, &dstStride), "convert picture")
        withExtendedLifetime(source) {}
        // swscale writes RGB sources as BT.601 limited range: say so, so blend and encoder agree.
        let descriptor = av_pix_fmt_desc_get(AVPixelFormat(rawValue: s.format))
        if let descriptor, descriptor.pointee.flags & UInt64(AV_PIX_FMT_FLAG_RGB) != 0 {
            output.pointer.pointee.colorspace = AVCOL_SPC_SMPTE170M
            output.pointer.pointee.color_range = AVCOL_RANGE_MPEG
        }
        return output
    }
}
