import XCTest
@testable import ShopcastCore

final class SRTStreamIDMaskingTests: XCTestCase {
    func testAccessControlStreamIDWithHashIsMaskedAndRegistered() throws {
        let masker = SecretMasker()
        let resolver = DestinationResolver(environment: [:], currentDirectory: URL(fileURLWithPath: "/tmp"), masker: masker)
        let d = try resolver.resolve("srt://ingest.example:9000?streamid=#!::r=live/SECRETKEY123,m=publish&latency=200")
        XCTAssertFalse(d.display.contains("SECRETKEY123"), d.display)
        XCTAssertEqual(d.display, "srt://ingest.example:9000?streamid=****&latency=****")
        XCTAssertFalse(masker.mask("opening srt://ingest.example:9000?streamid=#!::r=live/SECRETKEY123,m=publish").contains("SECRETKEY123"))
    }
}
