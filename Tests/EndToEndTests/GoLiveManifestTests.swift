import Foundation
import XCTest

/// `go-live --manifest`: the card is on the recording's frames from the offer's start to its
/// end (offsets from the stream's first frame when show.starts is not set), and each change is
/// written to --events as it hits the screen.
final class GoLiveManifestTests: EndToEndTestCase {
    func testCardOnTheFramesOfTheOfferAndOfferEventsWritten() throws {
        let still = try makeFlatClip("still.mp4", seconds: 8, audio: false)
        let manifest = try writeManifest(products: """
          scarf:
            name: Silk scarf
            price: 40
            url: https://shop.example/scarf
        """, offers: """
          - product: scarf
            at: 2s
            for: 2s
            discount: 20%
            countdown: true
        """)
        let recording = path("show.mkv"), events = path("events.jsonl")
        let run = try runShopcast(["go-live", "-q", "-i", still.path, "--manifest", manifest.path, "-t", recording.path,
                                   "--size", "640x360", "--encoder-speed", "ultrafast", "--duration", "6s",
                                   "--events", events.path], timeout: 30)
        XCTAssertEqual(exitStatus(run), 0, run.summary)

        let frames = try RawPictures.luma(recording, work: work)
        guard frames.frames.count > 150, let origin = frames.times.first else {
            XCTFail("the recording holds \(frames.frames.count) frames, expected about 180")
            return
        }
        // The source is one flat colour, so a frame without the card looks like frame 10 (0.33 s).
        let reference = 10
        var onWhenOff: [Double] = [], offWhenOn: [Double] = []
        var black: [Double] = []
        for i in frames.frames.indices {
            let t = frames.times[i] - origin
            // go-live sends black until the input's first picture is decoded: not an overlay.
            let mean = frames.frames[i].reduce(0) { $0 + Int($1) } / frames.frames[i].count
            if mean < 20 {
                black.append(t)
                continue
            }
            let changed = frames.changedPixels(i, against: frames, reference, threshold: 24)
            let shouldShow = t >= 2 - 0.0005 && t < 4 - 0.0005
            if shouldShow && changed < 2000 { offWhenOn.append(t) }
            if !shouldShow && changed > 40 { onWhenOff.append(t) }
        }
        XCTAssertTrue(black.allSatisfy { $0 < 1 }, "black frames after the input started: \(black)")
        XCTAssertEqual(offWhenOn, [], "frames inside the offer [2, 4) without the card (stream seconds)")
        XCTAssertEqual(onWhenOff, [], "frames outside the offer [2, 4) with something drawn (stream seconds)")

        let lines = try String(contentsOf: events, encoding: .utf8).split(separator: "\n")
        let kinds = lines.compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return object["event"] as? String
        }
        let offerEvents = kinds.filter { $0.hasPrefix("offer.") }
        XCTAssertEqual(offerEvents, ["offer.start", "offer.end"], "events: \(kinds)")
    }
}
