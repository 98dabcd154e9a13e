import Foundation
import XCTest
@testable import ShopcastCore

/// What a show writes down: commands as JSON (events and the journal), the journal itself,
/// webhook signatures, the control address.
final class ShowJournalTests: XCTestCase {
    func testCommandsRoundTripThroughTheirJSON() throws {
        let commands: [ShowCommand] = [
            .cue("scarf", OfferOverrides(length: 90, discount: Decimal(string: "12.5"), code: "X", quantity: 3)),
            .cue("bag", OfferOverrides(price: Decimal(string: "29.90"))), .next(.none), .end, .extend(30), .extend(-15),
            .setStock(product: "bag", units: 0), .adjustStock(product: "bag", by: -3), .banner(text: "Hi \"there\"", length: nil),
            .banner(text: "Bye", length: 5), .clearBanners, .slate(true), .slate(false), .crop(0.25), .crop(0.65), .crop(nil),
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

}
