import Foundation
import XCTest

/// A recording on a disk about to fill: warned about before the show, its failure called a
/// write (not a send), the show and the other recordings unharmed, and what was written plays.
/// The small disk is a real one: a 700 KB tmpfs mounted for the test (CI runs as root).
final class GoLiveDiskTests: EndToEndTestCase {
    func testAFullDiskStopsOnlyItsRecordingWhichStillPlays() throws {
        // Mounting needs root, as CI has: without it the mount fails below and says so.
        let small = try folder("small-disk")
        let mount = try ChildProcess.run("mount", ["-t", "tmpfs", "-o", "size=700k", "tmpfs", small.path], logDirectory: work)
        guard mount.termination == .exited(0) else {
            return XCTFail("cannot mount a 700 KB tmpfs (this test needs root, as CI runs it): \(mount.stderr)")
        }
        addCleanup { _ = try? ChildProcess.run("umount", ["-l", small.path], logDirectory: self.work) }

        let doomed = small.appendingPathComponent("show.mkv"), safe = path("safe.mkv")
        let events = EventsFile(url: path("events.jsonl"))
        let run = try runShopcast(["go-live", "--duration", "8s", "--preset", "480p30", "--encoder-speed", "ultrafast",
                                   "-t", doomed.path, "-t", safe.path, "--events", events.url.path], timeout: 40)
        XCTAssertEqual(exitStatus(run), 74, "a recording that failed is an I/O error: \(run.summary)")
        let warning = try XCTUnwrap(run.stderr.range(of: "its disk has room for about"), "no warning before the show:\n\(run.stderr)")
        let live = try XCTUnwrap(run.stderr.range(of: "show.mkv: live"), run.stderr)
        XCTAssertLessThan(warning.lowerBound, live.lowerBound, "the warning came after the recording started:\n\(run.stderr)")
        let failed = try XCTUnwrap(events.named("destination.failed", about: "show.mkv").first, events.text)
        XCTAssertEqual(failed.string("error")?.hasPrefix("write: No space left on device"), true, failed.line)
        XCTAssertEqual(events.named("destination.failed", about: "safe.mkv").map(\.line), [])

        try assertStream(safe, "the recording on the roomy disk", Expected(width: 854, height: 480, duration: 8, durationTolerance: 0.5, profile: nil))
        let partial = try decode(doomed)
        XCTAssertGreaterThan(partial.videoFrames, 60, "the recording cut by the full disk does not play up to the failure")
    }
}
