import Foundation

/// Runs ffprobe and ffmpeg as independent readers of what shopcast produced or a server
/// received. Nothing here trusts shopcast's own report.
enum Probe {
    /// Streams, format and video/audio packet timing of `file`.
    static func info(_ file: URL, logDirectory: URL) throws -> MediaInfo {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw HarnessError("no file at \(file.path)")
        }
        let streams = try ChildProcess.run("ffprobe", ["-v", "error", "-show_streams", "-show_format", "-of", "json", file.path],
                                           logDirectory: logDirectory, timeout: 60)
        guard streams.termination == .exited(0) else {
            throw HarnessError("ffprobe cannot read \(file.lastPathComponent): \(streams.stderr)")
        }
        let described = try JSONDecoder().decode(FFprobeOutput.self, from: Data(streams.stdout.utf8))
        let packets = try ChildProcess.run("ffprobe", ["-v", "error", "-show_packets",
                                                      "-show_entries", "packet=codec_type,pts_time,dts_time,flags",
                                                      "-of", "json", file.path],
                                           logDirectory: logDirectory, timeout: 60)
        guard packets.termination == .exited(0) else {
            throw HarnessError("ffprobe cannot list the packets of \(file.lastPathComponent): \(packets.stderr)")
        }
        let listed = try JSONDecoder().decode(FFprobeOutput.self, from: Data(packets.stdout.utf8))

        let videoStream = described.streams?.first { $0.codec_type == "video" }
        let audioStream = described.streams?.first { $0.codec_type == "audio" }
        let video = videoStream.map {
            MediaInfo.Video(codec: $0.codec_name ?? "?", profile: $0.profile, pixelFormat: $0.pix_fmt,
                            width: $0.width ?? 0, height: $0.height ?? 0,
                            realFrameRate: rate($0.r_frame_rate), averageFrameRate: rate($0.avg_frame_rate))
        }
        let audio = audioStream.map {
            MediaInfo.Audio(codec: $0.codec_name ?? "?", profile: $0.profile,
                            sampleRate: Int($0.sample_rate ?? "") ?? 0, channels: $0.channels ?? 0)
        }
        let all = listed.packets ?? []
        let videoPackets = all.filter { $0.codec_type == "video" }.compactMap { p -> MediaInfo.Packet? in
            guard let time = Double(p.pts_time ?? p.dts_time ?? "") else { return nil }
            return MediaInfo.Packet(pts: time, keyframe: (p.flags ?? "").hasPrefix("K"))
        }
        let audioTimes = all.filter { $0.codec_type == "audio" }.compactMap { Double($0.pts_time ?? $0.dts_time ?? "") }
        return MediaInfo(file: file, formatName: described.format?.format_name ?? "?",
                         containerDuration: Double(described.format?.duration ?? ""),
                         video: video, audio: audio, videoPackets: videoPackets, audioTimes: audioTimes)
    }

    /// Decodes every stream of `file` with `ffmpeg -v error ... -f null -`.
    static func decode(_ file: URL, logDirectory: URL) throws -> DecodeReport {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw HarnessError("no file at \(file.path)")
        }
        let result = try ChildProcess.run("ffmpeg", ["-nostdin", "-hide_banner", "-v", "error", "-i", file.path,
                                                    "-map", "0", "-f", "null", "-progress", "pipe:1", "-nostats", "-"],
                                          logDirectory: logDirectory, timeout: 120, name: "ffmpeg-decode")
        var frames = 0
        var microseconds = 0.0
        for line in result.stdout.split(separator: "\n") {
            if line.hasPrefix("frame=") { frames = Int(line.dropFirst(6)) ?? frames }
            if line.hasPrefix("out_time_us=") { microseconds = Double(line.dropFirst(12)) ?? microseconds }
        }
        let status: Int32
        switch result.termination {
        case .exited(let code): status = code
        case .signalled(let signal): status = 128 + signal
        }
        let errors = result.stderr.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        return DecodeReport(status: status, errors: errors, videoFrames: frames, decodedDuration: microseconds / 1_000_000)
    }

    /// "30/1" or "30000/1001" as a number; nil for "0/0".
    private static func rate(_ text: String?) -> Double? {
        guard let parts = text?.split(separator: "/"), parts.count == 2,
              let n = Double(parts[0]), let d = Double(parts[1]), d != 0, n != 0 else { return nil }
        return n / d
    }

    /// The subset of ffprobe's JSON these tests read.
    private struct FFprobeOutput: Decodable {
        struct Stream: Decodable {
            var codec_type: String?
            var codec_name: String?
            var profile: String?
            var pix_fmt: String?
            var width: Int?
            var height: Int?
            var r_frame_rate: String?
            var avg_frame_rate: String?
            var sample_rate: String?
            var channels: Int?
        }
        struct Format: Decodable {
            var format_name: String?
            var duration: String?
        }
        struct Packet: Decodable {
            var codec_type: String?
            var pts_time: String?
            var dts_time: String?
            var flags: String?
        }
        var streams: [Stream]?
        var format: Format?
        var packets: [Packet]?
    }
}
