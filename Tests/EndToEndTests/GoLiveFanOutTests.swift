import Foundation
import XCTest

/// One show to several ingests: while every destination keeps up, the encoder thread writes
/// their packets itself and the destinations' own threads stay asleep (a thread woken for every
/// batch, ~17 times a second each, cost more than the sends), and each batch leaves in a few
/// full TCP segments, not one per RTMP chunk; every ingest still gets the whole show. What a
/// slow link does instead is GoLiveSlowLinkTests'.
final class GoLiveFanOutTests: EndToEndTestCase {
    func testDestinationsThatKeepUpAreWrittenWithoutWakingTheirThreads() throws {
        let nginx = try startNginx()
        let streams = ["one", "two", "three"]
        let events = EventsFile(url: path("events.jsonl"))
        let show = try launchShopcast(["go-live", "-q", "--preset", "480p30", "--duration", "10",
                                       "--events", events.url.path] + streams.flatMap { ["-t", nginx.url(stream: $0)] })
        let connected = show.waitUntil(timeout: 15) { events.named("destination.connected").count == streams.count }
        XCTAssertTrue(connected, "all three destinations should connect: \(show.summary)\nevents:\n\(events.text)")

        // The kernel's count of the times each writer thread went to sleep, over four seconds of
        // the show. Handed every batch (every 60 ms of stream), each would wake ~67 times.
        let before = writerSleeps(of: show.pid)
        XCTAssertEqual(before.count, streams.count, "expected one shopcast-writer thread per destination: \(before)")
        Thread.sleep(forTimeInterval: 4)
        let after = writerSleeps(of: show.pid)
        let sent = try tcpSent(by: show.pid)
        XCTAssertNotNil(show.waitForExit(timeout: 20), "the show did not end: \(show.summary)")
        XCTAssertEqual(exitStatus(show), 0, show.summary)
        let woken = after.map { thread, count in (thread, count - (before[thread] ?? 0)) }
        print("writer threads' sleeps over 4 s: \(woken.map(\.1))")
        for (thread, woken) in woken {
            XCTAssertLessThanOrEqual(woken, 20, "writer thread \(thread) was woken \(woken) times in 4 s of a show whose destinations all keep up")
        }

        // The kernel's own counts for the show's three connections (`ss`): RTMP writes each
        // 4 KiB chunk and each one-byte chunk header apart, and with TCP_NODELAY every write
        // would leave as a segment of its own (about 1.3 KB on average). Corked, a batch
        // leaves whole.
        XCTAssertEqual(sent.count, streams.count, "ss should show the show's three connections: \(sent)")
        for connection in sent {
            let average = Double(connection.bytes) / Double(max(connection.segments, 1))
            print("connection: \(connection.segments) segments, \(connection.bytes) bytes, \(Int(average)) bytes a segment")
            XCTAssertGreaterThanOrEqual(average, 4096, "a connection sent \(connection.segments) segments for \(connection.bytes) bytes: the writes of a batch left one by one")
        }

        // Written from the encoder thread, every ingest still has the whole show, intact.
        for stream in streams {
            let copy = try XCTUnwrap(nginx.recordings(stream: stream).first, "nothing arrived for \(stream):\n\(nginx.errorLog.suffix(1500))")
            XCTAssertEqual(nginx.recordings(stream: stream).count, 1, "\(stream) connected more than once in a healthy show")
            try assertStream(copy, "the ingest's copy of \(stream)", Expected(width: 854, height: 480, duration: 10))
        }
        for failure in ["destination.lost", "destination.retrying", "destination.failed"] {
            XCTAssertEqual(events.named(failure).map(\.line), [], "a healthy show reported \(failure)")
        }
    }

    /// Segments and bytes each established TCP connection of `pid` has sent, as `ss -ti` reads
    /// them from the kernel.
    private func tcpSent(by pid: Int32) throws -> [(segments: Int, bytes: Int)] {
        let ss = try ChildProcess.run("ss", ["-tinpH", "state", "established"], logDirectory: work)
        let lines = ss.stdout.split(separator: "\n").map(String.init)
        var found: [(segments: Int, bytes: Int)] = []
        for (line, info) in zip(lines, lines.dropFirst()) where line.contains("pid=\(pid),") {
            func counter(_ name: String) -> Int? {
                guard let range = info.range(of: " \(name):") else { return nil }
                return Int(info[range.upperBound...].prefix { $0.isNumber })
            }
            if let segments = counter("segs_out"), let bytes = counter("bytes_sent") { found.append((segments, bytes)) }
        }
        return found
    }

    /// Voluntary context switches of each `shopcast-writer` thread of `pid`, by thread id.
    private func writerSleeps(of pid: Int32) -> [String: Int] {
        let tasks = "/proc/\(pid)/task"
        var counts: [String: Int] = [:]
        for thread in (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? [] {
            guard let name = try? String(contentsOfFile: "\(tasks)/\(thread)/comm", encoding: .utf8),
                  name.trimmingCharacters(in: .whitespacesAndNewlines) == "shopcast-writer",
                  let status = try? String(contentsOfFile: "\(tasks)/\(thread)/status", encoding: .utf8),
                  let line = status.split(separator: "\n").first(where: { $0.hasPrefix("voluntary_ctxt_switches:") }),
                  let count = Int(line.split(separator: "\t").last.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "") else { continue }
            counts[thread] = count
        }
        return counts
    }
}
