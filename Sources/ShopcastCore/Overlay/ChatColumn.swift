/// The chat column as the compositor keeps it: each entry laid out, drawn and converted once,
/// when it first shows, then only moved as newer entries push it up. Under a flood of comments
/// a new entry costs one small render instead of the whole column's.
///
/// Not thread-safe: the compositor's thread only.
final class ChatColumn {
    private struct Drawn {
        let entry: ChatContent.Entry
        let pinned: Bool
        let painter: ChatEntryPainter
        /// Converted on first placement; entries laid out but not fitting have none.
        var overlay: YUVOverlay?
    }

    /// What the entries are drawn for: a change of any of it draws them all again.
    private var style: (side: ChatPosition, size: Double, bought: String, card: OverlayTheme.Position)?
    private var drawn: [Drawn] = []
    /// Bottom to top: what `blend` draws and where.
    private var shown: [(overlay: YUVOverlay, x: Int, y: Int)] = []

    /// Shows `content`; returns how many entries had to be drawn.
    func update(_ content: ChatContent, renderer: OverlayRenderer, matrix: ColorMatrix) throws -> Int {
        let style = (content.side, content.size, content.bought, content.cardPosition)
        if let old = self.style, old != style { drawn = [] }
        self.style = style
        var kept: [Drawn] = []
        func index(_ entry: ChatContent.Entry, _ pinned: Bool) -> Int? {
            kept.firstIndex { $0.pinned == pinned && $0.entry == entry }
        }
        let before = drawn
        let layout = try renderer.chatLayout(content) { entry, pinned, width in
            if let i = index(entry, pinned) { return kept[i].painter }
            if let known = before.first(where: { $0.pinned == pinned && $0.entry == entry }) {
                kept.append(known)
            } else {
                let painter = try renderer.chatEntryPainter(entry, pinned: pinned, of: content, maxWidth: width)
                kept.append(Drawn(entry: entry, pinned: pinned, painter: painter))
            }
            return kept[kept.count - 1].painter
        }
        var rendered = 0
        shown = try layout.placed.map { placed in
            let i = index(placed.entry, placed.pinned)!
            if kept[i].overlay == nil {
                kept[i].overlay = YUVOverlay(movable: try renderer.render(placed.painter), matrix: matrix)
                rendered += 1
            }
            return (kept[i].overlay!, placed.x, placed.y)
        }
        drawn = kept
        return rendered
    }

    func blend(into planes: YUVPlanes) {
        for entry in shown { entry.overlay.blend(into: planes, movedBy: entry.x, entry.y) }
    }
}
