import CFFmpeg

/// One packet out of the show's encoders, shared read-only by every destination writer.
/// Each writer muxes its own clone (same payload buffer, its own timestamps).
public final class EncodedPacket: @unchecked Sendable {
    let packet: Packet
    let timeBase: AVRational
    public let isVideo: Bool
    public let isKeyframe: Bool
    /// Decoding timestamp in seconds on the show's timeline.
    public let seconds: Double
    /// Presentation timestamp in seconds: when its picture (or sound) is shown.
    public let presentation: Double
    public let size: Int

    init(_ packet: Packet, timeBase: AVRational, isVideo: Bool) {
        self.packet = packet
        self.timeBase = timeBase
        self.isVideo = isVideo
        isKeyframe = packet.isKeyframe
        let ts = packet.dts != shim_AV_NOPTS_VALUE ? packet.dts : packet.pts
        seconds = Double(ts) * av_q2d(timeBase)
        presentation = packet.pts != shim_AV_NOPTS_VALUE ? Double(packet.pts) * av_q2d(timeBase) : seconds
        size = packet.size
    }
}
