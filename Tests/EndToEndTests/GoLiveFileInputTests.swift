import Foundation
import XCTest

/// A media file as the source: played at its real pace, scaled into the output frame without
/// stretching, and given a silent audio track when it has none.
final class GoLiveFileInputTests: EndToEndTestCase {
    func testSilentFourByThreeFileIsPillarboxedAndGetsAudio() throws {
        // 3 s of 4:3 video with no audio, made by an independent tool.
        let source = path("promo.mp4")
        let made = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=30",
                                                  "-t", "3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", source.path],
                                        logDirectory: work)
        XCTAssertEqual(made.termination, .exited(0), made.stderr)

        let output = path("show.mkv")
        let began = Date()
        let run = try runShopcast(["go-live", "-i", source.path, "--preset", "480p30", "--encoder-speed", "ultrafast",
                                   "-t", output.path], timeout: 25)
        let wall = Date().timeIntervalSince(began)
        XCTAssertEqual(exitStatus(run), 0, "a file input that plays to its end should exit 0: \(run.summary)")
        XCTAssertGreaterThanOrEqual(wall, 2.5, "a 3 s file was streamed in \(String(format: "%.2f", wall)) s: not at its real pace")

        try assertStream(output, "the show made from a silent 4:3 file",
                         Expected(width: 854, height: 480, duration: 3, durationTolerance: 0.5, profile: nil))

        // 4:3 inside 16:9: about 107 columns of black on each side, picture in the middle.
        let frame = path("frame.gray")
        let grab = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-i", output.path, "-vf", "select=eq(n\\,30)",
                                                  "-frames:v", "1", "-pix_fmt", "gray", "-f", "rawvideo", frame.path],
                                        logDirectory: work)
        XCTAssertEqual(grab.termination, .exited(0), grab.stderr)
        let pixels = [UInt8](try Data(contentsOf: frame))
        guard pixels.count == 854 * 480 else {
            XCTFail("expected one 854x480 grey frame, got \(pixels.count) bytes")
            return
        }
        func meanLuma(columns: Range<Int>) -> Double {
            var sum = 0
            for row in 0..<480 { for column in columns { sum += Int(pixels[row * 854 + column]) } }
            return Double(sum) / Double(480 * columns.count)
        }
        let left = meanLuma(columns: 0..<96)
        let right = meanLuma(columns: 758..<854)
        let middle = meanLuma(columns: 200..<654)
        XCTAssertLessThan(max(left, right), 24, "the 4:3 picture is not pillarboxed: the side columns are not black (luma \(Int(left)), \(Int(right))) — stretched?")
        XCTAssertGreaterThan(middle, 40, "the middle of the frame is dark (luma \(Int(middle))): the picture is missing")
    }
}
