import Foundation
import XCTest
@testable import ShopcastCore

/// Wall-clock instants as written and printed, and lengths of time as a clock reads them.
final class WallClockTests: XCTestCase {
    func testWallClock() {
        let t = WallClock.parse("2026-11-27T20:00:00+01:00")!
        XCTAssertEqual(t.date.timeIntervalSince1970, 1_795_806_000)
        XCTAssertEqual(WallClock.format(t.date.addingTimeInterval(300.25), in: t.zone), "2026-11-27T20:05:00.250+01:00")
        XCTAssertEqual(WallClock.parse("2026-11-27T19:00:00.5Z")?.date.timeIntervalSince1970, 1_795_806_000.5)
        for bad in ["2026-11-27T20:00:00", "2026-02-30T10:00:00Z", "tomorrow", "2026-11-27T25:00:00Z"] {
            XCTAssertNil(WallClock.parse(bad), bad)
        }
    }

    /// One formatter for countdowns, progress, rundowns and previews.
    func testClockText() {
        XCTAssertEqual(ClockText.string(161), "02:41")
        XCTAssertEqual(ClockText.string(3761.9), "1:02:41", "whole seconds, rounded down")
        XCTAssertEqual(ClockText.string(-3), "00:00")
        XCTAssertEqual(ClockText.string(5.5, fraction: .tenths), "00:05.5")
        XCTAssertEqual(ClockText.string(5.96, fraction: .tenths), "00:06", "a tenth that rounds to 10 carries into the seconds")
        XCTAssertEqual(ClockText.string(300.25, fraction: .milliseconds), "05:00.250")
        XCTAssertEqual(ClockText.string(59.9996, fraction: .milliseconds), "01:00")
        XCTAssertEqual(ClockText.string(300, fraction: .milliseconds), "05:00")
        XCTAssertEqual(ClockText.hours(161), "00:02:41")
        XCTAssertEqual(ClockText.hours(-1), "00:00:00")
    }
}
