import Foundation
import XCTest

/// A restarted ingest must be rejoined without help. (A dead one must not touch the other
/// destinations or the recordings, of its own format or another: GoLiveRenditionTests.)
final class GoLiveResilienceTests: EndToEndTestCase {
    func testRestartedIngestIsRejoinedOnAFreshKeyframe() throws {
        let nginx = try startNginx()
        let events = EventsFile(url: path("events.jsonl"))
        let id = "127.0.0.1:\(nginx.port)"
        let show = try launchShopcast(["go-live", "--preset", "480p30", "--encoder-speed", "ultrafast", "--duration", "10",
                                       "-t", nginx.url(stream: "show"), "--events", events.url.path])
        XCTAssertTrue(show.waitUntil(timeout: 10) { !events.named("destination.connected", about: id).isEmpty },
                      "the ingest never connected: \(show.summary)\nevents:\n\(events.text)")
        Wait.running(show, for: 2.5)
        nginx.kill()
        XCTAssertTrue(show.waitUntil(timeout: 5) { !events.named("destination.lost", about: id).isEmpty },
                      "5 s after the ingest died, shopcast had not reported it lost:\n\(events.text)")
        try nginx.start()
        XCTAssertTrue(show.waitUntil(timeout: 10) { events.named("destination.connected", about: id).count >= 2 },
                      "shopcast did not reconnect within 10 s of the ingest coming back:\n\(events.text)")
        XCTAssertNotNil(show.waitForExit(timeout: 20), "the show did not end after its 10 s: \(show.summary)")

        XCTAssertEqual(exitStatus(show), 0, "a destination that came back should leave the show a success (exit 0): \(show.summary)")
        assertStreamEnded(events, exitCode: 0)
        let timeline = events.timeline(about: id).filter { $0 != "stats" }
        let lost = timeline.firstIndex(of: "destination.lost")
        let retrying = timeline.firstIndex(of: "destination.retrying")
        let reconnected = timeline.lastIndex(of: "destination.connected")
        XCTAssertTrue(lost != nil && retrying != nil && reconnected != nil && lost! < retrying! && retrying! < reconnected!,
                      "events for the ingest should read connected → lost → retrying → connected, got \(timeline)")
        XCTAssertEqual(events.named("destination.failed").map(\.line), [], "shopcast gave up although no --retries limit was set")
        if let firstRetry = events.named("destination.retrying", about: id).first {
            let wait = firstRetry.number("wait") ?? -1
            XCTAssertTrue((1.0...3.0).contains(wait), "the first reconnection should wait about 2 s (with jitter), the event says \(wait): \(firstRetry.line)")
        }

        let files = nginx.recordings(stream: "show")
        XCTAssertEqual(files.count, 2, "the ingest should have recorded two publishes (before and after the restart): \(files.map(\.lastPathComponent))")
        guard let resumed = files.last, files.count >= 2 else { return }
        try assertDecodes(resumed, "the stream after the reconnect")
        let info = try probe(resumed)
        // nginx's recorder itself drops video until the first keyframe, so this holds whatever
        // shopcast sent first; the decode check above and the keyframe spacing below are the
        // parts that judge shopcast.
        XCTAssertEqual(info.videoPackets.first?.keyframe, true,
                       "after the reconnect the stream does not start on a keyframe: viewers see garbage until the next one")
        XCTAssertNotNil(info.audio, "after the reconnect the stream has no audio track")
        XCTAssertGreaterThan(info.videoDuration, 2, "less than 2 s arrived after the reconnect")
        let wrong = info.keyframeIntervals.filter { abs($0 - 2) > 1.0 / 30 + 0.002 }
        XCTAssertEqual(wrong, [], "after the reconnect keyframes are not every 2 s: \(info.keyframeIntervals)")
        try assertSoundStartsWithThePicture(resumed, "after the reconnect")
    }

    /// Sound and picture start together: no sound over a picture that is not there yet (an
    /// AAC frame or two of the encoders' own delay aside).
    private func assertSoundStartsWithThePicture(_ file: URL, _ when: String, line: UInt = #line) throws {
        func firstTime(_ stream: String) throws -> Double? {
            let listed = try ChildProcess.run("ffprobe", ["-v", "error", "-select_streams", stream, "-show_entries", "packet=pts_time",
                                                         "-of", "csv=p=0", file.path], logDirectory: work, name: "ffprobe-first-\(stream)")
            return listed.stdout.split(separator: "\n").first.flatMap { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: ", "))) }
        }
        let firstVideo = try XCTUnwrap(try firstTime("v:0")), firstAudio = try XCTUnwrap(try firstTime("a:0"))
        XCTAssertGreaterThanOrEqual(firstAudio, firstVideo - 0.1, "\(when), \(firstVideo - firstAudio) s of sound come before the first picture",
                                    line: line)
    }

    func testFirstConnectionIsRetriedUntilTheIngestAppears() throws {
        let nginx = try startNginx(start: false)
        let events = EventsFile(url: path("events.jsonl"))
        let id = "127.0.0.1:\(nginx.port)"
        let show = try launchShopcast(["go-live", "--preset", "480p30", "--encoder-speed", "ultrafast", "--duration", "7",
                                       "-t", nginx.url(stream: "late"), "--events", events.url.path])
        XCTAssertTrue(show.waitUntil(timeout: 10) { !events.named("destination.retrying", about: id).isEmpty },
                      "a first connection that failed was not retried:\n\(show.summary)\nevents:\n\(events.text)")
        try nginx.start()
        XCTAssertTrue(show.waitUntil(timeout: 10) { !events.named("destination.connected", about: id).isEmpty },
                      "shopcast never connected to the ingest that came up after the show started:\n\(events.text)")
        XCTAssertNotNil(show.waitForExit(timeout: 20), "the show did not end after its 7 s: \(show.summary)")
        XCTAssertEqual(exitStatus(show), 0, "the destination was up at the end, so the show is a success: \(show.summary)")
        let received = try XCTUnwrap(nginx.recordings(stream: "late").first, "nothing arrived at the late ingest")
        let info = try probe(received)
        XCTAssertEqual(info.videoPackets.first?.keyframe, true, "the late-joined stream does not start on a keyframe")
        try assertDecodes(received, "the late-joined stream")
        try assertSoundStartsWithThePicture(received, "joining late")
    }
}
