import XCTest
@testable import ShopcastCore

/// The reconnection schedule, driven by a fake clock: no real waiting.
final class BackoffTests: XCTestCase {
    struct Refused: Error {}

    func testDelaysGrowByHalfAndCap() {
        let b = Backoff()
        let waits = (1...12).map { b.delay(attempt: $0, random: 0) }
        XCTAssertEqual(waits[0], 2)
        XCTAssertEqual(waits[1], 3)
        XCTAssertEqual(waits[2], 4.5, accuracy: 1e-9)
        XCTAssertEqual(waits[3], 6.75, accuracy: 1e-9)
        XCTAssertEqual(waits[11], 60)
        XCTAssertEqual(b.delay(attempt: 1, random: 1), 2.2, accuracy: 1e-9)
        XCTAssertEqual(b.delay(attempt: 1, random: -1), 1.8, accuracy: 1e-9)
    }

    func testRetriesThenSucceedsOnFakeClock() {
        var now = 0.0
        var attempts: [Double] = []
        var failures: [String] = []
        let result = Reconnector(maxRetries: nil).run(attempt: { () throws -> String in
            attempts.append(now)
            if attempts.count < 4 { throw Refused() }
            return "connected"
        }, onFailure: { failure in
            if case let .retrying(retry, wait, _) = failure { failures.append("\(retry):\(wait)") }
        }, sleep: { seconds in now += seconds; return true }, random: { 0 })
        XCTAssertEqual(result, "connected")
        XCTAssertEqual(attempts, [0, 2, 5, 9.5])
        XCTAssertEqual(failures, ["1:2.0", "2:3.0", "3:4.5"])
    }

    func testGivesUpAfterRetries() {
        var attempts = 0
        var gaveUp = false
        let result: Int? = Reconnector(maxRetries: 2).run(attempt: { attempts += 1; throw Refused() },
                                                         onFailure: { if case .gaveUp = $0 { gaveUp = true } },
                                                         sleep: { _ in true }, random: { 0 })
        XCTAssertNil(result)
        XCTAssertEqual(attempts, 3, "the first try and two retries")
        XCTAssertTrue(gaveUp)
    }

    func testAFailureMoreRetriesWillNotMendEndsThemEarly() {
        var attempts = 0, gaveUp = false, retries = 0
        let result: Int? = Reconnector(maxRetries: nil).run(attempt: { attempts += 1; throw Refused() },
                                                           onFailure: {
                                                               if case .gaveUp = $0 { gaveUp = true } else { retries += 1 }
                                                           },
                                                           sleep: { _ in true }, giveUp: { _ in attempts >= 3 }, random: { 0 })
        XCTAssertNil(result)
        XCTAssertEqual(attempts, 3)
        XCTAssertEqual(retries, 2, "no wait announced after the last attempt")
        XCTAssertTrue(gaveUp)
    }

    func testZeroRetriesMeansOneTry() {
        var attempts = 0
        let result: Int? = Reconnector(maxRetries: 0).run(attempt: { attempts += 1; throw Refused() },
                                                         onFailure: { _ in }, sleep: { _ in true })
        XCTAssertNil(result)
        XCTAssertEqual(attempts, 1)
    }

    func testLostConnectionWaitsBeforeFirstRetry() {
        var now = 0.0
        var attemptTimes: [Double] = []
        _ = Reconnector(maxRetries: nil).run(initialError: Refused(), attempt: { () throws -> Int in
            attemptTimes.append(now)
            return 1
        }, onFailure: { _ in }, sleep: { now += $0; return true }, random: { 0 })
        XCTAssertEqual(attemptTimes, [2])
    }

    func testStopEndsWaiting() {
        var attempts = 0
        let result: Int? = Reconnector(maxRetries: nil).run(attempt: { attempts += 1; throw Refused() },
                                                           onFailure: { _ in }, sleep: { _ in false })
        XCTAssertNil(result)
        XCTAssertEqual(attempts, 1)
    }
}
