import CFFmpeg

/// An opened muxer writing one destination (a network stream or a recording), with a video and
/// an audio stream copied from the show's encoders. Owns its AVFormatContext and AVIOContext;
/// `finish()` writes the trailer, deinit closes whatever is still open.
final class OutputFile {
    private var context: UnsafeMutablePointer<AVFormatContext>?
    private let ownsIO: Bool
    /// What a failed packet write is called: "send" to a server, "write" to a file.
    private var writeVerb = "write"
    private(set) var streamTimeBases: [AVRational] = []
    private var finished = false
    /// FFmpeg holds an unretained pointer to it in the interrupt callback: keep it alive.
    private let interrupter: Interrupter

    /// Opens `url` with muxer `format` and writes the header. `ioOptions` go to the protocol
    /// (tls_verify, ca_file ...), `muxerOptions` to the muxer (movflags ...).
    init(url: String, format: String, video: Encoder, audio: Encoder,
         muxerOptions: [(String, String)], ioOptions: [(String, String)], interrupter: Interrupter) throws {
        self.interrupter = interrupter
        var ctx: UnsafeMutablePointer<AVFormatContext>?
        try FFmpegError.check(avformat_alloc_output_context2(&ctx, nil, format, url), "create \(format) muxer")
        guard let ctx else { throw FFmpegError(shim_averror(ENOMEM), "create \(format) muxer") }
        context = ctx
        ctx.pointee.interrupt_callback = interrupter.callback
        ownsIO = ctx.pointee.oformat.pointee.flags & AVFMT_NOFILE == 0
        writeVerb = url.contains("://") ? "send" : "write"

        for encoder in [video, audio] {
            guard let stream = avformat_new_stream(ctx, nil) else { throw FFmpegError(shim_averror(ENOMEM), "add stream") }
            try encoder.copyParameters(to: stream.pointee.codecpar)
            stream.pointee.time_base = encoder.timeBase
            if encoder.isVideo {
                stream.pointee.avg_frame_rate = av_inv_q(encoder.timeBase)
                stream.pointee.r_frame_rate = av_inv_q(encoder.timeBase)
            }
        }
        if ownsIO {
            let io = OptionDictionary(ioOptions)
            try FFmpegError.check(avio_open2(&ctx.pointee.pb, url, AVIO_FLAG_WRITE, &ctx.pointee.interrupt_callback, &io.pointer), "connect")
            try io.requireTLSVerificationTaken()
        }
        let mux = OptionDictionary(muxerOptions)
        try FFmpegError.check(avformat_write_header(ctx, &mux.pointer), "write header")
        streamTimeBases = (0..<Int(ctx.pointee.nb_streams)).map { ctx.pointee.streams[$0]!.pointee.time_base }
    }

    /// Opens a local file for `overlay`: stream 0 from `video`, then one stream per entry of
    /// `copies`, each taking its codec parameters, time base, language and disposition from that
    /// input stream so its packets are remuxed untouched. `path` is opened for writing (and
    /// truncated: the caller creates it first, exclusively, so nothing else is overwritten).
    init(path: String, format: String, video: Encoder, copies: [(input: InputFile, stream: Int)],
         muxerOptions: [(String, String)], interrupter: Interrupter) throws {
        self.interrupter = interrupter
        var ctx: UnsafeMutablePointer<AVFormatContext>?
        try FFmpegError.check(avformat_alloc_output_context2(&ctx, nil, format, path), "create \(format) muxer")
        guard let ctx else { throw FFmpegError(shim_averror(ENOMEM), "create \(format) muxer") }
        context = ctx
        ctx.pointee.interrupt_callback = interrupter.callback
        ownsIO = ctx.pointee.oformat.pointee.flags & AVFMT_NOFILE == 0

        guard let videoStream = avformat_new_stream(ctx, nil) else { throw FFmpegError(shim_averror(ENOMEM), "add stream") }
        try video.copyParameters(to: videoStream.pointee.codecpar)
        videoStream.pointee.time_base = video.timeBase
        for copy in copies {
            let source = copy.input.stream(copy.stream)
            guard let stream = avformat_new_stream(ctx, nil) else { throw FFmpegError(shim_averror(ENOMEM), "add stream") }
            try FFmpegError.check(avcodec_parameters_copy(stream.pointee.codecpar, source.pointee.codecpar), "copy stream parameters")
            // The source container's codec tag may mean nothing in this one: let the muxer choose.
            stream.pointee.codecpar.pointee.codec_tag = 0
            stream.pointee.time_base = source.pointee.time_base
            stream.pointee.disposition = source.pointee.disposition
            av_dict_copy(&stream.pointee.metadata, source.pointee.metadata, 0)
        }
        if ownsIO {
            try FFmpegError.check(avio_open2(&ctx.pointee.pb, path, AVIO_FLAG_WRITE, &ctx.pointee.interrupt_callback, nil), "open \(path)")
        }
        let mux = OptionDictionary(muxerOptions)
        try FFmpegError.check(avformat_write_header(ctx, &mux.pointer), "write header")
        streamTimeBases = (0..<Int(ctx.pointee.nb_streams)).map { ctx.pointee.streams[$0]!.pointee.time_base }
    }

