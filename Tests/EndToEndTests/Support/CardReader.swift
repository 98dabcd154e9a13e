import Foundation

/// Reads what a product card says off a recording, with tesseract (an OCR engine that knows
/// nothing of shopcast): the frame at a moment is decoded by ffmpeg, cropped to the card,
/// turned into dark text on white (the card's text is light on dark) and enlarged.
enum CardReader {
    /// The words in `box` of the picture at `time` seconds (presentation time) of `video`:
    /// text lighter than `threshold` (luma) on a darker ground.
    static func text(of video: URL, at time: Double, box: PixelRect, threshold: Int = 170, work: URL) throws -> String {
        let png = work.appendingPathComponent("card-\(String(format: "%.3f", time)).png")
        let filter = "crop=\(box.width):\(box.height):\(box.x):\(box.y),format=gray,"
            + "lut=y='if(gt(val\\,\(threshold))\\,0\\,255)',scale=iw*3:ih*3:flags=bicubic"
        let decoded = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-y", "-ss", String(format: "%.3f", time), "-i", video.path,
                                                     "-frames:v", "1", "-vf", filter, png.path], logDirectory: work, name: "ffmpeg-card")
        guard decoded.termination == .exited(0) else { throw HarnessError("ffmpeg cannot take a still at \(time) s: \(decoded.stderr)") }
        let read = try ChildProcess.run("tesseract", [png.path, "stdout", "--psm", "6"], logDirectory: work, name: "tesseract")
        guard read.termination == .exited(0) else { throw HarnessError("tesseract failed: \(read.stderr)") }
        return read.stdout.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
