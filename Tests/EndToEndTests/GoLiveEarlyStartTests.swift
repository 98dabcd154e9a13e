import Foundation
import ShopcastCore
import XCTest

/// What `schedule cron` relies on: go-live started before show.starts (cron fires on the minute,
/// or early on purpose) shows the starting-soon slate until then, puts every offer at its
/// wall-clock moment, and ends at show.starts + show.duration by itself, with no --duration.
final class GoLiveEarlyStartTests: EndToEndTestCase {
    func testLaunchedEarlyTheSlateRunsUntilShowStartsAndTheShowEndsOnItsOwn() throws {
        let source = path("pattern.mp4")
        let made = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30",
                                                  "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "12",
                                                  "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", source.path], logDirectory: work)
        XCTAssertEqual(made.termination, .exited(0), made.stderr)
        let starts = Date().addingTimeInterval(4).timeIntervalSince1970.rounded(.up)
        let startsText = WallClock.format(Date(timeIntervalSince1970: starts), in: TimeZone(identifier: "Europe/Rome")!)
        let manifest = path("show.yaml")
        try """
        show:
          title: Early bird
          zone: Europe/Rome
          starts: \(startsText)
          duration: 4s
          currency: EUR
        products:
          scarf: {name: Silk scarf, price: 40}
        offers:
          - {product: scarf, at: 1s, for: 2s, discount: 20%}
        """.write(to: manifest, atomically: true, encoding: .utf8)
        let output = path("show.mkv")
        let events = EventsFile(url: path("events.jsonl"))
        let run = try runShopcast(["go-live", "-i", source.path, "--manifest", manifest.path, "--preset", "480p30",
                                   "--encoder-speed", "ultrafast", "-t", output.path, "--events", events.url.path], timeout: 30)
        XCTAssertEqual(exitStatus(run), 0, run.summary)
        assertStreamEnded(events, exitCode: 0)

        func wall(_ event: EventsFile.Event?) -> Double? {
            event.flatMap { $0.string("time") }.flatMap(WallClock.parse).map { $0.date.timeIntervalSince1970 }
        }
        let streamStart = try XCTUnwrap(wall(events.named("stream.started").first), events.text)
        let lead = starts - streamStart
        XCTAssertGreaterThan(lead, 2, "go-live took too long to start for this test to mean anything")
        // Offers at their wall-clock moments, and the end at show.starts + 4 s.
        let offerStart = try XCTUnwrap(wall(events.named("offer.start").first), events.text)
        XCTAssertEqual(offerStart - starts, 1, accuracy: 0.2, "the offer did not start 1 s after show.starts")
        let offerEnd = try XCTUnwrap(wall(events.named("offer.end").first), events.text)
        XCTAssertEqual(offerEnd - starts, 3, accuracy: 0.2)
        let recorded = try XCTUnwrap(try probe(output).containerDuration)
        XCTAssertEqual(recorded, lead + 4, accuracy: 0.3, "the recording should run from launch to show.starts + show.duration")

        // Before show.starts the dark starting-soon slate counting down, then the picture.
        let pictures = try Thumbnails.decode(output, work: work)
        let slate = pictures.index(at: lead - 1), show = pictures.index(at: lead + 0.5)
        XCTAssertLessThan(pictures.mean(slate), 60, "1 s before show.starts the picture is not the slate")
        XCTAssertGreaterThan(pictures.mean(show), 60, "0.5 s after show.starts the slate is still up")
        let words = try CardReader.text(of: output, at: lead - 1.5, box: PixelRect(x: 0, y: 0, width: 854, height: 480), work: work)
        XCTAssertTrue(words.contains("Starts in") && words.contains("00:02"), "the slate 1.5 s before the start does not count down: \(words)")
    }
}
