import XCTest
@testable import ShopcastCore

/// How a rendition frames a picture of another shape: the crop's place and size, the words
/// `--crop-vertical` takes, and the crop mapped back through a phone video's turn.
final class FramingTests: XCTestCase {
    func testCropPositionsReadAsWordsOrPercentages() {
        XCTAssertEqual(Framing.position(from: "left"), 0)
        XCTAssertEqual(Framing.position(from: "Centre"), 0.5)
        XCTAssertEqual(Framing.position(from: "center"), 0.5)
        XCTAssertEqual(Framing.position(from: "right"), 1)
        XCTAssertEqual(Framing.position(from: "30%"), 0.3)
        XCTAssertEqual(Framing.position(from: "75"), 0.75)
        for bad in ["", "middle", "101%", "-5%", "nan", "inf%"] {
            XCTAssertNil(Framing.position(from: bad), "'\(bad)' should be refused")
        }
    }

    func testALandscapePictureIsCroppedForAPortraitFormatAndLetterboxedOtherwise() {
        let standard = Framing.standard
        XCTAssertTrue(standard.crops(pictureAspect: 16.0 / 9, outputAspect: 9.0 / 16), "16:9 into 9:16 is cropped by default")
        XCTAssertFalse(standard.crops(pictureAspect: 4.0 / 3, outputAspect: 16.0 / 9), "4:3 into 16:9 is pillarboxed by default")
        XCTAssertFalse(standard.crops(pictureAspect: 9.0 / 16, outputAspect: 16.0 / 9), "a phone's portrait video into 16:9 is pillarboxed")
        XCTAssertFalse(standard.crops(pictureAspect: 16.0 / 9, outputAspect: 16.0 / 9), "the same shape needs nothing")
        XCTAssertTrue(Framing(fit: .crop).crops(pictureAspect: 4.0 / 3, outputAspect: 16.0 / 9), "--fit crop crops every mismatch")
        XCTAssertFalse(Framing(fit: .pad).crops(pictureAspect: 16.0 / 9, outputAspect: 9.0 / 16), "--fit pad never crops")
    }

    func testTheKeptSliceHasTheFormatsShapeAndSlidesWithThePosition() {
        let portrait = 720.0 / 1280
        let centre = Framing.standard.keptRect(width: 1280, height: 720, pixelAspect: 1, outputAspect: portrait)
        XCTAssertEqual(centre, PixelRect(x: 438, y: 0, width: 406, height: 720), "405 px rounded to even, centred")
        XCTAssertEqual(Framing(position: 0).keptRect(width: 1280, height: 720, pixelAspect: 1, outputAspect: portrait).x, 0)
        XCTAssertEqual(Framing(position: 1).keptRect(width: 1280, height: 720, pixelAspect: 1, outputAspect: portrait).x, 1280 - 406)
        XCTAssertEqual(Framing(position: 0.3).keptRect(width: 1280, height: 720, pixelAspect: 1, outputAspect: portrait).x, 262)
        // Anamorphic pixels (720x576 shown 16:9): the slice is as wide as the picture is seen.
        let anamorphic = Framing.standard.keptRect(width: 720, height: 576, pixelAspect: 64.0 / 45, outputAspect: portrait)
        XCTAssertEqual(Double(anamorphic.width) * 64 / 45 / 576, portrait, accuracy: 0.01)
        // Taller than the format (4:3 into 16:9 with --fit crop): the middle of the height.
        XCTAssertEqual(Framing(fit: .crop).keptRect(width: 640, height: 480, pixelAspect: 1, outputAspect: 16.0 / 9),
                       PixelRect(x: 0, y: 60, width: 640, height: 360))
    }

    /// Whatever the turn, the source pixels the crop keeps are exactly those that land in the
    /// kept part of the turned picture.
    func testACropOfATurnedPictureKeepsTheSourcePixelsThatLandInIt() {
        let width = 8, height = 6
        let source = (0..<(width * height)).map { UInt8($0) }
        for turns in 0..<4 {
            for mirrored in [false, true] {
                let o = Orientation(quarterTurns: turns, mirrored: mirrored)
                let (w, h) = o.swapsSides ? (height, width) : (width, height)
                var turned = [UInt8](repeating: 0, count: width * height)
                source.withUnsafeBufferPointer { s in
                    turned.withUnsafeMutableBufferPointer { d in
                        o.turn(s.baseAddress!, stride: width, width: width, height: height, into: d.baseAddress!, stride: w)
                    }
                }
                let kept = PixelRect(x: 1, y: 2, width: 3, height: 2)
                var seen = Set<UInt8>()
                for y in kept.y..<(kept.y + kept.height) { for x in kept.x..<(kept.x + kept.width) { seen.insert(turned[y * w + x]) } }
                let rect = o.sourceRect(of: kept, width: width, height: height)
                var fromSource = Set<UInt8>()
                for y in rect.y..<(rect.y + rect.height) { for x in rect.x..<(rect.x + rect.width) { fromSource.insert(source[y * width + x]) } }
                XCTAssertEqual(fromSource, seen, "turns \(turns), mirrored \(mirrored): the crop maps to \(rect) in a \(w)x\(h) picture")
            }
        }
    }
}
