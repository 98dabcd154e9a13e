import XCTest
@testable import ShopcastCore

final class InputWatchTests: XCTestCase {
    /// Frames at 30 fps from `from` to `to` with pictures delivered until `lastPicture`; the
    /// changes and the frame time each happened at.
    private func run(_ watch: inout InputWatch, from: Double, to: Double, lastPicture: Double?, endedAt: Double? = nil)
        -> [(Double, InputWatch.Change)] {
        var changes: [(Double, InputWatch.Change)] = []
        var t = from
        while t < to {
            let newest = lastPicture.map { min($0, t) }
            if let change = watch.update(t: t, newest: newest, endedAt: endedAt) { changes.append((t, change)) }
            t += 1.0 / 30
        }
        return changes
    }

    func testAPictureThatStopsForASecondBringsTheSlateAndItsReturnTakesItDown() {
        var watch = InputWatch()
        XCTAssertTrue(run(&watch, from: 0, to: 5, lastPicture: 10).isEmpty, "pictures flowing: no slate")
        let lost = run(&watch, from: 5, to: 8, lastPicture: 5)
        XCTAssertEqual(lost.map(\.1), [.lost])
        XCTAssertEqual(lost[0].0, 6.0, accuracy: 0.04, "up one second after the last picture")
        XCTAssertTrue(watch.isHolding)
        let back = run(&watch, from: 8, to: 9, lastPicture: 20)
        XCTAssertEqual(back.count, 1)
        XCTAssertEqual(back[0].0, 8.0, accuracy: 1e-9, "down on the first frame with a picture")
        if case .back(let after) = back[0].1 { XCTAssertEqual(after, 2.0, accuracy: 0.04) } else { XCTFail("\(back)") }
    }

    func testASourceThatNeverDeliversGetsTheSlateAfterTheStartGrace() {
        var watch = InputWatch()
        let changes = run(&watch, from: 0, to: 3, lastPicture: nil)
        XCTAssertEqual(changes.map(\.1), [.lost])
        XCTAssertEqual(changes[0].0, InputWatch.startGrace, accuracy: 0.04)
    }

    func testAnInputThatEndedGetsTheSlateAtOnce() {
        var watch = InputWatch()
        let changes = run(&watch, from: 0, to: 4, lastPicture: 3, endedAt: 3)
        XCTAssertEqual(changes.map(\.1), [.lost])
        XCTAssertEqual(changes[0].0, 3.0, accuracy: 0.04, "no frozen second after the last picture of a file")
    }
}
