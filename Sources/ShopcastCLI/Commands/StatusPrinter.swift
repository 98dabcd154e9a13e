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
    private var lastOnBackup = false

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
            // Retrying: a line when the reason changes, not at every attempt.
            var label = Self.describe(d.stats.state)
            if case .retrying = d.stats.state { label = "lost (\(d.stats.reason ?? "no reason given")), retrying" }
            // Connecting again between two retries is not news.
            if d.stats.state == .connecting, lastStates[d.display] != nil { continue }
            if lastStates[d.display] != label {
                let first = lastStates[d.display] == nil
                lastStates[d.display] = label
                if case .retrying = d.stats.state {
                    warning("\(d.display): \(label)")
                } else if d.stats.state == .degraded {
                    warning("\(d.display): \(label)")
                } else if !(first && d.stats.state == .connecting) {
                    note("\(d.display): \(label)")
                }
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
        if status.onBackup != lastOnBackup {
            let picture = status.inputs.first?.name ?? "the picture"
            let backup = status.inputs.count > 1 ? status.inputs[status.inputs.count - 1].name : "the backup input"
            if status.onBackup {
                let why = status.inputs.first?.health == "ended" ? "ended before the show's end" : "delivers no picture"
                warning("input \(picture) \(why): the backup \(backup) is on air")
            } else {
                note("input \(picture): back on air, the backup is off")
            }
            lastOnBackup = status.onBackup
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
        let line = Self.line(status, width: console.errColumns())
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
        case .degraded: return "degraded: the link cannot carry the stream, pictures dropped to stay within a second or two of live"
        case let .retrying(retry, wait): return String(format: "lost, retry %d in %.1fs", retry, wait)
        case .failed(let message): return "failed for good: \(message)"
        case .finished: return "finished"
        case .stopped: return "stopped"
        }
    }

    /// The status line, fitted to a terminal `width` columns wide so it never wraps (a wrapped
    /// line is not overwritten by the next: the terminal fills with copies). Shortened step by
    /// step — destination names, then words, then the frame rate — and cut as a last resort.
    static func line(_ status: LiveStatus, width: Int) -> String {
        let room = max(10, width - 1)
        var best = ""
        for level in 0...3 {
            var parts = [ClockText.hours(status.elapsed)]
            if level < 3 { parts.append(String(format: level == 0 ? "%4.1f fps" : "%.0f fps", status.fps)) }
            parts.append(String(format: level < 2 ? "%6.0f kb/s" : "%.0fk", status.bitRate / 1000))
            if status.slate != nil { parts.append("SLATE") } else if status.onBackup { parts.append("BACKUP") }
            var line = parts.joined(separator: level < 2 ? "  " : " ")
            var previousFormat: String?
            for d in status.destinations {
                let recording = d.display.hasPrefix("/")
                var name = ellipsized(level == 0 ? short(d.display) : label(d.display), to: [Int.max, 24, 16, 12][level])
                // Two formats at once: each format's name before its first destination.
                if status.renditions.count > 1, d.format != previousFormat {
                    name = (level < 3 ? d.format : String(d.format.prefix(4))) + ": " + name
                }
                previousFormat = d.format
                var state = recording && d.stats.state == .live ? "recording" : d.stats.state.label
                if level >= 2 { state = recording && d.stats.state == .live ? "rec" : state }
                if d.stats.state == .degraded { state = level < 2 ? String(format: "degraded %.1fs behind", d.stats.lag) : String(format: "slow %.1fs", d.stats.lag) }
                line += (level < 2 ? "  | " : " | ") + name + " " + state
                if d.stats.droppedPackets > 0 { line += level < 2 ? " (\(d.stats.droppedPackets) dropped)" : " -\(d.stats.droppedPackets)" }
            }
            best = line
            if TerminalWidth.columns(line) <= room { return line }
        }
        return ellipsized(best, to: room)
    }

    /// `text` cut to `columns` terminal columns, its middle replaced by "…" (a destination's
    /// host and its stream's end both tell it apart).
    static func ellipsized(_ text: String, to columns: Int) -> String {
        guard TerminalWidth.columns(text) > columns, columns >= 3 else { return text }
        let characters = Array(text)
        var head = "", tail = ""
        var used = 1
        var i = 0, j = characters.count - 1
        while i <= j {
            let c = characters[i]
            let w = TerminalWidth.columns(String(c))
            if used + w > columns { break }
            head.append(c); used += w; i += 1
            guard i <= j else { break }
            let d = characters[j]
            let v = TerminalWidth.columns(String(d))
            if used + v > columns { break }
            tail = String(d) + tail; used += v; j -= 1
        }
        return head + "…" + tail
    }


    /// A destination in a word: the site of a URL ("youtube" for a.rtmp.youtube.com), its host
    /// and port when that is an address, a recording's file name.
    static func label(_ display: String) -> String {
        guard !display.hasPrefix("/"), let host = URLComponents(string: display)?.host, !host.isEmpty else { return short(display) }
        let labels = host.split(separator: ".")
        if labels.allSatisfy({ Int($0) != nil }) || labels.count < 2 {
            return URLComponents(string: display)?.port.map { "\(host):\($0)" } ?? host
        }
        return String(labels[labels.count - 2])
    }

    static func short(_ display: String) -> String {
        if display.hasPrefix("/") { return (display as NSString).lastPathComponent }
        return display
    }
}
