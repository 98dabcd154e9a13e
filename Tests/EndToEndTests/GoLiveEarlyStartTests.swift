import Foundation
import ShopcastCore
import XCTest

/// What `schedule cron` relies on: go-live started before show.starts (cron fires on the minute,
/// or early on purpose) shows the starting-soon slate until then, puts every offer at its
/// wall-clock moment, and ends at show.starts + show.duration by itself, with no --duration.
final class GoLiveEarlyStartTests: EndToEndTestCase {
    func testLaunchedEarlyTheSlateRunsUntilShowStartsAndTheShowEndsOnItsOwn() throws {
        // A flat picture: the slate, the picture and the card tell apart by their brightness alone.
        let source = try makeFlatClip("flat.mp4", size: "854x480", seconds: 12)
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
        // From the recording alone: the dark slate, then the picture from show.starts (t0), the
        // card from t0 + 1 s to t0 + 3 s, and the end at t0 + 4 s.
        let pictures = try Thumbnails.decode(output, work: work)
        let t0Index = try XCTUnwrap(pictures.times.indices.first { pictures.mean($0) > 60 }, "the picture never came after the slate")
        let t0 = pictures.times[t0Index]
        XCTAssertGreaterThan(t0, 2, "go-live took too long to start for this test to mean anything")
        XCTAssertLessThan(pictures.mean(pictures.index(at: t0 - 1)), 60, "1 s before show.starts the picture is not the slate")
        let bare = pictures.index(at: t0 + 0.5)
        let changes = pictures.times.indices.filter { $0 > bare && pictures.difference($0, bare) > 2 }
        let cardOn = try XCTUnwrap(changes.first.map { pictures.times[$0] }, "no card was drawn")
        let cardOff = try XCTUnwrap(pictures.times.indices.first { $0 > changes.first! && pictures.difference($0, bare) <= 2 }.map { pictures.times[$0] })
        XCTAssertEqual(cardOn - t0, 1, accuracy: 0.05, "the card did not come 1 s after show.starts")
        XCTAssertEqual(cardOff - t0, 3, accuracy: 0.05, "the card did not go 3 s after show.starts")
        let recorded = try XCTUnwrap(try probe(output).containerDuration)
        XCTAssertEqual(recorded - t0, 4, accuracy: 0.1, "the show did not end at show.starts + show.duration")
        // And show.starts is the wall-clock moment written in the manifest.
        let streamStart = try XCTUnwrap(wall(events.named("stream.started").first), events.text)
        XCTAssertEqual(streamStart + t0, starts, accuracy: 0.3, "the picture came at another wall-clock moment than show.starts")
        let lead = t0
        let words = try CardReader.text(of: output, at: lead - 1.5, box: PixelRect(x: 0, y: 0, width: 854, height: 480), work: work)
        XCTAssertTrue(words.contains("Starts in") && words.contains("00:02"), "the slate 1.5 s before the start does not count down: \(words)")
    }
}
