import Foundation
import XCTest

/// `shopcast overlay INPUT -m show.yaml -o OUTPUT`, checked by decoding input and output with
/// ffmpeg and comparing pixels: the card is on exactly the frames of its offer, its countdown
/// ticks once a second, the audio is the input's packets untouched.
final class OverlayBurnTests: EndToEndTestCase {
    private let scarf = """
      scarf:
        name: Silk scarf
        price: 40
        url: https://shop.example/scarf
    """

    func testCardOnExactlyTheOffersFramesCountdownTicksAndAudioIsCopied() throws {
        let input = try makeFlatClip("in.mp4")
        let manifest = try writeManifest(products: scarf, offers: """
          - product: scarf
            at: 2s
            for: 2s
            discount: 20%
            code: SILK20
            quantity: 50
            countdown: true
        """)
        let output = path("out.mp4")
        let run = try runShopcast(["overlay", input.path, "--manifest", manifest.path, "-o", output.path], timeout: 40)
        XCTAssertEqual(exitStatus(run), 0, run.summary)
        XCTAssertTrue(run.stderr.contains("wrote"), "no summary line at the end: \(run.stderr)")
        XCTAssertFalse(run.stderr.contains("\r"), "a progress bar was drawn on a stderr that is not a terminal")

        let source = try RawPictures.luma(input, work: work)
        let burnt = try RawPictures.luma(output, work: work)
        XCTAssertEqual(burnt.frames.count, source.frames.count, "the output has a different number of frames")
        XCTAssertEqual(burnt.times, source.times, "frame timestamps were not kept")
        XCTAssertGreaterThanOrEqual(source.frames.count, 170, "the input clip is too short for the checks below")
        guard burnt.frames.count == source.frames.count, source.frames.count >= 170 else {
            return XCTFail("cannot compare the output with the input frame by frame")
        }

        // The card's region: what differs from the source in the middle of the offer.
        guard let card = burnt.changedBox(90, against: source, 90, threshold: 24) else {
            XCTFail("frame 90 (3.0 s, inside the offer) looks like the source: no card drawn")
            return
        }
        XCTAssertGreaterThan(card.area, 640 * 360 / 20, "the changed region \(card) is too small for a product card")
        for i in 0..<source.frames.count {
            let t = source.times[i]
            let changed = burnt.changedPixels(i, against: source, i, threshold: 24, in: card)
            if t >= 2 && t < 4 {
                XCTAssertGreaterThan(changed, card.area / 4, "frame \(i) at \(t) s is inside the offer [2, 4) but carries no card")
            } else {
                XCTAssertLessThan(changed, 40, "frame \(i) at \(t) s is outside the offer [2, 4) but \(changed) pixels of the card region differ from the source")
            }
        }

        // The countdown reads 00:02 on [2, 3) and 00:01 on [3, 4): within the card, consecutive
        // frames differ only where it ticks, at 3.0 s.
        var ticks: [Double] = []
        for i in 1..<source.frames.count where source.times[i] > 2 && source.times[i] < 4 {
            if burnt.changedPixels(i, against: burnt, i - 1, threshold: 24, in: card) > 15 { ticks.append(source.times[i]) }
        }
        XCTAssertEqual(ticks.count, 1, "the card changed at \(ticks) s; its countdown should tick once, at 3 s")
        if let tick = ticks.first { XCTAssertEqual(tick, 3, accuracy: 0.001, "the countdown ticked at \(tick) s, not at 3 s") }

        // Audio: the same codec and the very same packets (ffmpeg's per-packet checksums).
        let inAudio = try audioPackets(input), outAudio = try audioPackets(output)
        XCTAssertFalse(inAudio.isEmpty)
        XCTAssertEqual(outAudio.codec, inAudio.codec, "the audio was re-encoded")
        XCTAssertEqual(outAudio.packets.count, inAudio.packets.count, "the audio has a different number of packets")
        XCTAssertEqual(outAudio.packets, inAudio.packets, "the audio packets' sizes or payloads changed: not copied untouched")
        let inInfo = try probe(input), outInfo = try probe(output)
        if let a = inInfo.containerDuration, let b = outInfo.containerDuration {
            XCTAssertEqual(b, a, accuracy: 0.05, "the output lasts \(b) s, the input \(a) s")
        }

        // Never overwrites: a second run refuses and leaves the file as it was.
        let before = try Data(contentsOf: output)
        let again = try runShopcast(["overlay", input.path, "-m", manifest.path, "-o", output.path], timeout: 20)
        XCTAssertEqual(exitStatus(again), 74, "writing over an existing file should fail with 74: \(again.summary)")
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
        XCTAssertEqual(try Data(contentsOf: output), before, "the existing output was modified")
    }

