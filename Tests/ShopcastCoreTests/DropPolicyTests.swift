import XCTest
@testable import ShopcastCore

/// The rule that keeps a slow destination near live: pictures dropped a GOP at a time, sound
/// never, and a degraded state that comes and goes with the lag.
final class DropPolicyTests: XCTestCase {
    func testPicturesAreDroppedUpToAKeyframeThatArrivesInTimeAndSoundNever() {
        var policy = DropPolicy(threshold: 1, reportsDegraded: true)
        XCTAssertTrue(policy.admit(isVideo: true, isKeyframe: true, seconds: 0, lag: 0.2).keep)
        XCTAssertTrue(policy.admit(isVideo: true, isKeyframe: false, seconds: 0.5, lag: 0.9).keep)
        let late = policy.admit(isVideo: true, isKeyframe: false, seconds: 1, lag: 1.2)
        XCTAssertEqual(late.keep, false)
        XCTAssertEqual(late.change, .degraded)
        // Once dropping, the rest of the GOP goes, even when the lag is small again.
        XCTAssertFalse(policy.admit(isVideo: true, isKeyframe: false, seconds: 1.5, lag: 0.3).keep)
        XCTAssertTrue(policy.admit(isVideo: false, isKeyframe: false, seconds: 1.5, lag: 3).keep, "sound is never dropped")
        // A keyframe that would still arrive late is dropped too; the next one in time starts again.
        XCTAssertFalse(policy.admit(isVideo: true, isKeyframe: true, seconds: 2, lag: 1.1).keep)
        let back = policy.admit(isVideo: true, isKeyframe: true, seconds: 4, lag: 0.6)
        XCTAssertTrue(back.keep)
        XCTAssertNil(back.change, "one keyframe in time is not yet a recovery")
        XCTAssertTrue(policy.degraded)
    }

    func testRecoveryNeedsFiveSecondsWithoutADropAndALowLag() {
        var policy = DropPolicy(threshold: 1, reportsDegraded: true)
        XCTAssertEqual(policy.admit(isVideo: true, isKeyframe: false, seconds: 10, lag: 2).change, .degraded)
        XCTAssertNil(policy.admit(isVideo: true, isKeyframe: true, seconds: 12, lag: 0.3).change)
        XCTAssertNil(policy.admit(isVideo: false, isKeyframe: false, seconds: 15.5, lag: 0.7).change, "lag still above 0.5 s")
        XCTAssertEqual(policy.admit(isVideo: false, isKeyframe: false, seconds: 15.6, lag: 0.2).change, .recovered)
        XCTAssertFalse(policy.degraded)
    }

    func testARecordingDropsButIsNeverReportedDegraded() {
        var policy = DropPolicy(threshold: 10, reportsDegraded: false)
        let late = policy.admit(isVideo: true, isKeyframe: false, seconds: 30, lag: 11)
        XCTAssertFalse(late.keep)
        XCTAssertNil(late.change)
        XCTAssertFalse(policy.degraded)
    }

    func testAFreshStartTakesTheNextKeyframeAndALostConnectionIsNotDegraded() {
        var policy = DropPolicy(threshold: 1, reportsDegraded: true)
        _ = policy.admit(isVideo: true, isKeyframe: false, seconds: 1, lag: 2)
        policy.reset()
        XCTAssertFalse(policy.degraded)
        XCTAssertTrue(policy.admit(isVideo: true, isKeyframe: true, seconds: 3, lag: 0.1).keep)
    }
}

