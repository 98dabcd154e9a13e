import Foundation

/// A flash-and-beep source, the way broadcast engineers check lip sync: once a second a white
/// picture and a 1 kHz beep start together (sample-exact, from ffmpeg's own generators), on
/// black and silence otherwise. `measure` finds both again in a file shopcast made, with ffmpeg
/// decoding, and gives how far each beep lands from its flash.
enum FlashBeep {
    /// The ffmpeg CLI inputs of the source (a 640x360, 30 fps picture; 48 kHz sound).
    static let inputs = [
        "-f", "lavfi", "-i", "color=black:size=640x360:rate=30,drawbox=c=white:t=fill:enable='lt(mod(t\\,1)\\,0.03)'",
        "-f", "lavfi", "-i", "aevalsrc='if(lt(mod(t\\,1)\\,0.03)\\,sin(2*PI*1000*t)\\,0)':s=48000",
    ]

    /// Writes `seconds` of the source to `file` (its container from the extension), H.264 with
    /// AAC at `audioBitRate`, a keyframe a second.
    static func make(_ file: URL, seconds: Int, audioBitRate: String = "128k", work: URL) throws {
        let made = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error"] + inputs + [
            "-t", "\(seconds)", "-c:v", "libx264", "-preset", "ultrafast", "-g", "30", "-c:a", "aac", "-b:a", audioBitRate, file.path,
        ], logDirectory: work, name: "ffmpeg-flash-beep")
        guard made.termination == .exited(0) else { throw HarnessError("ffmpeg could not make \(file.lastPathComponent): \(made.stderr)") }
    }

    struct Report: CustomStringConvertible {
        /// When each flash is first on screen, in seconds of the file.
        let flashes: [Double]
        /// When each beep starts.
        let beeps: [Double]
        /// For each flash with a beep within half a second: beep minus flash, in seconds
        /// (positive: the sound is late).
        let offsets: [Double]

        var description: String {
            let seconds = { (times: [Double]) in times.map { String(format: "%.3f", $0) }.joined(separator: " ") }
            return "flashes at \(seconds(flashes)); beeps at \(seconds(beeps)); offsets (ms) "
                + offsets.map { String(format: "%+.1f", $0 * 1000) }.joined(separator: " ")
        }
    }

    /// The flashes from `from` seconds of the file on, and their beeps.
    static func measure(_ file: URL, from: Double = 0, work: URL) throws -> Report {
        let raw = work.appendingPathComponent("\(file.lastPathComponent)-\(UUID().uuidString.prefix(6)).gray")
        let decoded = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-i", file.path, "-map", "0:v:0", "-fps_mode", "passthrough",
                                                     "-vf", "scale=64:36,format=gray", "-f", "rawvideo", raw.path],
                                           logDirectory: work, name: "ffmpeg-flashes")
        guard decoded.termination == .exited(0) else { throw HarnessError("ffmpeg cannot decode \(file.lastPathComponent): \(decoded.stderr)") }
        let bytes = [UInt8](try Data(contentsOf: raw))
        try? FileManager.default.removeItem(at: raw)
        let listed = try ChildProcess.run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "frame=pts_time",
                                                     "-of", "csv=p=0", file.path], logDirectory: work, name: "ffprobe-times")
        let times = listed.stdout.split(separator: "\n").compactMap { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: ", \r"))) }
        let size = 64 * 36
        guard bytes.count == times.count * size else {
            throw HarnessError("ffprobe lists \(times.count) pictures but ffmpeg decoded \(bytes.count / size) of \(file.lastPathComponent)")
        }
        var flashes: [Double] = []
        var lit = false
        for (i, time) in times.enumerated() {
            let mean = bytes[(i * size)..<((i + 1) * size)].reduce(0) { $0 + Int($1) } / size
            if mean > 128, !lit, time >= from { flashes.append(time) }
            lit = mean > 128
        }
        let beeps = try AudioSamples.decode(file, work: work).onsets()
        let offsets = flashes.compactMap { flash -> Double? in
            guard let beep = beeps.min(by: { abs($0 - flash) < abs($1 - flash) }), abs(beep - flash) < 0.5 else { return nil }
            return beep - flash
        }
        return Report(flashes: flashes, beeps: beeps, offsets: offsets)
    }
}
