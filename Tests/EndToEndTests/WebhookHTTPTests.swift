import Foundation
import ShopcastCore
import XCTest

/// The HTTP client behind webhooks (`HTTPClient`, FFmpeg's tcp/tls underneath) against real
/// servers on loopback: what arrives, the statuses it reports, refusals, silence, and HTTPS
/// certificates checked.
final class WebhookHTTPTests: EndToEndTestCase {
    func testThePostArrivesWholeAndEachStatusIsReported() throws {
        let statuses = [200, 404, 503, 204]
        let server = try HTTPRecorder { index, _ in statuses[index % statuses.count] }
        defer { server.stop() }
        let url = URL(string: "http://shop:pa%24s@127.0.0.1:\(server.port)/hooks/live?shop=42&sig=a%2Fb")!
        // Bigger than any socket or FFmpeg buffer, with every byte value.
        let big = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        var answers: [Int] = []
        for (i, body) in [Data("{\"event\":\"offer.start\"}".utf8), Data(), big, Data("x".utf8)].enumerated() {
            answers.append(try HTTPClient.post(body, to: url, headers: [("Content-Type", "application/json"), ("X-Test", "n\(i)")],
                                             timeout: 5))
        }
        XCTAssertEqual(answers, statuses)
        let requests = server.waitFor(4, timeout: 5)
        XCTAssertEqual(requests.count, 4)
        for (i, request) in requests.enumerated() {
            XCTAssertEqual(request.method, "POST")
            XCTAssertEqual(request.path, "/hooks/live?shop=42&sig=a%2Fb", "path and query as written")
            XCTAssertEqual(request.headers["host"], "127.0.0.1:\(server.port)")
            XCTAssertEqual(request.headers["x-test"], "n\(i)")
            XCTAssertEqual(request.headers["content-type"], "application/json")
            XCTAssertEqual(request.headers["authorization"], "Basic " + Data("shop:pa$s".utf8).base64EncodedString(),
                           "credentials in the URL become basic authentication")
        }
        XCTAssertEqual(requests.map { $0.body.count }, [23, 0, big.count, 1])
        XCTAssertEqual(requests[2].body, big)
    }

