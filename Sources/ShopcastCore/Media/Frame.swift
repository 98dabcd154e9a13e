import CFFmpeg

/// An owned AVFrame: decoded video or audio. Buffers are reference counted by FFmpeg.
public final class Frame {
    let pointer: UnsafeMutablePointer<AVFrame>

    public init() throws {
        guard let p = av_frame_alloc() else { throw FFmpegError(shim_averror(ENOMEM), "av_frame_alloc") }
        pointer = p
    }

    /// A yuv420p video frame with its own buffers.
    public convenience init(videoWidth width: Int, height: Int) throws {
        try self.init()
        pointer.pointee.format = AV_PIX_FMT_YUV420P.rawValue
        pointer.pointee.width = Int32(width)
        pointer.pointee.height = Int32(height)
        try FFmpegError.check(av_frame_get_buffer(pointer, 0), "av_frame_get_buffer")
    }

    /// A float-planar stereo audio frame of `samples` samples at 48 kHz.
    public convenience init(audioSamples samples: Int, sampleRate: Int, channels: Int) throws {
        try self.init()
        pointer.pointee.format = AV_SAMPLE_FMT_FLTP.rawValue
        pointer.pointee.sample_rate = Int32(sampleRate)
        pointer.pointee.nb_samples = Int32(samples)
        av_channel_layout_default(&pointer.pointee.ch_layout, Int32(channels))
        try FFmpegError.check(av_frame_get_buffer(pointer, 0), "av_frame_get_buffer")
    }

    deinit {
        var p: UnsafeMutablePointer<AVFrame>? = pointer
        av_frame_free(&p)
    }

    /// Another reference to the same buffers.
    public func reference() throws -> Frame {
        let copy = try Frame()
        try FFmpegError.check(av_frame_ref(copy.pointer, pointer), "av_frame_ref")
        return copy
    }

    /// Makes the buffers safe to write: copies them if another reference shares them.
    public func makeWritable() throws {
        try FFmpegError.check(av_frame_make_writable(pointer), "av_frame_make_writable")
    }

    /// No other reference shares the buffers: safe to write.
    var isWritable: Bool { av_frame_is_writable(pointer) != 0 }

    /// Copies another picture's pixels and properties into this one's own buffers (same size).
    func copyPicture(from source: Frame) throws {
        try FFmpegError.check(av_frame_copy(pointer, source.pointer), "copy picture")
        try FFmpegError.check(av_frame_copy_props(pointer, source.pointer), "copy picture properties")
    }

    public var width: Int { Int(pointer.pointee.width) }
    public var height: Int { Int(pointer.pointee.height) }
    public var sampleCount: Int { Int(pointer.pointee.nb_samples) }
    public var pts: Int64 {
        get { pointer.pointee.pts }
        set { pointer.pointee.pts = newValue }
    }
    /// Timestamp FFmpeg considers best (pts, or a guess from dts).
    var bestEffortTimestamp: Int64 { pointer.pointee.best_effort_timestamp }

    /// Plane `i`'s base address and stride in bytes, for the per-frame video stage.
    public func plane(_ i: Int) -> (data: UnsafeMutablePointer<UInt8>, stride: Int)? {
        let data: UnsafeMutablePointer<UInt8>?
        let stride: Int32
        switch i {
        case 0: data = pointer.pointee.data.0; stride = pointer.pointee.linesize.0
        case 1: data = pointer.pointee.data.1; stride = pointer.pointee.linesize.1
        case 2: data = pointer.pointee.data.2; stride = pointer.pointee.linesize.2
        case 3: data = pointer.pointee.data.3; stride = pointer.pointee.linesize.3
        default: return nil
        }
        guard let data else { return nil }
        return (data, Int(stride))
    }

    func unref() { av_frame_unref(pointer) }

    /// Forgets the decoder's I/P/B type and keyframe flag (libx264 honours them as forced types).
    func clearPictureType() {
        pointer.pointee.pict_type = AV_PICTURE_TYPE_NONE
        pointer.pointee.key_frame = 0
    }
}