    /// Whether the muxer `format` can store that input stream's codec (checked before any file is written).
    static func canStore(stream index: Int, of input: InputFile, in format: String) -> Bool {
        guard let muxer = av_guess_format(format, nil, nil) else { return true }
        return avformat_query_codec(muxer, input.stream(index).pointee.codecpar.pointee.codec_id, FF_COMPLIANCE_NORMAL) == 1
    }

    /// True when the muxer wants codec headers out of band (MP4, Matroska), not in the stream.
    static func wantsGlobalHeader(_ format: String) -> Bool {
        guard let muxer = av_guess_format(format, nil, nil) else { return true }
        return muxer.pointee.flags & AVFMT_GLOBALHEADER != 0
    }

    /// Remuxes a packet read from `input` into output stream `streamIndex`, untouched but for
    /// its timestamps' time base.
    func writeCopy(_ packet: Packet, from input: InputFile, streamIndex: Int) throws {
        let timeBase = input.timeBase(of: packet.streamIndex)
        packet.pointer.pointee.pos = -1
        try write(packet, timeBase: timeBase, streamIndex: streamIndex)
    }

    /// Muxes an encoded video packet into stream 0. libx264 leaves packet durations unset, and
    /// the muxer needs one for the last picture (else the file ends a frame early): `duration`,
    /// in the packet's time base, fills it in.
    func writeVideo(_ packet: EncodedPacket, duration: Int64) throws {
        if packet.packet.pointer.pointee.duration <= 0 { packet.packet.pointer.pointee.duration = duration }
        try write(packet.packet, timeBase: packet.timeBase, streamIndex: 0)
    }

    /// Bytes the muxer has handed to its output so far (for RTMP, FLV bytes before the protocol's
    /// own framing).
    var bytesWritten: Int64 {
        guard let pb = context?.pointee.pb else { return 0 }
        return max(0, avio_seek(pb, 0, SEEK_CUR))
    }

    /// The TCP socket under an rtmp, rtmps or tcp output, to ask how much of the stream it still
    /// holds; nil for a file, SRT, or a protocol stack it cannot see into. Valid until `finish()`.
    func socketBacklog() -> SocketBacklog? {
        guard !finished, ownsIO, let pb = context?.pointee.pb else { return nil }
        return SocketBacklog(fd: shim_avio_socket(pb))
    }

    deinit {
        if let ctx = context {
            if ownsIO { avio_closep(&ctx.pointee.pb) }
            avformat_free_context(ctx)
        }
    }

    /// Writes one packet whose timestamps are in `timeBase`; the muxer takes the payload.
    func write(_ packet: Packet, timeBase: AVRational, streamIndex: Int) throws {
        packet.streamIndex = streamIndex
        packet.rescale(from: timeBase, to: streamTimeBases[streamIndex])
        try FFmpegError.check(av_interleaved_write_frame(context, packet.pointer), writeVerb)
    }

    /// Flushes interleaving queues and writes the trailer (index, sizes); then the file is final.
    func finish() throws {
        guard !finished, let ctx = context else { return }
        finished = true
        try FFmpegError.check(av_write_trailer(ctx), "write trailer")
        if ownsIO { try FFmpegError.check(avio_closep(&ctx.pointee.pb), "close") }
    }
}

extension OutputFile {
    /// Muxes a clone of a shared packet into stream 0 (video) or 1 (audio).
    func write(_ shared: EncodedPacket) throws {
        let clone = try shared.packet.clone()
        try write(clone, timeBase: shared.timeBase, streamIndex: shared.isVideo ? 0 : 1)
    }
}
