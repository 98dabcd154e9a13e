import XCTest
@testable import ShopcastCore

final class QuantitiesTests: XCTestCase {
    func testDurations() {
        XCTAssertEqual(DurationValue.parse("90s"), 90)
        XCTAssertEqual(DurationValue.parse("5m"), 300)
        XCTAssertEqual(DurationValue.parse("1h30m"), 5400)
        XCTAssertEqual(DurationValue.parse("1h5m10s"), 3910)
        XCTAssertEqual(DurationValue.parse("2.5s"), 2.5)
        XCTAssertEqual(DurationValue.parse("45"), 45)
        XCTAssertEqual(DurationValue.parse("05:00"), 300)
        XCTAssertEqual(DurationValue.parse("1:05:00"), 3900)
        for bad in ["", "5x", "m", "30m1h", "1h1h", "-5", "5:60", "1:2:3:4", "abc", "5 m", "+5"] {
            XCTAssertNil(DurationValue.parse(bad), bad)
        }
    }

    func testBitRates() {
        XCTAssertEqual(BitRate.parse("3000k"), 3_000_000)
        XCTAssertEqual(BitRate.parse("3M"), 3_000_000)
        XCTAssertEqual(BitRate.parse("4.5M"), 4_500_000)
        XCTAssertEqual(BitRate.parse("128000"), 128_000)
        for bad in ["", "k", "-3M", "3G", "fast", "0"] { XCTAssertNil(BitRate.parse(bad), bad) }
    }

    func testFrameSizes() {
        XCTAssertEqual(FrameSize.parse("1280x720"), FrameSize(width: 1280, height: 720))
        XCTAssertEqual(FrameSize.parse("720X1280"), FrameSize(width: 720, height: 1280))
        for bad in ["1280", "1281x720", "0x0", "8x8", "1280x720x3", "axb", "9000x720"] { XCTAssertNil(FrameSize.parse(bad), bad) }
    }

    func testPresets() {
        XCTAssertEqual(OutputFormat.preset("vertical")?.size, FrameSize(width: 720, height: 1280))
        XCTAssertEqual(OutputFormat.preset("1080p30")?.size, FrameSize(width: 1920, height: 1080))
        XCTAssertEqual(OutputFormat.preset("720p30")?.gopFrames, 60)
        XCTAssertNil(OutputFormat.preset("4k"))
    }
}
