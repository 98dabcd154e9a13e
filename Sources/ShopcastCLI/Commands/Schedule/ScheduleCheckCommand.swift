import Foundation
import ShopcastCore

/// `shopcast schedule check FILE...`: report every problem in one or more manifests.
enum ScheduleCheckCommand {
    static let spec = CommandSpec(
        name: "check",
        summary: "Check show manifests and report every problem with its line and column.",
        operands: "FILE...",
        options: [
            OptionSpec("json", help: "Print the diagnostics as one JSON document on stdout instead of text on stderr."),
            OptionSpec("quiet", short: "q", help: "Print nothing when a manifest is clean."),
        ],
        discussion: [
            "Every problem is reported at once, not just the first, as FILE:LINE:COLUMN: error: MESSAGE (or warning:) on stderr: unknown keys (with a suggestion), missing or mistyped values, offers naming unknown products, offer ids used twice, discounts outside 1-99% or that the currency's rounding swallows (to the list price, or to 0), sale prices not below the list price, offers on screen at the same time, offers past show.duration, bad durations, currencies, locales and URLs, banners that would repeat more than 10,000 times, and product images that are missing, not PNG, JPEG or WebP, outside the manifest's folder, over 50 megapixels, or that do not decode (every picture is decoded when a manifest is read, so a show never pauses for one).",
            "Then every card, banner and the slate's title are laid out as go-live draws them, at the show's size (show.preset, else 720p), with warnings for a code, price or badge cut short with '…', a link whose QR code's modules would be under 2 pixels (too fine to survive video compression; about 120 characters at 720p, 40 at 480p; see BENCHMARKS.md), and each character no installed font can draw (a box on air).",
            "Hostile files are refused early: a manifest may be at most 1 MiB, nest at most 32 levels and use at most 100 YAML aliases, and aliases may not expand past 50,000 nodes.",
            "With --json, stdout holds {\"ok\":BOOL,\"errors\":N,\"warnings\":N,\"diagnostics\":[{\"file\",\"line\",\"column\",\"severity\",\"message\"}…]}.",
            "Exit status: 0 when every manifest is free of errors (warnings allowed), 65 when any has an error, 66 when a file cannot be read (with --json, that file is an error diagnostic at 1:1 and ok is false).",
        ],
        examples: [
            ("shopcast schedule check show.yaml", "Check one manifest; silent but for a summary line when it is clean."),
            ("shopcast schedule check --json examples/*.yaml", "Check several manifests and print the diagnostics as JSON."),
        ])

    static let command = Command(spec) { parsed, context in
        guard !parsed.operands.isEmpty else { throw UsageError("give at least one manifest FILE", command: "schedule check") }
        let json = parsed.has("json")
        var diagnostics: [Diagnostic] = []
        var missing = false
        for path in parsed.operands {
            let result: ManifestLoader.Result
            do {
                result = try ManifestLoader().load(path: path, relativeTo: context.currentDirectory)
            } catch let error as ShopcastError {
                context.console.error(error.message)
                // A script reading --json must not take a file it could not read for a clean one.
                if json { diagnostics.append(Diagnostic(file: path, line: 1, column: 1, severity: .error, message: error.message)) }
                missing = true
                continue
            }
            // What only laying the cards out at the show's size finds.
            let look = try result.manifest.map { try CardLookCheck(manifest: $0).warnings() } ?? []
            let found = result.diagnostics + look
            diagnostics += found
            if !json {
                context.console.err(DiagnosticRenderer.text(found))
                if let manifest = result.manifest, !parsed.has("quiet") {
                    let warnings = found.count
                    let onCue = manifest.offers.filter(\.isOnCue).count
                    context.console.out("\(path): ok: \(manifest.offers.count) offer\(manifest.offers.count == 1 ? "" : "s")"
                        + (onCue > 0 ? " (\(onCue) on cue), " : ", ")
                        + "\(manifest.banners.count) banner\(manifest.banners.count == 1 ? "" : "s")"
                        + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "") + "\n")
                }
            }
        }
        if json { context.console.out(DiagnosticRenderer.jsonDocument(diagnostics)) }
        if missing { return .noInput }
        return diagnostics.contains { $0.severity == .error } ? .dataError : .success
    }
}
