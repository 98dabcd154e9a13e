import Foundation
import XCTest
@testable import ShopcastCore

/// What a show writes down: commands as JSON (events and the journal), the journal itself,
/// webhook signatures, the control address.
final class ShowRecordTests: XCTestCase {
    func testCommandsRoundTripThroughTheirJSON() throws {
        let commands: [ShowCommand] = [
            .cue("scarf", OfferOverrides(length: 90, discount: Decimal(string: "12.5"), code: "X", quantity: 3)),
            .cue("bag", OfferOverrides(price: Decimal(string: "29.90"))), .next(.none), .end, .extend(30), .extend(-15),
            .setStock(product: "bag", units: 0), .adjustStock(product: "bag", by: -3), .banner(text: "Hi \"there\"", length: nil),
            .banner(text: "Bye", length: 5), .clearBanners, .slate(true), .slate(false),
        ]
        for command in commands {
            let text = JSONValue.object(command.jsonFields).rendered
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            XCTAssertEqual(ShowCommand(json: object), command, text)
        }
        XCTAssertNil(ShowCommand(json: ["command": "offer.explode"]))
    }

    func testAJournalIsReadBackAndACutLastLineIsIgnored() throws {
        let text = """
        {"journal":"shopcast","version":1,"origin":"2026-12-02T10:00:00.000Z","origin_unix":1796205600,"start":-5.5,"show":"Show"}
        {"seq":1,"offset":12.5,"time":"x","command":"offer.cue","offer":"flash","for":60}
        {"reached":30}
        {"seq":2,"offset":31,"time":"x","command":"stock.adjust","product":"bag","by":-2}
        {"seq":3,"offset":4
        """
        let contents = try ShowJournal.read(Data(text.utf8), path: "j", showTitle: "Show")
        XCTAssertEqual(contents.origin, Date(timeIntervalSince1970: 1_796_205_600))
        XCTAssertEqual(contents.start, -5.5)
        XCTAssertEqual(contents.commands.map(\.offset), [12.5, 31])
        XCTAssertEqual(contents.commands.map(\.command), [.cue("flash", OfferOverrides(length: 60)), .adjustStock(product: "bag", by: -2)])
        XCTAssertEqual(contents.reached, 31)
        XCTAssertThrowsError(try ShowJournal.read(Data(text.utf8), path: "j", showTitle: "Another show")) { error in
            XCTAssertTrue("\(error)".contains("give a new --journal file"), "\(error)")
        }
        XCTAssertThrowsError(try ShowJournal.read(Data("{\"journal\":\"shopcast\",\"origin_unix\":1}\nnot json\n{}\n".utf8), path: "j", showTitle: "x")) { error in
            XCTAssertEqual("\(error)", "j:2: not a shopcast journal line")
        }
        XCTAssertThrowsError(try ShowJournal.read(Data("hello\n".utf8), path: "j", showTitle: "x"))
    }

    func testWebhookSignaturesMatchTheSpecificationsExample() throws {
        // The example of the Standard Webhooks specification.
        let secret = try WebhookSecret(text: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\r\n", source: "key")
        XCTAssertEqual(try secret.signature(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: Data(#"{"test": 2432232314}"#.utf8)),
                       "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        XCTAssertThrowsError(try WebhookSecret(text: "s3cret-webhook-key", source: "key")) { error in
            XCTAssertTrue("\(error)".contains("does not start with 'whsec_'"), "\(error)")
        }
        XCTAssertThrowsError(try WebhookSecret(text: "whsec_c2hvcnQ=", source: "key"), "too short a key")
        XCTAssertEqual("token\r\n".withoutTrailingLineBreaks, "token", "CRLF is one Character in Swift")
        XCTAssertEqual("a b\n\n".withoutTrailingLineBreaks, "a b")
    }

    func testControlAddresses() {
        XCTAssertEqual(ControlAddress.parse("8080"), ControlAddress(host: "127.0.0.1", port: 8080))
        XCTAssertEqual(ControlAddress.parse("0.0.0.0:9000"), ControlAddress(host: "0.0.0.0", port: 9000))
        XCTAssertEqual(ControlAddress.parse("[::1]:80")?.host, "::1")
        XCTAssertEqual(ControlAddress.parse("[::1]:80")?.baseURL, "http://[::1]:80")
        XCTAssertEqual(ControlAddress.parse("localhost:1")?.isLoopback, true)
        XCTAssertEqual(ControlAddress.parse("127.0.0.2:1")?.isLoopback, true)
        XCTAssertEqual(ControlAddress.parse("0.0.0.0:1")?.isLoopback, false)
        for bad in ["", "x", "80x", "1:2:3", "65536", ":80", "a b:80", "[::1]80"] { XCTAssertNil(ControlAddress.parse(bad), bad) }
    }

    func testTheBusNumbersEventsInOrderAndEncodesThemOnce() throws {
        final class Collect: EventSink, @unchecked Sendable {
            let lock = NSLock()
            var lines: [String] = []
            func receive(_ record: EventRecord, line: String) { lock.lock(); lines.append(line); lock.unlock() }
        }
        let bus = EventBus()
        bus.publish(.inputConnected(input: "before"))
        let sink = Collect()
        bus.add(sink)
        for i in 0..<200 { bus.publish(.inputConnected(input: "in\(i)"), streamTime: Double(i)) }
        bus.flush()
        XCTAssertEqual(sink.lines.count, 200, "nothing before a sink exists, everything after")
        let first = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(sink.lines[0].utf8)) as? [String: Any])
        XCTAssertEqual(first["sequence"] as? Int, 1)
        XCTAssertEqual(first["stream_time"] as? Int, 0)
        XCTAssertTrue(sink.lines[0].hasPrefix(#"{"event":"input.connected","time":""#))
        XCTAssertTrue(sink.lines[199].contains(#""sequence":200,"input":"in199""#))
    }
}
