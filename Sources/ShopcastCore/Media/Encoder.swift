import CFFmpeg

/// An open encoder. Owns its AVCodecContext and a copy of its stream parameters (SPS/PPS or
/// AudioSpecificConfig), which outlive `close()`: a destination can still open a muxer after the
/// encoder itself is gone. Created by `makeVideo` (libx264) or `makeAudio` (FFmpeg's AAC-LC);
/// encoding happens once per show whatever the number of destinations.
public final class Encoder {
    private var context: UnsafeMutablePointer<AVCodecContext>?
    private var parameters: UnsafeMutablePointer<AVCodecParameters>?
    let timeBase: AVRational
    public let isVideo: Bool
    /// Samples per audio frame the encoder wants (1024 for AAC); 0 for video.
    public let frameSize: Int

    /// Opens `context` (owned from here on, freed on failure too); factories in other files use it.
    init(context: UnsafeMutablePointer<AVCodecContext>, codec: UnsafePointer<AVCodec>, options: [(String, String)], isVideo: Bool) throws {
        self.context = context
        self.isVideo = isVideo
        let dict = OptionDictionary(options)
        do {
            try FFmpegError.check(avcodec_open2(context, codec, &dict.pointer), "open \(String(cString: codec.pointee.name)) encoder")
            guard let parameters = avcodec_parameters_alloc() else { throw FFmpegError(shim_averror(ENOMEM), "codec parameters") }
            self.parameters = parameters
            try FFmpegError.check(avcodec_parameters_from_context(parameters, context), "codec parameters")
        } catch {
            avcodec_free_context(&self.context)
            avcodec_parameters_free(&parameters)
            throw error
        }
        timeBase = context.pointee.time_base
        frameSize = Int(context.pointee.frame_size)
    }

    deinit {
        avcodec_free_context(&context)
        avcodec_parameters_free(&parameters)
    }

    /// Frees the codec (x264's frame buffers and lookahead) as soon as the last packet is out,
    /// rather than whenever the last reference goes. Nothing may be sent afterwards.
    func close() { avcodec_free_context(&context) }

    var isClosed: Bool { context == nil }

    /// H.264 with libx264: zero latency, constant frame rate, a keyframe exactly every
    /// `gopFrames` (scene-cut keyframes off), CBR-like rate control (maxrate = bitrate,
    /// buffer = 2 s of it, HRD signalled as CBR).
    public static func makeVideo(_ format: OutputFormat) throws -> Encoder {
        guard let codec = avcodec_find_encoder_by_name("libx264") else {
            throw FFmpegError(shim_averror(ENOSYS), "this FFmpeg has no libx264 encoder")
        }
        guard let ctx = avcodec_alloc_context3(codec) else { throw FFmpegError(shim_averror(ENOMEM), "avcodec_alloc_context3") }
        ctx.pointee.width = Int32(format.size.width)
        ctx.pointee.height = Int32(format.size.height)
        ctx.pointee.pix_fmt = AV_PIX_FMT_YUV420P
        ctx.pointee.sample_aspect_ratio = AVRational(num: 1, den: 1)
        ctx.pointee.time_base = AVRational(num: 1, den: Int32(format.fps))
        ctx.pointee.framerate = AVRational(num: Int32(format.fps), den: 1)
        ctx.pointee.gop_size = Int32(format.gopFrames)
        ctx.pointee.keyint_min = Int32(format.gopFrames)
        ctx.pointee.max_b_frames = 0
        ctx.pointee.bit_rate = Int64(format.videoBitRate)
        ctx.pointee.rc_max_rate = Int64(format.videoBitRate)
        ctx.pointee.rc_buffer_size = Int32(clamping: format.videoBitRate * 2)
        ctx.pointee.color_range = AVCOL_RANGE_MPEG
        ctx.pointee.colorspace = AVCOL_SPC_BT709
        ctx.pointee.color_primaries = AVCOL_PRI_BT709
        ctx.pointee.color_trc = AVCOL_TRC_BT709
        ctx.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER
        ctx.pointee.thread_count = 0
        return try Encoder(context: ctx, codec: codec, options: [
            ("preset", format.encoderSpeed),
            ("tune", "zerolatency"),
            ("profile", "high"),
            ("x264-params", "scenecut=0:open-gop=0:nal-hrd=cbr:force-cfr=1"),
        ], isVideo: true)
    }

    /// AAC-LC, 48 kHz stereo, float planar input.
    public static func makeAudio(_ format: OutputFormat) throws -> Encoder {
        guard let codec = avcodec_find_encoder(AV_CODEC_ID_AAC) else {
            throw FFmpegError(shim_averror(ENOSYS), "this FFmpeg has no AAC encoder")
        }
        guard let ctx = avcodec_alloc_context3(codec) else { throw FFmpegError(shim_averror(ENOMEM), "avcodec_alloc_context3") }
        ctx.pointee.sample_fmt = AV_SAMPLE_FMT_FLTP
        ctx.pointee.sample_rate = Int32(OutputFormat.audioSampleRate)
        av_channel_layout_default(&ctx.pointee.ch_layout, Int32(OutputFormat.audioChannels))
        ctx.pointee.bit_rate = Int64(format.audioBitRate)
        ctx.pointee.time_base = AVRational(num: 1, den: Int32(OutputFormat.audioSampleRate))
        ctx.pointee.profile = FF_PROFILE_AAC_LOW
        ctx.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER
        return try Encoder(context: ctx, codec: codec, options: [], isVideo: false)
    }

    /// Feeds a frame (pts in `timeBase`), or nil to flush at the end.
    func send(_ frame: Frame?) throws {
        guard context != nil else { throw FFmpegError(shim_averror(EINVAL), "the encoder is closed") }
        let code = avcodec_send_frame(context, frame?.pointer)
        if code == shim_AVERROR_EOF { return }
        try FFmpegError.check(code, isVideo ? "encode video" : "encode audio")
    }

    func receive(into packet: Packet) throws -> StepResult {
        guard context != nil else { return .endOfStream }
        let code = avcodec_receive_packet(context, packet.pointer)
        if code == shim_AVERROR_EAGAIN { return .again }
        if code == shim_AVERROR_EOF { return .endOfStream }
        try FFmpegError.check(code, isVideo ? "encode video" : "encode audio")
        return .ok
    }

    /// Copies the encoder's parameters (with SPS/PPS or AudioSpecificConfig) to a muxer stream.
    func copyParameters(to destination: UnsafeMutablePointer<AVCodecParameters>) throws {
        try FFmpegError.check(avcodec_parameters_copy(destination, parameters), "codec parameters")
    }
}

extension Encoder {
    /// Every packet the encoder has ready after a send.
    func drain() throws -> [EncodedPacket] {
        var out: [EncodedPacket] = []
        while true {
            let packet = try Packet()
            guard try receive(into: packet) == .ok else { return out }
            out.append(EncodedPacket(packet, timeBase: timeBase, isVideo: isVideo))
        }
    }
}
