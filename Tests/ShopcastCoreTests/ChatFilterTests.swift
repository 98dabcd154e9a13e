import Foundation
import XCTest
@testable import ShopcastCore

/// What may air of what viewers wrote.
final class ChatFilterTests: XCTestCase {
    func message(_ text: String, author: String = "Giulia") -> ChatMessage {
        ChatMessage(id: "1", author: author, text: text, source: "t")
    }

    func testInvisibleAndAbusiveCharactersGo() throws {
        let filter = try ChatFilter()
        let zalgo = "Z" + String(repeating: "\u{0336}\u{0301}\u{0317}", count: 20) + "a"
        let cleaned = try XCTUnwrap(filter.clean(message("a\u{200B}b \u{202E}evil\u{202C}\n\nline\u{0007} \(zalgo)")))
        XCTAssertEqual(cleaned.text, "ab evil line Z\u{0336}\u{0301}a", "zero-width, bidi override, controls gone; two marks kept")
        XCTAssertEqual(try XCTUnwrap(filter.clean(message("👨‍👩‍👧 family"))).text, "👨‍👩‍👧 family", "the joiner of an emoji sequence stays")
        let word = String(repeating: "a", count: 300)
        XCTAssertEqual(try XCTUnwrap(filter.clean(message(word))).text.count, ChatFilter.maxText)
        XCTAssertEqual(try XCTUnwrap(filter.clean(message("x", author: String(repeating: "N", count: 60)))).author.count, ChatFilter.maxAuthor)
        XCTAssertNil(filter.clean(message("\u{200B}\u{200B}")), "nothing left to show")
    }

    func testLinksNeverAirAsText() throws {
        let filter = try ChatFilter()
        for (said, aired) in [("see https://evil.example/x?y=1 now", "see [link] now"), ("go to www.scam.it", "go to [link]"),
                              ("cheap at shop.example/deal", "cheap at [link]"), ("bit.ly/abc", "[link]"), ("visit scam.com!", "visit [link]!"),
                              ("price 39.90 is ok", "price 39.90 is ok")] {
            XCTAssertEqual(filter.clean(message(said))?.text, aired, said)
        }
    }

    func testTheBlocklistMasksOrDrops() throws {
        let mask = try ChatFilter(blocklist: ["brutto", "/sp[a@]+m+/"])
        XCTAssertEqual(mask.clean(message("che BRUTTO spaaam, bruttone va bene"))?.text, "che ••• •••, bruttone va bene",
                       "whole words, any case; patterns as written")
        XCTAssertEqual(mask.clean(message("ciao", author: "brutto"))?.author, "•••")
        let drop = try ChatFilter(blocklist: ["brutto"], dropBlocked: true)
        XCTAssertNil(drop.clean(message("che brutto")))
        XCTAssertNotNil(drop.clean(message("che bello")))
        XCTAssertThrowsError(try ChatFilter(blocklist: ["/(unclosed/"]))
    }
}
