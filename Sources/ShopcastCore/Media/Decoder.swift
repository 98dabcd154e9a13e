import CFFmpeg

/// A decoder for one stream of an `InputFile`. Owns its AVCodecContext.
final class Decoder {
    private var context: UnsafeMutablePointer<AVCodecContext>?
    let timeBase: AVRational
    let isVideo: Bool

    /// How the decoder spreads work over cores.
    enum Threading {
        /// One thread: a live input, paced to real time.
        case single
        /// Slices of one picture in parallel: no added latency (live inputs, stills).
        case slices
        /// Several pictures in flight too: more throughput for files decoded as fast as possible,
        /// at the cost of a few frames of latency that a file does not mind.
        case framesAndSlices
    }

    init(input: InputFile, streamIndex: Int, threading: Threading = .single) throws {
        let stream = input.stream(streamIndex)
        guard let parameters = stream.pointee.codecpar else { throw FFmpegError(shim_averror(EINVAL), "stream parameters") }
        guard let codec = avcodec_find_decoder(parameters.pointee.codec_id) else {
            let name = String(cString: avcodec_get_name(parameters.pointee.codec_id))
            throw FFmpegError(shim_averror(ENOSYS), "no decoder for \(name)")
        }
        guard let ctx = avcodec_alloc_context3(codec) else { throw FFmpegError(shim_averror(ENOMEM), "avcodec_alloc_context3") }
        context = ctx
        // deinit does not run for an initializer that throws: free the context on every failure.
        var owned: UnsafeMutablePointer<AVCodecContext>? = ctx
        var opened = false
        defer { if !opened { avcodec_free_context(&owned) } }
        try FFmpegError.check(avcodec_parameters_to_context(ctx, parameters), "decoder parameters")
        ctx.pointee.pkt_timebase = stream.pointee.time_base
        switch threading {
        case .single:
            // The live input is paced to real time, and one core decodes even 1080p60 H.264
            // faster than that; more threads would hold more pictures in memory (BENCHMARKS.md).
            ctx.pointee.thread_count = 1
        case .slices:
            ctx.pointee.thread_type = FF_THREAD_SLICE
            ctx.pointee.thread_count = 0
        case .framesAndSlices:
            ctx.pointee.thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE
            ctx.pointee.thread_count = 0
        }
        timeBase = stream.pointee.time_base
        isVideo = parameters.pointee.codec_type == AVMEDIA_TYPE_VIDEO
        if isVideo { ctx.pointee.framerate = av_guess_frame_rate(input.formatContext, stream, nil) }
        try FFmpegError.check(avcodec_open2(ctx, codec, nil), "open decoder")
        opened = true
    }

    deinit { avcodec_free_context(&context) }

    /// Feeds a packet, or nil to drain.
    func send(_ packet: Packet?) throws -> StepResult {
        let code = avcodec_send_packet(context, packet?.pointer)
        if code == shim_AVERROR_EAGAIN { return .again }
        if code == shim_AVERROR_EOF { return .endOfStream }
        try FFmpegError.check(code, "decode")
        return .ok
    }

    func receive(into frame: Frame) throws -> StepResult {
        let code = avcodec_receive_frame(context, frame.pointer)
        if code == shim_AVERROR_EAGAIN { return .again }
        if code == shim_AVERROR_EOF { return .endOfStream }
        try FFmpegError.check(code, "decode")
        return .ok
    }

    /// After a seek (looping): forget buffered frames.
    func flush() { avcodec_flush_buffers(context) }
}

extension Decoder {
    /// The frame's timestamp in seconds, nil when it has none.
    func seconds(of frame: Frame) -> Double? {
        let ts = frame.bestEffortTimestamp
        guard ts != shim_AV_NOPTS_VALUE else { return nil }
        return Double(ts) * av_q2d(timeBase)
    }

    /// The frame's duration in seconds, 0 when unknown.
    func duration(of frame: Frame) -> Double {
        let d = frame.pointer.pointee.pkt_duration
        if d > 0 { return Double(d) * av_q2d(timeBase) }
        if !isVideo, frame.pointer.pointee.sample_rate > 0 {
            return Double(frame.sampleCount) / Double(frame.pointer.pointee.sample_rate)
        }
        return 0
    }
}

extension InputFile {
    /// A packet's decoding time in seconds (dts, else pts), nil when it has neither.
    func seconds(of packet: Packet) -> Double? {
        let ts = packet.dts != shim_AV_NOPTS_VALUE ? packet.dts : packet.pts
        guard ts != shim_AV_NOPTS_VALUE, packet.streamIndex < Int(formatContext.pointee.nb_streams) else { return nil }
        return Double(ts) * av_q2d(timeBase(of: packet.streamIndex))
    }

    /// When a packet's content ends, in seconds: its time plus its duration (nil without either).
    func endSeconds(of packet: Packet) -> Double? {
        guard packet.duration > 0, let start = seconds(of: packet) else { return nil }
        return start + Double(packet.duration) * av_q2d(timeBase(of: packet.streamIndex))
    }
}
