import XCTest
@testable import ShopcastCore

/// The chat column has a region of its own in every format: never over the product card or
/// the banner, every entry inside it whatever its text, and a new comment redraws only itself.
final class ChatLayoutTests: XCTestCase {
    let hostile = [
        ChatContent.Entry(id: "1", author: "Giulia", color: RGBAColor(hex: "#101010"), text: "C'è anche in blu? 🧣✨"),
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
                let content = ChatContent(entries: hostile, pinned: hostile[2], side: side, cardPosition: position)
                let chat = try renderer.chatPainter(content)
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
        XCTAssertEqual(compositor.renderCount, before + 1, "a comment re-rendered more than the chat column")
    }
}
