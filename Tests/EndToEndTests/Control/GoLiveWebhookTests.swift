import Foundation
import XCTest

/// go-live tells the shop as offers and stock hit the screen, signed as the Standard Webhooks
/// specification says, and checked with that specification's own Python library.
final class GoLiveWebhookTests: EndToEndTestCase {
    func testOfferAndStockEventsReachTheShopSignedPerStandardWebhooks() throws {
        let secret = "whsec_" + Data((0..<32).map { UInt8(($0 * 37 + 11) % 256) }).base64EncodedString()
        let secretFile = path("shop.key")
        try (secret + "\r\n").write(to: secretFile, atomically: true, encoding: .utf8)
        chmod(secretFile.path, 0o600)
        let shop = try HTTPRecorder()
        addCleanup { shop.stop() }
        let manifest = try writeSteeringManifest("""
          - id: flash
            product: bag
            for: 1m
            discount: 25%
            quantity: 3
        """)
        let events = path("events.jsonl")
        let show = try startSteeredShow(["-q", "--manifest", manifest.path, "-t", path("show.mkv").path, "--size", "320x180",
                                         "--encoder-speed", "ultrafast", "--duration", "20s", "--events", events.path,
                                         "--webhook", shop.url + "?token=${SHOP_TOKEN}", "--webhook-secret-file", secretFile.path],
                                        environment: ["SHOP_TOKEN": "tok-5a4b3c2d1e"])
        XCTAssertEqual(try show.request("POST", "/v1/offers/flash/cue").status, 200)
        XCTAssertEqual(try show.request("POST", "/v1/stock/bag/sold", body: #"{"units": 1}"#).status, 200)
        XCTAssertEqual(try show.request("POST", "/v1/stock/bag/sold-out").status, 200)
        XCTAssertEqual(try show.request("POST", "/v1/banners", body: #"{"text": "Not for the shop"}"#).status, 200)
        XCTAssertEqual(try show.request("POST", "/v1/offers/end").status, 200)
        let requests = shop.waitFor(5, timeout: 15)
        show.child.send(SIGTERM)
        XCTAssertEqual(show.child.waitForExit(timeout: 20), .exited(0), show.child.summary)

        // Deliveries are independent (a slow one never holds up the next), so two events of one
        // command may arrive either way round; the shop orders them by sequence.
        let bodies = requests.map { try? JSONSerialization.jsonObject(with: $0.body) as? [String: Any] }
            .sorted { ($0?["sequence"] as? Int ?? 0) < ($1?["sequence"] as? Int ?? 0) }
        XCTAssertEqual(bodies.map { $0?["event"] as? String }, ["offer.start", "stock.changed", "stock.changed", "product.sold-out", "offer.end"],
                       "the commerce events, in order of sequence, and no banner")
        XCTAssertEqual(bodies[2]?["stock"] as? Int, 0)
        XCTAssertEqual(bodies[4]?["reason"] as? String, "ended")
        XCTAssertTrue(requests.allSatisfy { $0.path == "/hooks/live?token=tok-5a4b3c2d1e" }, "the token from the environment is in the URL")
        XCTAssertEqual(Set(requests.compactMap { $0.headers["webhook-id"] }).count, 5, "one id per delivery")
        let lines = try String(contentsOf: events, encoding: .utf8).split(separator: "\n").map(String.init)
        for request in requests {
            XCTAssertTrue(lines.contains(String(decoding: request.body, as: UTF8.self)), "the body is the --events line")
        }

        // The reference library verifies every delivery, and catches a tampered one.
        var deliveries: [[String: Any]] = requests.map { ["headers": $0.headers, "body": String(decoding: $0.body, as: UTF8.self)] }
        var tampered = try XCTUnwrap(deliveries.first { ($0["body"] as! String).contains(#""event":"offer.start""#) })
        tampered["body"] = (tampered["body"] as! String).replacingOccurrences(of: "\"stock\":3", with: "\"stock\":30")
        deliveries.append(tampered)
        let file = path("deliveries.json")
        try JSONSerialization.data(withJSONObject: deliveries).write(to: file)
        let check = try PythonChecker.run(PythonScripts.webhookVerifier, name: "verify", arguments: [file.path, secret], work: work)
        XCTAssertEqual(check.status, 0, check.stderr)
        let results = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [Any])
        XCTAssertEqual(results.prefix(5).map { $0 as? Bool }, [true, true, true, true, true], check.stdout)
        XCTAssertTrue((results.last as? String)?.contains("WebhookVerificationError") ?? false, "a tampered body fails: \(check.stdout)")

        XCTAssertFalse(show.child.stderr.contains("tok-5a4b3c2d1e"), "the URL's token is never printed")
    }
}
