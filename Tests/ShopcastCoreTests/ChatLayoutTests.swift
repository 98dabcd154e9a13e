import XCTest
@testable import ShopcastCore

/// The chat column has a region of its own in every format: never over the product card or
/// the banner, every entry inside it whatever its text, and a new comment redraws only itself.
final class ChatLayoutTests: XCTestCase {
    let hostile = [
        ChatContent.Entry(id: "1", author: "Giulia", color: RGBAColor(hex: "#101010"), text: "C'è anche in blu? 🧣✨", badge: .subscriber),
        ChatContent.Entry(id: "6", author: "Sara", text: "Torna in blu domani", badge: .moderator),
        ChatContent.Entry(id: "7", author: "Host", text: "Ve la mostro ora", badge: .broadcaster),
        ChatContent.Entry(id: "8", author: "Vale", text: "💙", badge: .vip),
        ChatContent.Entry(id: "2", author: "Marco", text: "Grazie!", kind: .tip, amount: "5,00 €"),
        ChatContent.Entry(id: "3", author: "أحمد", text: "وشاح جميل جدا، هل يوجد لون آخر؟ 真丝围巾"),
        ChatContent.Entry(id: "4", author: String(repeating: "W", count: 25), text: String(repeating: "a", count: 200), count: 3),
        ChatContent.Entry(id: "5", author: "Anna", text: "la sciarpa di seta", kind: .purchase),
    ]

    func testTheColumnKeepsClearOfCardAndBannerAndHoldsItsEntries() throws {
        for (w, h) in OverlayFixtures.sizes {
            for position in OverlayTheme.Position.allCases {
                let theme = try OverlayTheme(fontFamily: nil, accent: nil, position: position.rawValue)
                let renderer = try OverlayRenderer(frameWidth: w, frameHeight: h, theme: theme)
                let side: ChatPosition = [.topRight, .bottomRight].contains(position) ? .left : .right
                let content = ChatContent(entries: hostile, pinned: hostile[5], side: side, cardPosition: position)
                let chat = try renderer.chatLayout(content)
                for banner in [false, true] {
                    let card = try renderer.cardPainter(OverlayFixtures.scarf(), belowBanner: banner).frames.card
                    XCTAssertFalse(chat.region.intersects(card), "\(w)x\(h) \(position) banner=\(banner): chat \(chat.region) over card \(card)")
                }
                let banner = try BannerPainter(BannerContent(text: "Free shipping"), theme: theme, metrics: renderer.metrics,
                                               context: renderer.textContext).frame
                XCTAssertFalse(chat.region.intersects(banner), "\(w)x\(h) \(position): chat over the banner")
                XCTAssertTrue(renderer.metrics.safe.contains(chat.region), "\(w)x\(h) \(position): chat outside the safe area")
                XCTAssertFalse(chat.texts.isEmpty)
                for text in chat.texts {
                    XCTAssertLessThanOrEqual(text.lineCount, 2)
                    XCTAssertEqual(text.unknownGlyphCount, 0)
                    XCTAssertLessThanOrEqual(text.size.width, chat.region.width, "\(w)x\(h): an entry is wider than its column")
                }
                XCTAssertTrue(chat.region.inset(by: -8).contains(chat.bounds.inset(by: 6)), "\(w)x\(h) \(position): entries leave the region")
            }
        }
    }

    func testANewCommentRedrawsOnlyTheChat() throws {
        let compositor = try OverlayCompositor(frameWidth: 1280, frameHeight: 720)
        let card = OverlayFixtures.scarf()
        try compositor.update(OverlayScene(card: card, chat: ChatContent(entries: Array(hostile.prefix(1)), side: .right)))
        let before = compositor.renderCount
        try compositor.update(OverlayScene(card: card, chat: ChatContent(entries: Array(hostile.prefix(2)), side: .right)))
        XCTAssertEqual(compositor.renderCount, before + 1, "a comment re-rendered more than itself")
    }

    /// Under a flood the column is kept, not redrawn: each new comment draws only itself and the
    /// older ones move up, and what the frame shows is exactly the column drawn from scratch —
    /// at every step, in both shapes, with a pinned message, a repeat count going up and the
    /// oldest entries leaving the top.
    func testAColumnGrownOneCommentAtATimeIsTheColumnDrawnAtOnce() throws {
        for (w, h) in [(1280, 720), (720, 1280)] {
            let kept = try OverlayCompositor(frameWidth: w, frameHeight: h)
            var entries: [ChatContent.Entry] = []
            for step in 0..<24 {
                var renders = kept.renderCount
                if step % 7 == 6, var last = entries.popLast() {
                    last.count += 1
                    entries.append(last)
                } else {
                    entries.append(hostile[step % hostile.count])
                    entries[entries.count - 1].id = "\(step)"
                    entries = Array(entries.suffix(12))
                }
                let content = ChatContent(entries: entries, pinned: step >= 10 ? hostile[0] : nil, side: .right)
                try kept.update(OverlayScene(chat: content))
                renders = kept.renderCount - renders
                XCTAssertLessThanOrEqual(renders, step == 10 ? 2 : 1, "\(w)x\(h) step \(step): the column was redrawn")
                XCTAssertGreaterThanOrEqual(renders, 1, "\(w)x\(h) step \(step): the new entry was not drawn")
                let fresh = try OverlayCompositor(frameWidth: w, frameHeight: h)
                try fresh.update(OverlayScene(chat: content))
                var a = TestYUVFrame(width: w, height: h), b = TestYUVFrame(width: w, height: h)
                let blank = a
                a.withPlanes { kept.blend(into: $0) }
                b.withPlanes { fresh.blend(into: $0) }
                XCTAssertNotEqual(a.y, blank.y)
                XCTAssertTrue(a.y == b.y && a.u == b.u && a.v == b.v, "\(w)x\(h) step \(step): the kept column differs from a fresh one")
            }
        }
    }
}
