import Foundation
import XCTest

/// One show, two shapes: 16:9 to one ingest and a recording, 9:16 to another ingest and a
/// recording, from one input decoded once. Each copy is read back with ffprobe and ffmpeg.
final class GoLiveRenditionTests: EndToEndTestCase {
    func testWideAndTallRenditionsShareFramesKeyframesSoundAndCardsAndOutliveEachOthersIngest() throws {
        // Three bands, red | green | blue, so the 9:16 centre crop shows as green edge to edge.
        let input = path("bands.mkv")
        let made = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-f", "lavfi", "-i",
                                                   "color=c=red:size=1280x720:rate=30,drawbox=x=427:y=0:w=426:h=720:color=0x00C000:t=fill,drawbox=x=853:y=0:w=427:h=720:color=blue:t=fill",
                                                   "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "10",
                                                   "-c:v", "libx264", "-preset", "ultrafast", "-g", "30", "-c:a", "aac", input.path],
                                        logDirectory: work)
        XCTAssertEqual(made.termination, .exited(0), made.stderr)
        let manifest = path("show.yaml")
        try """
        show:
          title: Two shapes
          currency: EUR
        products:
          scarf:
            name: Silk scarf
            price: 49.00
        offers:
          - product: scarf
            at: 2s
            for: 20s
            discount: 20%
            code: SILK20
        """.write(to: manifest, atomically: true, encoding: .utf8)

        let wideIngest = try startNginx("nginx-wide")
        let tallIngest = try startNginx("nginx-tall")
        let wide = path("wide.mkv"), tall = path("tall.mkv")
        let events = EventsFile(url: path("events.jsonl"))
        let wideID = "127.0.0.1:\(wideIngest.port)", tallID = "127.0.0.1:\(tallIngest.port)"
        let show = try launchShopcast(["go-live", "-i", input.path, "--manifest", manifest.path, "--preset", "480p30",
                                       "--encoder-speed", "ultrafast", "--duration", "7", "--retries", "1",
                                       "-t", wideIngest.url(stream: "show"), "-t", wide.path,
                                       "-t", "vertical:" + tallIngest.url(stream: "show"), "-t", "vertical:" + tall.path,
                                       "--events", events.url.path])
        XCTAssertTrue(show.waitUntil(timeout: 10) {
            !events.named("destination.connected", about: wideID).isEmpty && !events.named("destination.connected", about: tallID).isEmpty
        }, "both ingests should connect within 10 s: \(show.summary)\nevents:\n\(events.text)")
        Wait.running(show, for: 3.5)
        wideIngest.kill()
        XCTAssertNotNil(show.waitForExit(timeout: 25), "the show did not end after its 7 s: \(show.summary)")
        XCTAssertEqual(exitStatus(show), 76, "the killed 16:9 ingest is a lost destination (exit 76): \(show.summary)")

        // The other format carried on untouched: never lost, one publish, the whole show.
        for name in ["destination.lost", "destination.retrying", "destination.failed", "destination.degraded"] {
            XCTAssertEqual(events.named(name, about: tallID).map(\.line), [], "the 9:16 ingest was reported \(name)")
            XCTAssertEqual(events.named(name, about: ".mkv").map(\.line), [], "a recording was reported \(name)")
        }
        XCTAssertFalse(events.named("destination.lost", about: wideID).isEmpty, "the killed ingest was never reported lost:\n\(events.text)")
        XCTAssertFalse(events.named("destination.retrying", about: wideID).isEmpty, "shopcast never tried the killed ingest again:\n\(events.text)")
        XCTAssertFalse(events.named("destination.failed", about: wideID).isEmpty,
                       "with --retries 1 shopcast should give up on the killed ingest and say so:\n\(events.text)")
        assertStreamEnded(events, exitCode: 76)
        let rows = (events.named("stats").last?.fields["destinations"] as? [[String: Any]]) ?? []
        let tallRow = rows.first { ($0["destination"] as? String)?.contains(tallID) ?? false }
        XCTAssertEqual(tallRow?["format"] as? String, "vertical", "the last stats event does not name the 9:16 ingest's format: \(rows)")
        XCTAssertGreaterThan((tallRow?["sent_packets"] as? NSNumber)?.intValue ?? 0, 0, "stats say nothing was sent to the 9:16 ingest: \(rows)")
        XCTAssertEqual((tallRow?["dropped_packets"] as? NSNumber)?.intValue, 0, "stats say packets were dropped for the 9:16 ingest on loopback: \(rows)")
        let tallCopy = try XCTUnwrap(tallIngest.recordings(stream: "show").first, "nothing arrived at the 9:16 ingest")
        XCTAssertEqual(tallIngest.recordings(stream: "show").count, 1, "the 9:16 ingest was disconnected when the 16:9 one died")
        try assertStream(tallCopy, "the 9:16 ingest's copy", Expected(width: 720, height: 1280, duration: 7, profile: nil))
        let wideCopy = try XCTUnwrap(wideIngest.recordings(stream: "show").first, "nothing arrived at the 16:9 ingest")
        XCTAssertEqual(try probe(wideCopy).video.map { "\($0.width)x\($0.height)" }, "854x480", "the 16:9 ingest got another size")

        // Sizes, rates, keyframes on the same 2.000 s grid in both recordings.
        var expectWide = Expected(width: 854, height: 480, duration: 7, profile: nil), expectTall = Expected(width: 720, height: 1280, duration: 7, profile: nil)
        expectWide.durationTolerance = 0.5
        expectTall.durationTolerance = 0.5
        try assertStream(wide, "the 16:9 recording", expectWide)
        try assertStream(tall, "the 9:16 recording", expectTall)
        let wideInfo = try probe(wide), tallInfo = try probe(tall)
        XCTAssertEqual(wideInfo.keyframeTimes, tallInfo.keyframeTimes, "the two formats' keyframes are at different times")
        XCTAssertEqual(wideInfo.keyframeIntervals.filter { abs($0 - 2) > 0.002 }, [], "16:9 keyframes are not every 2.000 s: \(wideInfo.keyframeIntervals)")
        XCTAssertEqual(wideInfo.videoPackets.count, tallInfo.videoPackets.count, "the two recordings hold different numbers of frames")

        // The same sound: encoded once, so the two recordings decode to the same samples.
        let wideSound = try AudioSamples.decode(wide, work: work), tallSound = try AudioSamples.decode(tall, work: work)
        XCTAssertGreaterThan(wideSound.duration, 6.5, "the 16:9 recording holds \(wideSound.duration) s of sound")
        XCTAssertEqual(wideSound.start, tallSound.start, accuracy: 0.001, "the sound starts at different times")
        XCTAssertTrue(wideSound.samples == tallSound.samples, "the two recordings' sound differs: it should be encoded once")

        // The card arrives on the same frame in both, the first at or after 2 s; and the 9:16
        // picture is the middle band (green), cropped, not letterboxed.
        let widePictures = try RawPictures.luma(wide, work: work), tallPictures = try RawPictures.luma(tall, work: work)
        let wideCard = firstChangedFrame(widePictures), tallCard = firstChangedFrame(tallPictures)
        XCTAssertEqual(wideCard, 60, "the 16:9 card should appear on frame 60 (2 s at 30 fps)")
        XCTAssertEqual(tallCard, wideCard, "the card appeared on frame \(String(describing: tallCard)) in 9:16 and \(String(describing: wideCard)) in 16:9")
        let green = Int(widePictures.frames[0][480 / 2 * 854 + 854 / 2]), red = Int(widePictures.frames[0][480 / 2 * 854 + 5])
        XCTAssertGreaterThan(abs(green - red), 30, "the input's bands are not told apart by luma (\(green) against \(red))")
        for (x, y) in [(2, 20), (717, 20), (360, 640), (2, 1270), (717, 1270)] {
            let luma = Int(tallPictures.frames[0][y * 720 + x])
            XCTAssertEqual(luma, green, accuracy: 12, "9:16 pixel (\(x), \(y)) is \(luma), not the middle band's \(green): not a centre crop")
        }
    }

    /// The first frame that differs from the first one in more than 2% of its pixels (the card).
    private func firstChangedFrame(_ pictures: RawPictures) -> Int? {
        let threshold = pictures.width * pictures.height / 50
        return (1..<pictures.frames.count).first { pictures.changedPixels($0, against: pictures, 0, threshold: 24) > threshold }
    }
}
