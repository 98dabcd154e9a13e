import Foundation
import XCTest

/// A destination behind a slow link (a third of the stream's rate) stays within about two
/// seconds of live by dropping pictures, says it is degraded, and still gets the end of the show;
/// the destination on a good link gets every picture meanwhile. When the link clears up, every
/// picture gets through again and the destination says it has recovered.
final class GoLiveSlowLinkTests: EndToEndTestCase {
    func testSlowLinkStaysNearLiveAndTheOtherDestinationGetsEveryFrame() throws {
        let nginx = try startNginx()
        // 500 kb/s for a 1.5 Mb/s stream (CBR) with 128 kb/s of sound.
        let link = try ThrottledLink(to: nginx.port, bytesPerSecond: 62_500, lifetime: 120)
        addCleanup { link.stop() }
        let events = EventsFile(url: path("events.jsonl"))
        let slowID = "127.0.0.1:\(link.port)"
        let directID = "127.0.0.1:\(nginx.port)"
        let duration = 24.0
        let steered = try startSteeredShow(["--preset", "480p30", "--encoder-speed", "ultrafast", "--video-bitrate", "1500k",
                                            "--duration", "24", "-t", nginx.url(stream: "direct"),
                                            "-t", "rtmp://\(slowID)/live/slow", "--events", events.url.path])
        let show = steered.child
        let bothUp = show.waitUntil(timeout: 15) {
            !events.named("destination.connected", about: slowID).isEmpty && !events.named("destination.connected", about: directID).isEmpty
        }
        XCTAssertTrue(bothUp, "both destinations should connect: \(show.summary)\nevents:\n\(events.text)")
        let logs = try folder("players")
        let direct = try LiveEdge(url: nginx.url(stream: "direct"), logDirectory: logs, name: "direct-player")
        let slow = try LiveEdge(url: nginx.url(stream: "slow"), logDirectory: logs, name: "slow-player")
        addCleanup { direct.stop(); slow.stop() }

        // How far the slow copy trails the direct one, as players at the ingest see them.
        // And what the control API says of it, once a second.
        var lags: [(at: TimeInterval, lag: Double)] = []
        var reported: [(state: String, lag: Double)] = []
        let watching = Date()
        var asked = 0
        while show.isRunning, Date().timeIntervalSince(watching) < duration + 20 {
            // Fourteen seconds in, the link clears up.
            if Date().timeIntervalSince(watching) > 14 { link.bytesPerSecond = 10_000_000 }
            if let d = direct.newest, let s = slow.newest { lags.append((Date().timeIntervalSince(watching), d - s)) }
            if lags.count / 4 > asked, let rows = (try? steered.state())?["destinations"] as? [[String: Any]],
               let row = rows.first(where: { ($0["destination"] as? String)?.contains(slowID) == true }) {
                asked += 1
                reported.append((row["state"] as? String ?? "?", (row["lag"] as? NSNumber)?.doubleValue ?? -1))
            }
            Thread.sleep(forTimeInterval: 0.25)
        }
        XCTAssertNotNil(show.waitForExit(timeout: 20), "the show did not end: \(show.summary)")
        XCTAssertEqual(exitStatus(show), 0, "a slow destination is not a lost one: \(show.summary)")

        // Players need a few seconds to start; from then on the slow copy stays near live.
        let steady = lags.filter { $0.at > 4 }
        XCTAssertGreaterThan(steady.count, 20, "too few samples of both players: \(lags)")
        let worst = steady.map(\.lag).max() ?? .infinity
        print("slow link: worst lag \(worst) s over \(steady.count) samples; relayed \(link.bytesRelayed) bytes")
        XCTAssertLessThanOrEqual(worst, 2.5, "the slow destination fell behind live by \(worst) s: \(steady.map { String(format: "%.2f", $0.lag) })")

        // It said so: degraded (with its lag), on the slow one only.
        let degraded = events.named("destination.degraded", about: slowID)
        XCTAssertFalse(degraded.isEmpty, "the slow destination was never reported degraded:\n\(events.text)")
        XCTAssertGreaterThan(degraded.first?.number("lag") ?? 0, 0.5, "destination.degraded should carry the lag: \(degraded.map(\.line))")
        XCTAssertEqual(events.named("destination.degraded", about: directID).map(\.line), [], "the direct destination was degraded")
        let recovered = events.named("destination.recovered", about: slowID)
        XCTAssertEqual(recovered.count, 1, "the cleared link was not reported recovered once:\n\(events.text)")
        XCTAssertGreaterThan(recovered.first?.number("stream_time") ?? 0, degraded.first?.number("stream_time") ?? .infinity)
        let degradedStats = events.named("stats").contains { event in
            ((event.fields["destinations"] as? [[String: Any]]) ?? []).contains {
                ($0["destination"] as? String)?.contains(slowID) == true && $0["state"] as? String == "degraded"
                    && (($0["lag"] as? NSNumber)?.doubleValue ?? 0) > 0
            }
        }
        XCTAssertTrue(degradedStats, "no stats event shows the slow destination degraded with its lag:\n\(events.text)")
        let degradedInAPI = reported.filter { $0.state == "degraded" }
        XCTAssertGreaterThan(degradedInAPI.count, reported.count / 3, "the control API seldom showed the slow destination degraded: \(reported)")
        XCTAssertEqual(reported.last?.state, "live", "the control API still calls the cleared link degraded: \(reported)")
        XCTAssertTrue(degradedInAPI.allSatisfy { $0.lag > 0 && $0.lag < 3 }, "the API's lag for the slow destination: \(reported)")

        // The direct destination got every picture, evenly spaced; the slow one got the end.
        let directCopy = try probe(try XCTUnwrap(nginx.recordings(stream: "direct").first, "nothing arrived directly"))
        XCTAssertEqual(Double(directCopy.videoPackets.count), duration * 30, accuracy: 2,
                       "the direct destination lost pictures to the slow one")
        XCTAssertLessThan(directCopy.largestVideoGap, 0.05, "the direct copy has a hole")
        let slowCopy = try probe(try XCTUnwrap(nginx.recordings(stream: "slow").first, "nothing arrived over the slow link"))
        let lastPicture = slowCopy.videoPackets.map(\.pts).max() ?? 0
        let lastSound = slowCopy.audioTimes.max() ?? 0
        XCTAssertGreaterThan(lastSound, duration - 0.5, "the slow destination never got the end of the show's sound")
        // Pictures are dropped a GOP (2 s) at a time: the last ones shown are from the last GOPs.
        XCTAssertGreaterThan(lastPicture, duration - 4.5, "the slow destination never got the last pictures")
        let sound = slowCopy.audioTimes.sorted()
        let soundGap = zip(sound.dropFirst(), sound).map { $0 - $1 }.max() ?? .infinity
        XCTAssertLessThan(soundGap, 0.05, "the slow destination's sound has a hole: sound is never dropped")
        XCTAssertLessThan(Double(slowCopy.videoPackets.count), duration * 30 * 0.8, "the slow link carried all the pictures: it was not slow")
        // Cleared up, it carries every picture again: the last three seconds whole.
        let lastSeconds = slowCopy.videoPackets.map(\.pts).filter { $0 >= duration - 3 }
        XCTAssertEqual(Double(lastSeconds.count), 90, accuracy: 2, "pictures still dropped once the link cleared up")
    }

