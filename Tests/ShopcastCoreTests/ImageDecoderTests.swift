import XCTest
@testable import ShopcastCore

final class ImageDecoderTests: XCTestCase {
    /// PNG (with alpha), JPEG and WebP written by the ffmpeg CLI decode to the colour it drew.
    func testDecodesPNGJPEGAndWebP() throws {
        let dir = try OverlayFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, String, Int, UInt8)] = [
            ("png", "color=c=0x3366CC@0.5:s=64x48,format=rgba", 2, 128),
            ("jpg", "color=c=0x3366CC:s=64x48", 10, 255),
            ("webp", "color=c=0x3366CC:s=64x48", 10, 255),
        ]
        for (ext, source, tolerance, alpha) in cases {
            let path = dir.appendingPathComponent("picture.\(ext)").path
            let made = try OverlayFixtures.run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", source,
                                                          "-frames:v", "1", path])
            XCTAssertEqual(made.status, 0, "ffmpeg could not write \(ext)")
            let image = try ImageDecoder.decode(path: path)
            XCTAssertEqual(image.width, 64, ext)
            XCTAssertEqual(image.height, 48, ext)
            let centre = (24 * 64 + 32) * 4
            for (got, want) in zip(image.pixels[centre..<(centre + 3)], [0x33, 0x66, 0xCC] as [Int]) {
                XCTAssertLessThanOrEqual(abs(Int(got) - want), tolerance, "\(ext): \(Array(image.pixels[centre..<(centre + 4)]))")
            }
            XCTAssertLessThanOrEqual(abs(Int(image.pixels[centre + 3]) - Int(alpha)), 1, ext)

            let small = try ImageDecoder.decode(path: path, fit: .within(width: 32, height: 32))
            XCTAssertEqual([small.width, small.height], [32, 24], ext)
            let exact = try ImageDecoder.decode(path: path, fit: .exactly(width: 20, height: 30))
            XCTAssertEqual([exact.width, exact.height], [20, 30], ext)
        }
    }

    func testMissingAndBrokenFilesThrowTypedErrors() throws {
        XCTAssertThrowsError(try ImageDecoder.decode(path: "/nonexistent/picture.png")) { error in
            XCTAssertEqual((error as? ShopcastError)?.kind, .noInput)
        }
        let dir = try OverlayFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("broken.png").path
        try Data("not a picture at all".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try ImageDecoder.decode(path: path)) { error in
            XCTAssertEqual((error as? ShopcastError)?.kind, .badData, "\(error)")
        }
    }
}
