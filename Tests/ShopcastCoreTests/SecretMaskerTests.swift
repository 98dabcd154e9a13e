import XCTest
@testable import ShopcastCore

final class SecretMaskerTests: XCTestCase {
    func testMasksLongestFirstAndPercentEncoded() {
        let m = SecretMasker()
        m.register("abc")
        m.register("abcdef/ghi")
        XCTAssertEqual(m.mask("x abcdef/ghi y abc"), "x **** y ****")
        XCTAssertEqual(m.mask("url abcdef%2Fghi"), "url ****")
        m.register("k")
        XCTAssertEqual(m.mask("keep k"), "keep k")
    }
}
