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

/// The byte-by-byte shortcuts taken for ASCII chat give the answers of the Unicode paths they
/// skip, on every ASCII character in any order.
final class ChatFastPathTests: XCTestCase {
    /// Seeded ASCII strings: every code point 0–127, spaces and controls in runs, the
    /// blocklisted word and link-like pieces in all cases.
    func samples() -> [String] {
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let pieces = ["spam", "SPAM", "SpAm", "xspam", "spam1", " ", "  ", "\t", "\r\n", "\u{7F}", "\u{1}", ".", "www.", "a.com", "://",
                      "http://x.y/z", "shop.example/x", "Quanto", "costa?", "39.90", "-", "_"]
        var out: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<(1 + next(12)) {
                text += next(3) == 0 ? String(UnicodeScalar(UInt8(next(128)))) : pieces[next(pieces.count)]
            }
            out.append(text)
        }
        return out
    }

    func testASCIIShortcutsAnswerAsTheUnicodePaths() throws {
        let word = try ChatFilter(blocklist: ["spam"])
        // The same rule as a pattern: no shortcut is ever taken for patterns.
        let pattern = try ChatFilter(blocklist: ["/(?<![\\p{L}\\p{N}])spam(?![\\p{L}\\p{N}])/"])
        var masked = 0
        for text in samples() {
            XCTAssertEqual(ChatFilter.sanitizedASCII(text), ChatFilter.sanitizedScalars(text), text.debugDescription)
            XCTAssertEqual(ChatBoard.asciiKey(text), ChatBoard.unicodeKey(text), text.debugDescription)
            XCTAssertEqual(ChatFilter.withoutLinks(text), ChatFilter.linksReplaced(text), text.debugDescription)
            let message = ChatMessage(id: "1", author: "viewer " + text.prefix(6), text: text, source: "t")
            let cleaned = word.clean(message)
            XCTAssertEqual(cleaned?.text, pattern.clean(message)?.text, text.debugDescription)
            XCTAssertEqual(cleaned?.author, pattern.clean(message)?.author, text.debugDescription)
            if cleaned?.text.contains(ChatFilter.mask) == true { masked += 1 }
        }
        XCTAssertGreaterThan(masked, 300, "the samples put the word where the list finds it")

        // Several words at once, in any case, with spaces or punctuation in them, masked or
        // dropping the message, on ASCII and other text: as their expressions alone decide.
        let entries = ["SpAm", "buy now", "a.b", "ünï"]
        let asPatterns = entries.map { "/(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: $0) + "(?![\\p{L}\\p{N}])/" }
        let extra = ["buy now", "BUY  NOW", "Buy now!", "a.b", "axb", "A.B.", "spàm", "ſpam", "ÜNÏ", "ünïx", "x ünï", "😀spam"]
        var seed: UInt64 = 11
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let texts = samples().prefix(1000).map { sample -> String in
            var text = sample
            for _ in 0..<next(3) { text.insert(contentsOf: " " + extra[next(extra.count)] + " ", at: text.index(text.startIndex, offsetBy: next(text.count + 1))) }
            return text
        }
        for drop in [false, true] {
            let words = try ChatFilter(blocklist: entries, dropBlocked: drop)
            let patterns = try ChatFilter(blocklist: asPatterns, dropBlocked: drop)
            var blocked = 0
            for text in texts {
                let message = ChatMessage(id: "1", author: String(text.prefix(12)), text: text, source: "t")
                let cleaned = words.clean(message)
                XCTAssertEqual(cleaned?.text, patterns.clean(message)?.text, "drop \(drop): \(text.debugDescription)")
                XCTAssertEqual(cleaned?.author, patterns.clean(message)?.author, "drop \(drop): \(text.debugDescription)")
                if cleaned == nil || cleaned?.text.contains(ChatFilter.mask) == true { blocked += 1 }
            }
            XCTAssertGreaterThan(blocked, 200, "drop \(drop): the list finds its words")
        }
        XCTAssertNil(ChatBoard.asciiKey("Ünïcode"), "not ASCII: the Unicode path decides")
        XCTAssertEqual(ChatBoard.key("  QUANTO\tcosta? "), "quanto costa?")
    }
}
