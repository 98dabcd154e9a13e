import XCTest
@testable import ShopcastCore

/// `count` samples (left channel) pulled from the timeline at `position`.
func pull(_ t: AudioTimeline, _ position: Int64, _ count: Int) -> [Float] {
    var l = [Float](repeating: -9, count: count), r = [Float](repeating: -9, count: count)
    l.withUnsafeMutableBufferPointer { lp in
        r.withUnsafeMutableBufferPointer { rp in t.pull(position: position, count: count, left: lp.baseAddress!, right: rp.baseAddress!) }
    }
    return l
}

final class LiveStagesTests: XCTestCase {

    func testGapBecomesSilenceAndLateAudioIsSkipped() {
        let t = AudioTimeline()
        // One second of "1" starting at 1 s.
        t.push([Float](repeating: 1, count: 96_000), at: 1.0)
        let first = pull(t, 0, 48_000)
        XCTAssertEqual(Set(first), [0], "nothing before 1 s: silence")
        let second = pull(t, 48_000, 1024)
        XCTAssertEqual(Set(second), [1])
        // Audio stamped in the past is dropped, not played late.
        t.push([Float](repeating: 2, count: 2048), at: 0.5)
        XCTAssertEqual(Set(pull(t, 49_024, 1024)), [1])
    }

    func testStarvedTimelineFillsSilence() {
        XCTAssertEqual(Set(pull(AudioTimeline(), 0, 1024)), [0])
    }

    func testVideoQueueHoldsLastPicture() throws {
        let q = VideoFrameQueue()
        XCTAssertNil(q.frame(at: 0))
        let a = try Frame(), b = try Frame()
        q.push(a, at: 0)
        q.push(b, at: 0.1)
        XCTAssertTrue(q.frame(at: 0.05) === a)
        XCTAssertTrue(q.frame(at: 0.06) === a, "held until the next is due")
        XCTAssertTrue(q.frame(at: 0.1) === b)
        XCTAssertTrue(q.frame(at: 5) === b)
    }

    func testLetterboxFit() {
        let wide = Scaler.fitRect(sourceAspect: 16.0 / 9.0, width: 720, height: 1280)
        XCTAssertEqual(wide.width, 720)
        XCTAssertEqual(wide.height, 406)
        XCTAssertEqual(wide.y, 436, "centred, on an even row for 4:2:0")
        let tall = Scaler.fitRect(sourceAspect: 9.0 / 16.0, width: 1280, height: 720)
        XCTAssertEqual(tall.height, 720)
        XCTAssertEqual(tall.width, 406)
        XCTAssertEqual(tall.x % 2, 0)
        let same = Scaler.fitRect(sourceAspect: 16.0 / 9.0, width: 1280, height: 720)
        XCTAssertEqual(same.width, 1280)
        XCTAssertEqual(same.height, 720)
    }
}

