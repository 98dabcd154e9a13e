import XCTest
@testable import ShopcastCore

/// What the socket says, turned into which packet the server has got to and how fast the link is.
final class SocketAccountingTests: XCTestCase {
    func testTheLedgerNamesTheOldestPacketNotWhollyDelivered() {
        var ledger = SendLedger()
        ledger.wrote(endingAt: 1000, seconds: 0.0)
        ledger.wrote(endingAt: 1500, seconds: 0.033)
        ledger.wrote(endingAt: 9000, seconds: 0.066)
        XCTAssertEqual(ledger.undelivered(after: 999), 0.0)
        XCTAssertEqual(ledger.undelivered(after: 1000), 0.033)
        XCTAssertEqual(ledger.undelivered(after: 8999), 0.066)
        XCTAssertNil(ledger.undelivered(after: 9000))
    }

    func testTheLinkRateCountsOnlyBusyMoments() {
        var rate = LinkRate()
        // Idle: what was offered, not what the link can do.
        for step in 0..<20 { rate.note(delivered: Int64(step * 1000), unacknowledged: 100, at: Double(step) * 0.1) }
        XCTAssertNil(rate.bytesPerSecond)
        // Busy at 62.5 kB/s for a second.
        for step in 0...10 {
            rate.note(delivered: 20_000 + Int64(step) * 6250, unacknowledged: 50_000, at: 2 + Double(step) * 0.1)
        }
        XCTAssertEqual(rate.bytesPerSecond ?? 0, 62_500, accuracy: 1)
        // The backlog drains at the same rate, then the link idles: the rate learnt stays.
        rate.note(delivered: 132_500, unacknowledged: 0, at: 3.8)
        rate.note(delivered: 133_500, unacknowledged: 0, at: 4.8)
        rate.note(delivered: 134_500, unacknowledged: 0, at: 5.8)
        XCTAssertEqual(rate.bytesPerSecond ?? 0, 62_500, accuracy: 1)
        // Not seen busy for ten seconds: the link may be fast again; the old figure goes.
        rate.note(delivered: 140_000, unacknowledged: 0, at: 14.5)
        XCTAssertNil(rate.bytesPerSecond, "a stale slow rate would refuse every keyframe of a recovered link")
    }

    func testThePeakHoldsForAWindowThenFades() {
        var hold = PeakHold(window: 2.5)
        hold.note(1.8, at: 10)
        hold.note(0.1, at: 11)
        XCTAssertEqual(hold.peak(at: 11), 1.8)
        hold.note(0.2, at: 13)  // a new window: the last one's peak still counts
        XCTAssertEqual(hold.peak(at: 13), 1.8)
        hold.note(0.3, at: 15.6)
        XCTAssertEqual(hold.peak(at: 15.6), 0.3)
        XCTAssertEqual(hold.peak(at: 25), 0, "nothing noted for long: no peak")
    }
}
