import Foundation
import XCTest

/// Live sources, fed by real peers: an X11 screen (Xvfb) and a network feed re-broadcast from
/// an RTMP ingest that the ffmpeg CLI publishes to.
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
        // The feed is up once nginx starts recording it.
        XCTAssertTrue(publisher.waitUntil(timeout: 10) { !ingest.recordings(stream: "studio-feed").isEmpty },
                      "the ffmpeg publisher never reached the ingest: \(publisher.summary)")

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
}