    func testALinkThatGoesSilentIsCalledLostAndRejoined() throws {
        let nginx = try startNginx()
        let link = try ThrottledLink(to: nginx.port, bytesPerSecond: 10_000_000, lifetime: 120)
        addCleanup { link.stop() }
        let events = EventsFile(url: path("events.jsonl"))
        let linkID = "127.0.0.1:\(link.port)"
        let show = try launchShopcast(["go-live", "--preset", "480p30", "--encoder-speed", "ultrafast", "--duration", "22",
                                       "-t", "rtmp://\(linkID)/live/show", "--events", events.url.path])
        XCTAssertTrue(show.waitUntil(timeout: 15) { !events.named("destination.connected", about: linkID).isEmpty },
                      "the destination never connected: \(show.summary)")
        Wait.running(show, for: 3)
        // Nothing gets through and nothing is refused: only the silence tells.
        link.isSilent = true
        let silentSince = Date()
        XCTAssertTrue(show.waitUntil(timeout: 12) { !events.named("destination.lost", about: linkID).isEmpty },
                      "a silent link was never called lost:\n\(events.text)")
        let noticed = Date().timeIntervalSince(silentSince)
        XCTAssertLessThan(noticed, 9, "a silent link took \(noticed) s to be called lost")
        XCTAssertTrue(events.named("destination.lost", about: linkID).first?.string("error")?.contains("acknowledged nothing") == true,
                      events.text)
        link.isSilent = false
        XCTAssertTrue(show.waitUntil(timeout: 15) { events.named("destination.connected", about: linkID).count >= 2 },
                      "the destination was not rejoined once the link carried again:\n\(events.text)")
        XCTAssertNotNil(show.waitForExit(timeout: 30), show.summary)
        XCTAssertEqual(exitStatus(show), 0, show.summary)
    }
}
