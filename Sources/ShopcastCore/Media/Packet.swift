import CFFmpeg

/// An owned AVPacket. Clones share the payload buffer (reference counted by FFmpeg), so fanning
/// one packet out to several destinations costs no copy.
public final class Packet {
    let pointer: UnsafeMutablePointer<AVPacket>

    public init() throws {
        guard let p = av_packet_alloc() else { throw FFmpegError(shim_averror(ENOMEM), "av_packet_alloc") }
        pointer = p
    }

    deinit {
        var p: UnsafeMutablePointer<AVPacket>? = pointer
        av_packet_free(&p)
    }

    /// A new reference to the same payload with its own timestamps.
    public func clone() throws -> Packet {
        let copy = try Packet()
        try FFmpegError.check(av_packet_ref(copy.pointer, pointer), "av_packet_ref")
        return copy
    }

    public var pts: Int64 {
        get { pointer.pointee.pts }
        set { pointer.pointee.pts = newValue }
    }
    public var dts: Int64 {
        get { pointer.pointee.dts }
        set { pointer.pointee.dts = newValue }
    }
    public var duration: Int64 { pointer.pointee.duration }
    public var size: Int { Int(pointer.pointee.size) }
    public var streamIndex: Int {
        get { Int(pointer.pointee.stream_index) }
        set { pointer.pointee.stream_index = Int32(newValue) }
    }
    public var isKeyframe: Bool { pointer.pointee.flags & AV_PKT_FLAG_KEY != 0 }

    func unref() { av_packet_unref(pointer) }

    func rescale(from: AVRational, to: AVRational) { av_packet_rescale_ts(pointer, from, to) }
}
