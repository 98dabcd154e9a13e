import Foundation
import XCTest

/// Checks on the --events stream that a script driving go-live relies on.
extension EndToEndTestCase {
    /// Asserts exactly one stream.ended event, last in the file, with a reason, the elapsed
    /// time and the exit status the process really returned.
    func assertStreamEnded(_ events: EventsFile, exitCode: Int,
                           file: StaticString = #filePath, line: UInt = #line) {
        let ended = events.named("stream.ended")
        guard ended.count == 1, let event = ended.first else {
            XCTFail("expected one stream.ended event, found \(ended.count):\n\(events.text.suffix(2000))", file: file, line: line)
            return
        }
        XCTAssertEqual(events.events.last?.name, "stream.ended", "events were written after stream.ended", file: file, line: line)
        XCTAssertEqual(event.number("exit_code").map { Int($0) }, exitCode,
                       "stream.ended should carry \"exit_code\": \(exitCode) (the process's exit status), got: \(event.line)",
                       file: file, line: line)
        XCTAssertFalse((event.string("reason") ?? "").isEmpty, "stream.ended has no \"reason\": \(event.line)", file: file, line: line)
        XCTAssertNotNil(event.number("elapsed"), "stream.ended has no \"elapsed\": \(event.line)", file: file, line: line)
    }
}
