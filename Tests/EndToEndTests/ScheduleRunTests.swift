import Foundation
import ShopcastCore
import XCTest

/// `shopcast schedule run` against a real HTTP server on loopback.
final class ScheduleRunTests: XCTestCase {
    let manifest = """
    show:
      title: Quick drop
      locale: it-IT
      currency: EUR
    products:
      scarf:
        name: Sciarpa di seta
        price: 39.90
      bag:
        name: Borsa
        price: 129
    offers:
      - product: scarf
        at: 1s
        for: 1s
        discount: 20%
        code: SILK20
        quantity: 50
      - product: bag
        at: 2s
        for: 1s
        price: 89
    banners:
      - text: Spedizione gratuita
        at: 0.5s
        for: 1s
    """

    func testEventsAndSignedWebhooksArriveOnTimeAndAFailedDeliveryIsRetried() throws {
        let folder = try scheduleTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try manifest.write(to: folder.appendingPathComponent("show.yaml"), atomically: true, encoding: .utf8)
        let key = "whsec_" + Data((0..<24).map { UInt8($0 * 7 + 3) }).base64EncodedString()
        let keyFile = folder.appendingPathComponent("webhook.key")
        try (key + "\n").write(to: keyFile, atomically: true, encoding: .utf8)
        chmod(keyFile.path, 0o600)
        // The very first request fails with 500; every other one succeeds.
        let server = try HTTPRecorder { index, _ in index == 0 ? 500 : 200 }
        defer { server.stop() }

        let origin = Date().addingTimeInterval(0.8)
        let start = WallClock.format(origin, in: TimeZone(secondsFromGMT: 0)!)
        let run = try ScheduleCLIProcess(["schedule", "run", "show.yaml", "--start", start, "--events", "events.jsonl",
                                          "--webhook", server.url, "--webhook-secret-file", "webhook.key"], in: folder)
        XCTAssertEqual(run.wait(timeout: 20), 0, run.stderr)

        // Six events, one of them delivered twice.
        let requests = server.waitFor(7, timeout: 10)
        XCTAssertEqual(requests.count, 7, "requests: \(requests.map { $0.headers["x-shopcast-event"] ?? "?" })")
        let lines = try String(contentsOf: folder.appendingPathComponent("events.jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let events = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(events.map { $0["event"] as? String }, ["banner.start", "offer.start", "banner.end", "offer.end", "offer.start", "offer.end"])
        XCTAssertEqual(events.map { $0["sequence"] as? Int }, [1, 2, 3, 4, 5, 6])
        let first = events[1]
        XCTAssertEqual(first["sale_price"] as? String, "31.92")
        XCTAssertEqual(first["sale_price_text"] as? String, "31,92\u{A0}€")
        XCTAssertEqual(first["list_price"] as? String, "39.90")
        XCTAssertEqual(first["code"] as? String, "SILK20")
        XCTAssertEqual(first["offer"] as? String, "scarf")
        XCTAssertEqual(first["stock"] as? Int, 50)
        XCTAssertEqual(first["remaining"] as? Int, 1)
        XCTAssertEqual(events[4]["discount"] as? Double, 31)

        var lateness: [Double] = []
        var byDelivery: [String: [HTTPRecorder.Request]] = [:]
        for request in requests {
            XCTAssertEqual(request.method, "POST")
            XCTAssertEqual(request.path, "/hooks/live")
            XCTAssertEqual(request.headers["content-type"], "application/json")
            byDelivery[request.headers["webhook-id"] ?? "", default: []].append(request)
        }
        // The shop checks every delivery, retries included, with the Standard Webhooks library.
        let deliveries = requests.map { ["headers": $0.headers, "body": String(decoding: $0.body, as: UTF8.self)] as [String: Any] }
        let file = folder.appendingPathComponent("deliveries.json")
        try JSONSerialization.data(withJSONObject: deliveries).write(to: file)
        let check = try PythonChecker.run(PythonScripts.webhookVerifier, name: "verify", arguments: [file.path, key], work: folder)
        XCTAssertEqual(check.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "[" + Array(repeating: "true", count: 7).joined(separator: ", ") + "]",
                       check.stderr)
        XCTAssertEqual(byDelivery.count, 6, "one delivery id per event")
        for (_, attempts) in byDelivery {
            let body = try JSONSerialization.jsonObject(with: attempts[0].body) as! [String: Any]
            XCTAssertTrue(lines.contains(String(decoding: attempts[0].body, as: UTF8.self)), "webhook body is the event line")
            let planned = origin.addingTimeInterval((body["offset"] as! NSNumber).doubleValue)
            let late = attempts[0].arrival.timeIntervalSince(planned)
            lateness.append(late)
            XCTAssertGreaterThan(late, -0.005, "\(body["event"]!) arrived before its moment")
            XCTAssertLessThan(late, 0.05, "\(body["event"]!) arrived \(late) s late")
            XCTAssertEqual(attempts.map { $0.headers["x-shopcast-attempt"] }, (1...attempts.count).map { String($0) })
        }
        let retried = byDelivery.values.filter { $0.count == 2 }
        XCTAssertEqual(retried.count, 1)
        if let pair = retried.first {
            XCTAssertEqual(pair[1].arrival.timeIntervalSince(pair[0].arrival), 0.5, accuracy: 0.2, "backoff before the retry")
            XCTAssertEqual(pair[0].body, pair[1].body)
        }
        print("webhook lateness (s): \(lateness.sorted().map { String(format: "%.4f", $0) })")
        XCTAssertTrue(run.stderr.contains("on attempt 2"), run.stderr)
    }

    func testASecondRunOfTheSameManifestExits75AtOnce() throws {
        let folder = try scheduleTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try manifest.replacingOccurrences(of: "at: 2s", with: "at: 60s")
            .write(to: folder.appendingPathComponent("show.yaml"), atomically: true, encoding: .utf8)
        let first = try ScheduleCLIProcess(["schedule", "run", "show.yaml", "--start", "now", "--events", "events.jsonl"], in: folder)
        XCTAssertTrue(first.waitForStderr("running 'Quick drop'", timeout: 10), first.stderr)

        let started = Date()
        let second = try ScheduleCLIProcess(["schedule", "run", "show.yaml", "--start", "now"], in: folder)
        let status = second.wait(timeout: 10)
        let stderr = second.stderr
        XCTAssertEqual(status, 75, stderr)
        XCTAssertLessThan(try XCTUnwrap(second.exitedAt).timeIntervalSince(started), 2)
        XCTAssertTrue(stderr.contains("shopcast: error: another 'shopcast schedule run' is already running"), stderr)

        first.process.terminate()
        XCTAssertEqual(first.wait(timeout: 10), 0, "SIGTERM stops a run cleanly")
        XCTAssertTrue(first.stderr.contains("stopped"), first.stderr)
        // The kernel released the lock with the process: a new run can start (and stop at once).
        let again = try ScheduleCLIProcess(["schedule", "run", "show.yaml", "--start", "now"], in: folder)
        XCTAssertTrue(again.waitForStderr("running 'Quick drop'", timeout: 10), again.stderr)
        again.process.terminate()
        XCTAssertEqual(again.wait(timeout: 10), 0, again.stderr)
    }

    /// A shop that never answers must not hold the producer's prompt: a stop takes under 2 s,
    /// still ends the live offer (in the events file and towards the shop), and a second signal
    /// quits at once.
    func testAStopIsQuickWithAShopThatNeverAnswersAndASecondSignalQuitsAtOnce() throws {
        let folder = try scheduleTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        show: {title: Long drop, currency: EUR}
        products: {scarf: {name: Scarf, price: 39.90}}
        offers: [{product: scarf, at: 0.2s, for: 10m, discount: 20%}]
        """.write(to: folder.appendingPathComponent("show.yaml"), atomically: true, encoding: .utf8)
        let release = DispatchSemaphore(value: 0)
        let server = try HTTPRecorder { _, _ in release.wait(); return 200 }  // answers only when the test ends
        defer {
            for _ in 0..<16 { release.signal() }
            server.stop()
        }
        func events(_ file: String) throws -> [[String: Any]] {
            try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
                .map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        }
        func delivered(_ event: String) -> Bool {
            server.requests.contains { $0.headers["x-shopcast-event"] == event }
        }

        let run = try ScheduleCLIProcess(["schedule", "run", "show.yaml", "--start", "now", "--events", "one.jsonl",
                                          "--webhook", server.url], in: folder)
        XCTAssertTrue(server.waitFor(1, timeout: 10).count == 1 && delivered("offer.start"), run.stderr)
        let stopped = Date()
        run.process.terminate()
        XCTAssertEqual(run.wait(timeout: 10), 0, run.stderr)
        // When it exited, not when wait() came back: that also waits for the pipes' ends, which
        // a process another test starts at the same moment can hold for seconds.
        let took = try XCTUnwrap(run.exitedAt).timeIntervalSince(stopped)
        XCTAssertLessThan(took, 2.0, "the stop waited on the shop: \(run.stderr)")
        let written = try events("one.jsonl")
        XCTAssertEqual(written.map { $0["event"] as? String }, ["offer.start", "offer.end"])
        XCTAssertEqual(written.last?["reason"] as? String, "show-ended")
        XCTAssertEqual(server.waitFor(2, timeout: 1).count, 2, "offer.end never reached the shop")
        XCTAssertTrue(delivered("offer.end"))
        XCTAssertTrue(run.stderr.contains("abandoned"), run.stderr)
        print("stop with a hanging webhook took \(String(format: "%.2f", took)) s")

        let again = try ScheduleCLIProcess(["schedule", "run", "show.yaml", "--start", "now", "--events", "two.jsonl",
                                            "--webhook", server.url], in: folder)
        XCTAssertEqual(server.waitFor(3, timeout: 10).count, 3, again.stderr)
        again.process.terminate()
        XCTAssertTrue(again.waitForStderr("signal again to quit at once", timeout: 5), again.stderr)
        let second = Date()
        again.process.terminate()
        XCTAssertEqual(again.wait(timeout: 10), 130, again.stderr)
        XCTAssertLessThan(try XCTUnwrap(again.exitedAt).timeIntervalSince(second), 0.5, "a second signal must quit at once")
        XCTAssertTrue(again.stderr.contains("quitting at once"), again.stderr)
    }
}
