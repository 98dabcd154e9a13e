import CFFmpeg
import XCTest
@testable import ShopcastCore

final class OrientationTests: XCTestCase {
    private func orientation(rotation: Double, hflip: Bool = false) -> Orientation {
        var matrix = [Int32](repeating: 0, count: 9)
        av_display_rotation_set(&matrix, rotation)
        if hflip { av_display_matrix_flip(&matrix, 1, 0) }
        return Orientation(displayMatrix: matrix)
    }

    func testDisplayMatricesGiveTheTurnFFmpegWouldMake() {
        // av_display_rotation_set makes a matrix that turns the picture clockwise by the angle.
        XCTAssertEqual(orientation(rotation: 0), .upright)
        XCTAssertEqual(orientation(rotation: 90), Orientation(quarterTurns: 1))
        XCTAssertEqual(orientation(rotation: -90), Orientation(quarterTurns: 3))
        XCTAssertEqual(orientation(rotation: 180), Orientation(quarterTurns: 2))
        XCTAssertEqual(orientation(rotation: 90, hflip: true).mirrored, true)
        XCTAssertEqual(orientation(rotation: 0, hflip: true), Orientation(quarterTurns: 0, mirrored: true))
    }

    /// A 3x2 plane:  1 2 3 / 4 5 6.
    private func turned(_ o: Orientation) -> [UInt8] {
        let source: [UInt8] = [1, 2, 3, 4, 5, 6]
        var out = [UInt8](repeating: 0, count: 6)
        let stride = o.swapsSides ? 2 : 3
        source.withUnsafeBufferPointer { s in
            out.withUnsafeMutableBufferPointer { d in
                o.turn(s.baseAddress!, stride: 3, width: 3, height: 2, into: d.baseAddress!, stride: stride)
            }
        }
        return out
    }

    func testPlanesTurnPixelForPixel() {
        XCTAssertEqual(turned(Orientation(quarterTurns: 1)), [4, 1, 5, 2, 6, 3], "clockwise: the left column becomes the top row")
        XCTAssertEqual(turned(Orientation(quarterTurns: 2)), [6, 5, 4, 3, 2, 1])
        XCTAssertEqual(turned(Orientation(quarterTurns: 3)), [3, 6, 2, 5, 1, 4])
        XCTAssertEqual(turned(Orientation(mirrored: true)), [3, 2, 1, 6, 5, 4])
        XCTAssertEqual(turned(Orientation(quarterTurns: 1, mirrored: true)), [6, 3, 5, 2, 4, 1])
    }
}
