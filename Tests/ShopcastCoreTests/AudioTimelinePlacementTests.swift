import XCTest
@testable import ShopcastCore

/// Pushes take interleaved stereo: 2 floats a sample.
final class AudioTimelinePlacementTests: XCTestCase {

    func testSoundAfterSilenceStartsExactlyWhereStamped() {
        // 10 ms in: a file's first sound is not moved to the start of the show (it was, by up
        // to 50 ms, putting the sound behind the pictures for the whole show).
        let t = AudioTimeline()
        t.push([Float](repeating: 1, count: 4096), at: 0.010)
        let out = pull(t, 0, 1024)
        XCTAssertEqual(Set(out[0..<480]), [0])
        XCTAssertEqual(Set(out[480...]), [1])
    }

    func testSoundStampedBeforeTheShowIsCut() {
        // An encoder's priming stamped 21 ms before the first picture.
        let t = AudioTimeline()
        t.push([Float](repeating: 1, count: 4096), at: -0.021)
        let out = pull(t, 0, 1024)
        XCTAssertEqual(Set(out), [1])
        XCTAssertEqual(pull(t, 1024, 1024).filter { $0 == 1 }.count, 1024 - 1008, "21 ms of it were before the start")
    }

    func testMillisecondRoundingBetweenChunksIsNoHole() {
        // Matroska stamps 1024-sample frames 21 or 22 ms apart: 20 samples of difference.
        let t = AudioTimeline()
        t.push([Float](repeating: 1, count: 2048), at: 0)
        t.push([Float](repeating: 2, count: 4096), at: Double(1024 + 20) / 48_000)
        let out = pull(t, 0, 2048)
        XCTAssertFalse(out.contains(0), "a hole between contiguous chunks")
        XCTAssertEqual(out.filter { $0 == 1 }.count, 1024)
    }

    func testNextLoopPassReplacesTheSoundPastTheLastPicture() {
        // The last pass's sound runs 100 samples past its last picture; the next pass starts
        // at that picture's end.
        let t = AudioTimeline()
        t.push([Float](repeating: 1, count: 4000), at: 0)
        t.push([Float](repeating: 2, count: 4000), at: 900.0 / 48_000)
        let out = pull(t, 0, 1900)
        XCTAssertEqual(out.filter { $0 == 1 }.count, 900)
        XCTAssertEqual(out.filter { $0 == 2 }.count, 1000)
    }
}
