import XCTest
@testable import ShopcastCore

final class OverlayQRTests: XCTestCase {
    /// The QR code on a rendered card, as a viewer's phone would read it off the picture, decodes
    /// back to the product's link (checked by zbarimg, an independent decoder).
    func testQRCodeOnPreviewDecodesToTheURL() throws {
        let dir = try OverlayFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = "https://shop.example/scarf?utm_source=live&ref=ABC123"
        var card = OverlayFixtures.scarf()
        card.url = url
        for (w, h) in [(1280, 720), (720, 1280)] {
            let path = dir.appendingPathComponent("card-\(w)x\(h).png").path
            try OverlayPreview.write(OverlayScene(card: card), width: w, height: h, to: path)
            let result = try OverlayFixtures.run("zbarimg", ["--quiet", "--raw", path])
            XCTAssertEqual(result.status, 0, "\(w)x\(h): zbarimg found no code")
            XCTAssertEqual(result.output.trimmingCharacters(in: .whitespacesAndNewlines), url, "\(w)x\(h)")
        }
    }

    func testQRMatrixUsesByteModeAndRejectsEmptyText() throws {
        let code = try QRCode(encoding: "https://shop.example/scarf")
        XCTAssertEqual(code.size, 25, "26 bytes at level M need version 2 (25 modules)")
        // Finder pattern corners are dark.
        XCTAssertTrue(code.isDark(row: 0, column: 0))
        XCTAssertTrue(code.isDark(row: 0, column: code.size - 1))
        XCTAssertThrowsError(try QRCode(encoding: ""))
        XCTAssertThrowsError(try QRCode(encoding: String(repeating: "x", count: 5000)))
    }
}
