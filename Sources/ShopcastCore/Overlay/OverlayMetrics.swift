/// Sizes that scale with the output frame. Everything is designed on a 720-pixel short side and
/// multiplied by `unit`, so a 1080p show gets the 720p card at 1.5x and a vertical 720x1280 show
/// keeps 720p type sizes with a full-width card.
struct OverlayMetrics {
    let frameWidth: Int
    let frameHeight: Int
    /// Design pixels to frame pixels.
    let unit: Double
    /// The title-safe area: 5% of each dimension in from every edge.
    let safe: Rect

    init(frameWidth: Int, frameHeight: Int) {
        self.frameWidth = frameWidth
        self.frameHeight = frameHeight
        unit = Double(min(frameWidth, frameHeight)) / 720
        let mx = (Double(frameWidth) * 0.05).rounded(), my = (Double(frameHeight) * 0.05).rounded()
        safe = Rect(x: mx, y: my, width: Double(frameWidth) - 2 * mx, height: Double(frameHeight) - 2 * my)
    }

    var isPortrait: Bool { frameHeight > frameWidth }

    var frame: Rect { Rect(x: 0, y: 0, width: Double(frameWidth), height: Double(frameHeight)) }

    /// Design pixels to frame pixels.
    func u(_ design: Double) -> Double { design * unit }
}
