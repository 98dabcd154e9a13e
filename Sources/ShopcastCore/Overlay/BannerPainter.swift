/// Lays out and paints the one-line banner across the top of the title-safe area.
struct BannerPainter {
    let frame: Rect
    let bounds: Rect
    let text: TextLayout
    private let palette: OverlayPalette
    private let metrics: OverlayMetrics

    /// The banner's height plus the gap below it: how far top-positioned cards move down.
    static func reservedHeight(_ metrics: OverlayMetrics) -> Double { metrics.u(48) + metrics.u(12) }

    init(_ content: BannerContent, theme: OverlayTheme, metrics: OverlayMetrics, context: TextContext) throws {
        let u = metrics.u
        let safe = metrics.safe
        frame = Rect(x: safe.minX, y: safe.minY, width: safe.width, height: u(48)).roundedOutward
        text = try TextLayout(content.text, style: TextStyle(family: theme.fontFamily, weight: 700, size: u(20)),
                              context: context, width: frame.width - 2 * u(24), maxLines: 1, alignment: .center)
        palette = OverlayPalette(theme: theme)
        self.metrics = metrics
        let spread = u(12)
        var b = frame.inset(by: -spread)
        b.height += spread * 0.35
        bounds = b
    }

    func paint(on canvas: Canvas) {
        let u = metrics.u
        let radius = u(12)
        canvas.shadow(under: frame, radius: radius, spread: u(12), opacity: 0.45)
        canvas.fill(frame, radius: radius, top: palette.accent.mixed(with: .white, 0.08), bottom: palette.accent.mixed(with: .black, 0.12))
        canvas.stroke(frame.inset(by: 0.5), radius: radius, color: RGBAColor.white.withAlpha(0.18), lineWidth: 1)
        canvas.draw(text, x: frame.minX + u(24), y: frame.midY - text.size.height / 2, color: palette.onAccent)
    }
}
