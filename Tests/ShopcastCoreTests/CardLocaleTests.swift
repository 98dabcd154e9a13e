import Foundation
import XCTest
@testable import ShopcastCore

final class CardLocaleTests: XCTestCase {
    /// The badge and the word before the code speak the show's language, as its prices do.
    func testBadgeAndCodeWordFollowTheShowsLocale() throws {
        func card(_ locale: String, _ discount: String) throws -> CardContent {
            let (m, lines) = try ManifestFolder().load("""
            show: {title: T, currency: EUR, locale: \(locale)}
            products: {scarf: {name: Scarf, price: 19.99}}
            offers: [{product: scarf, at: 0s, for: 1m, \(discount), code: SILK}]
            """)
            XCTAssertEqual(lines, [])
            let manifest = try XCTUnwrap(m)
            return ShowScenes(manifest: manifest).card(for: manifest.offers[0], remaining: 60)
        }
        let italian = try card("it-IT", "discount: 12.5%")
        XCTAssertEqual(italian.badge, "-12,5%")
        XCTAssertEqual(italian.salePrice, "17,49\u{A0}€")
        XCTAssertEqual(italian.codeLabel, "CODICE")
        let french = try card("fr-FR", "discount: 12.5%")
        XCTAssertEqual(french.badge, "-12,5\u{A0}%")
        XCTAssertEqual(french.codeLabel, "CODE")
        let english = try card("en-US", "discount: 12.5%")
        XCTAssertEqual(english.badge, "-12.5%")
        XCTAssertEqual(english.codeLabel, "CODE")
        // A sale price instead of a discount: the badge is the whole percent it works out to.
        let german = try card("de-DE", "price: 14.99")
        XCTAssertEqual(german.badge, "-25\u{A0}%")
        XCTAssertEqual(try card("ja-JP", "discount: 20%").codeLabel, "クーポン")
    }
}
