import Foundation
import XCTest

/// The central promise: encode once, and the same show arrives everywhere at once in the shape
/// platforms require.
final class GoLiveBasicTests: EndToEndTestCase {
    func testTestSourceReachesRTMPAndSRTAndARecordingAtOnce() throws {
        let nginx = try startNginx()
        let srt = try startSRTListener()
        let recording = path("show.mkv")
        let events = EventsFile(url: path("events.jsonl"))
        let show = try runShopcast(["go-live", "--preset", "480p30", "--duration", "6",
                                    "-t", nginx.url(stream: "basic"), "-t", srt.url, "-t", recording.path,
                                    "--events", events.url.path], timeout: 40)
        srt.stop()

        XCTAssertEqual(exitStatus(show), 0, "a show that runs its --duration should exit 0: \(show.summary)")
        XCTAssertEqual(events.malformedLines, [], "--events wrote lines that are not JSON objects with \"time\" and \"event\"")
        if let started = events.named("stream.started").first {
            let size = String(describing: started.fields["size"] ?? "")
            XCTAssertTrue(size.contains("854") && size.contains("480"), "stream.started reports size \(size), not 854x480: \(started.line)")
            XCTAssertEqual(started.number("fps"), 30, "stream.started reports the wrong fps: \(started.line)")
            XCTAssertEqual((started.fields["destinations"] as? [Any])?.count, 3,
                           "stream.started should list the three destinations: \(started.line)")
        } else {
            XCTFail("no stream.started event:\n\(events.text)")
        }
        XCTAssertFalse(events.named("destination.connected", about: "127.0.0.1:\(nginx.port)").isEmpty,
                       "no destination.connected event for the RTMP ingest:\n\(events.text)")
        XCTAssertFalse(events.named("destination.connected", about: "127.0.0.1:\(srt.port)").isEmpty,
                       "no destination.connected event for the SRT listener:\n\(events.text)")
        assertStreamEnded(events, exitCode: 0)
        XCTAssertTrue((show.stdout + show.stderr).contains(recording.path),
                      "shopcast never printed where the recording is (\(recording.path)):\n\(show.stderr.suffix(1500))")
        for failure in ["destination.lost", "destination.retrying", "destination.failed"] {
            XCTAssertEqual(events.named(failure).map(\.line), [], "a healthy show reported \(failure)")
        }

        let expected = Expected(width: 854, height: 480, duration: 6)
        let ingest = try XCTUnwrap(nginx.recordings(stream: "basic").first,
                                   "nothing arrived at the RTMP ingest; nginx log:\n\(nginx.errorLog.suffix(1500))")
        XCTAssertEqual(nginx.recordings(stream: "basic").count, 1, "the RTMP destination connected more than once in a healthy show")
        try assertStream(ingest, "the RTMP ingest's copy", expected)
        try assertStream(srt.output, "the SRT listener's copy", expected)
        var local = expected
        local.durationTolerance = 0.5
        try assertStream(recording, "the local .mkv recording", local)
        let recorded = try probe(recording)
        XCTAssertEqual(recorded.formatName, "matroska,webm", "show.mkv is not a Matroska file")

        // The show ended by itself: each network copy must hold the whole show, to the last
        // frames (the harness self-test proves both peers keep everything a sender delivers).
        for (copy, what) in [(ingest, "the RTMP ingest's copy"), (srt.output, "the SRT listener's copy")] {
            let info = try probe(copy)
            XCTAssertGreaterThanOrEqual(info.videoDuration, recorded.videoDuration - 1.5 / 30,
                                        "\(what) holds \(info.videoPackets.count) frames (\(String(format: "%.3f", info.videoDuration)) s) against \(recorded.videoPackets.count) in the recording: the end of the show never reached it")
        }
    }

    func testEventsOnStdoutAreTheOnlyThingThere() throws {
        let run = try runShopcast(["go-live", "-q", "--events", "-", "--preset", "480p30", "--encoder-speed", "ultrafast",
                                   "--duration", "2", "-t", path("show.mkv").path], timeout: 20)
        XCTAssertEqual(exitStatus(run), 0, run.summary)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let notEvents = lines.filter { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return true }
            return !(object["event"] is String && object["time"] is String)
        }
        XCTAssertEqual(notEvents, [], "with --events - and -q, stdout should hold nothing but JSON event lines")
        let names = lines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["event"] as? String
        }
        XCTAssertEqual(names.first, "stream.started", "the first event on stdout should be stream.started: \(names)")
        XCTAssertEqual(names.last, "stream.ended", "the last event on stdout should be stream.ended: \(names)")
        XCTAssertEqual(run.stderr, "", "-q should print nothing but errors on stderr")
    }

    func testEventsReaderGoingAwayDoesNotCrashTheShow() throws {
        // `shopcast go-live --events - | some-script` where the script exits early.
        let recording = path("show.mkv")
        let show = try launchShopcast(["go-live", "-q", "--events", "-", "--preset", "480p30", "--encoder-speed", "ultrafast",
                                       "--duration", "3", "-t", recording.path], stdoutReaderGone: true)
        XCTAssertNotNil(show.waitForExit(timeout: 20), "the show did not end after its 3 s: \(show.summary)")
        if case .signalled(let signal)? = show.termination {
            XCTFail("shopcast crashed (signal \(signal)) when the reader of --events - went away: \(show.summary)")
        }
        XCTAssertNotEqual(exitStatus(show), 70, "shopcast reported an internal error when the reader of --events - went away: \(show.summary)")
        XCTAssertFalse(show.stderr.contains("Fatal error"), "shopcast crashed when the reader of --events - went away: \(show.summary)")
        let info = try probe(recording)
        XCTAssertEqual(info.videoDuration, 3, accuracy: 0.5, "the recording was cut short because nobody read the events")
        try assertDecodes(recording, "the recording of a show whose events reader went away")
    }
}
