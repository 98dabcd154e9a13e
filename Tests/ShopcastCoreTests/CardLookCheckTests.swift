import Foundation
import XCTest
@testable import ShopcastCore

/// `schedule check`'s warnings from laying the cards out: what would be cut, too fine to scan,
/// or drawn as boxes, at the show's own size.
final class CardLookCheckTests: XCTestCase {
    func manifest(_ yaml: String) throws -> Manifest {
        let (loaded, lines) = try ManifestFolder().load(yaml)
        XCTAssertEqual(lines, [])
        return try XCTUnwrap(loaded)
    }

    func testACleanShowHasNoWarningsEmojiIncluded() throws {
        let m = try manifest("""
        show: {title: "Saldi 🔥", currency: EUR, locale: it-IT}
        products: {scarf: {name: "Sciarpa 🧣 di seta", price: 39.90, description: "Morbida ❤️", url: "https://shop.example/it/sciarpa-seta"}}
        offers: [{product: scarf, at: 0s, for: 1m, discount: 20%, code: SETA20}]
        banners: [{text: "Spedizione gratuita 🚚", at: 0s, for: 1m}]
        """)
        XCTAssertEqual(try CardLookCheck(manifest: m).warnings().map(\.message), [])
    }

    func testALongCodeADenseLinkAndMissingGlyphsAreWarnedAtTheirOffer() throws {
        let link = "https://shop.example/p/" + String(repeating: "a1B2", count: 32)  // 151 characters
        let m = try manifest("""
        show: {title: T, currency: EUR}
        products:
          scarf: {name: Scarf, price: 10, url: "\(link)"}
          bag: {name: "Bag \u{F0000}", price: 10}
        offers:
          - {product: scarf, at: 0s, for: 1m}
          - {product: bag, at: 1m, for: 1m, code: SUPERLONGCODE2026WINTERSALE}
        banners: [{text: "Sale \u{F0001}", at: 0s, for: 1m}]
        """)
        let warnings = try CardLookCheck(manifest: m).warnings()
        XCTAssertEqual(warnings.map { "\($0.line): \($0.message)" }, [
            "6: offer 'scarf': the link of 'scarf' (151 characters) makes a QR code of 49 modules a side, 1 pixel each at 1280x720: too fine to survive video compression reliably; use a shorter link",
            "7: offer 'bag': its code 'SUPERLONGCODE2026WINTERSALE' does not fit on the card at 1280x720 and is cut short with '…'; viewers cannot type a code they cannot see whole: shorten it",
            "7: offer 'bag': its name has characters no installed font can draw (they show as boxes): \u{F0000} (U+F0000)",
            "8: banner 'banner-1' has characters no installed font can draw (they show as boxes): \u{F0001} (U+F0001)",
        ])
        // At 1080p the same link's modules are 2 pixels: no warning for it there.
        let big = try CardLookCheck(manifest: m, frameWidth: 1920, frameHeight: 1080).warnings()
        XCTAssertFalse(big.contains { $0.message.contains("QR code") }, "\(big.map(\.message))")
    }

    /// With the colour emoji font installed, an emoji is drawn in its own colours, not in the
    /// text's: white text over transparency leaves saturated pixels only where colour glyphs are.
    func testEmojiAreDrawnInColour() throws {
        let context = try TextContext()
        let style = TextStyle(family: "Noto Sans", weight: 600, size: 40)
        func saturated(_ text: String) throws -> Int {
            let layout = try TextLayout(text, style: style, context: context)
            XCTAssertEqual(layout.unknownGlyphCount, 0, text)
            let canvas = try Canvas(width: 200, height: 80)
            canvas.draw(layout, x: 4, y: 4, color: .white)
            return canvas.withPixels { data, stride in
                var count = 0
                for y in 0..<80 {
                    for x in 0..<200 {
                        let p = data + y * stride + x * 4  // B, G, R, A (premultiplied)
                        let (b, g, r) = (Int(p[0]), Int(p[1]), Int(p[2]))
                        if max(r, g, b) - min(r, g, b) > 80 { count += 1 }
                    }
                }
                return count
            }
        }
        XCTAssertEqual(try saturated("SALE"), 0, "white text has no colour")
        XCTAssertGreaterThan(try saturated("🔥🧣"), 200, "the emoji were not drawn in colour")
    }
}
