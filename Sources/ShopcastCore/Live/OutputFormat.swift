/// What the encoder produces: frame size and rate, bitrates, keyframe interval. One value for
/// the whole show, since encoding happens once.
public struct OutputFormat: Equatable, Sendable {
    public var size: FrameSize
    public var fps: Int
    public var videoBitRate: Int
    public var audioBitRate: Int
    /// Seconds between keyframes; a keyframe lands exactly every `keyint * fps` frames.
    public var keyint: Double
    /// x264 speed preset.
    public var encoderSpeed: String
    public static let audioSampleRate = 48_000
    public static let audioChannels = 2

    public init(size: FrameSize, fps: Int, videoBitRate: Int, audioBitRate: Int = 128_000,
                keyint: Double = 2, encoderSpeed: String = X264Speed.standard) {
        self.size = size
        self.fps = fps
        self.videoBitRate = videoBitRate
        self.audioBitRate = audioBitRate
        self.keyint = keyint
        self.encoderSpeed = encoderSpeed
    }

    /// Frames from one keyframe to the next.
    public var gopFrames: Int { max(1, Int((keyint * Double(fps)).rounded())) }

    public static let presetNames = ["720p30", "1080p30", "480p30", "vertical"]

    /// The named presets; bitrates inside what PLATFORMS.md lists for YouTube, Facebook and Twitch.
    public static func preset(_ name: String) -> OutputFormat? {
        switch name {
        case "720p30": return OutputFormat(size: FrameSize(width: 1280, height: 720), fps: 30, videoBitRate: 3_000_000)
        case "1080p30": return OutputFormat(size: FrameSize(width: 1920, height: 1080), fps: 30, videoBitRate: 5_000_000)
        case "480p30": return OutputFormat(size: FrameSize(width: 854, height: 480), fps: 30, videoBitRate: 1_500_000)
        case "vertical": return OutputFormat(size: FrameSize(width: 720, height: 1280), fps: 30, videoBitRate: 3_000_000)
        default: return nil
        }
    }
}
