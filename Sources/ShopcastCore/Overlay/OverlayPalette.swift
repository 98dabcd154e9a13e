/// The colours every overlay element draws with, derived once from the theme so that text stays
/// readable whatever accent a brand picks.
struct OverlayPalette {
    /// Card body, top and bottom of its gradient: a near-black blue, slightly translucent so the
    /// show shows through at the edges without hurting contrast.
    let cardTop = RGBAColor(red: 0.098, green: 0.106, blue: 0.137, alpha: 0.93)
    let cardBottom = RGBAColor(red: 0.063, green: 0.067, blue: 0.086, alpha: 0.95)
    /// The darker strip along the card's foot (countdown, stock, code).
    let footer = RGBAColor(red: 0, green: 0, blue: 0, alpha: 0.28)
    let hairline = RGBAColor(red: 1, green: 1, blue: 1, alpha: 0.10)
    let primaryText = RGBAColor(red: 1, green: 1, blue: 1, alpha: 0.97)
    let secondaryText = RGBAColor(red: 0.86, green: 0.87, blue: 0.90, alpha: 0.72)
    let qrTile = RGBAColor.white
    let qrModules = RGBAColor(red: 0.05, green: 0.05, blue: 0.07)

    /// The theme's accent as filled shapes use it (badge, banner).
    let accent: RGBAColor
    /// Text drawn on an accent fill: white, or near-black for light accents.
    let onAccent: RGBAColor
    /// The accent as text on the dark card, lightened until it reads (WCAG contrast 4.5).
    let accentText: RGBAColor

    init(theme: OverlayTheme) {
        accent = theme.accent.withAlpha(1)
        let ink = RGBAColor(red: 0.07, green: 0.07, blue: 0.09)
        onAccent = accent.contrastRatio(with: .white) >= 3 ? .white : ink
        let cardOpaque = cardTop.withAlpha(1)
        var text = accent
        var step = 0
        while text.contrastRatio(with: cardOpaque) < 4.5 && step < 10 {
            step += 1
            text = accent.mixed(with: .white, Double(step) * 0.1)
        }
        accentText = text
    }
}
