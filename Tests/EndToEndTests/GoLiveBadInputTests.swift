import Foundation
import XCTest

/// What a user sees when something is wrong before the show can start: a clear message and
/// the documented exit status, quickly, without streaming anything.
final class GoLiveBadInputTests: EndToEndTestCase {
    func testUnknownOptionSuggestsTheRightOne() throws {
        let run = try runShopcast(["go-live", "--durration", "5s"], timeout: 10)
        XCTAssertEqual(exitStatus(run), 64, run.summary)
        XCTAssertTrue(run.stderr.contains("did you mean '--duration'?"), "no suggestion for --durration: \(run.stderr)")
    }

    func testMalformedSizeAndDurationAreUsageErrors() throws {
        for (arguments, option) in [(["--size", "12x"], "--size"), (["--size", "0x0"], "--size"),
                                    (["--duration", "soon"], "--duration"), (["--duration", "-5"], "--duration")] {
            let run = try runShopcast(["go-live"] + arguments + ["-t", path("never.mkv").path], timeout: 10)
            XCTAssertEqual(exitStatus(run), 64, "\(arguments.joined(separator: " ")) should be a usage error: \(run.summary)")
            XCTAssertTrue(run.stderr.contains(option), "the error for \(arguments.joined(separator: " ")) does not name \(option): \(run.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("never.mkv").path), "a recording was started despite a usage error")
    }

    func testMissingInputFileExits66() throws {
        let missing = path("no-such-promo.mp4").path
        let run = try runShopcast(["go-live", "-i", missing, "--duration", "3", "-t", path("out.mkv").path], timeout: 15)
        XCTAssertEqual(exitStatus(run), 66, "an input file that does not exist should exit 66: \(run.summary)")
        XCTAssertTrue(run.stderr.contains("no-such-promo.mp4"), "the error does not name the missing file: \(run.stderr)")
    }

    func testUnreachableDestinationWithNoRetriesExits69() throws {
        let port = try FreePort.tcp()  // nothing listens there
        let events = EventsFile(url: path("events.jsonl"))
        let run = try runShopcast(["go-live", "--preset", "480p30", "--encoder-speed", "ultrafast", "--duration", "3",
                                   "--retries", "0", "-t", "rtmp://127.0.0.1:\(port)/live/show", "--events", events.url.path],
                                  timeout: 20)
        XCTAssertEqual(exitStatus(run), 69, "no destination was ever reached, so the exit status should be 69: \(run.summary)")
        XCTAssertFalse(events.named("destination.failed", about: "127.0.0.1:\(port)").isEmpty,
                       "no destination.failed event for the unreachable server:\n\(events.text)")
        assertStreamEnded(events, exitCode: 69)
        XCTAssertTrue(run.stderr.contains("127.0.0.1:\(port)"), "the error does not say which destination failed: \(run.stderr)")
    }

    func testPlatformWithoutKeySaysWhereTheKeyGoes() throws {
        let events = EventsFile(url: path("events.jsonl"))
        let run = try runShopcast(["go-live", "-t", "youtube", "--duration", "3", "--events", events.url.path], timeout: 15)
        let status = exitStatus(run)
        XCTAssertNotNil(status, run.summary)
        XCTAssertNotEqual(status, 0, "going live to youtube without a key should fail: \(run.summary)")
        XCTAssertNotEqual(status, 70, "a missing key is the user's to fix, not an internal error: \(run.summary)")
        XCTAssertTrue(run.stderr.contains("SHOPCAST_YOUTUBE_KEY"), "the error does not tell the user to set SHOPCAST_YOUTUBE_KEY: \(run.stderr)")
        XCTAssertEqual(events.named("stream.started").map(\.line), [], "the show started although the key was missing")
    }

    func testKeyFileReadableByOthersIsRefused() throws {
        let keys = try folder("config/shopcast/keys")
        let keyFile = keys.appendingPathComponent("youtube")
        let key = "yt-" + UUID().uuidString.prefix(13).lowercased()
        try Data((key + "\n").utf8).write(to: keyFile)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyFile.path)
        let events = EventsFile(url: path("events.jsonl"))
        let run = try runShopcast(["go-live", "-t", "youtube", "--duration", "3", "--events", events.url.path], timeout: 15)
        let status = exitStatus(run)
        XCTAssertNotNil(status, run.summary)
        XCTAssertNotEqual(status, 0, "a key file readable by others (0644) should be refused: \(run.summary)")
        XCTAssertNotEqual(status, 70, "a key file with the wrong mode is the user's to fix, not an internal error: \(run.summary)")
        XCTAssertTrue(run.stderr.contains("0600") || run.stderr.contains("chmod"),
                      "the error does not tell the user the key file must be mode 0600: \(run.stderr)")
        XCTAssertFalse(run.stdout.contains(key) || run.stderr.contains(key) || events.text.contains(key),
                       "the refused key was printed")
        XCTAssertEqual(events.named("stream.started").map(\.line), [], "the show started with a key file others can read")
    }

    func testFullDiskExits74() throws {
        // A recording whose every write fails with ENOSPC, as on a full disk.
        let full = path("full.mkv")
        try FileManager.default.createSymbolicLink(atPath: full.path, withDestinationPath: "/dev/full")
        let run = try runShopcast(["go-live", "--preset", "480p30", "--encoder-speed", "ultrafast", "--duration", "3",
                                   "-t", full.path], timeout: 20)
        XCTAssertEqual(exitStatus(run), 74, "a recording that cannot be written (disk full) should exit 74: \(run.summary)")
        XCTAssertTrue(run.stderr.contains("full.mkv"), "the error does not name the recording that failed: \(run.stderr)")
    }
}
