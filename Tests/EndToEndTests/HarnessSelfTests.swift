import Foundation
import XCTest

/// Proves the harness with a publisher we trust (the ffmpeg CLI) before blaming shopcast for
/// anything: nginx records RTMP and RTMPS publishes, the TLS front refuses an unverified peer,
/// the SRT listener records MPEG-TS, nginx comes back on the same port after a kill, and the
/// ffprobe checks accept a stream that is right.
final class HarnessSelfTests: EndToEndTestCase {
    private func publish(_ url: String, seconds: Int, format: String, extra: [String] = [], name: String) throws -> ChildProcess {
        let arguments = ["-nostdin", "-hide_banner", "-v", "error", "-re",
                         "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=30",
                         "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                         "-t", "\(seconds)", "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high",
                         "-pix_fmt", "yuv420p", "-g", "60", "-keyint_min", "60", "-sc_threshold", "0",
                         "-c:a", "aac", "-ac", "2", "-ar", "48000"] + extra + ["-f", format, url]
        let child = try ChildProcess(try ChildProcess.tool("ffmpeg"), arguments, logDirectory: work, name: name)
        addCleanup { child.stop() }
        return child
    }

    func testPeersRecordWhatFFmpegPublishes() throws {
        let nginx = try startNginx(tls: true)
        let srt = try startSRTListener()
        let certificate = try XCTUnwrap(nginx.certificate).certificate.path

        let rtmp = try publish(nginx.url(stream: "plain"), seconds: 3, format: "flv", name: "ffmpeg-rtmp")
        // linger: SRT live mode otherwise drops what is still unsent when the caller closes.
        let toSRT = try publish(srt.url + "?pkt_size=1316&linger=3", seconds: 3, format: "mpegts", name: "ffmpeg-srt")
        let trusted = try publish(nginx.rtmpsURL(stream: "trusted"), seconds: 3, format: "flv",
                                  extra: ["-tls_verify", "1", "-ca_file", certificate], name: "ffmpeg-rtmps-trusted")
        let untrusted = try publish(nginx.rtmpsURL(stream: "untrusted"), seconds: 2, format: "flv",
                                    extra: ["-tls_verify", "1"], name: "ffmpeg-rtmps-untrusted")
        for child in [rtmp, toSRT, trusted] {
            XCTAssertEqual(child.waitForExit(timeout: 20), .exited(0), child.summary)
        }
        XCTAssertNotEqual(untrusted.waitForExit(timeout: 20), .exited(0),
                          "the TLS front accepted a publisher that does not trust its certificate: \(untrusted.summary)")
        XCTAssertEqual(nginx.recordings(stream: "untrusted"), [], "nginx recorded a publish over unverified TLS")

        let plain = try XCTUnwrap(nginx.recordings(stream: "plain").first, "nginx recorded nothing: \(nginx.errorLog.suffix(1500))")
        try assertStream(plain, "ffmpeg → nginx RTMP", Expected(width: 320, height: 240, duration: 3, durationTolerance: 0.4))
        let overTLS = try XCTUnwrap(nginx.recordings(stream: "trusted").first, "nginx recorded nothing over RTMPS")
        try assertStream(overTLS, "ffmpeg → nginx RTMPS", Expected(width: 320, height: 240, duration: 3, durationTolerance: 0.4))
        srt.stop()
        try assertStream(srt.output, "ffmpeg → SRT listener", Expected(width: 320, height: 240, duration: 3, durationTolerance: 0.4))
        // Both peers keep every frame a sender delivers, so a short copy of a shopcast show is
        // shopcast's doing.
        XCTAssertEqual(try probe(plain).videoPackets.count, 90, "nginx lost frames of a 3 s publish")
        XCTAssertEqual(try probe(srt.output).videoPackets.count, 90, "the SRT listener lost frames of a 3 s publish")

        // A killed ingest refuses connections; restarted on the same port, it records again.
        nginx.kill()
        XCTAssertFalse(FreePort.acceptsTCP(nginx.port), "nginx still accepts connections after SIGKILL")
        try nginx.start()
        let again = try publish(nginx.url(stream: "plain"), seconds: 1, format: "flv", name: "ffmpeg-rtmp-again")
        XCTAssertEqual(again.waitForExit(timeout: 20), .exited(0), again.summary)
        XCTAssertEqual(nginx.recordings(stream: "plain").count, 2, "a second publish after the restart did not give a second recording")
    }
}
