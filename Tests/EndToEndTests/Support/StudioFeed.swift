import Foundation
import XCTest

/// A studio's contribution feed into a real nginx-rtmp ingest: the ffmpeg CLI publishing a
/// moving test pattern and a 300 Hz tone (a keyframe a second), as an encoder in a studio would.
extension EndToEndTestCase {
    /// Starts publishing to `url` for up to a minute; stopped at the test's end.
    func publishStudioFeed(_ url: String, name: String) throws -> ChildProcess {
        let publisher = try ChildProcess(try ChildProcess.tool("ffmpeg"), [
            "-nostdin", "-v", "error", "-re", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30",
            "-f", "lavfi", "-i", "sine=frequency=300:sample_rate=48000", "-t", "60",
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "30", "-c:a", "aac", "-f", "flv", url,
        ], logDirectory: work, name: name)
        addCleanup { publisher.stop() }
        return publisher
    }

    /// Waits until the ingest has recorded a second or so of `stream` from `publisher`: a relay
    /// that joins in the very first instant of a publish is a different case.
    func waitUntilFeedIsUp(_ ingest: NginxRTMP, stream: String, publisher: ChildProcess, line: UInt = #line) {
        XCTAssertTrue(publisher.waitUntil(timeout: 10) {
            ingest.recordings(stream: stream).contains { ((try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int) ?? 0) > 100_000 }
        }, "the publisher never reached the ingest: \(publisher.summary)", line: line)
    }
}
