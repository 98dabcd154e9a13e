import Foundation
import XCTest

/// The feed's own server goes away for 6 s: the slate stands in (not a frozen picture for
/// twice the outage, as before) and the feed is on air again soon after it is back.
final class GoLiveFeedOutageTests: EndToEndTestCase {
    func testASixSecondOutageOfTheFeedsServerIsCoveredByTheSlateAndEndsPromptly() throws {
        let ingest = try startNginx()
        let feed = ingest.url(stream: "studio")
        let first = try publishStudioFeed(feed, name: "publisher-1")
        waitUntilFeedIsUp(ingest, stream: "studio", publisher: first)

        let output = path("relay.mkv")
        let events = EventsFile(url: path("events.jsonl"))
        let show = try launchShopcast(["go-live", "-i", feed, "--duration", "20s", "--preset", "480p30", "--encoder-speed", "ultrafast",
                                       "-t", output.path, "--events", events.url.path])
        XCTAssertTrue(show.waitUntil(timeout: 10) { !events.named("stream.started").isEmpty }, show.summary)
        Wait.running(show, for: 4)
        let down = Date()
        ingest.kill()
        first.stop()
        Wait.running(show, for: 6)
        try ingest.start()
        _ = try publishStudioFeed(feed, name: "publisher-2")
        let outage = Date().timeIntervalSince(down)
        XCTAssertNotNil(show.waitForExit(timeout: 30), show.summary)
        XCTAssertEqual(exitStatus(show), 0, show.summary)

        let start = try XCTUnwrap(events.named("slate.start").first, events.text)
        XCTAssertEqual(start.string("reason"), "input-lost", events.text)
        let end = try XCTUnwrap(events.named("slate.end").first, "the feed never came back on air:\n\(events.text)")
        let seconds = end.number("seconds") ?? .infinity
        print("feed outage: \(String(format: "%.1f", outage)) s without the feed's server, \(seconds) s of slate")
        // The slate goes up a second or two into the outage; once the feed is back it takes a
        // retry (at most a few seconds apart by then), FFmpeg's look at the new stream, its
        // first keyframe and the feed's one-second delay.
        XCTAssertLessThanOrEqual(seconds, outage + 3, "a \(outage) s outage kept viewers on the slate for \(seconds) s:\n\(events.text)")
        XCTAssertFalse(events.named("input.connected").isEmpty, events.text)
        let pictures = try Thumbnails.decode(output, work: work)
        assertContinuous(pictures, seconds: 20)
        // The recording itself: the dark slate's stretch, and the frozen picture before it.
        let dark = pictures.times.indices.filter { pictures.mean($0) < 60 }
        let slateSeconds = Double(dark.count) / 30
        XCTAssertLessThanOrEqual(slateSeconds, outage + 3, "the recording shows \(slateSeconds) s of slate for a \(outage) s outage")
        XCTAssertGreaterThan(slateSeconds, outage - 3, "the recording shows only \(slateSeconds) s of slate for a \(outage) s outage")
        if let firstDark = dark.first {
            var frozen = 0
            var i = firstDark - 1
            while i > 0, pictures.difference(i, i - 1) < 0.1 { frozen += 1; i -= 1 }
            XCTAssertLessThanOrEqual(Double(frozen) / 30, 2.2, "the picture froze \(Double(frozen) / 30) s before the slate")
        }
        // From the feed's loss to the slate: at most the feed's delay and the stall second.
        let lostAt = try XCTUnwrap(events.named("input.lost").first?.number("stream_time"))
        XCTAssertLessThanOrEqual((start.number("stream_time") ?? 99) - lostAt, 2.2, "a frozen picture too long before the slate")
    }
}
