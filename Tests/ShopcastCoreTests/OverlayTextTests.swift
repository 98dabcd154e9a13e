import XCTest
@testable import ShopcastCore

final class OverlayTextTests: XCTestCase {
    /// A name far too long for the card wraps to two lines and ends in an ellipsis inside the text
    /// column; blended onto a frame, the card changes no pixel outside its own box.
    func testLongNameStaysInsideTheCard() throws {
        let long = String(repeating: "Sciarpa di seta stampata a mano con bordo arrotolato ", count: 6)
        for (w, h) in OverlayFixtures.sizes {
            let renderer = try OverlayRenderer(frameWidth: w, frameHeight: h)
            var card = OverlayFixtures.scarf()
            card.productName = long
            let painter = try renderer.cardPainter(card, belowBanner: false)
            let column = painter.frames.text, cardBox = painter.frames.card
            XCTAssertLessThanOrEqual(painter.name.lineCount, 2, "\(w)x\(h)")
            XCTAssertTrue(painter.name.isEllipsized, "\(w)x\(h)")
            let ink = painter.name.inkRect.offsetBy(x: column.minX, y: column.minY)
            XCTAssertTrue(column.inset(by: -1).contains(ink), "\(w)x\(h): name ink \(ink) outside column \(column)")
            XCTAssertTrue(cardBox.contains(column), "\(w)x\(h): column \(column) outside card \(cardBox)")

            let compositor = try OverlayCompositor(frameWidth: w, frameHeight: h)
            try compositor.update(OverlayScene(card: card))
            var frame = TestYUVFrame(width: w, height: h)
            let original = frame
            frame.withPlanes { compositor.blend(into: $0) }
            // The card's box plus its soft shadow, which may darken a few pixels around it.
            let allowed = painter.bounds
            var outside = 0, inside = 0
            for y in 0..<h {
                for x in 0..<w where frame.y[y * w + x] != original.y[y * w + x] {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5
                    // A pixel may change when any part of it is under the allowed area.
                    let touches = Double(x + 1) > allowed.minX && Double(x) < allowed.maxX
                        && Double(y + 1) > allowed.minY && Double(y) < allowed.maxY
                    if !touches { outside += 1 }
                    if px >= cardBox.minX && px <= cardBox.maxX && py >= cardBox.minY && py <= cardBox.maxY { inside += 1 }
                }
            }
            XCTAssertEqual(outside, 0, "\(w)x\(h): pixels changed outside the card")
            XCTAssertGreaterThan(Double(inside), cardBox.width * cardBox.height * 0.9, "\(w)x\(h): the card was not drawn")
        }
    }

    /// Latin with diacritics, Chinese and Arabic all find fonts: no unknown glyphs, while the same
    /// text without font fallback (the theme font alone lacks CJK and Arabic) does show boxes.
    func testScriptsDrawRealGlyphsThroughFontFallback() throws {
        let context = try TextContext()
        let samples = [
            ("Italian", "Sciarpa di seta — 31,92 €", false),
            ("Romanian", "Eșarfă din mătase, țesută în Brașov: ă â î ș ț", false),
            ("Chinese", "真丝围巾 限量版", true),
            ("Arabic", "وشاح من الحرير", true),
        ]
        for (script, text, needsFallback) in samples {
            var style = TextStyle(family: "Noto Sans", weight: 600, size: 30)
            let shaped = try TextLayout(text, style: style, context: context)
            XCTAssertEqual(shaped.unknownGlyphCount, 0, "\(script) text shows boxes")
            XCTAssertGreaterThan(shaped.inkRect.width, 30, script)
            style.fontFallback = false
            let bare = try TextLayout(text, style: style, context: context)
            if needsFallback {
                XCTAssertGreaterThan(bare.unknownGlyphCount, 0, "\(script): the check cannot tell fallback from boxes")
                // And the pictures differ: real glyphs are not the boxes.
                XCTAssertNotEqual(try inkAlpha(shaped), try inkAlpha(bare), script)
            } else {
                XCTAssertEqual(bare.unknownGlyphCount, 0, "\(script) needs no fallback in Noto Sans")
            }
        }
    }

    /// The product name drawn on a real card covers pixels in every script.
    func testCardNameDrawsInkInEveryScript() throws {
        let renderer = try OverlayRenderer(frameWidth: 1280, frameHeight: 720)
        var card = OverlayFixtures.scarf()
        card.productName = ""
        let empty = try renderer.render(card)
        for name in ["Sciarpa di seta", "Eșarfă țesută", "真丝围巾 限量版", "وشاح من الحرير"] {
            card.productName = name
            let layer = try renderer.render(card)
            XCTAssertEqual(layer.box, empty.box, name)
            let changed = zip(layer.pixels, empty.pixels).filter { $0 != $1 }.count
            XCTAssertGreaterThan(changed, 400, "\(name) drew almost nothing")
        }
    }

    /// A countdown tick changes the card's pixels, and only in its footer.
    func testCountdownTickChangesFooterPixels() throws {
        let renderer = try OverlayRenderer(frameWidth: 1280, frameHeight: 720)
        var card = OverlayFixtures.scarf()
        let painter = try renderer.cardPainter(card, belowBanner: false)
        let before = try renderer.render(card)
        card.countdown = "ends in 02:40"
        let after = try renderer.render(card)
        XCTAssertEqual(before.box, after.box)
        let footer = try XCTUnwrap(painter.frames.footer)
        var changed = 0
        for i in stride(from: 0, to: before.pixels.count, by: 4) where before.pixels[i..<(i + 4)] != after.pixels[i..<(i + 4)] {
            changed += 1
            let x = Double(before.box.x + (i / 4) % before.box.width), y = Double(before.box.y + (i / 4) / before.box.width)
            XCTAssertTrue(x >= footer.minX && x < footer.maxX && y >= footer.minY && y < footer.maxY, "change at \(x),\(y) outside the footer")
        }
        XCTAssertGreaterThan(changed, 20)
    }

    private func inkAlpha(_ text: TextLayout) throws -> [UInt8] {
        let canvas = try Canvas(width: 400, height: 80)
        canvas.draw(text, x: 4, y: 4, color: .white)
        return canvas.withPixels { data, stride in (0..<(400 * 80)).map { data[($0 / 400) * stride + ($0 % 400) * 4 + 3] } }
    }
}
