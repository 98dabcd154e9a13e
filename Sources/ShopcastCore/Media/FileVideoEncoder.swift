import CFFmpeg

/// How `overlay` encodes a recording: quality-targeted H.264 rather than go-live's constant rate.
public struct FileVideoSettings: Equatable, Sendable {
    /// x264's constant rate factor: 0 lossless ... 51 worst; about 18-23 looks like the source.
    public var crf: Double
    /// x264 speed preset (ultrafast ... veryslow).
    public var speed: String

    public init(crf: Double = 20, speed: String = X264Speed.standard) {
        self.crf = crf
        self.speed = speed
    }

    /// The x264 presets shopcast offers, fastest first.
}

extension Encoder {
    /// H.264 with libx264 for a file: constant quality (CRF), x264's own keyframe and B-frame
    /// decisions, and the size, sample aspect ratio and colour tags of `first`, the first picture
    /// it will get. Pictures keep their own timestamps: the encoder counts in `timeBase`, the
    /// source stream's, so every frame comes out at the time it went in.
    static func makeFileVideo(like first: Frame, timeBase: TimeBase, frameRate: TimeBase?,
                              settings: FileVideoSettings, globalHeader: Bool) throws -> Encoder {
        guard let codec = avcodec_find_encoder_by_name("libx264") else {
            throw FFmpegError(shim_averror(ENOSYS), "this FFmpeg has no libx264 encoder")
        }
        guard let ctx = avcodec_alloc_context3(codec) else { throw FFmpegError(shim_averror(ENOMEM), "avcodec_alloc_context3") }
        let f = first.pointer.pointee
        ctx.pointee.width = f.width
        ctx.pointee.height = f.height
        ctx.pointee.pix_fmt = AV_PIX_FMT_YUV420P
        ctx.pointee.sample_aspect_ratio = f.sample_aspect_ratio.num > 0 ? f.sample_aspect_ratio : AVRational(num: 1, den: 1)
        ctx.pointee.time_base = AVRational(num: Int32(timeBase.numerator), den: Int32(timeBase.denominator))
        if let frameRate, frameRate.numerator > 0, frameRate.denominator > 0 {
            // The rate x264's rate control plans with; timestamps still come from the pictures.
            ctx.pointee.framerate = AVRational(num: Int32(frameRate.numerator), den: Int32(frameRate.denominator))
        }
        ctx.pointee.color_range = f.color_range == AVCOL_RANGE_JPEG ? AVCOL_RANGE_JPEG : AVCOL_RANGE_MPEG
        ctx.pointee.colorspace = f.colorspace
        ctx.pointee.color_primaries = f.color_primaries
        ctx.pointee.color_trc = f.color_trc
        if globalHeader { ctx.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
        ctx.pointee.thread_count = 0
        return try Encoder(context: ctx, codec: codec, options: [
            ("preset", settings.speed),
            ("crf", String(settings.crf)),
        ], isVideo: true)
    }
}
