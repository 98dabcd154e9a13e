import Foundation
import ShopcastCore

/// `--manifest FILE` and `schedule ... FILE`: every command loads a show manifest the same way.
enum ManifestOption {
    /// Loads and checks `path`; prints every diagnostic to stderr; throws `.badData` on errors.
    static func load(_ path: String, context: CommandContext) throws -> Manifest {
        let result = try ManifestLoader().load(path: path, relativeTo: context.currentDirectory)
        context.console.err(DiagnosticRenderer.text(result.diagnostics))
        guard let manifest = result.manifest, !result.hasErrors else {
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            throw ShopcastError(.badData, "\(path) has \(errors) error\(errors == 1 ? "" : "s"); run 'shopcast schedule check \(path)' after fixing")
        }
        return manifest
    }
}
