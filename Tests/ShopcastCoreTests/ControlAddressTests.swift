import Foundation
import XCTest
@testable import ShopcastCore

final class ControlAddressTests: XCTestCase {
    func testControlAddresses() {
        XCTAssertEqual(ControlAddress.parse("8080"), ControlAddress(host: "127.0.0.1", port: 8080))
        XCTAssertEqual(ControlAddress.parse("0.0.0.0:9000"), ControlAddress(host: "0.0.0.0", port: 9000))
        XCTAssertEqual(ControlAddress.parse("[::1]:80")?.host, "::1")
        XCTAssertEqual(ControlAddress.parse("[::1]:80")?.baseURL, "http://[::1]:80")
        XCTAssertEqual(ControlAddress.parse("localhost:1")?.isLoopback, true)
        XCTAssertEqual(ControlAddress.parse("127.0.0.2:1")?.isLoopback, true)
        XCTAssertEqual(ControlAddress.parse("0.0.0.0:1")?.isLoopback, false)
        for bad in ["", "x", "80x", "1:2:3", "65536", ":80", "a b:80", "[::1]80"] { XCTAssertNil(ControlAddress.parse(bad), bad) }
    }
}
