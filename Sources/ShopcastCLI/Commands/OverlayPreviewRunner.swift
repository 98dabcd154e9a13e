import Foundation
import ShopcastCore

/// Runs `overlay --preview`: stills of the chosen moments and a contact sheet; paths on stdout.
enum OverlayPreviewRunner {
    static func run(_ options: OverlayOptions.Preview, options all: OverlayOptions, context: CommandContext) throws -> ExitCode {
        let manifest = try ManifestOption.load(context.resolvePath(all.manifest), context: context)
        let size = options.size ?? manifest.show.preset.flatMap { OutputFormat.preset($0)?.size } ?? FrameSize(width: 1280, height: 720)
        let background = try options.background.map { try ShowPreview.loadBackground(path: context.resolvePath($0), for: size) }
        let preview = try ShowPreview(manifest: manifest, size: size, background: background)
        let moments = try PreviewMoment.plan(manifest, at: options.at, offer: options.offer)
        // The contact sheet is the whole show's: one offer or one moment leaves it as it is.
        let paths = try preview.write(moments, into: context.resolvePath(options.folder),
                                      contactSheet: options.at == nil && options.offer == nil)
        context.console.out(paths.map { $0 + "\n" }.joined())
        return .success
    }
}
