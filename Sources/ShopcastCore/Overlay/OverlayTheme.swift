import Foundation

/// The look of a show's overlays, from the manifest's `theme`.
public struct OverlayTheme: Equatable, Sendable {
    /// Where the product card sits inside the title-safe area.
    public enum Position: String, CaseIterable, Sendable {
        case topLeft = "top-left", topRight = "top-right", bottomLeft = "bottom-left", bottomRight = "bottom-right"
        /// Centred horizontally along the bottom edge.
        case bottom
    }

    /// Font family asked of fontconfig; scripts it lacks (CJK, Arabic) fall back to other fonts.
    public var fontFamily: String
    /// The brand colour: sale price, badge, banner.
    public var accent: RGBAColor
    public var position: Position

    public init(fontFamily: String = OverlayTheme.standard.fontFamily, accent: RGBAColor = OverlayTheme.standard.accent,
                position: Position = OverlayTheme.standard.position) {
        self.fontFamily = fontFamily
        self.accent = accent
        self.position = position
    }

    /// Builds a theme from manifest text: `accent` as `#RRGGBB`, `position` as one of
    /// top-left, top-right, bottom-left, bottom-right, bottom. Throws `.badData` naming the field.
    public init(fontFamily: String?, accent: String?, position: String?) throws {
        var theme = OverlayTheme.standard
        if let fontFamily {
            guard !fontFamily.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ShopcastError(.badData, "theme font must not be empty")
            }
            theme.fontFamily = fontFamily
        }
        if let accent {
            guard let colour = RGBAColor(hex: accent) else {
                throw ShopcastError(.badData, "theme accent \"\(accent)\" is not a colour like #E4003A")
            }
            theme.accent = colour
        }
        if let position {
            guard let p = Position(rawValue: position) else {
                let names = Position.allCases.map(\.rawValue).joined(separator: ", ")
                throw ShopcastError(.badData, "theme position \"\(position)\" is not one of \(names)")
            }
            theme.position = p
        }
        self = theme
    }

    /// Noto Sans (Debian fonts-noto-core; CJK from fonts-noto-cjk), a vivid coral-red, bottom-left.
    public static let standard = OverlayTheme(
        fontFamily: "Noto Sans", accent: RGBAColor(red: 1, green: 0.27, blue: 0.35), position: .bottomLeft
    )
}
