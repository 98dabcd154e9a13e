import Foundation
import XCTest

/// A stream key given as ${NAME} is read from the environment and must never show: not in the
/// process list, not in anything printed (FFmpeg's own log lines included), not in the events.
final class GoLiveSecretsTests: EndToEndTestCase {
    func testKeyFromEnvironmentNeverShows() throws {
        let nginx = try startNginx()
        let key = "live_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let events = EventsFile(url: path("events.jsonl"))
        let show = try launchShopcast(["go-live", "-v", "--preset", "480p30", "--encoder-speed", "ultrafast", "--duration", "5",
                                       "-t", "rtmp://127.0.0.1:\(nginx.port)/live/${MY_KEY}", "--events", events.url.path],
                                      environment: ["MY_KEY": key])
        let connected = show.waitUntil(timeout: 10) { !events.named("destination.connected").isEmpty }
        XCTAssertTrue(connected, "the destination never connected: \(show.summary)\nevents:\n\(events.text)")

        // While it runs: what `ps` shows anyone on the machine.
        let own = try ChildProcess.run("ps", ["-o", "args=", "-p", "\(show.pid)"], logDirectory: work)
        XCTAssertTrue(own.stdout.contains("go-live"), "ps did not find the running show (pid \(show.pid)): \(own.stdout)")
        XCTAssertFalse(own.stdout.contains(key), "the stream key is visible in `ps`: \(own.stdout)")
        let everyone = try ChildProcess.run("ps", ["-eLo", "args="], logDirectory: work)
        XCTAssertFalse(everyone.stdout.contains(key), "the stream key is visible in some process's arguments in `ps -e`")

        XCTAssertNotNil(show.waitForExit(timeout: 25), "the show did not end after its 5 s: \(show.summary)")
        XCTAssertEqual(exitStatus(show), 0, show.summary)
        XCTAssertFalse(nginx.recordings(stream: key).isEmpty,
                       "nothing was published under the key: ${MY_KEY} was not replaced from the environment (streams: \(nginx.recordings().map(\.lastPathComponent)))")

        for (text, where_) in [(show.stdout, "stdout"), (show.stderr, "stderr (with -v)"), (events.text, "the events file")] {
            XCTAssertFalse(text.contains(key), "the stream key appears in \(where_): \(lines(of: text, containing: key))")
        }
        XCTAssertTrue((show.stdout + show.stderr).contains("****"), "no printed line shows the masked key (****):\n\(show.stderr.prefix(2000))")
        XCTAssertTrue(events.text.contains("****"), "the events do not show the masked destination (****):\n\(events.text.prefix(2000))")
    }

    private func lines(of text: String, containing needle: String) -> [String] {
        text.split(separator: "\n").filter { $0.contains(needle) }.prefix(5).map(String.init)
    }
}
