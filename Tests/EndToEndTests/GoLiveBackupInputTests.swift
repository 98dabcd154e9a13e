import Foundation
import XCTest

/// `--backup-input`: when the studio feed stops, viewers see and hear the backup (a looped file)
/// instead of the slate or a frozen picture, and the feed again once it has been back for 2 s.
final class GoLiveBackupInputTests: EndToEndTestCase {
    func testALostFeedIsCoveredByTheBackupFileAndComesBackAfterTwoHealthySeconds() throws {
        // The backup: plain light grey with a 1 kHz tone, 3 s, looped by go-live.
        let backup = path("backup.mkv")
        let made = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-f", "lavfi", "-i", "color=c=0xD0D0D0:size=320x180:rate=30",
                                                   "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000", "-t", "3",
                                                   "-c:v", "libx264", "-preset", "ultrafast", "-g", "30", "-c:a", "aac", backup.path],
                                        logDirectory: work)
        XCTAssertEqual(made.termination, .exited(0), made.stderr)

        let ingest = try startNginx()
        let feed = ingest.url(stream: "studio")
        let first = try publishStudioFeed(feed, name: "publisher-1")
        waitUntilFeedIsUp(ingest, stream: "studio", publisher: first)
        let output = path("show.mkv")
        let events = EventsFile(url: path("events.jsonl"))
        let show = try launchShopcast(["go-live", "-i", feed, "--backup-input", backup.path, "--duration", "22s", "--preset", "480p30",
                                       "--encoder-speed", "ultrafast", "-t", output.path, "--events", events.url.path])
        XCTAssertTrue(show.waitUntil(timeout: 10) { !events.named("stream.started").isEmpty }, show.summary)
        Wait.running(show, for: 5)
        first.stop()
        Wait.running(show, for: 6)
        _ = try publishStudioFeed(feed, name: "publisher-2")
        XCTAssertNotNil(show.waitForExit(timeout: 40), show.summary)
        XCTAssertEqual(exitStatus(show), 0, show.summary)

        let switches = events.named("input.switched")
        XCTAssertEqual(switches.map { $0.string("to") ?? "?" }, ["backup", "primary"], events.text)
        XCTAssertEqual(switches.first?.string("input"), backup.path, events.text)
        XCTAssertEqual(events.named("slate.start").map(\.line), [], "the backup should stand in for the slate:\n\(events.text)")
        XCTAssertTrue(show.stderr.contains("the backup \(backup.path) is on air"), show.stderr)

        // Every picture is the feed's moving pattern or the backup's grey: never the slate.
        let pictures = try Thumbnails.decode(output, work: work)
        assertContinuous(pictures, seconds: 22)
        func isBackup(_ i: Int) -> Bool { abs(pictures.mean(i) - 208) < 12 && pictures.pictures[i].allSatisfy { abs(Int($0) - 208) < 16 } }
        let backupTimes = pictures.times.indices.filter(isBackup).map { pictures.times[$0] }
        let from = try XCTUnwrap(backupTimes.first, "the backup never came on air")
        let to = try XCTUnwrap(backupTimes.last)
        XCTAssertEqual(Double(backupTimes.count) / 30, to - from + 1.0 / 30, accuracy: 0.05, "the backup's pictures are not one stretch")
        XCTAssertGreaterThan(to - from, 4, "a 6 s outage covered by \(to - from) s of backup")
        let cutAt = try XCTUnwrap(switches.first?.number("stream_time"))
        XCTAssertEqual(from, cutAt, accuracy: 0.1, "the pictures switch on the frame of the event")
        XCTAssertLessThan(to, 21, "the feed never came back on air")
        // No frozen picture longer than the second it takes to call the feed lost (plus its delay).
        var still = 0, longest = 0
        for i in pictures.times.indices.dropFirst() where !isBackup(i) {
            still = pictures.difference(i, i - 1) < 0.5 ? still + 1 : 0
            longest = max(longest, still)
        }
        XCTAssertLessThanOrEqual(Double(longest) / 30, 2.2, "a frozen picture for \(Double(longest) / 30) s")

        // The sound follows the picture: the backup's 1 kHz tone while it is on air, the feed's 300 Hz.
        let sound = try AudioSamples.decode(output, work: work)
        XCTAssertEqual(sound.frequency(from: from + 0.5, to: to - 0.5), 1000, accuracy: 20, "the backup's sound is not on air with it")
        XCTAssertEqual(sound.frequency(from: 1, to: 4), 300, accuracy: 10)
        XCTAssertEqual(sound.frequency(from: to + 0.5, to: 21.5), 300, accuracy: 10, "the feed's sound did not come back")
    }

    func testABackupThatCannotStandInIsRefusedBeforeTheShowStarts() throws {
        let missing = try runShopcast(["go-live", "-q", "--backup-input", path("missing.mp4").path, "--duration", "2s",
                                       "-t", path("never.mkv").path], timeout: 30)
        XCTAssertEqual(exitStatus(missing), 66, missing.summary)
        XCTAssertTrue(missing.stderr.contains("--backup-input") && missing.stderr.contains("missing.mp4"), missing.stderr)
        let sound = try runShopcast(["go-live", "-q", "--backup-input", "mic", "--duration", "2s", "-t", path("never.mkv").path], timeout: 30)
        XCTAssertEqual(exitStatus(sound), 64, sound.summary)
        XCTAssertTrue(sound.stderr.contains("gives no picture"), sound.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("never.mkv").path), "a refused show left a recording")
    }
}
