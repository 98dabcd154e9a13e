import CFFmpeg
import Foundation

/// An opened demuxer (file, device or network feed). Owns its AVFormatContext; closed on deinit.
public final class InputFile {
    private var context: UnsafeMutablePointer<AVFormatContext>?
    private let interrupter: Interrupter
    public let url: String

    /// Opens `url`, with `format` naming a demuxer or device (`lavfi`, `v4l2`, `x11grab`, `pulse`,
    /// `alsa`) when it cannot be probed, and demuxer/protocol `options`.
    public init(url: String, format: String? = nil, options: [(String, String)] = [], interrupter: Interrupter) throws {
        self.url = url
        self.interrupter = interrupter
        var inputFormat: UnsafePointer<AVInputFormat>?
        if let format {
            var found = av_find_input_format(format)
            if found == nil, CaptureDevices.load() { found = av_find_input_format(format) }
            guard let f = found else {
                throw FFmpegError(shim_averror(ENOSYS), "input format '\(format)' is not available in this FFmpeg")
            }
            inputFormat = f
        }
        guard let ctx = avformat_alloc_context() else { throw FFmpegError(shim_averror(ENOMEM), "avformat_alloc_context") }
        ctx.pointee.interrupt_callback = interrupter.callback
        var ctxOptional: UnsafeMutablePointer<AVFormatContext>? = ctx
        let dict = OptionDictionary(options)
        // On failure avformat_open_input frees the context itself.
        try FFmpegError.check(avformat_open_input(&ctxOptional, url, inputFormat, &dict.pointer), "open")
        context = ctxOptional
        try FFmpegError.check(avformat_find_stream_info(ctxOptional, nil), "read stream info")
    }

    deinit { avformat_close_input(&context) }

    /// Closes the demuxer (and its connection) now; reading afterwards reports the end.
    func close() { avformat_close_input(&context) }

    var formatContext: UnsafeMutablePointer<AVFormatContext> { context! }

    /// Index of the best stream of that kind, or nil.
    public func bestStream(video: Bool) -> Int? {
        let index = av_find_best_stream(context, video ? AVMEDIA_TYPE_VIDEO : AVMEDIA_TYPE_AUDIO, -1, -1, nil, 0)
        return index >= 0 ? Int(index) : nil
    }

    func stream(_ index: Int) -> UnsafeMutablePointer<AVStream> { formatContext.pointee.streams[index]! }

    func timeBase(of index: Int) -> AVRational { stream(index).pointee.time_base }

    /// Reads the next packet into `packet`: `.endOfStream` at the end, throws on errors.
    func read(into packet: Packet) throws -> StepResult {
        guard context != nil else { return .endOfStream }
        let code = av_read_frame(context, packet.pointer)
        if code == shim_AVERROR_EOF { return .endOfStream }
        if code == shim_AVERROR_EAGAIN { return .again }
        try FFmpegError.check(code, "read \(url)")
        return .ok
    }

    /// Back to the first packet, for `--loop`.
    func rewind() throws {
        try FFmpegError.check(avformat_seek_file(context, -1, Int64.min, 0, 0, 0), "seek to start of \(url)")
    }

    /// The stream's first timestamp in seconds, nil when the container does not say.
    func firstTime(of index: Int) -> Double? {
        let st = stream(index).pointee
        return st.start_time == shim_AV_NOPTS_VALUE ? nil : Double(st.start_time) * av_q2d(st.time_base)
    }
}
