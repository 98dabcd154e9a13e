import Foundation

/// Pictures decoded by ffmpeg (an independent decoder) into raw bytes the tests compare pixel by
/// pixel: every frame of a video as 8-bit luma with its timestamp, or a PNG as RGB.
struct RawPictures {
    let width: Int
    let height: Int
    /// Bytes per pixel: 1 for luma, 3 for RGB.
    let channels: Int
    /// One buffer per picture, rows packed.
    let frames: [[UInt8]]
    /// Presentation time of each picture in seconds (0 for a still).
    let times: [Double]

    /// Every picture of the first video stream of `file`, as luma, in presentation order and with
    /// no frame dropped or duplicated (timestamps passed through).
    static func luma(_ file: URL, work: URL) throws -> RawPictures {
        let (width, height) = try size(of: file, work: work)
        let raw = work.appendingPathComponent("\(file.lastPathComponent)-\(UUID().uuidString.prefix(6)).gray")
        let decoded = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-i", file.path, "-map", "0:v:0",
                                                     "-fps_mode", "passthrough", "-pix_fmt", "gray", "-f", "rawvideo", raw.path],
                                           logDirectory: work, name: "ffmpeg-raw")
        guard decoded.termination == .exited(0) else { throw HarnessError("ffmpeg cannot decode \(file.lastPathComponent): \(decoded.stderr)") }
        let bytes = [UInt8](try Data(contentsOf: raw))
        try? FileManager.default.removeItem(at: raw)
        let frameSize = width * height
        guard frameSize > 0, bytes.count % frameSize == 0 else { throw HarnessError("\(bytes.count) bytes of luma is not whole \(width)x\(height) pictures") }
        let frames = stride(from: 0, to: bytes.count, by: frameSize).map { Array(bytes[$0..<($0 + frameSize)]) }
        let listed = try ChildProcess.run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "frame=pts_time",
                                                     "-of", "csv=p=0", file.path], logDirectory: work, name: "ffprobe-times")
        let times = listed.stdout.split(separator: "\n").compactMap { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: ", \r"))) }
        guard times.count == frames.count else {
            throw HarnessError("ffprobe lists \(times.count) picture times but ffmpeg decoded \(frames.count) pictures of \(file.lastPathComponent)")
        }
        return RawPictures(width: width, height: height, channels: 1, frames: frames, times: times)
    }

    /// A still picture (a PNG) as RGB.
    static func rgb(_ file: URL, work: URL) throws -> RawPictures {
        let (width, height) = try size(of: file, work: work)
        let raw = work.appendingPathComponent("\(file.lastPathComponent)-\(UUID().uuidString.prefix(6)).rgb")
        let decoded = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-i", file.path, "-frames:v", "1",
                                                     "-pix_fmt", "rgb24", "-f", "rawvideo", raw.path],
                                           logDirectory: work, name: "ffmpeg-rgb")
        guard decoded.termination == .exited(0) else { throw HarnessError("ffmpeg cannot decode \(file.lastPathComponent): \(decoded.stderr)") }
        let bytes = [UInt8](try Data(contentsOf: raw))
        try? FileManager.default.removeItem(at: raw)
        guard bytes.count == width * height * 3 else { throw HarnessError("\(file.lastPathComponent) decoded to \(bytes.count) bytes, not \(width)x\(height) RGB") }
        return RawPictures(width: width, height: height, channels: 3, frames: [bytes], times: [0])
    }

    private static func size(of file: URL, work: URL) throws -> (Int, Int) {
        let probe = try ChildProcess.run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height",
                                                    "-of", "csv=p=0:s=x", file.path], logDirectory: work, name: "ffprobe-size")
        let parts = probe.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2 else { throw HarnessError("ffprobe cannot tell the size of \(file.lastPathComponent): \(probe.stderr)") }
        return (parts[0], parts[1])
    }

    /// How many pixels of picture `i` differ from `other`'s picture `j` by more than `threshold`
    /// in any channel, within `box` (the whole picture when nil).
    func changedPixels(_ i: Int, against other: RawPictures, _ j: Int, threshold: Int, in box: PixelRect? = nil) -> Int {
        let a = frames[i], b = other.frames[j]
        let r = box ?? PixelRect(x: 0, y: 0, width: width, height: height)
        var count = 0
        for y in r.y..<(r.y + r.height) {
            for x in r.x..<(r.x + r.width) {
                let p = (y * width + x) * channels
                for c in 0..<channels where abs(Int(a[p + c]) - Int(b[p + c])) > threshold {
                    count += 1
                    break
                }
            }
        }
        return count
    }

    /// The smallest rectangle holding every pixel of picture `i` that differs from `other`'s
    /// picture `j` by more than `threshold`; nil when none does.
    func changedBox(_ i: Int, against other: RawPictures, _ j: Int, threshold: Int) -> PixelRect? {
        let a = frames[i], b = other.frames[j]
        var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
        for y in 0..<height {
            for x in 0..<width {
                let p = (y * width + x) * channels
                for c in 0..<channels where abs(Int(a[p + c]) - Int(b[p + c])) > threshold {
                    minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                    break
                }
            }
        }
        guard maxX >= 0 else { return nil }
        return PixelRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
    }
}

/// A rectangle of whole pixels in a picture.
struct PixelRect: Equatable, CustomStringConvertible {
    var x: Int
    var y: Int
    var width: Int
    var height: Int

    var maxX: Int { x + width }
    var maxY: Int { y + height }
    var area: Int { width * height }
    var description: String { "\(width)x\(height) at (\(x), \(y))" }
}
