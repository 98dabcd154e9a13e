/// A borrowed 8-bit 4:2:0 picture to blend into: three plane pointers with their strides in
/// bytes (an `AVFrame`'s `data[0...2]` and `linesize[0...2]` in `yuv420p`). The caller owns the
/// memory and keeps it alive and unshared while a blend runs.
public struct YUVPlanes {
    public var width: Int
    public var height: Int
    public var y: UnsafeMutablePointer<UInt8>
    public var yStride: Int
    public var u: UnsafeMutablePointer<UInt8>
    public var uStride: Int
    public var v: UnsafeMutablePointer<UInt8>
    public var vStride: Int

    public init(width: Int, height: Int, y: UnsafeMutablePointer<UInt8>, yStride: Int,
                u: UnsafeMutablePointer<UInt8>, uStride: Int, v: UnsafeMutablePointer<UInt8>, vStride: Int) {
        self.width = width
        self.height = height
        self.y = y
        self.yStride = yStride
        self.u = u
        self.uStride = uStride
        self.v = v
        self.vStride = vStride
    }
}

extension YUVPlanes {
    /// The planes of a yuv420p frame from the video stage.
    init?(_ frame: Frame) {
        guard let y = frame.plane(0), let u = frame.plane(1), let v = frame.plane(2) else { return nil }
        self.init(width: frame.width, height: frame.height, y: y.data, yStride: y.stride, u: u.data, uStride: u.stride,
                  v: v.data, vStride: v.stride)
    }
}
