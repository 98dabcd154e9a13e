import Foundation
import XCTest

/// Picture and sound stay together and the sound has no holes, whatever carries the input: the
/// common containers, an MPEG-TS file with low-rate audio, loops, an SRT contribution feed.
/// Lip sync is measured as broadcast engineers do, with a flash-and-beep source, by ffmpeg
/// decoding what shopcast recorded.
final class GoLiveSyncTests: EndToEndTestCase {
    /// ±10 ms: well inside what viewers notice (ITU-R BT.1359 puts detection at +45/−125 ms).
    let syncBound = 0.010

    func testPictureAndSoundStayTogetherFromEveryContainer() throws {
        for container in ["mp4", "mkv", "ts", "flv"] {
            let source = path("flash-beep.\(container)")
            try FlashBeep.make(source, seconds: 6, work: work)
            let output = path("from-\(container).mkv")
            let run = try runShopcast(["go-live", "-i", source.path, "--duration", "5s", "--preset", "480p30",
                                       "--encoder-speed", "ultrafast", "-t", output.path], timeout: 30)
            XCTAssertEqual(exitStatus(run), 0, run.summary)
            let report = try FlashBeep.measure(output, work: work)
            XCTAssertGreaterThanOrEqual(report.flashes.count, 5, "from .\(container): \(report)")
            XCTAssertEqual(report.offsets.count, report.flashes.count, "from .\(container), a flash without its beep: \(report)")
            for offset in report.offsets {
                XCTAssertLessThanOrEqual(abs(offset), syncBound, "from .\(container), picture and sound apart: \(report)")
            }
        }
    }

    func testLoopSeamsNeitherDriftNorCutTheSound() throws {
        // Matroska keeps milliseconds, so its 30 fps pictures are stamped a fraction off: many
        // passes must not add that up. Each 3 s pass starts with a flash and its beep.
        for container in ["mp4", "mkv"] {
            let source = path("loop.\(container)")
            try FlashBeep.make(source, seconds: 3, work: work)
            let output = path("looped-\(container).mkv")
            let run = try runShopcast(["go-live", "-i", source.path, "--loop", "--duration", "13s", "--preset", "480p30",
                                       "--encoder-speed", "ultrafast", "-t", output.path], timeout: 40)
            XCTAssertEqual(exitStatus(run), 0, run.summary)
            let report = try FlashBeep.measure(output, work: work)
            XCTAssertGreaterThanOrEqual(report.flashes.count, 12, "looping .\(container): \(report)")
            XCTAssertEqual(report.offsets.count, report.flashes.count, "looping .\(container), a flash without its beep: \(report)")
            for offset in report.offsets {
                XCTAssertLessThanOrEqual(abs(offset), syncBound, "looping .\(container), picture and sound apart at a seam: \(report)")
            }
        }
    }

    func testLowRateAudioFromTransportStreamHasNoHoles() throws {
        // An MPEG-TS muxer packs low-rate audio into few, late packets: 32 kb/s AAC arrives up
        // to ~0.7 s after the pictures of the same moment.
        let source = path("low-rate.ts")
        let made = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30",
                                                  "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "8",
                                                  "-c:v", "libx264", "-preset", "ultrafast", "-g", "30", "-c:a", "aac", "-b:a", "32k",
                                                  source.path], logDirectory: work)
        XCTAssertEqual(made.termination, .exited(0), made.stderr)
        let output = path("from-ts.mkv")
        let run = try runShopcast(["go-live", "-i", source.path, "--duration", "6s", "--preset", "480p30",
                                   "--encoder-speed", "ultrafast", "-t", output.path], timeout: 30)
        XCTAssertEqual(exitStatus(run), 0, run.summary)
        let sound = try AudioSamples.decode(output, work: work)
        XCTAssertGreaterThan(sound.duration, 5.5)
        let holes = sound.silentWindows(from: 0.1)
        XCTAssertEqual(holes, [], "\(holes.count) silent 20 ms windows in a steady tone, from \(holes.first ?? 0) s")
    }

    func testSRTFeedKeepsItsSoundWholeAndInSync() throws {
        // A studio's SRT contribution with low-rate audio: first a steady tone (no hole once the
        // feed is on), then the flash-and-beep source (in sync).
        for (name, inputs) in [("tone", ["-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30",
                                         "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"]),
                               ("flash-beep", FlashBeep.inputs)] {
            let relay = try SRTRelay(directory: try folder("relay-\(name)"))
            addCleanup { relay.stop() }
            let publisher = try ChildProcess(try ChildProcess.tool("ffmpeg"), ["-nostdin", "-v", "error", "-re"] + inputs + [
                "-t", "30", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "30",
                "-c:a", "aac", "-b:a", "32k", "-f", "mpegts", relay.publishURL,
            ], logDirectory: work, name: "publisher-\(name)")
            addCleanup { publisher.stop() }
            XCTAssertTrue(relay.waitForFeed(timeout: 10), "the feed never reached the relay: \(publisher.summary)\n\(relay.summary)")

            let output = path("from-srt-\(name).mkv")
            let run = try runShopcast(["go-live", "-i", relay.playURL, "--duration", "7s", "--preset", "480p30",
                                       "--encoder-speed", "ultrafast", "-t", output.path], timeout: 30)
            XCTAssertEqual(exitStatus(run), 0, run.summary)
            if name == "tone" {
                let sound = try AudioSamples.decode(output, work: work)
                // The feed is shown a second after it arrives (room for its late audio), so
                // it is on from about 1.5 s.
                let holes = sound.silentWindows(from: 2)
                XCTAssertGreaterThan(sound.duration, 6.5)
                XCTAssertEqual(holes, [], "\(holes.count) silent 20 ms windows in the feed's steady tone, from \(holes.first ?? 0) s")
            } else {
                // From 2 s on, as for the tone: joining a feed, the first half second of it comes
                // in a burst (what FFmpeg read to learn its streams) and the show then jumps to
                // the feed's live edge.
                let report = try FlashBeep.measure(output, from: 2, work: work)
                XCTAssertGreaterThanOrEqual(report.flashes.count, 4, "from SRT: \(report)")
                XCTAssertEqual(report.offsets.count, report.flashes.count, "from SRT, a flash without its beep: \(report)")
                for offset in report.offsets {
                    XCTAssertLessThanOrEqual(abs(offset), syncBound, "from SRT, picture and sound apart: \(report)")
                }
            }
            publisher.stop()
            relay.stop()
        }
    }
}
