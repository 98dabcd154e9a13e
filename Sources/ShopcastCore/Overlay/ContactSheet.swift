/// One picture of all the previews of a show, in a grid, each captioned with its product and
/// moment, so a producer checks the whole rundown at a glance.
struct ContactSheet {
    /// Where each tile and its caption go: pure geometry, for any count and frame shape.
    struct Grid: Equatable {
        var columns: Int
        var rows: Int
        var thumbWidth: Int
        var thumbHeight: Int
        var captionHeight: Int
        var margin: Int
        var headerHeight: Int

        init(count: Int, frameWidth: Int, frameHeight: Int) {
            // Landscape tiles 400 px wide, three across; portrait tiles narrower, four across.
            let portrait = frameHeight > frameWidth
            columns = max(1, min(count, portrait ? 4 : 3))
            rows = max(1, (count + columns - 1) / columns)
            thumbWidth = portrait ? 240 : 400
            thumbHeight = max(1, Int((Double(thumbWidth) * Double(frameHeight) / Double(frameWidth)).rounded()))
            captionHeight = 54
            margin = 24
            headerHeight = 56
        }

        var width: Int { margin + columns * (thumbWidth + margin) }
        var height: Int { headerHeight + rows * (thumbHeight + captionHeight + margin) + margin / 2 }

        /// The thumbnail's rectangle for tile `i` (row-major).
        func tile(_ i: Int) -> Rect {
            let col = i % columns, row = i / columns
            return Rect(x: Double(margin + col * (thumbWidth + margin)),
                        y: Double(headerHeight + row * (thumbHeight + captionHeight + margin)),
                        width: Double(thumbWidth), height: Double(thumbHeight))
        }
    }

    let title: String
    let fontFamily: String
    /// Each still with its caption lines.
    let tiles: [(picture: ImageSurface, title: String, detail: String)]
    let frameWidth: Int
    let frameHeight: Int

    /// Paints the sheet and writes it as PNG.
    func write(to path: String) throws {
        let grid = Grid(count: tiles.count, frameWidth: frameWidth, frameHeight: frameHeight)
        let canvas = try Canvas(width: grid.width, height: grid.height)
        let context = try TextContext()
        let ink = RGBAColor(red: 0.95, green: 0.95, blue: 0.96)
        let muted = RGBAColor(red: 0.66, green: 0.68, blue: 0.72)
        canvas.fill(Rect(x: 0, y: 0, width: Double(grid.width), height: Double(grid.height)),
                    color: RGBAColor(red: 0.11, green: 0.115, blue: 0.13))
        let heading = try TextLayout(title, style: TextStyle(family: fontFamily, weight: 700, size: 22), context: context,
                                     width: Double(grid.width - 2 * grid.margin))
        canvas.draw(heading, x: Double(grid.margin), y: (Double(grid.headerHeight) - heading.size.height) / 2, color: ink)
        for (i, tile) in tiles.enumerated() {
            let r = grid.tile(i)
            canvas.draw(tile.picture, filling: r)
            canvas.stroke(r, color: RGBAColor(red: 1, green: 1, blue: 1, alpha: 0.18), lineWidth: 1)
            let name = try TextLayout(tile.title, style: TextStyle(family: fontFamily, weight: 600, size: 16), context: context,
                                      width: r.width)
            canvas.draw(name, x: r.minX, y: r.maxY + 8, color: ink)
            let detail = try TextLayout(tile.detail, style: TextStyle(family: fontFamily, size: 13, tabularDigits: true),
                                        context: context, width: r.width)
            canvas.draw(detail, x: r.minX, y: r.maxY + 10 + name.size.height, color: muted)
        }
        try canvas.writePNG(to: path)
    }
}
