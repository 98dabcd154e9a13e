import XCTest
@testable import ShopcastCore

/// The pure parts of `overlay`: which stills a preview takes, the container from a name,
/// progress arithmetic, exact timestamps, the contact sheet's grid.
final class OverlayBurnLogicTests: XCTestCase {
    func testPreviewTakesOneStillPerOfferOneSecondIn() throws {
        let manifest = ShowFixture.manifest([ShowFixture.offer("silk-scarf", at: 300, for: 180), ShowFixture.offer("pin", at: 600, for: 1),
                                             ShowFixture.offer("flash", at: nil, for: 30)])
        let moments = try PreviewMoment.plan(manifest)
        XCTAssertEqual(moments.map(\.offset), [301, 600.5, 1], "one second in, or halfway through a shorter offer; on cue as if cued at 0")
        XCTAssertEqual(moments.map(\.fileName), ["offer-silk-scarf.png", "offer-pin.png", "offer-flash.png"])
        XCTAssertEqual(moments[0].detail, "at 05:01 · offer silk-scarf, 05:00–08:00")
        XCTAssertEqual(moments[2].detail, "at 00:01 · offer flash, on cue")
        XCTAssertEqual(moments[2].cue, "flash")
        XCTAssertEqual(try PreviewMoment.plan(manifest, offer: "pin").map(\.offerID), ["pin"])
        XCTAssertThrowsError(try PreviewMoment.plan(manifest, offer: "hat"))
        let between = try PreviewMoment.plan(manifest, at: 500)
        XCTAssertEqual(between.map(\.fileName), ["at-08m20s.png"])
        XCTAssertNil(between[0].offerID)
        XCTAssertThrowsError(try PreviewMoment.plan(ShowFixture.manifest([], duration: 60)))
        // A moment after a 45-minute show's end is no still of the show.
        let short = ShowFixture.manifest([ShowFixture.offer("pin", at: 60, for: 30)], duration: 2700)
        XCTAssertEqual(try PreviewMoment.plan(short, at: 2699).count, 1)
        XCTAssertThrowsError(try PreviewMoment.plan(short, at: 99 * 3600)) { error in
            XCTAssertTrue("\(error)".contains("after the show's end"), "\(error)")
        }
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
