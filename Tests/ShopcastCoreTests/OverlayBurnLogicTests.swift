import XCTest
@testable import ShopcastCore

/// The pure parts of `overlay`: which stills a preview takes, the container from a name,
/// progress arithmetic, exact timestamps, the contact sheet's grid.
final class OverlayBurnLogicTests: XCTestCase {
    private func offer(_ id: String, start: Double, length: Double) -> Offer {
        let price = Money(40, Currency(code: "USD")!)
        let product = Product(id: id, name: id.capitalized, price: price, image: nil, imageInfo: nil, url: nil, description: nil)
        return Offer(product: product, start: start, length: length, listPrice: price, salePrice: price, discountPercent: nil,
                     code: nil, quantity: nil, countdown: true, line: 1)
    }

    func testPreviewTakesOneStillPerOfferOneSecondIn() throws {
        let timeline = Timeline(offers: [offer("silk scarf", start: 300, length: 180), offer("pin", start: 600, length: 1)],
                                banners: [], duration: nil)
        let moments = try PreviewMoment.plan(timeline)
        XCTAssertEqual(moments.map(\.offset), [301, 600.5], "one second in, or halfway through a shorter offer")
        XCTAssertEqual(moments.map(\.fileName), ["offer-00-silk-scarf.png", "offer-01-pin.png"])
        XCTAssertEqual(moments[0].detail, "at 05:01 · offer 0, 05:00–08:00")
        XCTAssertEqual(try PreviewMoment.plan(timeline, offer: 1).map(\.offerIndex), [1])
        XCTAssertThrowsError(try PreviewMoment.plan(timeline, offer: 2))
        let between = try PreviewMoment.plan(timeline, at: 500)
        XCTAssertEqual(between.map(\.fileName), ["at-08m20s.png"])
        XCTAssertNil(between[0].offerIndex)
        XCTAssertThrowsError(try PreviewMoment.plan(Timeline(offers: [], banners: [], duration: 60)))
    }

    func testContainerFollowsTheExtension() {
        XCTAssertEqual(OutputContainer.forPath("a/b/show.MP4")?.muxer, "mp4")
        XCTAssertEqual(OutputContainer.forPath("show.mp4")?.options["movflags"], "+faststart")
        XCTAssertEqual(OutputContainer.forPath("show.mkv")?.muxer, "matroska")
        XCTAssertEqual(OutputContainer.forPath("clip.mov")?.muxer, "mov")
        XCTAssertNil(OutputContainer.forPath("show.avi"))
        XCTAssertNil(OutputContainer.forPath("show"))
        XCTAssertNil(OutputContainer.forPath(".mkv"))
        XCTAssertNil(OutputContainer.forPath("dir.mp4/show"))
    }

    func testTimestampsOnWholeSecondsAreExact() {
        // 60 ticks of 1/30 s is 2 s exactly, so a card due at 2 s is on that frame, not the next.
        XCTAssertEqual(TimeBase(numerator: 1, denominator: 30).seconds(60), 2.0)
        XCTAssertEqual(TimeBase(numerator: 1, denominator: 15360).seconds(30720), 2.0)
        XCTAssertEqual(TimeBase(numerator: 1001, denominator: 30000).seconds(30), 1.001)
        XCTAssertEqual(TimeBase(numerator: 1, denominator: 1000).seconds(100), 0.1)
    }

    func testProgressArithmetic() {
        let p = BurnProgress(frames: 300, position: 10, duration: 40, elapsed: 2.5)
        XCTAssertEqual(p.fraction, 0.25)
        XCTAssertEqual(p.speed, 4)
        XCTAssertEqual(p.remaining, 7.5)
        XCTAssertNil(BurnProgress(frames: 1, position: 1, duration: nil, elapsed: 1).fraction)
    }

    func testContactSheetGrid() {
        let landscape = ContactSheet.Grid(count: 4, frameWidth: 1280, frameHeight: 720)
        XCTAssertEqual([landscape.columns, landscape.rows], [3, 2])
        XCTAssertEqual(landscape.thumbHeight, 225)
        XCTAssertEqual(landscape.tile(3).y, landscape.tile(0).y + Double(landscape.thumbHeight + landscape.captionHeight + landscape.margin))
        XCTAssertLessThanOrEqual(landscape.tile(2).maxX, Double(landscape.width))
        let vertical = ContactSheet.Grid(count: 2, frameWidth: 720, frameHeight: 1280)
        XCTAssertEqual([vertical.columns, vertical.rows], [2, 1])
        XCTAssertGreaterThan(vertical.thumbHeight, vertical.thumbWidth)
    }
}
