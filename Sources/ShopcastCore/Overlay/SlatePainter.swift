/// Paints the full-frame "starting soon" slate: title, a large countdown, an optional subtitle.
struct SlatePainter {
    let bounds: Rect
    private let title: TextLayout
    private let countdown: TextLayout
    private let subtitle: TextLayout?
    private let palette: OverlayPalette
    private let metrics: OverlayMetrics

    init(_ content: SlateContent, theme: OverlayTheme, metrics: OverlayMetrics, context: TextContext) throws {
        let u = metrics.u
        let width = metrics.safe.width
        let family = theme.fontFamily
        title = try TextLayout(content.title, style: TextStyle(family: family, weight: 700, size: u(44)),
                               context: context, width: width, maxLines: 2, alignment: .center)
        countdown = try TextLayout(content.countdown,
                                   style: TextStyle(family: family, weight: 800, size: u(140), tabularDigits: true),
                                   context: context, width: width, maxLines: 1, alignment: .center)
        subtitle = try content.subtitle.map {
            try TextLayout($0, style: TextStyle(family: family, weight: 500, size: u(24)), context: context,
                           width: width, maxLines: 2, alignment: .center)
        }
        palette = OverlayPalette(theme: theme)
        self.metrics = metrics
        bounds = metrics.frame
    }

    func paint(on canvas: Canvas) {
        let u = metrics.u
        let frame = metrics.frame
        canvas.fill(frame, top: RGBAColor(red: 0.09, green: 0.10, blue: 0.13), bottom: RGBAColor(red: 0.03, green: 0.035, blue: 0.05))
        canvas.fillRadial(frame, centerX: frame.width / 2, centerY: frame.height * 0.62, radius: max(frame.width, frame.height) * 0.6,
                          inner: palette.accent.withAlpha(0.22), outer: palette.accent.withAlpha(0))
        let ruleH = u(5), gap1 = u(22), gap2 = u(6), gap3 = u(10)
        let total = title.size.height + gap1 + ruleH + gap2 + countdown.size.height + (subtitle.map { gap3 + $0.size.height } ?? 0)
        var y = (frame.height - total) / 2
        let x = metrics.safe.minX
        canvas.draw(title, x: x, y: y, color: palette.primaryText)
        y += title.size.height + gap1
        canvas.fill(Rect(x: frame.width / 2 - u(36), y: y, width: u(72), height: ruleH), radius: ruleH / 2, color: palette.accent)
        y += ruleH + gap2
        canvas.draw(countdown, x: x, y: y, color: palette.primaryText)
        y += countdown.size.height + gap3
        if let subtitle { canvas.draw(subtitle, x: x, y: y, color: palette.secondaryText) }
    }
}
