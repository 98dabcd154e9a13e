import CFFmpeg

/// An opened muxer writing one destination (a network stream or a recording), with a video and
/// an audio stream copied from the show's encoders. Owns its AVFormatContext and AVIOContext;
/// `finish()` writes the trailer, deinit closes whatever is still open.
final class OutputFile {
    private var context: UnsafeMutablePointer<AVFormatContext>?
    private let ownsIO: Bool
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
            // An option no protocol took would silently not apply: for tls_verify that would mean
            // streaming to a server whose certificate nobody checked.
            if io.remainingKeys.contains("tls_verify") {
                throw FFmpegError(shim_averror(ENOSYS), "connect: this FFmpeg's TLS layer cannot verify certificates")
            }
        }
        let mux = OptionDictionary(muxerOptions)
        try FFmpegError.check(avformat_write_header(ctx, &mux.pointer), "write header")
        streamTimeBases = (0..<Int(ctx.pointee.nb_streams)).map { ctx.pointee.streams[$0]!.pointee.time_base }
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
        try FFmpegError.check(av_interleaved_write_frame(context, packet.pointer), "send")
    }

    /// Flushes interleaving queues and writes the trailer (index, sizes); then the file is final.
    func finish() throws {
        guard !finished, let ctx = context else { return }
        finished = true
        try FFmpegError.check(av_write_trailer(ctx), "write trailer")
        if ownsIO { try FFmpegError.check(avio_closep(&ctx.pointee.pb), "close") }
    }
}
