import Foundation
import XCTest

/// With no --to at all, go-live works offline: it records to ./shopcast-YYYYmmdd-HHMMSS.mkv and
/// says where.
final class GoLiveDefaultRecordingTests: EndToEndTestCase {
    func testNoDestinationRecordsInTheWorkingDirectory() throws {
        let cwd = try folder("cwd")
        let run = try runShopcast(["go-live", "--preset", "480p30", "--encoder-speed", "ultrafast", "--duration", "3"],
                                  currentDirectory: cwd, timeout: 25)
        XCTAssertEqual(exitStatus(run), 0, run.summary)
        let names = try FileManager.default.contentsOfDirectory(atPath: cwd.path)
        let pattern = try NSRegularExpression(pattern: "^shopcast-[0-9]{8}-[0-9]{6}\\.mkv$")
        let recordings = names.filter { pattern.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
        XCTAssertEqual(recordings.count, 1, "expected one shopcast-YYYYmmdd-HHMMSS.mkv in the working directory, found \(names)")
        guard let name = recordings.first else { return }
        XCTAssertTrue((run.stdout + run.stderr).contains(name), "shopcast did not say where it recorded (\(name)):\nstdout: \(run.stdout)\nstderr: \(run.stderr)")
        try assertStream(cwd.appendingPathComponent(name), "the default recording",
                         Expected(width: 854, height: 480, duration: 3, durationTolerance: 0.5, profile: nil))
    }
}
