import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A machine that cannot keep up for a moment (here: the process stopped for 1.5 s, as a
/// saturated or swapping machine would stall it) must not leave holes: the encoder catches up
/// by repeating its last picture, so timestamps stay constant-rate, keyframes stay on their
/// 2 s grid and the sound has no gap; the repeated pictures are reported.
final class GoLiveOverloadTests: EndToEndTestCase {
    func testAStalledEncoderCatchesUpWithoutHoles() throws {
        let source = path("tone.mp4")
        let made = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30",
                                                  "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "12",
                                                  "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", source.path], logDirectory: work)
        XCTAssertEqual(made.termination, .exited(0), made.stderr)
        let output = path("show.mkv")
        let events = EventsFile(url: path("events.jsonl"))
        let show = try launchShopcast(["go-live", "-q", "-i", source.path, "--duration", "8s", "--preset", "480p30",
                                       "--encoder-speed", "ultrafast", "-t", output.path, "--events", events.url.path])
        XCTAssertTrue(show.waitUntil(timeout: 10) { !events.named("destination.connected").isEmpty }, show.summary)
        Wait.running(show, for: 2.5)
        show.send(SIGSTOP)
        Thread.sleep(forTimeInterval: 1.5)  // the stall itself is the subject: real time must pass
        show.send(SIGCONT)
        XCTAssertNotNil(show.waitForExit(timeout: 30), show.summary)
        XCTAssertEqual(exitStatus(show), 0, show.summary)

        let behind = try XCTUnwrap(events.named("encoder.behind").first, "the stall was not reported:\n\(events.text)")
        let skipped = Int(behind.number("skipped_frames") ?? 0)
        XCTAssertGreaterThan(skipped, 30, behind.line)
        let pictures = try Thumbnails.decode(output, work: work)
        // The recording itself: the moving pattern stands still for the catch-up, one repeated
        // picture per frame the event counts.
        var run = 0, longest = 0
        for i in 1..<pictures.pictures.count {
            run = pictures.difference(i, i - 1) < 0.1 ? run + 1 : 0
            longest = max(longest, run)
        }
        XCTAssertGreaterThan(longest, 30, "no stretch of repeated pictures in the recording")
        XCTAssertEqual(Double(longest), Double(skipped), accuracy: 6, "the recording repeats \(longest) pictures; the event says \(skipped)")
        assertContinuous(pictures, seconds: 8)
        try assertKeyframesOnGrid(output, every: 2)
        let sound = try AudioSamples.decode(output, work: work)
        XCTAssertEqual(sound.silentWindows(from: 0.1), [], "the sound has holes")
    }
}
