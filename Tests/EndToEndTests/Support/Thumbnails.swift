import Foundation

/// Every picture of a video decoded by ffmpeg (an independent decoder) as 64x36 luma, with its
/// timestamp: small enough to hold a long show, enough to tell a flash, a slate or a moving
/// test pattern apart. No picture dropped or duplicated (timestamps passed through).
struct Thumbnails {
    static let width = 64, height = 36
    let pictures: [[UInt8]]
    let times: [Double]

    static func decode(_ file: URL, work: URL) throws -> Thumbnails {
        let raw = work.appendingPathComponent("\(file.lastPathComponent)-\(UUID().uuidString.prefix(6)).gray")
        let decoded = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-i", file.path, "-map", "0:v:0", "-fps_mode", "passthrough",
                                                     "-vf", "scale=\(width):\(height),format=gray", "-f", "rawvideo", raw.path],
                                           logDirectory: work, name: "ffmpeg-thumbnails")
        guard decoded.termination == .exited(0) else { throw HarnessError("ffmpeg cannot decode \(file.lastPathComponent): \(decoded.stderr)") }
        let bytes = [UInt8](try Data(contentsOf: raw))
        try? FileManager.default.removeItem(at: raw)
        let listed = try ChildProcess.run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "frame=pts_time",
                                                     "-of", "csv=p=0", file.path], logDirectory: work, name: "ffprobe-times")
        let times = listed.stdout.split(separator: "\n").compactMap { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: ", \r"))) }
        let size = width * height
        guard bytes.count == times.count * size else {
            throw HarnessError("ffprobe lists \(times.count) pictures but ffmpeg decoded \(bytes.count / size) of \(file.lastPathComponent)")
        }
        return Thumbnails(pictures: stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<($0 + size)]) }, times: times)
    }

    /// Mean luma of picture `i`.
    func mean(_ i: Int) -> Int { pictures[i].reduce(0) { $0 + Int($1) } / pictures[i].count }

    /// Mean absolute difference between pictures `i` and `j`.
    func difference(_ i: Int, _ j: Int) -> Double {
        Double(zip(pictures[i], pictures[j]).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }) / Double(pictures[i].count)
    }

    /// The index of the picture shown at `t` seconds (the last one starting at or before it).
    func index(at t: Double) -> Int { max(0, (times.lastIndex { $0 <= t + 1e-6 }) ?? 0) }
}
