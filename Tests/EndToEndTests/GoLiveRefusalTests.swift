import Foundation
import XCTest

/// An ingest that answers "no" (here nginx-rtmp: another publisher already holds the stream
/// name, as when a second machine was started by mistake): the producer reads why on the
/// terminal once, not at every attempt, and the same refusal over and over stops the retries
/// unless --retries asked for them. The show and its recording go on.
final class GoLiveRefusalTests: EndToEndTestCase {
    func testTheSameRefusalIsToldOnceAndStopsTheRetries() throws {
        let ingest = try startNginx()
        let holder = try ChildProcess(try ChildProcess.tool("ffmpeg"), [
            "-nostdin", "-v", "error", "-re", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=15", "-t", "120",
            "-c:v", "libx264", "-preset", "ultrafast", "-f", "flv", ingest.url(stream: "show"),
        ], logDirectory: work, name: "first-publisher")
        addCleanup { holder.stop() }
        XCTAssertTrue(holder.waitUntil(timeout: 10) { !ingest.recordings(stream: "show").isEmpty }, holder.summary)

        let events = EventsFile(url: path("events.jsonl"))
        let recording = path("show.mkv")
        let show = try launchShopcast(["go-live", "--duration", "60s", "--preset", "480p30", "--encoder-speed", "ultrafast",
                                       "-t", ingest.url(stream: "show"), "-t", recording.path, "--events", events.url.path])
        // Five refusals take about 2 + 3 + 4.5 + 6.75 s of backoff.
        XCTAssertTrue(show.waitUntil(timeout: 40) { !events.named("destination.failed").isEmpty },
                      "the refused destination kept retrying: \(show.summary)\n\(events.text)")
        show.send(SIGINT)
        XCTAssertNotNil(show.waitForExit(timeout: 20), show.summary)
        XCTAssertEqual(exitStatus(show), 76, "a destination given up on: exit 76 (destination lost): \(show.summary)")

        let failed = try XCTUnwrap(events.named("destination.failed").first)
        let error = failed.string("error") ?? ""
        XCTAssertTrue(error.contains("refused 5 times the same way") && error.contains("--retries"), failed.line)
        XCTAssertEqual(events.named("destination.retrying").count, 4, events.text)
        let told = show.stderr.components(separatedBy: "\n").filter { $0.contains(":\(ingest.port)/live/") && $0.contains(": lost (") }
        XCTAssertEqual(told.count, 1, "the reason should be told once, not at every attempt:\n\(show.stderr)")
        XCTAssertTrue(show.stderr.contains("failed for good"), show.stderr)
        try assertDecodes(recording, "the recording")
        // The ingest's own count of the refused publish attempts: five, and none after giving up.
        let refusals = ingest.errorLog.components(separatedBy: "\n").filter { $0.contains("live: already publishing") }
        XCTAssertEqual(refusals.count, 5, "the ingest refused \(refusals.count) attempts:\n\(refusals.joined(separator: "\n"))")
    }
}
