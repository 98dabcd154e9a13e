import Foundation
import XCTest

/// `shopcast cue crop` and PUT /v1/crop: a vertical rendition's crop follows the host while the
/// show runs, from the frame the answer names, judged by the recording's decoded pixels.
final class CueCropTests: EndToEndTestCase {
    /// One frame at 30 fps, and a little for timestamp rounding.
    let frame = 1.0 / 30 + 0.002

    func testTheVerticalCropMovesOnTheFrameTheAnswerNamesAndGoesBack() throws {
        // A 16:9 picture in three bands: dark on the left, grey in the middle, light on the right.
        // A 9:16 slice of it (202 of its 640 pixels) lies inside one band wherever it is placed.
        let clip = path("bands.mp4")
        let made = try ChildProcess.run("ffmpeg", [
            "-nostdin", "-v", "error",
            "-f", "lavfi", "-i", "color=c=0x202020:size=214x360:rate=30",
            "-f", "lavfi", "-i", "color=c=0x808080:size=212x360:rate=30",
            "-f", "lavfi", "-i", "color=c=0xE0E0E0:size=214x360:rate=30",
            "-filter_complex", "[0][1][2]hstack=inputs=3", "-t", "12", "-c:v", "libx264", "-preset", "veryfast", "-crf", "18",
            "-pix_fmt", "yuv420p", clip.path,
        ], logDirectory: work, name: "ffmpeg-make")
        XCTAssertEqual(made.termination, .exited(0), made.stderr)
        let recording = path("vertical.mkv")
        let show = try startSteeredShow(["-q", "-i", clip.path, "--preset", "vertical", "-t", recording.path,
                                         "--encoder-speed", "ultrafast", "--duration", "8s"])
        try show.waitForStream(1.2)

        let left = try show.request("PUT", "/v1/crop", body: #"{"position": "left"}"#)
        XCTAssertEqual(left.status, 200, left.text)
        let leftAt = try XCTUnwrap((left.json?["stream_time"] as? NSNumber)?.doubleValue, left.text)
        XCTAssertEqual(((left.json?["state"] as? [String: Any])?["show"] as? [String: Any])?["crop"] as? Int, 0, left.text)

        // A position the API cannot use changes nothing.
        let wrong = try show.request("PUT", "/v1/crop", body: #"{"position": "top"}"#)
        XCTAssertEqual(wrong.status, 400, wrong.text)
        XCTAssertEqual((wrong.json?["error"] as? [String: Any])?["field"] as? String, "position", wrong.text)

        try show.waitForStream(leftAt + 1.2)
        let cue = try runShopcast(["cue", "crop", "right", "--json", "--control", "\(show.port)"], timeout: 15)
        XCTAssertEqual(exitStatus(cue), 0, cue.summary)
        let answer = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(cue.stdout.utf8)) as? [String: Any], cue.stdout)
        let rightAt = try XCTUnwrap((answer["stream_time"] as? NSNumber)?.doubleValue, cue.stdout)
        XCTAssertEqual((try show.state()["show"] as? [String: Any])?["crop"] as? Int, 100)
        let status = try runShopcast(["cue", "status", "--control", "\(show.port)"], timeout: 15)
        XCTAssertEqual(exitStatus(status), 0, status.summary)
        XCTAssertTrue(status.stdout.contains("vertical crop: right"), status.stdout)

        try show.waitForStream(rightAt + 1.2)
        let reset = try runShopcast(["cue", "crop", "--reset", "--json", "--control", "\(show.port)"], timeout: 15)
        XCTAssertEqual(exitStatus(reset), 0, reset.summary)
        let resetAnswer = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(reset.stdout.utf8)) as? [String: Any], reset.stdout)
        let resetAt = try XCTUnwrap((resetAnswer["stream_time"] as? NSNumber)?.doubleValue, reset.stdout)
        XCTAssertTrue((try show.state()["show"] as? [String: Any])?["crop"] is NSNull)
        XCTAssertEqual(show.child.waitForExit(timeout: 30), .exited(0), show.child.summary)

        // The middle of each frame: which band the crop keeps.
        let frames = try RawPictures.luma(recording, work: work)
        XCTAssertEqual([frames.width, frames.height], [720, 1280])
        let origin = try XCTUnwrap(frames.times.first)
        func band(_ i: Int) -> String {
            var sum = 0, count = 0
            for y in stride(from: 400, to: 880, by: 4) {
                for x in stride(from: 200, to: 520, by: 4) {
                    sum += Int(frames.frames[i][y * frames.width + x])
                    count += 1
                }
            }
            let mean = sum / count
            return mean < 70 ? "left" : mean > 170 ? "right" : mean > 100 && mean < 150 ? "centre" : "mean \(mean)"
        }
        let bands = frames.frames.indices.map(band)
        // Each band from the first frame encoded after its command was accepted (±1 frame).
        func firstFrame(_ name: String, after start: Double) -> Double? {
            frames.times.indices.first { frames.times[$0] - origin >= start - frame && bands[$0] == name }.map { frames.times[$0] - origin }
        }
        let startIndex = try XCTUnwrap(frames.times.firstIndex { $0 - origin >= 0.5 })
        XCTAssertEqual(bands[startIndex], "centre", "the crop starts at the centre")
        XCTAssertEqual(try XCTUnwrap(firstFrame("left", after: 0)), leftAt, accuracy: frame, "\(bands)")
        XCTAssertEqual(try XCTUnwrap(firstFrame("right", after: 0)), rightAt, accuracy: frame, "\(bands)")
        XCTAssertEqual(try XCTUnwrap(firstFrame("centre", after: rightAt)), resetAt, accuracy: frame, "\(bands)")
        // And nothing in between: every frame shows the band its moment asks for.
        for (i, time) in frames.times.enumerated() where time - origin >= 0.5 {
            let t = time - origin
            let expected = t < leftAt - frame ? "centre" : t < rightAt - frame ? "left" : t < resetAt - frame ? "right" : "centre"
            if abs(t - leftAt) < frame || abs(t - rightAt) < frame || abs(t - resetAt) < frame { continue }
            XCTAssertEqual(bands[i], expected, "frame at \(t) s")
        }
    }
}
