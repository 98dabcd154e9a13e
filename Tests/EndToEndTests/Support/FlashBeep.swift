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
        let pictures = try Thumbnails.decode(file, work: work)
        var flashes: [Double] = []
        var lit = false
        for (i, time) in pictures.times.enumerated() {
            let mean = pictures.mean(i)
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