    /// What the output will not have, or has moved, is said, not silently done; a burn whose
    /// recording misses every offer says why.
    func testLeftOutStreamsShiftedTimesAndNoOfferDrawnAreWarned() throws {
        let clip = try makeFlatClip("plain.mp4", seconds: 2)
        let subtitles = path("s.srt")
        try "1\n00:00:00,500 --> 00:00:01,500\nCiao\n".write(to: subtitles, atomically: true, encoding: .utf8)
        // The AAC track, an Opus track starting 50 ms before zero, and subtitles.
        let input = path("extra.mkv")
        let made = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-i", clip.path, "-itsoffset", "-0.05", "-f", "lavfi",
                                                  "-i", "sine=frequency=880:sample_rate=48000", "-i", subtitles.path, "-t", "2",
                                                  "-map", "0:v", "-map", "0:a", "-map", "1:a", "-map", "2:s", "-c:v", "copy", "-c:a:0", "copy",
                                                  "-c:a:1", "libopus", "-c:s", "srt", "-avoid_negative_ts", "disabled", input.path],
                                        logDirectory: work, name: "ffmpeg-make")
        XCTAssertEqual(made.termination, .exited(0), made.stderr)
        let manifest = try writeManifest(products: scarf, offers: """
          - product: scarf
            at: 0s
            for: 1s
        """)
        let output = path("out.mkv")
        let run = try runShopcast(["overlay", input.path, "-m", manifest.path, "-o", output.path, "--encoder-speed", "ultrafast"], timeout: 30)
        XCTAssertEqual(exitStatus(run), 0, run.summary)
        XCTAssertTrue(run.stderr.contains("warning: \(input.path): #3 subtitle (subrip) will not be in \(output.path)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("ms before zero, so every stream of \(output.path) is moved"), run.stderr)
        XCTAssertFalse(run.stderr.contains("no offer was drawn"), run.stderr)
        let streams = try ChildProcess.run("ffprobe", ["-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0", output.path],
                                           logDirectory: work, name: "ffprobe-streams")
        XCTAssertEqual(streams.stdout.split(separator: "\n").map(String.init), ["video", "audio", "audio"], "what ffprobe finds in the output")
        let starts = try ChildProcess.run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=start_time",
                                                      "-of", "csv=p=0", output.path], logDirectory: work, name: "ffprobe-start")
        XCTAssertGreaterThan(Double(starts.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0, 0.04,
                             "the warning says the picture moved later; ffprobe finds it did not")
        // The card is on the output's first second (the offer at 0s for 1s), read by pixels.
        let plain = try RawPictures.luma(clip, work: work), drawn = try RawPictures.luma(output, work: work)
        XCTAssertGreaterThan(drawn.changedPixels(10, against: plain, 10, threshold: 24), 640 * 360 / 20, "no card on the output's first second")

        // The recording began 10 minutes into the show: its only offer, at 0s, is not in it.
        let late = try runShopcast(["overlay", clip.path, "-m", manifest.path, "--start", "10m", "-o", path("late.mp4").path,
                                    "--encoder-speed", "ultrafast"], timeout: 30)
        XCTAssertEqual(exitStatus(late), 0, late.summary)
        XCTAssertTrue(late.stderr.contains("warning: no offer was drawn:") && late.stderr.contains("covers 10m–10m02s of the show"), late.stderr)
        // And indeed nothing was drawn: every picture is the input's.
        let lateFrames = try RawPictures.luma(path("late.mp4"), work: work)
        XCTAssertEqual(lateFrames.frames.count, plain.frames.count)
        for i in 0..<min(lateFrames.frames.count, plain.frames.count) {
            XCTAssertLessThan(lateFrames.changedPixels(i, against: plain, i, threshold: 24), 40, "frame \(i) carries something although no offer was drawn")
        }
    }

    func testMatroskaOutputAndClearErrors() throws {
        let input = try makeFlatClip("in.mp4", seconds: 2)
        let manifest = try writeManifest(products: scarf, offers: """
          - product: scarf
            at: 0s
            for: 1s
        """)
        let mkv = path("out.mkv")
        let run = try runShopcast(["overlay", input.path, "-m", manifest.path, "-o", mkv.path, "--crf", "23", "--encoder-speed", "ultrafast"], timeout: 30)
        XCTAssertEqual(exitStatus(run), 0, run.summary)
        let info = try probe(mkv)
        XCTAssertTrue(info.formatName.contains("matroska"), "a .mkv OUTPUT was written as \(info.formatName)")
        XCTAssertEqual(info.video?.codec, "h264")
        XCTAssertEqual(info.audio?.codec, "aac")

        let missing = try runShopcast(["overlay", path("nope.mp4").path, "-m", manifest.path, "-o", path("a.mp4").path])
        XCTAssertEqual(exitStatus(missing), 66, missing.summary)
        let noManifest = try runShopcast(["overlay", input.path, "-m", path("nope.yaml").path, "-o", path("b.mp4").path])
        XCTAssertEqual(exitStatus(noManifest), 66, noManifest.summary)
        let broken = path("broken.yaml")
        try "offers: [".write(to: broken, atomically: true, encoding: .utf8)
        let bad = try runShopcast(["overlay", input.path, "-m", broken.path, "-o", path("c.mp4").path])
        XCTAssertEqual(exitStatus(bad), 65, bad.summary)
        let usage = try runShopcast(["overlay", input.path, "-m", manifest.path, "-o", path("d.avi").path])
        XCTAssertEqual(exitStatus(usage), 64, usage.summary)
        let unwritable = try runShopcast(["overlay", input.path, "-m", manifest.path, "-o", path("no/such/folder/e.mp4").path])
        XCTAssertEqual(exitStatus(unwritable), 74, unwritable.summary)
        for name in ["a.mp4", "b.mp4", "c.mp4", "d.avi"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: path(name).path), "a failed run left \(name) behind")
        }
    }

    func testSigintFinishesAPlayableShorterFile() throws {
        // Long enough that the signal lands mid-way even on a fast machine.
        let input = try makeFlatClip("long.mp4", size: "1280x720", seconds: 40)
        let manifest = try writeManifest(products: scarf, offers: """
          - product: scarf
            at: 0s
            for: 40s
            countdown: true
        """)
        let output = path("cut.mp4")
        let child = try launchShopcast(["overlay", input.path, "-m", manifest.path, "-o", output.path, "--encoder-speed", "ultrafast"])
        // Wait until the muxer has written something, then interrupt.
        XCTAssertTrue(child.waitUntil(timeout: 20) {
            ((try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0) > 50_000
        }, "the output never grew: \(child.summary)")
        child.send(SIGINT)
        XCTAssertNotNil(child.waitForExit(timeout: 20), "shopcast did not stop after SIGINT")
        XCTAssertEqual(exitStatus(child), 130, child.summary)
        XCTAssertTrue(child.stderr.contains("plays"), child.stderr)
        let report = try decode(output)
        XCTAssertEqual(report.status, 0, "the interrupted output does not decode cleanly: \(report.errors)")
        XCTAssertGreaterThan(report.videoFrames, 0)
        let duration = try probe(output).containerDuration ?? 0
        XCTAssertLessThan(duration, 39, "the burn was interrupted but the output is as long as the input")
    }

    /// The codec and each audio packet's size and checksum, read by ffmpeg without decoding.
    private func audioPackets(_ file: URL) throws -> (codec: String, packets: [String], isEmpty: Bool) {
        let codec = try ChildProcess.run("ffprobe", ["-v", "error", "-select_streams", "a:0", "-show_entries", "stream=codec_name",
                                                    "-of", "csv=p=0", file.path], logDirectory: work, name: "ffprobe-codec")
        let hashes = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-i", file.path, "-map", "0:a:0", "-c", "copy",
                                                    "-f", "framemd5", "-"], logDirectory: work, name: "ffmpeg-framemd5")
        XCTAssertEqual(hashes.termination, .exited(0), hashes.stderr)
        // "stream, dts, pts, duration, size, hash": keep size and hash (timestamps may be rebased).
        let packets = hashes.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line -> String in
            let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return fields.suffix(2).joined(separator: " ")
        }
        return (codec.stdout.trimmingCharacters(in: .whitespacesAndNewlines), packets, packets.isEmpty)
    }
}
