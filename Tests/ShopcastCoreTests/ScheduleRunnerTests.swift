import Foundation
import XCTest
@testable import ShopcastCore

final class ScheduleRunnerTests: XCTestCase {
    typealias F = ShowFixture

    func testRunnerStartedLateCatchesUpAndEndsTheOfferWhenStopped() {
        let manifest = F.manifest([F.offer("a", at: 0, for: 10), F.offer("b", at: 10, for: 0.2)])
        let origin = Date()
        let runner = ScheduleRunner(manifest: manifest, origin: origin)
        var seen: [String] = []
        let begun = MonotonicClock.now()
        let summary = runner.run(now: origin.addingTimeInterval(9.9)) { seen += F.names([$0]) }
        let elapsed = MonotonicClock.now() - begun
        XCTAssertEqual(seen, ["offer.start a late", "offer.end a time", "offer.start b", "offer.end b time"])
        XCTAssertEqual(summary.emitted, 4)
        XCTAssertEqual(elapsed, 0.3, accuracy: 0.05)

        let long = ScheduleRunner(manifest: F.manifest([F.offer("a", at: 0, for: 600)]), origin: origin)
        var stopped: [String] = []
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { long.stop() }
        let interrupted = long.run(now: origin) { stopped += F.names([$0]) }
        XCTAssertTrue(interrupted.interrupted)
        XCTAssertEqual(stopped, ["offer.start a", "offer.end a show-ended"], "a stopped run closes the deal")
    }
}
