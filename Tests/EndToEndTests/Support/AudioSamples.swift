import Foundation

/// The first audio stream of a file decoded by ffmpeg (an independent decoder) to 48 kHz mono
/// 16-bit samples, with the stream's start time, so sample i plays at `start + i / 48000`.
struct AudioSamples {
    static let rate = 48_000
    let samples: [Int16]
    let start: Double

    static func decode(_ file: URL, work: URL) throws -> AudioSamples {
        let pcm = work.appendingPathComponent("\(file.lastPathComponent)-\(UUID().uuidString.prefix(6)).s16")
        let decoded = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-i", file.path, "-map", "0:a:0", "-ac", "1",
                                                     "-ar", "\(rate)", "-f", "s16le", pcm.path], logDirectory: work, name: "ffmpeg-pcm")
        guard decoded.termination == .exited(0) else { throw HarnessError("ffmpeg cannot decode the sound of \(file.lastPathComponent): \(decoded.stderr)") }
        let samples = try Data(contentsOf: pcm).withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
        try? FileManager.default.removeItem(at: pcm)
        let probe = try ChildProcess.run("ffprobe", ["-v", "error", "-select_streams", "a:0", "-show_entries", "stream=start_time",
                                                    "-of", "csv=p=0", file.path], logDirectory: work, name: "ffprobe-start")
        let start = Double(probe.stdout.split(separator: "\n").first?.trimmingCharacters(in: CharacterSet(charactersIn: ", \r")) ?? "") ?? 0
        return AudioSamples(samples: samples, start: start)
    }

    /// Seconds of sound decoded.
    var duration: Double { Double(samples.count) / Double(Self.rate) }

    /// Times (in the file's timeline) of the 20 ms windows after `from` seconds of the file's
    /// sound whose loudest sample stays under `floor`: holes in what should be a steady tone.
    func silentWindows(from: Double, floor: Int16 = 1000) -> [Double] {
        let window = Self.rate / 50
        var holes: [Double] = []
        for begin in stride(from: Int(from * Double(Self.rate)), to: samples.count - window, by: window) {
            var loudest: Int16 = 0
            for sample in samples[begin..<(begin + window)] { loudest = max(loudest, sample == .min ? .max : abs(sample)) }
            if loudest < floor { holes.append(start + Double(begin) / Double(Self.rate)) }
        }
        return holes
    }

    /// The pitch of a steady tone between `from` and `to` seconds of the file's sound, from its
    /// upward zero crossings.
    func frequency(from: Double, to: Double) -> Double {
        let a = max(1, Int((from - start) * Double(Self.rate))), b = min(samples.count, Int((to - start) * Double(Self.rate)))
        guard b > a else { return 0 }
        var crossings = 0
        for i in a..<b where samples[i - 1] < 0 && samples[i] >= 0 { crossings += 1 }
        return Double(crossings) / (Double(b - a) / Double(Self.rate))
    }

    /// Times at which a sound starts after at least `quiet` seconds under `floor`.
    func onsets(floor: Int16 = 3000, quiet: Double = 0.3) -> [Double] {
        var found: [Double] = []
        var lastLoud = -Double.infinity
        for (i, sample) in samples.enumerated() where sample == .min || abs(sample) >= floor {
            let t = Double(i) / Double(Self.rate)
            if t - lastLoud >= quiet { found.append(start + t) }
            lastLoud = t
        }
        return found
    }
}
