import Foundation

/// `shopcast overlay --preview`: still PNGs of what viewers will see at chosen moments of a show
/// (the same scenes go-live and overlay draw), over a picture of the show or a neutral backdrop,
/// and a contact sheet of them all.
public final class ShowPreview {
    public let size: FrameSize
    public let scenes: ShowScenes
    private let renderer: OverlayRenderer
    private let background: RGBAImage?

    /// `background` covers the frame (cropped to its shape, never stretched).
    public init(manifest: Manifest, size: FrameSize, background: RGBAImage? = nil) throws {
        self.size = size
        scenes = ShowScenes(manifest: manifest)
        renderer = try OverlayRenderer(frameWidth: size.width, frameHeight: size.height, theme: try scenes.theme())
        self.background = background
    }

    /// Decodes a `--background`: a picture, or the first frame of a video. Throws `.noInput`
    /// when the file cannot be opened, `.badData` when it holds no picture.
    public static func loadBackground(path: String, for size: FrameSize) throws -> RGBAImage {
        guard FileManager.default.fileExists(atPath: path) else { throw ShopcastError(.noInput, "\(path): no such file") }
        // Twice the frame is plenty for a sharp cover-crop and keeps a 4K still's memory small.
        return try ImageDecoder.decode(path: path, fit: .within(width: size.width * 2, height: size.height * 2))
    }

    /// Renders `moments` into `folder` (created if missing; files of the same names replaced),
    /// then, with `contactSheet`, `contact-sheet.png`. Returns the paths written, the sheet last.
    public func write(_ moments: [PreviewMoment], into folder: String, contactSheet: Bool = true) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ShopcastError(.io, "cannot create the folder \(folder): \((error as NSError).localizedDescription)")
        }
        var written: [String] = []
        var tiles: [(picture: ImageSurface, title: String, detail: String)] = []
        for moment in moments {
            let canvas = try OverlayPreview.compose(layers: try renderer.render(scenes.scene(for: state(at: moment))),
                                                    width: size.width, height: size.height, background: background)
            let path = (folder as NSString).appendingPathComponent(moment.fileName)
            try canvas.writePNG(to: path)
            written.append(path)
            tiles.append((try Self.surface(of: canvas), moment.title, moment.detail))
        }
        guard contactSheet else { return written }
        let sheetPath = (folder as NSString).appendingPathComponent("contact-sheet.png")
        let sheet = ContactSheet(title: "\(scenes.manifest.show.title) — \(size)", fontFamily: renderer.theme.fontFamily,
                                 tiles: tiles, frameWidth: size.width, frameHeight: size.height)
        try sheet.write(to: sheetPath)
        written.append(sheetPath)
        return written
    }

    /// The show's state at a moment, as the director makes it (with the moment's cue).
    func state(at moment: PreviewMoment) -> ShowState {
        let director = ShowDirector(manifest: scenes.manifest, start: moment.cuedAt ?? moment.offset)
        if let cue = moment.cue, let at = moment.cuedAt { _ = director.apply(.cue(cue, .none), at: at) }
        director.advance(to: moment.offset)
        return director.state.at(moment.offset)
    }

    /// The canvas's pixels as a surface to draw scaled onto the sheet.
    private static func surface(of canvas: Canvas) throws -> ImageSurface {
        try canvas.withPixels { data, stride in
            var packed = [UInt8](repeating: 0, count: canvas.width * canvas.height * 4)
            packed.withUnsafeMutableBytes { dst in
                for row in 0..<canvas.height {
                    (dst.baseAddress! + row * canvas.width * 4).copyMemory(from: data + row * stride, byteCount: canvas.width * 4)
                }
            }
            return try packed.withUnsafeBytes { try ImageSurface(premultipliedBGRA: $0, width: canvas.width, height: canvas.height) }
        }
    }
}
