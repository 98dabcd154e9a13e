import Foundation
import XCTest

/// Steering a running show through the control API, judged by what the recording shows: the
/// decoded frames (ffmpeg) and the words on the card (tesseract), never by shopcast's report.
final class CueOnScreenTests: EndToEndTestCase {
    /// One frame at 30 fps, and a little for timestamp rounding.
    let frame = 1.0 / 30 + 0.002

    func testACueIsOnTheFrameTheAnswerNamesAndStockAndSoldOutShowOnTheCard() throws {
        let clip = try makeFlatClip("flat.mp4", size: "1280x720", seconds: 14, audio: false)
        let manifest = try writeSteeringManifest("""
          - id: flash
            product: bag
            for: 1m
            price: 99
            quantity: 5
        """)
        let recording = path("show.mkv")
        let show = try startSteeredShow(["-q", "-i", clip.path, "--manifest", manifest.path, "-t", recording.path,
                                         "--encoder-speed", "ultrafast", "--duration", "9s"])
        try show.waitForStream(1.2)
        XCTAssertNil(try show.state()["offer"] as? [String: Any], "an offer on cue is not on screen until cued")

        let cue = try show.request("POST", "/v1/offers/flash/cue", body: #"{"for": 30}"#)
        XCTAssertEqual(cue.status, 200, cue.text)
        let cuedAt = try XCTUnwrap((cue.json?["stream_time"] as? NSNumber)?.doubleValue, cue.text)
        let offer = (cue.json?["state"] as? [String: Any])?["offer"] as? [String: Any]
        XCTAssertEqual(offer?["offer"] as? String, "flash")
        XCTAssertEqual(offer?["stock"] as? Int, 5)

        try show.waitForStream(cuedAt + 1.2)
        let sold = try show.request("POST", "/v1/stock/bag/sold", body: #"{"units": 3}"#)
        XCTAssertEqual(sold.status, 200, sold.text)
        let soldAt = try XCTUnwrap((sold.json?["stream_time"] as? NSNumber)?.doubleValue)

        try show.waitForStream(soldAt + 1.2)
        let out = try show.request("POST", "/v1/stock/bag/sold-out")
        XCTAssertEqual(out.status, 200, out.text)
        let outAt = try XCTUnwrap((out.json?["stream_time"] as? NSNumber)?.doubleValue)
        XCTAssertEqual((out.json?["state"] as? [String: Any]).flatMap { ($0["offer"] as? [String: Any])?["sold_out"] as? Bool }, true)

        XCTAssertEqual(show.child.waitForExit(timeout: 30), .exited(0), show.child.summary)

        // The card appears on the frame the answer named (±1 frame), and not before. (The first
        // frames are black until the input's first picture is decoded: the reference is later.)
        let frames = try RawPictures.luma(recording, work: work)
        let origin = try XCTUnwrap(frames.times.first)
        let reference = try XCTUnwrap(frames.times.firstIndex { $0 - origin >= 0.5 })
        guard let first = frames.frames.indices.first(where: { $0 > reference && frames.changedPixels($0, against: frames, reference, threshold: 24) > 2000 }) else {
            return XCTFail("no frame of the recording shows the card")
        }
        let shownAt = frames.times[first] - origin
        XCTAssertEqual(shownAt, cuedAt, accuracy: frame, "the card is on the first frame encoded after the cue was accepted")
        let box = try XCTUnwrap(frames.changedBox(first, against: frames, reference, threshold: 24))
        let cardBox = PixelRect(x: max(0, box.x - 8), y: max(0, box.y - 8), width: min(frames.width - max(0, box.x - 8), box.width + 16),
                                height: min(frames.height - max(0, box.y - 8), box.height + 16))

        // What the card says, read off the pictures.
        let before = try CardReader.text(of: recording, at: cuedAt + 0.5, box: cardBox, work: work)
        XCTAssertTrue(before.contains("5 left"), "stock on the card after the cue: \(before)")
        XCTAssertTrue(before.contains("ends in"), "a countdown: \(before)")
        let after = try CardReader.text(of: recording, at: soldAt + 0.5, box: cardBox, work: work)
        XCTAssertTrue(after.contains("2 left"), "stock after 3 sold: \(after)")
        let gone = try CardReader.text(of: recording, at: outAt + 0.5, box: cardBox, work: work)
        XCTAssertTrue(gone.contains("SOLD OUT"), "sold out on the card: \(gone)")
        XCTAssertFalse(gone.contains("ends in"), "no countdown once sold out: \(gone)")
        XCTAssertFalse(gone.contains("left"), "no stock line once sold out: \(gone)")
    }
}
