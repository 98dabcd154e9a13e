import Foundation
import XCTest
@testable import ShopcastCore

/// Shared fixtures for the overlay tests.
enum OverlayFixtures {
    static let sizes = [(1280, 720), (1920, 1080), (720, 1280)]

    static func photo(width: Int = 96, height: Int = 96) -> RGBAImage {
        var px = [UInt8](repeating: 255, count: width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 4
                px[i] = UInt8(120 + x % 100); px[i + 1] = UInt8(40 + y % 80); px[i + 2] = 90
            }
        }
        return RGBAImage(width: width, height: height, pixels: px)!
    }

    static func scarf(image: RGBAImage? = photo()) -> CardContent {
        CardContent(productName: "Sciarpa di seta", description: "Seta di Como", listPrice: "39,90 €", salePrice: "31,92 €",
                    badge: "-20%", countdown: "ends in 02:41", stock: "50 left", code: "SILK20",
                    url: "https://shop.example/scarf", image: image)
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shopcast-overlay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs a checker tool and returns its stdout; fails the test if it does not finish in time.
    static func run(_ tool: String, _ arguments: [String], deadline: TimeInterval = 30) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        // Read while it runs, so a full pipe cannot stall the tool.
        let data = out.fileHandleForReading.readDataToEndOfFile()
        if done.wait(timeout: .now() + deadline) == .timedOut {
            process.terminate()
            XCTFail("\(tool) did not finish within \(deadline) s")
        }
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// An 8-bit 4:2:0 picture in Swift arrays, for blending into.
struct TestYUVFrame {
    let width: Int
    let height: Int
    var y: [UInt8]
    var u: [UInt8]
    var v: [UInt8]

    init(width: Int, height: Int, fill: (y: UInt8, u: UInt8, v: UInt8) = (120, 128, 128)) {
        self.width = width
        self.height = height
        y = [UInt8](repeating: fill.y, count: width * height)
        u = [UInt8](repeating: fill.u, count: width / 2 * height / 2)
        v = u.map { _ in fill.v }
    }

    mutating func withPlanes<T>(_ body: (YUVPlanes) -> T) -> T {
        let w = width, h = height
        return y.withUnsafeMutableBufferPointer { yp in
            u.withUnsafeMutableBufferPointer { up in
                v.withUnsafeMutableBufferPointer { vp in
                    body(YUVPlanes(width: w, height: h, y: yp.baseAddress!, yStride: w, u: up.baseAddress!, uStride: w / 2,
                                   v: vp.baseAddress!, vStride: w / 2))
                }
            }
        }
    }
}
