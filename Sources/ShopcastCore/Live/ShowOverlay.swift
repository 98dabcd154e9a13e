import Foundation

/// Draws a manifest's show: the state the director hands each frame, nothing else.
public final class ShowOverlay: FrameCompositor {
    private let drawing: ShowDrawing

    public init(manifest: Manifest) throws {
        drawing = try ShowDrawing(scenes: ShowScenes(manifest: manifest))
    }

    public func prepare(width: Int, height: Int, state: ShowState) throws -> Bool {
        try drawing.update(to: state, width: width, height: height, matrix: nil)
    }

    public func draw(onto frame: Frame) { drawing.draw(into: frame) }
}
