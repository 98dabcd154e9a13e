import Foundation

/// What ffprobe saw in a media file: the streams a player would pick and the video packets'
/// timing, from which frame rate, keyframe spacing and duration are measured (not trusted from
/// container metadata, which an RTMP recording does not keep accurate).
struct MediaInfo {
    struct Video {
        var codec: String
        var profile: String?
        var pixelFormat: String?
        var width: Int
        var height: Int
        /// r_frame_rate and avg_frame_rate as numbers (nil when ffprobe gives 0/0).
        var realFrameRate: Double?
        var averageFrameRate: Double?
    }

    struct Audio {
        var codec: String
        var profile: String?
        var sampleRate: Int
        var channels: Int
    }

    struct Packet {
        var pts: Double
        var keyframe: Bool
    }

    let file: URL
    /// ffprobe's format_name, e.g. "matroska,webm", "flv", "mpegts", "mov,mp4,m4a,3gp,3g2,mj2".
    let formatName: String
    /// The container's own duration claim, when it has one.
    let containerDuration: Double?
    let video: Video?
    let audio: Audio?
    /// Video packets in file (decode) order.
    let videoPackets: [Packet]
    /// Audio packet timestamps in file order.
    let audioTimes: [Double]

    /// Presentation times of the keyframes.
    var keyframeTimes: [Double] { videoPackets.filter(\.keyframe).map(\.pts) }

    /// Seconds between consecutive keyframes.
    var keyframeIntervals: [Double] {
        let times = keyframeTimes
        return zip(times.dropFirst(), times).map { $0 - $1 }
    }

    /// Frames per second measured from the timestamps.
    var measuredFrameRate: Double? {
        let times = videoPackets.map(\.pts).sorted()
        guard times.count > 2, let first = times.first, let last = times.last, last > first else { return nil }
        return Double(times.count - 1) / (last - first)
    }

    /// How long the video runs: first to last frame plus one frame.
    var videoDuration: Double {
        let times = videoPackets.map(\.pts).sorted()
        guard let first = times.first, let last = times.last else { return 0 }
        let frame = measuredFrameRate.map { 1 / $0 } ?? 0
        return last - first + frame
    }

    /// How long the audio runs, first to last packet (one AAC frame is ~21 ms at 48 kHz).
    var audioDuration: Double {
        guard let first = audioTimes.min(), let last = audioTimes.max() else { return 0 }
        return last - first + 1024.0 / 48_000
    }

    /// The largest jump between consecutive video frames: a hole where frames went missing.
    var largestVideoGap: Double {
        let times = videoPackets.map(\.pts).sorted()
        return zip(times.dropFirst(), times).map { $0 - $1 }.max() ?? 0
    }
}
