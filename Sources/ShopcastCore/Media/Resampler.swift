import CFFmpeg

/// Converts decoded audio of any format, rate and layout to interleaved float stereo at 48 kHz.
/// Reconfigures itself when the source format changes (a looped file, a feed that restarts).
final class Resampler {
    private var context: OpaquePointer?
    private var key: (Int32, Int32, Int32) = (-1, 0, 0)
    private let outRate = Int32(OutputFormat.audioSampleRate)
    private let outChannels = Int32(OutputFormat.audioChannels)

    deinit { swr_free(&context) }

    /// Interleaved stereo samples (L R L R ...) for `frame`.
    func convert(_ frame: Frame) throws -> [Float] {
        let f = frame.pointer
        var inLayout = AVChannelLayout()
        if f.pointee.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC || f.pointee.ch_layout.nb_channels == 0 {
            av_channel_layout_default(&inLayout, max(1, f.pointee.ch_layout.nb_channels))
        } else {
            try FFmpegError.check(av_channel_layout_copy(&inLayout, &f.pointee.ch_layout), "channel layout")
        }
        defer { av_channel_layout_uninit(&inLayout) }
        if key != (f.pointee.format, f.pointee.sample_rate, inLayout.nb_channels) {
            swr_free(&context)
            var outLayout = AVChannelLayout()
            av_channel_layout_default(&outLayout, outChannels)
            defer { av_channel_layout_uninit(&outLayout) }
            try FFmpegError.check(swr_alloc_set_opts2(&context, &outLayout, AV_SAMPLE_FMT_FLT, outRate,
                                                      &inLayout, AVSampleFormat(rawValue: f.pointee.format),
                                                      f.pointee.sample_rate, 0, nil), "audio resampler")
            try FFmpegError.check(swr_init(context), "audio resampler")
            key = (f.pointee.format, f.pointee.sample_rate, inLayout.nb_channels)
        }
        let capacity = Int(swr_get_out_samples(context, f.pointee.nb_samples)) + 32
        var samples = [Float](repeating: 0, count: capacity * Int(outChannels))
        let produced = try samples.withUnsafeMutableBytes { raw -> Int32 in
            var out: UnsafeMutablePointer<UInt8>? = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let input = UnsafeMutableRawPointer(f.pointee.extended_data!).assumingMemoryBound(to: UnsafePointer<UInt8>?.self)
            return try FFmpegError.check(swr_convert(context, &out, Int32(capacity), input, f.pointee.nb_samples), "resample audio")
        }
        samples.removeLast(samples.count - Int(produced) * Int(outChannels))
        return samples
    }
}
