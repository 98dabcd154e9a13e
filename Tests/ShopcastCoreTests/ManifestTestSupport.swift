import Foundation
import XCTest
@testable import ShopcastCore

/// A temporary folder holding one manifest (and whatever files a test adds), removed at the end.
final class ManifestFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("shopcast-manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }

    /// Loads `yaml` as show.yaml; diagnostics as `LINE:COL: severity: message` strings.
    func load(_ yaml: String) throws -> (manifest: Manifest?, lines: [String]) {
        try Data(yaml.utf8).write(to: url.appendingPathComponent("show.yaml"))
        let result = try ManifestLoader().load(path: "show.yaml", relativeTo: url)
        return (result.manifest, result.diagnostics.map { "\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)" })
    }

    /// A 1x1 PNG (one orange pixel, fully opaque) made by hand: signature, IHDR, IDAT (zlib of
    /// filter byte 0 and RGBA ff 80 00 ff), IEND, each chunk with its CRC.
    static let tinyPNG: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89,
        0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xDF, 0xC0, 0xF0, 0x1F, 0x00,
        0x06, 0x80, 0x02, 0x7F, 0x10, 0x4C, 0x1B, 0xE1,
        0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
}
