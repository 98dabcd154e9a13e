import Foundation
import XCTest

/// A phone's portrait video carries a display matrix saying how to turn its pictures. go-live
/// turns them upright, as ffmpeg's own player logic does (the reference here: the ffmpeg CLI,
/// which rotates automatically, scaled and padded to the same frame).
final class GoLiveRotationTests: EndToEndTestCase {
    func testRotatedVideosAreStreamedUpright() throws {
        // SMPTE bars are lopsided every way: any wrong turn or mirror shows.
        let flat = path("bars.mp4")
        let made = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-f", "lavfi", "-i", "smptebars=size=640x360:rate=30",
                                                  "-t", "3", "-c:v", "libx264", "-preset", "ultrafast", flat.path], logDirectory: work)
        XCTAssertEqual(made.termination, .exited(0), made.stderr)
        for angle in [90, 180, 270] {
            let rotated = path("bars-\(angle).mp4")
            let tagged = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-i", flat.path, "-c", "copy",
                                                        "-metadata:s:v:0", "rotate=\(angle)", rotated.path], logDirectory: work)
            XCTAssertEqual(tagged.termination, .exited(0), tagged.stderr)
            let output = path("streamed-\(angle).mkv")
            let run = try runShopcast(["go-live", "-q", "-i", rotated.path, "--duration", "2s", "--preset", "480p30",
                                       "--encoder-speed", "ultrafast", "-t", output.path], timeout: 30)
            XCTAssertEqual(exitStatus(run), 0, run.summary)

            let reference = path("reference-\(angle).mkv")
            let made = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-i", rotated.path, "-t", "2", "-vf",
                                                      "scale=854:480:force_original_aspect_ratio=decrease,pad=854:480:(ow-iw)/2:(oh-ih)/2",
                                                      "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", reference.path], logDirectory: work)
            XCTAssertEqual(made.termination, .exited(0), made.stderr)
            let ours = try Thumbnails.decode(output, work: work), theirs = try Thumbnails.decode(reference, work: work)
            let a = ours.pictures[ours.index(at: (ours.times.first ?? 0) + 1)], b = theirs.pictures[theirs.index(at: 1)]
            let difference = Double(zip(a, b).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }) / Double(a.count)
            XCTAssertLessThan(difference, 6, "a video rotated \(angle)° is not upright as ffmpeg shows it (mean luma difference \(difference))")
        }
    }
}
