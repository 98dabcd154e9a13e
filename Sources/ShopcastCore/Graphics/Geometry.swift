/// A rectangle in frame pixels with fractional edges, the unit every layout computes in.
struct Rect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var minX: Double { x }
    var minY: Double { y }
    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var midY: Double { y + height / 2 }

    /// The rectangle shrunk by `d` on every side.
    func inset(by d: Double) -> Rect {
        Rect(x: x + d, y: y + d, width: max(0, width - 2 * d), height: max(0, height - 2 * d))
    }

    func offsetBy(x dx: Double, y dy: Double) -> Rect {
        Rect(x: x + dx, y: y + dy, width: width, height: height)
    }

    /// The smallest rectangle covering both.
    func union(_ other: Rect) -> Rect {
        let x0 = min(minX, other.minX), y0 = min(minY, other.minY)
        return Rect(x: x0, y: y0, width: max(maxX, other.maxX) - x0, height: max(maxY, other.maxY) - y0)
    }

    /// True when the two share any area.
    func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    func contains(_ other: Rect) -> Bool {
        other.minX >= minX && other.minY >= minY && other.maxX <= maxX && other.maxY <= maxY
    }

    /// The smallest whole-pixel box covering this rectangle, with even origin and size so that
    /// 4:2:0 chroma samples are covered whole.
    var evenPixelBox: PixelBox {
        var x0 = Int(minX.rounded(.down)), y0 = Int(minY.rounded(.down))
        var x1 = Int(maxX.rounded(.up)), y1 = Int(maxY.rounded(.up))
        x0 -= x0 & 1
        y0 -= y0 & 1
        x1 += x1 & 1
        y1 += y1 & 1
        return PixelBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}

/// A whole-pixel rectangle inside a video frame: where an overlay layer sits.
public struct PixelBox: Equatable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// True when the box covers no pixel.
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The part of this box that lies inside `other` (possibly empty).
    public func intersection(_ other: PixelBox) -> PixelBox {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(x + width, other.x + other.width), y1 = min(y + height, other.y + other.height)
        return PixelBox(x: x0, y: y0, width: max(0, x1 - x0), height: max(0, y1 - y0))
    }

    /// True when every pixel of `other` is inside this box.
    public func contains(_ other: PixelBox) -> Bool {
        other.x >= x && other.y >= y && other.x + other.width <= x + width && other.y + other.height <= y + height
    }

    public var description: String { "\(width)x\(height)+\(x)+\(y)" }
}

extension Rect {
    /// Whole-pixel edges, so fills do not smear a half-covered pixel row along straight edges.
    var roundedOutward: Rect {
        let x0 = minX.rounded(.down), y0 = minY.rounded(.down)
        return Rect(x: x0, y: y0, width: maxX.rounded(.up) - x0, height: maxY.rounded(.up) - y0)
    }
}
