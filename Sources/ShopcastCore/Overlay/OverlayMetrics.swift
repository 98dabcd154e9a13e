/// Sizes that scale with the output frame. Everything is designed on a 720-pixel short side and
/// multiplied by `unit`, so a 1080p show gets the 720p card at 1.5x and a vertical 720x1280 show
/// keeps 720p type sizes with a full-width card.
struct OverlayMetrics {
    let frameWidth: Int
    let frameHeight: Int
    /// Design pixels to frame pixels.
    let unit: Double
    /// Where cards, banners and the slate's words may go. Landscape: the title-safe area, 5% of
    /// each dimension in from every edge. Portrait (9:16, for TikTok, Instagram, Shorts): clear
    /// of what those apps draw over the video: Meta's Reels guidance keeps the top 14%, the
    /// bottom 35% and 6% at the sides free; TikTok's column of buttons takes the right 120-180 px
    /// of 1080, so the right margin is 16%.
    let safe: Rect

    /// The portrait margins, as fractions of the frame: top, bottom, left, right.
    static let verticalMargins = (top: 0.14, bottom: 0.35, left: 0.06, right: 0.16)

    init(frameWidth: Int, frameHeight: Int) {
        self.frameWidth = frameWidth
        self.frameHeight = frameHeight
        unit = Double(min(frameWidth, frameHeight)) / 720
        let w = Double(frameWidth), h = Double(frameHeight)
        if frameHeight > frameWidth {
            let m = Self.verticalMargins
            let left = (w * m.left).rounded(), right = (w * m.right).rounded()
            let top = (h * m.top).rounded(), bottom = (h * m.bottom).rounded()
            safe = Rect(x: left, y: top, width: w - left - right, height: h - top - bottom)
        } else {
            let mx = (w * 0.05).rounded(), my = (h * 0.05).rounded()
            safe = Rect(x: mx, y: my, width: w - 2 * mx, height: h - 2 * my)
        }
    }

    var isPortrait: Bool { frameHeight > frameWidth }

    var frame: Rect { Rect(x: 0, y: 0, width: Double(frameWidth), height: Double(frameHeight)) }

    /// Design pixels to frame pixels.
    func u(_ design: Double) -> Double { design * unit }
}
