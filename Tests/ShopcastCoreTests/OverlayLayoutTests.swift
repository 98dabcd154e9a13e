import XCTest
@testable import ShopcastCore

final class OverlayLayoutTests: XCTestCase {
    /// Every show size and position keeps the card (and its shadow) inside the frame and the card
    /// itself inside the 5% title-safe area.
    func testCardFitsTitleSafeAreaInEveryShowSizeAndPosition() throws {
        for (w, h) in OverlayFixtures.sizes {
            for position in OverlayTheme.Position.allCases {
                let renderer = try OverlayRenderer(frameWidth: w, frameHeight: h, theme: OverlayTheme(position: position))
                for withBanner in [false, true] {
                    let painter = try renderer.cardPainter(OverlayFixtures.scarf(), belowBanner: withBanner)
                    let card = painter.frames.card
                    let what = "\(w)x\(h) \(position.rawValue) banner=\(withBanner): card \(card)"
                    XCTAssertGreaterThanOrEqual(card.minX, Double(w) * 0.05 - 0.5, what)
                    XCTAssertGreaterThanOrEqual(card.minY, Double(h) * 0.05 - 0.5, what)
                    XCTAssertLessThanOrEqual(card.maxX, Double(w) * 0.95 + 0.5, what)
                    XCTAssertLessThanOrEqual(card.maxY, Double(h) * 0.95 + 0.5, what)
                    // Parts stay inside the card.
                    for part in [painter.frames.image, painter.frames.qrTile, painter.frames.url, painter.frames.footer].compactMap({ $0 }) {
                        XCTAssertTrue(card.contains(part), "\(what): part \(part)")
                    }
                    XCTAssertTrue(card.contains(painter.frames.text), "\(what): text \(painter.frames.text)")
                    let layer = try renderer.render(OverlayFixtures.scarf(), belowBanner: withBanner)
                    XCTAssertTrue(PixelBox(x: 0, y: 0, width: w, height: h).contains(layer.box), "\(what): layer \(layer.box)")
                    if withBanner {
                        let banner = try renderer.render(BannerContent(text: "Free shipping tonight"))
                        let bannerBottom = Double(banner.box.y) + Double(h) * 0.05 + 48 * Double(min(w, h)) / 720
                        if position == .topLeft || position == .topRight {
                            XCTAssertGreaterThan(card.minY, bannerBottom - Double(h) * 0.05, "\(what): card under the banner")
                        }
                    }
                }
            }
        }
    }

    /// A vertical show gets a card as wide as the apps leave free (6% at the left, 16% at the
    /// right for TikTok's buttons); a landscape one about half the width.
    func testCardWidthFollowsOrientation() throws {
        let portrait = try OverlayRenderer(frameWidth: 720, frameHeight: 1280).cardPainter(OverlayFixtures.scarf(), belowBanner: false)
        XCTAssertEqual(portrait.frames.card.width, 720 * 0.78, accuracy: 1)
        let landscape = try OverlayRenderer(frameWidth: 1920, frameHeight: 1080).cardPainter(OverlayFixtures.scarf(), belowBanner: false)
        XCTAssertEqual(landscape.frames.card.width, 620 * 1.5, accuracy: 1)
    }

    func testThemeFromManifestText() throws {
        let theme = try OverlayTheme(fontFamily: "DejaVu Sans", accent: "#E4003A", position: "top-right")
        XCTAssertEqual(theme.fontFamily, "DejaVu Sans")
        XCTAssertEqual(theme.accent.hexString, "#E4003A")
        XCTAssertEqual(theme.position, .topRight)
        XCTAssertEqual(try OverlayTheme(fontFamily: nil, accent: nil, position: nil), .standard)
        XCTAssertThrowsError(try OverlayTheme(fontFamily: nil, accent: "red", position: nil)) { error in
            XCTAssertTrue("\(error)".contains("accent"), "\(error)")
        }
        XCTAssertThrowsError(try OverlayTheme(fontFamily: nil, accent: nil, position: "middle")) { error in
            XCTAssertTrue("\(error)".contains("bottom-right"), "\(error)")
        }
    }

    /// A pale accent still gives readable text: dark on the badge, and the accent as text stays as is.
    func testPaletteKeepsContrastForAnyAccent() {
        for hex in ["#FFE600", "#1A237E", "#E4003A", "#FFFFFF", "#000000"] {
            let palette = OverlayPalette(theme: OverlayTheme(accent: RGBAColor(hex: hex)!))
            XCTAssertGreaterThanOrEqual(palette.accentText.contrastRatio(with: palette.cardTop.withAlpha(1)), 4.5, hex)
            XCTAssertGreaterThanOrEqual(palette.onAccent.contrastRatio(with: palette.accent), 3, hex)
        }
    }

    /// 9:16: cards, banners and the slate's words stay out of what TikTok, Instagram and Shorts
    /// draw over the video: the top 14%, the bottom 35%, 6% at the left, 16% at the right.
    func testVerticalOverlaysKeepToThePlatformsSafeArea() throws {
        for (w, h) in [(720, 1280), (1080, 1920)] {
            let free = Rect(x: Double(w) * 0.06 - 0.5, y: Double(h) * 0.14 - 0.5,
                            width: Double(w) * 0.78 + 1, height: Double(h) * 0.51 + 1)
            let renderer = try OverlayRenderer(frameWidth: w, frameHeight: h)
            for position in ["bottom-left", "top-right", "bottom"] {
                let themed = try OverlayRenderer(frameWidth: w, frameHeight: h,
                                                 theme: OverlayTheme(fontFamily: nil, accent: nil, position: position))
                for banner in [false, true] {
                    let card = try themed.cardPainter(OverlayFixtures.scarf(), belowBanner: banner).frames.card
                    XCTAssertTrue(free.contains(card), "\(w)x\(h) \(position): card \(card) leaves \(free)")
                    XCTAssertTrue(try themed.cardPainter(OverlayFixtures.scarf(), belowBanner: banner).problems.cut.isEmpty)
                }
            }
            let banner = try BannerPainter(BannerContent(text: "Free shipping tonight"), theme: .standard, metrics: renderer.metrics,
                                           context: renderer.textContext).frame
            XCTAssertTrue(free.contains(banner), "\(w)x\(h): banner \(banner) leaves \(free)")
        }
    }
}
