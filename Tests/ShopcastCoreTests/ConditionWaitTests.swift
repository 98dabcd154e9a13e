import XCTest
@testable import ShopcastCore

/// The deadline waits used at the end of a show (writers' trailers, inputs letting go, the event
/// log's flush) run on the monotonic clock in short steps.
final class ConditionWaitTests: XCTestCase {
    func testReturnsAsSoonAsDoneAndFalseAtTheDeadline() {
        final class Flag: @unchecked Sendable { var done = false }
        let condition = NSCondition(), flag = Flag()
        Thread.detachNewThread {
            // The other thread finishes a little later: the wait must wake on its broadcast.
            Thread.sleep(forTimeInterval: 0.1)
            condition.lock()
            flag.done = true
            condition.broadcast()
            condition.unlock()
        }
        var start = MonotonicClock.now()
        condition.lock()
        XCTAssertTrue(condition.wait(seconds: 5) { flag.done })
        condition.unlock()
        XCTAssertLessThan(MonotonicClock.now() - start, 1, "woken by the broadcast, not the deadline")

        start = MonotonicClock.now()
        condition.lock()
        XCTAssertFalse(condition.wait(seconds: 0.3) { false })
        condition.unlock()
        let waited = MonotonicClock.now() - start
        XCTAssertGreaterThanOrEqual(waited, 0.3)
        XCTAssertLessThan(waited, 1)
    }
}
