import Foundation
import ShopcastCore

/// The burn's progress on stderr: a bar redrawn in place on a terminal, nothing otherwise; a
/// summary line at the end either way (unless quiet).
final class OverlayProgressBar: @unchecked Sendable {
    private let console: Console
    private let quiet: Bool
    private let lock = NSLock()
    private var shown = false

    init(console: Console, quiet: Bool) {
        self.console = console
        self.quiet = quiet
    }

    /// Redraws the bar (terminals only).
    func update(_ p: BurnProgress) {
        guard !quiet, console.errIsTerminal else { return }
        let line = Self.line(p, width: 30)
        lock.lock()
        console.err("\r\u{1B}[2K" + line)
        shown = true
        lock.unlock()
    }

    /// A one-off message, e.g. that a stop was asked for.
    func note(_ text: String) {
        guard !quiet else { return }
        lock.lock()
        clear()
        console.err("shopcast: \(text)\n")
        lock.unlock()
    }

    /// Removes the bar.
    func finish() {
        lock.lock()
        clear()
        lock.unlock()
    }

    private func clear() {
        if shown { console.err("\r\u{1B}[2K"); shown = false }
    }

    /// ` 42% [############------------------] 01:23 / 03:20  4.1x  0:28 left`
    static func line(_ p: BurnProgress, width: Int) -> String {
        let clock = "\(ClockText.string(p.position))" + (p.duration.map { " / \(ClockText.string($0))" } ?? "")
        let speed = String(format: "%.1fx", p.speed)
        guard let fraction = p.fraction else { return "\(clock)  \(p.frames) frames  \(speed)" }
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        var text = String(format: "%3d%% ", Int((fraction * 100).rounded(.down))) + "[\(bar)] \(clock)  \(speed)"
        if let left = p.remaining, p.elapsed >= 1 { text += "  \(ClockText.string(left)) left" }
        return text
    }

}
