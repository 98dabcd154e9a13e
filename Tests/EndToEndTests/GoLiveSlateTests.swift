import Foundation
import XCTest

/// Never a frozen picture: when the picture input stops delivering (a feed whose publisher
/// stopped while the ingest keeps the connection open, a file that ends before the show does)
/// viewers see the holding slate, over silence, and the stream itself never stops: timestamps
/// continuous, keyframes on their grid. Pictures checked by ffmpeg decoding the recording.
final class GoLiveSlateTests: EndToEndTestCase {
    func testFileShorterThanTheShowHoldsTheSlateUntilTheShowsEnd() throws {
        let source = path("three-seconds.mp4")
        let made = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30",
                                                  "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "3",
                                                  "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", source.path], logDirectory: work)
        XCTAssertEqual(made.termination, .exited(0), made.stderr)
        // A German show: the slate speaks German and carries the show's title.
        let manifest = path("show.yaml")
        try """
        show:
          title: Sommerfest Live
          locale: de-DE
          currency: EUR
        products:
          scarf:
            name: Seidenschal
            price: 39.90
        offers:
          - product: scarf
        """.write(to: manifest, atomically: true, encoding: .utf8)
        let output = path("show.mkv")
        let events = EventsFile(url: path("events.jsonl"))
        let run = try runShopcast(["go-live", "-i", source.path, "--manifest", manifest.path, "--duration", "6s", "--preset", "480p30",
                                   "--encoder-speed", "ultrafast", "-t", output.path, "--events", events.url.path], timeout: 30)
        XCTAssertEqual(exitStatus(run), 0, run.summary)
        XCTAssertTrue(run.stderr.contains("ended before the show's end: the holding slate is on air"),
                      "no warning that the input ended early:\n\(run.stderr)")
        let start = try XCTUnwrap(events.named("slate.start").first, events.text)
        XCTAssertEqual(start.string("reason"), "input-ended")
        XCTAssertEqual(start.number("stream_time") ?? -1, 3, accuracy: 0.1, "the slate event says it went up as the file's last picture ended")
        XCTAssertEqual(events.named("input.ended").count, 1, events.text)
        assertStreamEnded(events, exitCode: 0)

        // The whole 6 s went out, every frame on the 30 fps grid, keyframes every 2 s.
        let pictures = try Thumbnails.decode(output, work: work)
        assertContinuous(pictures, seconds: 6)
        try assertKeyframesOnGrid(output, every: 2)
        // From 3 s: the slate (dark, ticking once a second), not the last picture frozen.
        // The recording itself: the first dark picture is the one right after the file's last (3 s).
        let firstDark = try XCTUnwrap(pictures.times.indices.first { pictures.times[$0] > 2.5 && pictures.mean($0) < 60 }, "no slate on the recording")
        XCTAssertEqual(pictures.times[firstDark], 3, accuracy: 0.05, "the slate came at \(pictures.times[firstDark]) s, not as the file's last picture ended")
        let last = pictures.index(at: 2.95), slate1 = pictures.index(at: 4.0), slate2 = pictures.index(at: 5.0)
        XCTAssertGreaterThan(pictures.mean(last), 60, "the test pattern is missing before 3 s")
        XCTAssertLessThan(pictures.mean(slate1), 60, "at 4 s the picture is not the dark slate (mean luma \(pictures.mean(slate1)))")
        XCTAssertGreaterThan(pictures.difference(last, slate1), 20, "at 4 s viewers see the last picture frozen")
        XCTAssertGreaterThan(pictures.difference(slate1, slate2), 0.05, "the slate stands still: its clock does not tick")
        // The show's title is set in grey, under the clock: read with a lower threshold.
        let words = try CardReader.text(of: output, at: 4.5, box: PixelRect(x: 0, y: 0, width: 854, height: 310), work: work)
            + " " + CardReader.text(of: output, at: 4.5, box: PixelRect(x: 0, y: 310, width: 854, height: 60), threshold: 110, work: work)
        for expected in ["Gleich", "weiter", "00:01", "Sommerfest"] {
            XCTAssertTrue(words.contains(expected), "the slate at 4.5 s does not say '\(expected)': \(words)")
        }
        // Over silence.
        let sound = try AudioSamples.decode(output, work: work)
        XCTAssertEqual(sound.silentWindows(from: 0.2).filter { $0 < 2.9 }, [], "the file's tone has holes")
        XCTAssertEqual(sound.silentWindows(from: 3.1).count, Int((sound.duration - 3.1) * 50), "the slate is not silent")
    }

    func testHoldAudioPlaysLoopedUnderTheSlate() throws {
        let source = path("three-seconds.mp4"), music = path("hold.mp3")
        for (file, inputs) in [(source, ["-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-f", "lavfi", "-i",
                                         "sine=frequency=440:sample_rate=48000", "-t", "3", "-c:v", "libx264", "-preset", "ultrafast"]),
                               (music, ["-f", "lavfi", "-i", "sine=frequency=880:sample_rate=44100", "-t", "1.3"])] {
            let made = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error"] + inputs + [file.path], logDirectory: work)
            XCTAssertEqual(made.termination, .exited(0), made.stderr)
        }
        let output = path("show.mkv")
        let run = try runShopcast(["go-live", "-q", "-i", source.path, "--hold-audio", music.path, "--duration", "7s",
                                   "--preset", "480p30", "--encoder-speed", "ultrafast", "-t", output.path], timeout: 30)
        XCTAssertEqual(exitStatus(run), 0, run.summary)
        // The file's 440 Hz, then from 3 s the 1.3 s of 880 Hz going round three times: no hole.
        let sound = try AudioSamples.decode(output, work: work)
        XCTAssertEqual(sound.silentWindows(from: 0.1), [], "holes in the sound (hold music looped?)")
        XCTAssertEqual(sound.frequency(from: 0.5, to: 2.8), 440, accuracy: 10)
        XCTAssertEqual(sound.frequency(from: 3.2, to: 6.8), 880, accuracy: 10, "under the slate: not the hold music")
        let bad = try runShopcast(["go-live", "-q", "-i", source.path, "--hold-audio", source.deletingLastPathComponent().path + "/missing.mp3",
                                   "--duration", "2s", "-t", path("never.mkv").path], timeout: 30)
        XCTAssertEqual(exitStatus(bad), 66, bad.summary)
        XCTAssertTrue(bad.stderr.contains("--hold-audio") && bad.stderr.contains("missing.mp3"), bad.stderr)
    }

    func testStalledFeedShowsTheSlateAndThenItsPicturesAgain() throws {
        let ingest = try startNginx()
        let feed = ingest.url(stream: "studio")
        let first = try publishStudioFeed(feed, name: "publisher-1")
        waitUntilFeedIsUp(ingest, stream: "studio", publisher: first)

        let output = path("relay.mkv")
        let events = EventsFile(url: path("events.jsonl"))
        let show = try launchShopcast(["go-live", "-i", feed, "--duration", "16s", "--preset", "480p30", "--encoder-speed", "ultrafast",
                                       "-t", output.path, "--events", events.url.path])
        XCTAssertTrue(show.waitUntil(timeout: 10) { !events.named("stream.started").isEmpty }, show.summary)
        Wait.running(show, for: 4)
        // The publisher goes away; nginx keeps shopcast's connection open, waiting for another.
        let stopped = Date()
        first.stop()
        XCTAssertTrue(show.waitUntil(timeout: 6) { !events.named("slate.start").isEmpty },
                      "6 s after the feed stopped there is no slate: \(show.summary)\n\(events.text)")
        let start = try XCTUnwrap(events.named("slate.start").first)
        XCTAssertEqual(start.string("reason"), "input-stalled", events.text)
        XCTAssertFalse(events.named("input.stalled").isEmpty, events.text)
        let upAfter = Date().timeIntervalSince(stopped)
        // The feed is shown 1 s late, and the slate goes up after 1 s without a picture.
        XCTAssertLessThan(upAfter, 4, "the slate took \(upAfter) s")

        Wait.running(show, for: 2)
        _ = try publishStudioFeed(feed, name: "publisher-2")
        XCTAssertTrue(show.waitUntil(timeout: 8) { !events.named("slate.end").isEmpty },
                      "the feed came back but the slate stayed: \(show.summary)\n\(events.text)")
        XCTAssertFalse(events.named("input.resumed").isEmpty, events.text)
        XCTAssertNotNil(show.waitForExit(timeout: 20), show.summary)
        XCTAssertEqual(exitStatus(show), 0, show.summary)
        assertStreamEnded(events, exitCode: 0)

        let slateOn = try XCTUnwrap(start.number("stream_time"))
        let slateOff = try XCTUnwrap(events.named("slate.end").first?.number("stream_time"))
        let pictures = try Thumbnails.decode(output, work: work)
        assertContinuous(pictures, seconds: 16)
        try assertKeyframesOnGrid(output, every: 2)
        let frozen = pictures.index(at: slateOn - 0.1)
        for t in stride(from: slateOn + 0.2, to: slateOff - 0.1, by: 0.5) {
            let i = pictures.index(at: t)
            XCTAssertLessThan(pictures.mean(i), 60, "at \(t) s (slate from \(slateOn) to \(slateOff) s) the picture is not the slate")
            XCTAssertGreaterThan(pictures.difference(frozen, i), 20, "at \(t) s viewers see the feed's last picture frozen")
        }
        let back = pictures.index(at: slateOff + 0.5)
        XCTAssertGreaterThan(pictures.mean(back), 60, "after the slate the feed's picture is not back")
    }

    func testABreakFromCuePutsTheSlateUpAndTakesItDown() throws {
        let recording = path("show.mkv")
        let events = EventsFile(url: path("events.jsonl"))
        let show = try startSteeredShow(["-q", "--manifest", try writeSteeringManifest("  - product: scarf").path, "-t", recording.path,
                                         "--preset", "480p30", "--encoder-speed", "ultrafast", "--duration", "8s", "--events", events.url.path])
        try show.waitForStream(2)
        let up = try runShopcast(["cue", "slate", "--control", "127.0.0.1:\(show.port)", "--json"], timeout: 20)
        XCTAssertEqual(exitStatus(up), 0, up.summary)
        let upAt = try XCTUnwrap(streamTime(up.stdout), up.stdout)
        // The state's stream figures are refreshed once a second.
        XCTAssertTrue(Wait.until(timeout: 3) { (try? show.state()["stream"]).flatMap { ($0 as? [String: Any])?["slate"] as? String } == "break" },
                      "GET /v1/state does not say the slate is up for a break")
        try show.waitForStream(upAt + 2.5)
        let down = try runShopcast(["cue", "slate", "--off", "--control", "127.0.0.1:\(show.port)", "--json"], timeout: 20)
        XCTAssertEqual(exitStatus(down), 0, down.summary)
        let downAt = try XCTUnwrap(streamTime(down.stdout), down.stdout)
        XCTAssertEqual(show.child.waitForExit(timeout: 30), .exited(0), show.child.summary)

        XCTAssertEqual(events.named("slate.start").map { $0.string("reason") }, ["break"], events.text)
        XCTAssertEqual(events.named("slate.end").count, 1, events.text)
        // The test pattern, then from the answered frame the dark slate (ticking), then the
        // pattern again from the frame the second answer named.
        let pictures = try Thumbnails.decode(recording, work: work)
        let origin = pictures.times.first ?? 0
        assertContinuous(pictures, seconds: 8)
        let before = pictures.index(at: origin + upAt - 0.1), first = pictures.index(at: origin + upAt)
        XCTAssertGreaterThan(pictures.mean(before), 60, "before the break: not the test pattern")
        XCTAssertLessThan(pictures.mean(first), 60, "the slate is not on the frame the answer named (\(upAt) s)")
        XCTAssertGreaterThan(pictures.difference(first, pictures.index(at: origin + upAt + 1.5)), 0.05, "the slate's clock does not tick")
        XCTAssertLessThan(pictures.mean(pictures.index(at: origin + downAt - 0.1)), 60, "the slate came down early")
        XCTAssertGreaterThan(pictures.mean(pictures.index(at: origin + downAt)), 60, "the picture is not back on the frame the answer named")
    }

    /// The stream time an applied command's JSON answer names.
    private func streamTime(_ json: String) -> Double? {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]).flatMap { ($0["stream_time"] as? NSNumber)?.doubleValue }
    }
}
