import Foundation

/// What only laying the pictures out finds, as `schedule check` warnings: every offer's card,
/// every banner and the slate's title shaped at the show's frame size with its theme, exactly
/// as go-live draws them. It warns when a code, price or badge would be cut short, when a
/// link's QR code is so dense its modules fall to one pixel (measured: a 150-character link at
/// 720p, 3 Mb/s over a grainy camera read in 5 of 10 decoded frames; every code with modules
/// of 2 pixels or more read in all of them), and for each character no installed font can
/// draw (shown as a box).
public struct CardLookCheck {
    public let manifest: Manifest
    public let frameWidth: Int
    public let frameHeight: Int

    /// The show's own size: `show.preset`, else go-live's default, 720p.
    public init(manifest: Manifest) {
        let format = manifest.show.preset.flatMap(OutputFormat.preset) ?? OutputFormat.preset("720p30")!
        self.init(manifest: manifest, frameWidth: format.size.width, frameHeight: format.size.height)
    }

    public init(manifest: Manifest, frameWidth: Int, frameHeight: Int) {
        self.manifest = manifest
        self.frameWidth = frameWidth
        self.frameHeight = frameHeight
    }

    /// Smallest QR module, in frame pixels, that survives video compression reliably.
    static let minimumQRModule = 2.0

    public func warnings() throws -> [Diagnostic] {
        let scenes = ShowScenes(manifest: manifest)
        let theme = try scenes.theme()
        let renderer = try OverlayRenderer(frameWidth: frameWidth, frameHeight: frameHeight, theme: theme)
        let size = "\(frameWidth)x\(frameHeight)"
        var found: [Diagnostic] = []
        func warn(_ line: Int, _ message: String) {
            found.append(Diagnostic(file: manifest.path, line: max(1, line), column: 1, severity: .warning, message: message))
        }
        func boxes(_ text: String, _ what: String, line: Int) throws {
            let missing = try missingCharacters(text, family: theme.fontFamily, context: renderer.textContext)
            guard !missing.isEmpty else { return }
            warn(line, "\(what) has characters no installed font can draw (they show as boxes): "
                + missing.map { "\($0) (" + $0.unicodeScalars.map { String(format: "U+%04X", $0.value) }.joined(separator: " ") + ")" }.joined(separator: ", "))
        }
        var seenLinks: Set<String> = []
        for offer in manifest.offers {
            let card = scenes.card(for: offer, remaining: offer.length.map { Int($0.rounded(.up)) })
            let painter = try renderer.cardPainter(card, belowBanner: false)
            let (cut, drawnAsBoxes) = painter.problems
            for what in cut {
                let text = what == "code" ? offer.code ?? "" : ""
                warn(offer.line, "offer '\(offer.id)': its \(what)\(text.isEmpty ? "" : " '\(text)'") does not fit on the card at \(size) and is cut short with '…'"
                    + (what == "code" ? "; viewers cannot type a code they cannot see whole: shorten it" : ""))
            }
            for (what, _) in drawnAsBoxes {
                let text: String
                switch what {
                case "name": text = offer.product.name
                case "description": text = offer.product.description ?? ""
                case "code": text = offer.code ?? ""
                case "link": text = offer.product.url ?? ""
                default: continue
                }
                try boxes(text, "offer '\(offer.id)': its \(what)", line: offer.line)
            }
            if let module = painter.qrModule, let modules = painter.qrModules, module < Self.minimumQRModule,
               let url = offer.product.url, !seenLinks.contains(url) {
                seenLinks.insert(url)
                warn(offer.line, "offer '\(offer.id)': the link of '\(offer.product.id)' (\(url.utf8.count) characters) makes a QR code of \(modules) modules a side, "
                    + "\(module < 1 ? "under one pixel" : "1 pixel") each at \(size): too fine to survive video compression reliably; use a shorter link")
            }
        }
        for banner in manifest.banners {
            let painter = try BannerPainter(BannerContent(text: banner.text), theme: theme, metrics: renderer.metrics, context: renderer.textContext)
            if painter.text.unknownGlyphCount > 0 { try boxes(banner.text, "banner '\(banner.id)'", line: banner.line) }
        }
        let title = try TextLayout(manifest.show.title, style: TextStyle(family: theme.fontFamily, weight: 700, size: 30), context: renderer.textContext)
        if title.unknownGlyphCount > 0 { try boxes(manifest.show.title, "show.title", line: 1) }
        return found
    }

    /// The characters of `text` that no installed font has a glyph for, each once.
    private func missingCharacters(_ text: String, family: String, context: TextContext) throws -> [Character] {
        var missing: [Character] = []
        for character in text where !missing.contains(character) && !character.isWhitespace {
            let alone = try TextLayout(String(character), style: TextStyle(family: family, size: 20), context: context)
            if alone.unknownGlyphCount > 0 { missing.append(character) }
        }
        return missing
    }
}
