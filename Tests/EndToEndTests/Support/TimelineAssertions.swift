import Foundation
import XCTest

/// What a live stream's timeline must be whatever happened during the show: a picture every
/// 1/30 s, keyframes on their grid.
extension EndToEndTestCase {
    /// `seconds` of pictures, one every 1/30 s without a hole or a repeat.
    func assertContinuous(_ pictures: Thumbnails, seconds: Double, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Double(pictures.times.count), seconds * 30, accuracy: 2, "pictures", file: file, line: line)
        let steps = zip(pictures.times.dropFirst(), pictures.times).map { $0 - $1 }
        let odd = steps.enumerated().filter { abs($0.element - 1.0 / 30) > 0.002 }
        XCTAssertEqual(odd.map { pictures.times[$0.offset] }, [], "timestamps jump", file: file, line: line)
    }

    /// Every keyframe falls on the `every`-second grid, and there is one on each grid point.
    func assertKeyframesOnGrid(_ file: URL, every: Double, line: UInt = #line) throws {
        let listed = try ChildProcess.run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time,flags",
                                                     "-of", "csv=p=0", file.path], logDirectory: work, name: "ffprobe-keyframes")
        let keys = listed.stdout.split(separator: "\n").compactMap { row -> Double? in
            let parts = row.split(separator: ",")
            guard parts.count >= 2, parts[1].contains("K") else { return nil }
            return Double(parts[0])
        }
        XCTAssertGreaterThan(keys.count, 2, listed.stdout, line: line)
        let first = keys.first ?? 0
        for key in keys {
            let phase = (key - first).truncatingRemainder(dividingBy: every)
            XCTAssertLessThan(min(phase, every - phase), 0.002, "keyframe at \(key) s is off the \(every) s grid: \(keys)", line: line)
        }
        XCTAssertEqual(keys.count, Int(((keys.last ?? 0) - first) / every + 0.5) + 1, "a keyframe is missing: \(keys)", line: line)
    }
}
