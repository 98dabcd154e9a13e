import Foundation
import XCTest

/// rtmps:// verifies the server's certificate (unlike FFmpeg's default), and --ca-file is how a
/// private CA becomes trusted.
final class GoLiveRTMPSTests: EndToEndTestCase {
    func testUntrustedCertificateIsRefused() throws {
        let nginx = try startNginx(tls: true)
        let events = EventsFile(url: path("events.jsonl"))
        let show = try runShopcast(["go-live", "--preset", "480p30", "--encoder-speed", "ultrafast", "--duration", "4",
                                    "--retries", "0", "-t", nginx.rtmpsURL(stream: "show"), "--events", events.url.path],
                                   timeout: 30)
        XCTAssertEqual(exitStatus(show), 69,
                       "an RTMPS server with an untrusted certificate is the only destination, so no destination was reached (69): \(show.summary)")
        XCTAssertEqual(nginx.recordings(stream: "show"), [], "the stream went out over TLS to a server whose certificate nobody trusts")
        let said = (show.stderr + events.text).lowercased()
        XCTAssertTrue(["certificate", "verif", "tls", "ssl"].contains { said.contains($0) },
                      "the user is not told that the server's certificate was the problem:\n\(show.stderr)\n\(events.text)")
        XCTAssertFalse(events.named("destination.failed").isEmpty, "no destination.failed event:\n\(events.text)")
    }

    func testCAFileMakesAPrivateCertificateTrusted() throws {
        let nginx = try startNginx(tls: true)
        let certificate = try XCTUnwrap(nginx.certificate).certificate
        let show = try runShopcast(["go-live", "--preset", "480p30", "--encoder-speed", "ultrafast", "--duration", "4",
                                    "--retries", "0", "--ca-file", certificate.path, "-t", nginx.rtmpsURL(stream: "show")],
                                   timeout: 30)
        XCTAssertEqual(exitStatus(show), 0, "with --ca-file the RTMPS show should succeed: \(show.summary)")
        let received = try XCTUnwrap(nginx.recordings(stream: "show").first,
                                     "nothing arrived through the TLS front; nginx log:\n\(nginx.errorLog.suffix(1500))")
        try assertStream(received, "the RTMPS ingest's copy", Expected(width: 854, height: 480, duration: 4, profile: nil))
    }
}
