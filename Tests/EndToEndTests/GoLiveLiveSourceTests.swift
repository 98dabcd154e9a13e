import Foundation
import XCTest

/// Live sources, fed by real peers: an X11 screen (Xvfb), a microphone (a PulseAudio server's
/// source) and a network feed re-broadcast from an RTMP ingest that the ffmpeg CLI publishes to.
final class GoLiveLiveSourceTests: EndToEndTestCase {
    func testScreenCaptureFromX11IsStreamedWithSilence() throws {
        let display = ":\(90 + Int.random(in: 0..<400))"
        let xvfb = try ChildProcess(try ChildProcess.tool("Xvfb"), [display, "-screen", "0", "800x600x24", "-nolisten", "tcp"],
                                    logDirectory: work, name: "xvfb")
        addCleanup { xvfb.stop() }
        let socket = "/tmp/.X11-unix/X" + display.dropFirst()
        XCTAssertTrue(xvfb.waitUntil(timeout: 10) { FileManager.default.fileExists(atPath: socket) }, "Xvfb did not start: \(xvfb.summary)")

        let output = path("screen.mkv")
        let run = try runShopcast(["go-live", "-i", "screen:\(display)", "--duration", "3s", "--preset", "480p30",
                                   "--encoder-speed", "ultrafast", "-t", output.path], timeout: 30)
        XCTAssertEqual(exitStatus(run), 0, run.summary)
        // An 800x600 screen is pillarboxed into 854x480; the audio track is silence.
        try assertStream(output, "the screen capture", Expected(width: 854, height: 480, duration: 3, durationTolerance: 0.5, profile: nil))
    }

    func testNetworkFeedIsRebroadcast() throws {
        let ingest = try startNginx()
        let feed = ingest.url(stream: "studio-feed")
        let publisher = try ChildProcess(try ChildProcess.tool("ffmpeg"), [
            "-nostdin", "-v", "error", "-re", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25",
            "-f", "lavfi", "-i", "sine=frequency=300:sample_rate=44100", "-t", "20",
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-c:a", "aac", "-f", "flv", feed,
        ], logDirectory: work, name: "publisher")
        addCleanup { publisher.stop() }
        // The feed is up once nginx has recorded a second or so of it: a relay that joins in the
        // very first instant of a publish may get the audio before the publisher's first video
        // (its H.264 parameter sets), which is a different case from re-broadcasting a feed.
        XCTAssertTrue(publisher.waitUntil(timeout: 10) {
            ingest.recordings(stream: "studio-feed").contains { recording in
                ((try? FileManager.default.attributesOfItem(atPath: recording.path)[.size] as? Int) ?? 0) > 100_000
            }
        }, "the ffmpeg publisher never reached the ingest: \(publisher.summary)")

        let output = path("relay.mkv")
        let began = Date()
        let run = try runShopcast(["go-live", "-i", feed, "--duration", "4s", "--preset", "480p30",
                                   "--encoder-speed", "ultrafast", "-t", output.path], timeout: 30)
        XCTAssertEqual(exitStatus(run), 0, run.summary)
        XCTAssertGreaterThan(Date().timeIntervalSince(began), 3.5, "a 4 s show of a live feed must take 4 s, not burst out")
        try assertStream(output, "the re-broadcast feed", Expected(width: 854, height: 480, duration: 4, durationTolerance: 0.5, profile: nil))
        // The feed's picture arrived: not a black frame.
        let frame = path("frame.gray")
        let grab = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-i", output.path, "-vf", "select=eq(n\\,90)",
                                                  "-frames:v", "1", "-pix_fmt", "gray", "-f", "rawvideo", frame.path], logDirectory: work)
        XCTAssertEqual(grab.termination, .exited(0), grab.stderr)
        let pixels = [UInt8](try Data(contentsOf: frame))
        let mean = pixels.isEmpty ? 0 : pixels.reduce(0) { $0 + Int($1) } / pixels.count
        XCTAssertGreaterThan(mean, 40, "frame 90 of the relay is dark (mean luma \(mean)): the feed's picture is missing")
    }

    func testMicrophoneFromPulseAudioComesThroughWithoutGaps() throws {
        let pulse = try PulseAudioServer(directory: try folder("pulse"), toneFrequency: 660)
        addCleanup { XCTAssertTrue(pulse.stop(), "the PulseAudio server outlived its test") }
        let output = path("mic.mkv")
        // The picture from the test source, the sound from the microphone.
        let run = try runShopcast(["go-live", "-i", "test", "-i", "mic:show.monitor", "--duration", "4s", "--preset", "480p30",
                                   "--encoder-speed", "ultrafast", "-t", output.path],
                                  environment: pulse.environment, timeout: 30)
        XCTAssertEqual(exitStatus(run), 0, run.summary)
        try assertStream(output, "the microphone show", Expected(width: 854, height: 480, duration: 4, durationTolerance: 0.5, profile: nil))

        // Decoded by ffmpeg: after the first 0.1 s, every 20 ms of the recording carries the
        // 660 Hz tone (zero crossings) at full level: no hole where PulseAudio's buffer
        // timestamps jitter, and not the test source's own tone.
        let pcm = path("mic.s16")
        let decode = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-i", output.path, "-vn", "-ac", "1", "-ar", "48000",
                                                    "-f", "s16le", pcm.path], logDirectory: work)
        XCTAssertEqual(decode.termination, .exited(0), decode.stderr)
        let samples = try Data(contentsOf: pcm).withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
        XCTAssertGreaterThan(samples.count, 48_000 * 35 / 10)
        var odd: [String] = []
        let window = 960
        for start in stride(from: 4800, to: samples.count - window, by: window) {
            let part = samples[start..<(start + window)]
            let crossings = zip(part, part.dropFirst()).filter { ($0 < 0) != ($1 < 0) }.count
            let frequency = Double(crossings) / 2 / 0.02
            let peak = part.map { abs(Int($0)) }.max() ?? 0
            if !(600...720).contains(frequency) || peak < 1000 {
                odd.append("\(start * 1000 / 48_000) ms: \(Int(frequency)) Hz, peak \(peak)")
            }
        }
        XCTAssertTrue(odd.isEmpty, "windows without the microphone's steady tone: \(odd.prefix(12))")
    }
}
