import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// How a show ends when someone stops it: cleanly on SIGTERM or SIGINT, at once on a second
/// signal, and with a playable recording even when killed outright.
final class GoLiveStopTests: EndToEndTestCase {
    /// Starts a show recording to `destinations` and returns when stream.started appears, with
    /// the moment it was seen.
    private func startShow(_ destinations: [URL], events: EventsFile) throws -> (ChildProcess, Date) {
        var arguments = ["go-live", "--preset", "480p30", "--encoder-speed", "ultrafast", "--events", events.url.path]
        for destination in destinations { arguments += ["-t", destination.path] }
        let show = try launchShopcast(arguments)
        guard show.waitUntil(timeout: 10, { !events.named("stream.started").isEmpty }) else {
            throw HarnessError("no stream.started event within 10 s: \(show.summary)\nevents:\n\(events.text)")
        }
        return (show, Date())
    }

    func testSIGTERMStopsCleanlyAndFinishesEveryRecording() throws {
        let mkv = path("show.mkv")
        let mp4 = path("show.mp4")
        let events = EventsFile(url: path("events.jsonl"))
        let (show, started) = try startShow([mkv, mp4], events: events)
        Wait.running(show, for: 4)
        let elapsed = Date().timeIntervalSince(started)
        show.send(SIGTERM)
        let ending = show.waitForExit(timeout: 5)
        XCTAssertEqual(ending, .exited(0), "after SIGTERM shopcast should exit 0 within 5 s: \(show.summary)")
        assertStreamEnded(events, exitCode: 0)

        for (file, what) in [(mkv, "the .mkv recording"), (mp4, "the .mp4 recording")] {
            try assertDecodes(file, what)
            let info = try probe(file)
            XCTAssertGreaterThanOrEqual(info.videoDuration, elapsed - 0.75,
                                        "\(what) plays \(String(format: "%.2f", info.videoDuration)) s of a show stopped after \(String(format: "%.2f", elapsed)) s")
            XCTAssertLessThanOrEqual(info.videoDuration, elapsed + 1.5,
                                     "\(what) plays \(String(format: "%.2f", info.videoDuration)) s, longer than the show (\(String(format: "%.2f", elapsed)) s)")
            XCTAssertNotNil(info.audio, "\(what) has no audio track")
        }
        let mp4Data = try Data(contentsOf: mp4)
        XCTAssertNotNil(mp4Data.range(of: Data("moof".utf8)),
                        "show.mp4 is not fragmented (no moof box): a crash would leave it unplayable")
    }

    func testSecondSignalExitsAtOnceWith130() throws {
        let events = EventsFile(url: path("events.jsonl"))
        let (show, _) = try startShow([path("show.mkv")], events: events)
        Wait.running(show, for: 1)
        // Two signals of one kind sent back to back reach a process as one (the kernel keeps a
        // single pending bit per signal), so the second is a SIGTERM, as from a supervisor.
        show.send(SIGINT)
        show.send(SIGTERM)
        let ending = show.waitForExit(timeout: 2)
        XCTAssertEqual(ending, .exited(130), "a second signal (SIGINT, then SIGTERM) should make shopcast exit 130 at once: \(show.summary)")
    }

    func testSIGKILLLeavesAnMKVThatPlaysToAboutTheKill() throws {
        let mkv = path("show.mkv")
        let events = EventsFile(url: path("events.jsonl"))
        let (show, started) = try startShow([mkv], events: events)
        Wait.running(show, for: 5)
        let elapsed = Date().timeIntervalSince(started)
        show.send(SIGKILL)
        XCTAssertEqual(show.waitForExit(timeout: 5), .signalled(SIGKILL), show.summary)

        // The last cluster may be cut short by the kill, so error lines about the tail are allowed;
        // ffmpeg must still read the file through and decode nearly all of it.
        let report = try assertDecodes(mkv, "the .mkv recording after SIGKILL", allowErrors: true)
        let info = try probe(mkv)
        XCTAssertGreaterThanOrEqual(info.videoDuration, elapsed - 1.5,
                                    "after SIGKILL at \(String(format: "%.2f", elapsed)) s the .mkv plays only \(String(format: "%.2f", info.videoDuration)) s (decoder said: \(report.errors.prefix(3)))")
        XCTAssertNotNil(info.audio, "the .mkv recording after SIGKILL has no audio track")
    }
}
