import CFFmpeg

/// What `overlay` needs to know about an input's streams before decoding: which are audio, their
/// codecs, time bases and the file's length.
extension InputFile {
    /// Every audio stream, in file order.
    var audioStreams: [Int] {
        (0..<Int(formatContext.pointee.nb_streams)).filter { stream($0).pointee.codecpar.pointee.codec_type == AVMEDIA_TYPE_AUDIO }
    }

    /// What kind of stream it is: "video", "audio", "subtitle", "data", "attachment".
    func kind(of index: Int) -> String {
        av_get_media_type_string(stream(index).pointee.codecpar.pointee.codec_type).map { String(cString: $0) } ?? "unknown"
    }

    /// The codec's short name ("aac", "h264").
    func codecName(of index: Int) -> String {
        String(cString: avcodec_get_name(stream(index).pointee.codecpar.pointee.codec_id))
    }

    /// The stream's time base as a fraction.
    func timeBaseFraction(of index: Int) -> TimeBase {
        let tb = timeBase(of: index)
        return TimeBase(numerator: Int64(tb.num), denominator: Int64(tb.den))
    }

    /// The file's length in seconds, nil when the container does not say.
    var durationSeconds: Double? {
        let d = formatContext.pointee.duration
        guard d != shim_AV_NOPTS_VALUE, d > 0 else { return nil }
        return Double(d) / Double(shim_AV_TIME_BASE)
    }
}

extension InputFile {
    /// The video stream's frame rate as FFmpeg guesses it from the container and codec, nil when
    /// it cannot tell (a variable-rate file).
    func frameRate(of index: Int) -> TimeBase? {
        let rate = av_guess_frame_rate(formatContext, stream(index), nil)
        guard rate.num > 0, rate.den > 0 else { return nil }
        return TimeBase(numerator: Int64(rate.num), denominator: Int64(rate.den))
    }
}

extension FFmpegError {
    /// The file is missing or unreadable (as opposed to present but not media).
    public var isMissingFile: Bool { code == shim_averror(ENOENT) || code == shim_averror(EACCES) }
}
