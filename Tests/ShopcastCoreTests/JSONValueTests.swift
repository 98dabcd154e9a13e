import Foundation
import XCTest
@testable import ShopcastCore

final class JSONValueTests: XCTestCase {
    func testSecondsAsJSONNumbers() {
        let cases: [(Double, String)] = [(300, "300"), (12.5, "12.5"), (0.042, "0.042"), (0.0004, "0"),
                                         (1.0005, "1.001"), (-0.5, "-0.5"), (-3, "-3"), (59.999, "59.999"),
                                         (86_400.25, "86400.25"), (.nan, "null"), (.infinity, "null")]
        for (value, text) in cases {
            XCTAssertEqual(JSONValue.seconds(value).rendered, text, "\(value)")
        }
    }
}
