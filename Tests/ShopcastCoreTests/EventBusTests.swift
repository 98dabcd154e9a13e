import Foundation
import XCTest
@testable import ShopcastCore

final class EventBusTests: XCTestCase {
    func testTheBusNumbersEventsInOrderAndEncodesThemOnce() throws {
        final class Collect: EventSink, @unchecked Sendable {
            let lock = NSLock()
            var lines: [String] = []
            func receive(_ record: EventRecord, line: String) { lock.lock(); lines.append(line); lock.unlock() }
        }
        let bus = EventBus()
        bus.publish(.inputConnected(input: "before"))
        let sink = Collect()
        bus.add(sink)
        for i in 0..<200 { bus.publish(.inputConnected(input: "in\(i)"), streamTime: Double(i)) }
        bus.flush()
        XCTAssertEqual(sink.lines.count, 200, "nothing before a sink exists, everything after")
        let first = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(sink.lines[0].utf8)) as? [String: Any])
        XCTAssertEqual(first["sequence"] as? Int, 1)
        XCTAssertEqual(first["stream_time"] as? Int, 0)
        XCTAssertTrue(sink.lines[0].hasPrefix(#"{"event":"input.connected","time":""#))
        XCTAssertTrue(sink.lines[199].contains(#""sequence":200,"input":"in199""#))
    }
}