    func testRefusedAndSilentServersFailWithinTheTimeout() throws {
        let closedPort = try FreePort.tcp()
        let refusedStart = Date()
        XCTAssertThrowsError(try HTTPClient.post(Data("{}".utf8), to: URL(string: "http://127.0.0.1:\(closedPort)/h")!,
                                               headers: [], timeout: 5)) { error in
            XCTAssertTrue("\(error)".contains("127.0.0.1:\(closedPort)"), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(refusedStart), 2, "a refused connection fails at once")

        // Takes the request, then says nothing for longer than the client waits.
        let silent = try HTTPRecorder { _, _ in Thread.sleep(forTimeInterval: 4); return 200 }
        defer { silent.stop() }
        let start = Date()
        XCTAssertThrowsError(try HTTPClient.post(Data("{}".utf8), to: URL(string: "http://127.0.0.1:\(silent.port)/h")!,
                                               headers: [], timeout: 1)) { error in
            XCTAssertTrue("\(error)".contains("no answer"), "\(error)")
        }
        let waited = Date().timeIntervalSince(start)
        XCTAssertGreaterThan(waited, 0.8)
        XCTAssertLessThan(waited, 3, "gave up about when the timeout said")
        XCTAssertEqual(silent.waitFor(1, timeout: 2).count, 1, "the request itself went out")
    }

    func testHTTPSChecksTheCertificate() throws {
        let server = try HTTPRecorder { _, _ in 202 }
        defer { server.stop() }
        let front = try TLSFront(directory: try folder("tls"), backend: server.port)
        defer { front.stop() }
        let url = URL(string: "https://127.0.0.1:\(front.port)/hooks/live")!

        // A certificate nothing on the machine trusts: refused, and nothing reaches the shop.
        XCTAssertThrowsError(try HTTPClient.post(Data("{}".utf8), to: url, headers: [], timeout: 5))
        XCTAssertEqual(server.requests.count, 0, "no request may pass an unverified certificate")

        // Trusted through its CA file: the request goes through TLS and arrives intact.
        let body = Data("{\"event\":\"offer.end\"}".utf8)
        XCTAssertEqual(try HTTPClient.post(body, to: url, headers: [("Content-Type", "application/json")], timeout: 5,
                                         caFile: front.certificate.certificate.path), 202)
        let requests = server.waitFor(1, timeout: 5)
        XCTAssertEqual(requests.first?.body, body)
        XCTAssertEqual(requests.first?.headers["host"], "127.0.0.1:\(front.port)")
    }

    func testScheduleRunRefusesAnUntrustedShopAndSaysWhy() throws {
        let server = try HTTPRecorder { _, _ in 200 }
        defer { server.stop() }
        let front = try TLSFront(directory: try folder("tls"), backend: server.port)
        defer { front.stop() }
        let show = try folder("show")
        try """
        show:
          title: TLS check
        banners:
          - text: Hello
            at: 0.2s
            for: 0.3s
        """.write(to: show.appendingPathComponent("show.yaml"), atomically: true, encoding: .utf8)
        let run = try ScheduleCLIProcess(["schedule", "run", "show.yaml", "--start", "now", "--events", "events.jsonl",
                                          "--webhook", "https://127.0.0.1:\(front.port)/hooks?token=${HOOK_TOKEN}"],
                                         in: show, environment: ["HOOK_TOKEN": "tok-9f8e7d6c5b4a"])
        // Every attempt is refused at the TLS handshake; the show itself still runs and exits 0.
        XCTAssertEqual(run.wait(timeout: 40), 0, run.stderr)
        XCTAssertEqual(server.requests.count, 0, "nothing may reach a shop whose certificate is not trusted")
        let warnings = run.stderr.split(separator: "\n").filter { $0.contains("did not take banner.start") }
        XCTAssertEqual(warnings.count, 1, run.stderr)
        print("untrusted webhook warning: \(warnings.first ?? "")")
        XCTAssertTrue(warnings.first?.contains("after 5 attempts") ?? false, run.stderr)
        XCTAssertTrue(warnings.first?.contains("certificate") ?? false, "the warning says why: \(run.stderr)")
        XCTAssertFalse(run.stderr.contains("tok-9f8e7d6c5b4a"), "the token in the URL stays secret")
    }

    /// A shop that takes connections and never answers holds at most the per-webhook limit of
    /// attempts; of the deliveries queued behind them, the oldest past the waiting limit are
    /// dropped at once (and reported), the newest wait and arrive once the shop answers.
    func testAHangingShopHoldsAtMostTheLimitAndTheOldestWaitingAreDropped() throws {
        let gate = Gate()
        let shop = try HTTPRecorder { _, _ in
            gate.waitUntilOpen(timeout: 60)
            return 200
        }
        defer { gate.open(); shop.stop() }
        let outcomes = Outcomes()
        var policy = WebhookSender.RetryPolicy()
        policy.timeout = 30
        let sender = WebhookSender(urls: [URL(string: shop.url)!], secret: nil, policy: policy,
                                   limits: WebhookSender.Limits(concurrent: 2, waiting: 3)) { outcomes.add($0) }
        for n in 1...10 {
            sender.send(Data("{\"n\":\(n)}".utf8), event: "stock.changed", sequence: n)
        }
        XCTAssertEqual(outcomes.list.map(\.sequence), [3, 4, 5, 6, 7], "dropped as they were pushed out, before any answer")
        XCTAssertTrue(outcomes.list.allSatisfy { !$0.delivered && $0.attempts == 0 && $0.detail.hasPrefix("dropped") })
        XCTAssertEqual(shop.waitFor(2, timeout: 10).count, 2)
        // Loopback connects in microseconds: a third attempt would be here well within a second.
        XCTAssertEqual(shop.waitFor(3, timeout: 1).count, 2, "no third attempt while two hang")
        gate.open()
        XCTAssertTrue(sender.finish(timeout: 20))
        let arrived = shop.requests.map { String(decoding: $0.body, as: UTF8.self) }
        XCTAssertEqual(arrived.sorted(), ["{\"n\":10}", "{\"n\":1}", "{\"n\":2}", "{\"n\":8}", "{\"n\":9}"])
        XCTAssertEqual(outcomes.list.filter(\.delivered).map(\.sequence).sorted(), [1, 2, 8, 9, 10])
    }
}

/// Closed until opened; waiting on it blocks (with a deadline).
private final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false

    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }

    func waitUntilOpen(timeout: Double) {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        while !isOpen, condition.wait(until: deadline) {}
        condition.unlock()
    }
}

private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [WebhookSender.Outcome] = []

    func add(_ outcome: WebhookSender.Outcome) {
        lock.lock()
        outcomes.append(outcome)
        lock.unlock()
    }

    var list: [WebhookSender.Outcome] {
        lock.lock()
        defer { lock.unlock() }
        return outcomes
    }
}
