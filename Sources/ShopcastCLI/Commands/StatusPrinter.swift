import Foundation
import ShopcastCore

/// go-live's human output on stderr: one refreshing status line on a terminal, and a line for
/// each change of a destination's state (connected, lost, retrying, failed), of an input's
/// (lost, live again, failed) and of the holding slate (on air and why, off) everywhere.
final class StatusPrinter: @unchecked Sendable {
    private let console: Console
    private let quiet: Bool
    private let lock = NSLock()
    private var lineShown = false
    private var lastStates: [String: String] = [:]
    private var lastInputStates: [String: String] = [:]
    private var lastSlate: String?

    init(console: Console, quiet: Bool) {
        self.console = console
        self.quiet = quiet
    }

    /// A one-off message, e.g. where the recording goes.
    func note(_ text: String) {
        guard !quiet else { return }
        lock.lock()
        clearLine()
        console.err("shopcast: " + SecretMasker.shared.mask(text) + "\n")
        lock.unlock()
    }

    /// A warning, printed even with --quiet.
    func warning(_ text: String) {
        lock.lock()
        clearLine()
        console.err("shopcast: warning: " + SecretMasker.shared.mask(text) + "\n")
        lock.unlock()
    }

    func update(_ status: LiveStatus) {
        guard !quiet else { return }
        for d in status.destinations {
            let label = Self.describe(d.stats.state)
            if lastStates[d.display] != label {
                let first = lastStates[d.display] == nil
                lastStates[d.display] = label
                if !(first && d.stats.state == .connecting) { note("\(d.display): \(label)") }
            }
        }
        for input in status.inputs where lastInputStates[input.name] != input.health {
            let previous = lastInputStates[input.name]
            lastInputStates[input.name] = input.health
            switch input.health {
            case "live": if previous != nil && previous != "stalled" { note("input \(input.name): live again") }
            case "lost": warning("input \(input.name): lost, reconnecting")
            case "failed": warning("input \(input.name): failed")
            default: break  // retrying (each attempt is an event), stalled and ended (the slate says it)
            }
        }
        if status.slate != lastSlate {
            let picture = status.inputs.first?.name ?? "the picture"
            switch status.slate {
            case "input-ended"?: warning("input \(picture) ended before the show's end: the holding slate is on air until then")
            case "input-stalled"?: warning("input \(picture) delivers no picture: the holding slate is on air")
            case "input-lost"?: warning("input \(picture) is lost: the holding slate is on air while it reconnects")
            case "break"?: note("break: the holding slate is on air")
            case nil where lastSlate == "break": note("break over: the picture is back")
            case nil: note("input \(picture): pictures are back, the holding slate is off")
            default: warning("the holding slate is on air (\(status.slate!))")
            }
            lastSlate = status.slate
        }
        guard console.errIsTerminal else { return }
        var line = String(format: "%@  %4.1f fps  %6.0f kb/s", Self.clock(status.elapsed), status.fps, status.bitRate / 1000)
        if status.slate != nil { line += "  SLATE" }
        for d in status.destinations {
            let recording = d.display.hasPrefix("/")
            line += "  | \(Self.short(d.display)) \(recording && d.stats.state == .live ? "recording" : d.stats.state.label)"
            if d.stats.droppedPackets > 0 { line += " (\(d.stats.droppedPackets) dropped)" }
        }
        lock.lock()
        console.err("\r\u{1B}[2K" + SecretMasker.shared.mask(line))
        lineShown = true
        lock.unlock()
    }

    func finish() {
        lock.lock()
        clearLine()
        lock.unlock()
    }

    private func clearLine() {
        if lineShown {
            console.err("\r\u{1B}[2K")
            lineShown = false
        }
    }

    static func describe(_ state: WriterState) -> String {
        switch state {
        case .connecting: return "connecting"
        case .live: return "live"
        case let .retrying(retry, wait): return String(format: "lost, retry %d in %.1fs", retry, wait)
        case .failed(let message): return "failed for good: \(message)"
        case .finished: return "finished"
        case .stopped: return "stopped"
        }
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds)
        return String(format: "%02d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60)
    }

    static func short(_ display: String) -> String {
        if display.hasPrefix("/") { return (display as NSString).lastPathComponent }
        return display
    }
}
