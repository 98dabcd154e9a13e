import XCTest
@testable import ShopcastCore

/// An Arabic show's card reads from the right: picture on the right, link on the left, the
/// footer from the right (clock, countdown, stock), the code pill at the far left; nothing cut.
final class OverlayRightToLeftTests: XCTestCase {
    func arabic(rightToLeft: Bool) -> CardContent {
        var card = CardContent(productName: "وشاح من الحرير الطبيعي", description: "حرير مئة بالمئة",
                               listPrice: "٢٤٩٫٠٠ ر.س.", salePrice: "١٩٩٫٢٠ ر.س.", badge: "؜-٢٠٪؜",
                               countdown: "ينتهي خلال 02:30", stock: "١٢ متبقية", code: "SILK20", codeLabel: "الكود",
                               url: "https://shop.example/ar/scarf", image: OverlayFixtures.photo())
        card.rightToLeft = rightToLeft
        return card
    }

    /// Mean x, within the card, of the pixels `match` picks, as a fraction of the card's width.
    func where_(_ layer: OverlayLayer, card: Rect, _ match: (UInt8, UInt8, UInt8, UInt8) -> Bool) -> Double? {
        var sum = 0.0, count = 0
        for y in 0..<layer.box.height {
            for x in 0..<layer.box.width {
                let i = (y * layer.box.width + x) * 4
                let p = layer.pixels
                if match(p[i + 2], p[i + 1], p[i], p[i + 3]) {
                    sum += (Double(layer.box.x + x) - card.minX) / card.width
                    count += 1
                }
            }
        }
        return count > 50 ? sum / Double(count) : nil
    }

    func testTheCardIsMirroredAndNothingIsCut() throws {
        for (w, h) in OverlayFixtures.sizes {
            let renderer = try OverlayRenderer(frameWidth: w, frameHeight: h)
            for rtl in [false, true] {
                let content = arabic(rightToLeft: rtl)
                let painter = try renderer.cardPainter(content, belowBanner: false)
                XCTAssertEqual(painter.problems.cut, [], "\(w)x\(h) rtl=\(rtl)")
                let layer = try renderer.render(content)
                let card = painter.frames.card
                // The photo's own colours (red 120-219, green 40-119, blue 90) and the QR tile's white.
                let photo = try XCTUnwrap(where_(layer, card: card) { r, g, b, a in a == 255 && r >= 120 && g >= 40 && g < 120 && b == 90 })
                let tile = try XCTUnwrap(where_(layer, card: card) { r, g, b, a in a == 255 && r == 255 && g == 255 && b == 255 })
                if rtl {
                    XCTAssertGreaterThan(photo, 0.6, "\(w)x\(h): the picture should be on the right")
                    XCTAssertLessThan(tile, 0.4, "\(w)x\(h): the link should be on the left")
                } else {
                    XCTAssertLessThan(photo, 0.4, "\(w)x\(h)")
                    XCTAssertGreaterThan(tile, 0.6, "\(w)x\(h)")
                }
            }
        }
    }

    func testArabicShowsGetRightToLeftCards() throws {
        for (locale, rtl) in [("ar-SA", true), ("he-IL", true), ("fa-IR", true), ("it-IT", false), ("ja-JP", false)] {
            let (m, _) = try ManifestFolder().load("""
            show: {title: T, currency: EUR, locale: \(locale)}
            products: {scarf: {name: Scarf, price: 10}}
            offers: [{product: scarf, at: 0s, for: 1m}]
            """)
            let manifest = try XCTUnwrap(m, locale)
            XCTAssertEqual(ShowScenes(manifest: manifest).card(for: manifest.offers[0], remaining: 60).rightToLeft, rtl, locale)
        }
    }
}
