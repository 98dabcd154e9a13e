import Foundation
import XCTest

/// Checks, phrased as a viewer or a platform would notice them, that a stream or recording is
/// what go-live promises: H.264 High yuv420p at the chosen size and constant frame rate, a
/// keyframe every keyint, AAC-LC 48 kHz stereo, and the expected length.
extension EndToEndTestCase {
    struct Expected {
        var width: Int
        var height: Int
        var fps: Double = 30
        var keyint: Double = 2
        /// Roughly how long it should play, and how far off it may be.
        var duration: Double
        var durationTolerance: Double = 1.0
        /// The H.264 profile; nil where a test picks `--encoder-speed ultrafast` to save CPU
        /// (x264 then leaves out the High-profile tools and signals a lower profile).
        var profile: String? = "High"
    }

    /// Asserts everything in `expected` about `file`, labelled `what` ("the RTMP ingest's copy").
    func assertStream(_ file: URL, _ what: String, _ expected: Expected,
                      file source: StaticString = #filePath, line: UInt = #line) throws {
        let info = try probe(file)
        guard let video = info.video else {
            XCTFail("\(what) has no video stream (\(file.lastPathComponent))", file: source, line: line)
            return
        }
        XCTAssertEqual(video.codec, "h264", "\(what): video is \(video.codec), not H.264", file: source, line: line)
        if let profile = expected.profile {
            XCTAssertEqual(video.profile, profile, "\(what): H.264 profile is \(video.profile ?? "unknown"), not \(profile)", file: source, line: line)
        }
        XCTAssertEqual(video.pixelFormat, "yuv420p", "\(what): pixel format \(video.pixelFormat ?? "?") is not yuv420p, which players and platforms expect", file: source, line: line)
        XCTAssertEqual("\(video.width)x\(video.height)", "\(expected.width)x\(expected.height)", "\(what): frame size is wrong", file: source, line: line)

        if let fps = info.measuredFrameRate {
            XCTAssertEqual(fps, expected.fps, accuracy: expected.fps * 0.03,
                           "\(what): plays at \(String(format: "%.2f", fps)) fps, not \(expected.fps)", file: source, line: line)
        } else {
            XCTFail("\(what): too few video frames to measure a frame rate (\(info.videoPackets.count))", file: source, line: line)
        }
        // Constant frame rate: no frame is missing or doubled (a hole of 2+ frame durations).
        XCTAssertLessThan(info.largestVideoGap, 1.5 / expected.fps + 0.002,
                          "\(what): frames are missing (a gap of \(String(format: "%.3f", info.largestVideoGap)) s between two frames)",
                          file: source, line: line)

        XCTAssertEqual(info.videoPackets.first?.keyframe, true,
                       "\(what) does not start on a keyframe: a player joining shows garbage until the next one", file: source, line: line)
        let intervals = info.keyframeIntervals
        let oneFrame = 1 / expected.fps + 0.002
        XCTAssertFalse(intervals.isEmpty, "\(what): only \(info.keyframeTimes.count) keyframe(s) in \(String(format: "%.1f", info.videoDuration)) s", file: source, line: line)
        let wrong = intervals.filter { abs($0 - expected.keyint) > oneFrame }
        XCTAssertTrue(wrong.isEmpty,
                      "\(what): keyframes are not every \(expected.keyint) s (±1 frame); intervals seen: \(intervals.map { String(format: "%.3f", $0) })",
                      file: source, line: line)

        if let audio = info.audio {
            XCTAssertEqual(audio.codec, "aac", "\(what): audio is \(audio.codec), not AAC", file: source, line: line)
            XCTAssertEqual(audio.profile, "LC", "\(what): AAC profile \(audio.profile ?? "?") is not LC", file: source, line: line)
            XCTAssertEqual(audio.sampleRate, 48_000, "\(what): audio sample rate is \(audio.sampleRate) Hz, not 48000", file: source, line: line)
            XCTAssertEqual(audio.channels, 2, "\(what): audio has \(audio.channels) channel(s), not stereo", file: source, line: line)
            XCTAssertEqual(info.audioDuration, expected.duration, accuracy: expected.durationTolerance,
                           "\(what): the audio plays \(String(format: "%.2f", info.audioDuration)) s, expected about \(expected.duration) s",
                           file: source, line: line)
        } else {
            XCTFail("\(what) has no audio track: every destination must always get one", file: source, line: line)
        }
        XCTAssertEqual(info.videoDuration, expected.duration, accuracy: expected.durationTolerance,
                       "\(what): the video plays \(String(format: "%.2f", info.videoDuration)) s, expected about \(expected.duration) s",
                       file: source, line: line)

        try assertDecodes(file, what, file: source, line: line)
    }

    /// Asserts ffmpeg decodes the whole file without a single error line; returns the report.
    @discardableResult
    func assertDecodes(_ file: URL, _ what: String, allowErrors: Bool = false,
                       file source: StaticString = #filePath, line: UInt = #line) throws -> DecodeReport {
        let report = try decode(file)
        XCTAssertTrue(report.succeeded, "\(what) does not play: ffmpeg exited \(report.status): \(report.errors.prefix(5))", file: source, line: line)
        if !allowErrors {
            XCTAssertEqual(report.errors, [], "\(what) plays with decoding errors", file: source, line: line)
        }
        XCTAssertGreaterThan(report.videoFrames, 0, "\(what): no video frame decodes", file: source, line: line)
        return report
    }
}
