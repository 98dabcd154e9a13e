import Foundation

/// Ready-to-paste crontab and systemd timer lines that start `shopcast go-live` for a show a
/// little before it begins. Starting early is safe: offsets count from `show.starts`, so every
/// offer still appears at its wall-clock moment.
public struct CronLines: Sendable {
    public var manifestPath: String
    public var title: String
    public var start: Date
    /// Seconds go-live starts before the show.
    public var lead: Double
    public var duration: Double?
    /// Absolute path of the shopcast binary.
    public var executable: String
    /// The machine's zone, which cron reads its fields in.
    public var localZone: TimeZone
    /// Extra go-live arguments, already split into words.
    public var extraArguments: [String]

    public init(manifestPath: String, title: String, start: Date, lead: Double, duration: Double?,
                executable: String, localZone: TimeZone, extraArguments: [String] = []) {
        self.manifestPath = manifestPath
        self.title = title
        self.start = start
        self.lead = lead
        self.duration = duration
        self.executable = executable
        self.localZone = localZone
        self.extraArguments = extraArguments
    }

    /// `autumn-scarves-drop-20261127-1958`: the unit name's stem — the title in ASCII letters
    /// (other scripts transliterated: "Распродажа" gives "rasprodaza"), then the launch time in
    /// UTC, so two shows never share a unit. A title with nothing to spell is "show-" and a
    /// short hash of it.
    public var slug: String {
        let latin = (title.applyingTransform(.toLatin, reverse: false) ?? title).applyingTransform(.stripDiacritics, reverse: false) ?? title
        var out = ""
        for ch in latin.lowercased() {
            if ch.isASCII, ch.isLetter || ch.isNumber { out.append(ch) } else if !out.hasSuffix("-") { out.append("-") }
        }
        var stem = String(out.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(40))
        if stem.hasSuffix("-") { stem.removeLast() }
        if stem.isEmpty {
            // FNV-1a of the title's bytes: stable from run to run, unlike Swift's own hashing.
            var hash: UInt32 = 2_166_136_261
            for byte in title.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            stem = "show-" + String(format: "%06x", hash & 0xFFFFFF)
        }
        let utc = DateFormatter()
        utc.locale = Locale(identifier: "en_US_POSIX")
        utc.timeZone = TimeZone(identifier: "UTC")
        utc.dateFormat = "yyyyMMdd-HHmm"
        return stem + "-" + utc.string(from: start.addingTimeInterval(-lead))
    }

    /// The go-live command words. No --duration: counted from launch, it cut the show short
    /// whenever cron fired early (it has minute precision; the hour repeated at the end of
    /// DST). go-live ends at show.starts + show.duration by itself, however early it started.
    public var command: [String] {
        [executable, "go-live", "--manifest", manifestPath] + extraArguments
    }

    /// The lines, or an error naming a path or argument that no crontab line can hold (a line
    /// break or another control character).
    public func render() throws -> String {
        for word in command + [manifestPath] where word.unicodeScalars.contains(where: Self.isControl) {
            throw ShopcastError(.badData, "cannot write a crontab line or a systemd unit that runs '\(Self.visible(word))': "
                + "it holds a line break or another control character")
        }
        let launch = start.addingTimeInterval(-lead)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = localZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: launch)
        let folder = (manifestPath as NSString).deletingLastPathComponent
        let log = (manifestPath as NSString).deletingPathExtension + ".log"
        let utc = DateFormatter()
        utc.locale = Locale(identifier: "en_US_POSIX")
        utc.timeZone = TimeZone(identifier: "UTC")
        utc.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let unit = "shopcast-\(slug)"
        let shellCommand = command.map(Self.shellQuote).joined(separator: " ")
        // The title goes into comments and descriptions: one line, whatever it holds.
        let title = Self.oneLine(self.title)

        var out = "# \(title): starts \(WallClock.format(start, in: localZone)); go-live starts \(DurationValue.format(lead)) early.\n"
        out += "# crontab (fields in this machine's zone, \(localZone.identifier)); paste with 'crontab -e'.\n"
        out += "# cron has no year field: the date test keeps it from firing again next year.\n"
        // '%' is special in crontab lines and must be escaped.
        out += "\(c.minute!) \(c.hour!) \(c.day!) \(c.month!) * [ \"$(date +\\%Y)\" = \(c.year!) ] && "
        // cron turns every '%' of the command into a line break unless escaped (crontab(5)).
        out += Self.cronEscape("cd \(Self.shellQuote(folder)) && \(shellCommand) >>\(Self.shellQuote(log)) 2>&1") + "\n"
        out += "\n# systemd user timer: save as ~/.config/systemd/user/\(unit).timer\n"
        out += "[Unit]\nDescription=\(Self.systemdText("Start shopcast go-live for " + title))\n\n"
        out += "[Timer]\nOnCalendar=\(utc.string(from: launch)) UTC\nAccuracySec=1s\nPersistent=false\n\n"
        out += "[Install]\nWantedBy=timers.target\n"
        out += "\n# and the service: ~/.config/systemd/user/\(unit).service\n"
        out += "[Unit]\nDescription=\(Self.systemdText("shopcast go-live: " + title))\n\n"
        // WorkingDirectory takes the rest of the line as the path, spaces and all; quotes would
        // be part of it (systemd.exec(5)). Only its specifiers need escaping.
        out += "[Service]\nType=simple\nWorkingDirectory=\(Self.systemdText(folder))\n"
        out += "ExecStart=\(command.map(Self.systemdQuote).joined(separator: " "))\n"
        out += "\n# then: systemctl --user daemon-reload && systemctl --user enable --now \(unit).timer\n"
        return out
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// `text` on one line: each control character (line breaks, tabs) becomes a space.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? " " : $0 }))
    }

    /// A word for an error message: its control characters shown as escapes.
    static func visible(_ word: String) -> String {
        word.unicodeScalars.map { isControl($0) ? String(format: "\\u{%X}", $0.value) : String($0) }.joined()
    }

    /// A crontab command with each '%' escaped.
    static func cronEscape(_ command: String) -> String {
        command.replacingOccurrences(of: "%", with: "\\%")
    }

    /// Text for a unit file setting that is not a command line: specifiers escaped ('%%'),
    /// and no backslash at the end, which would continue the line (systemd.syntax(7)).
    static func systemdText(_ text: String) -> String {
        var out = text.replacingOccurrences(of: "%", with: "%%")
        while out.hasSuffix("\\") { out.removeLast() }
        return out
    }

    static func shellQuote(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+=:,".contains($0)) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func systemdQuote(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+=:,".contains($0)) }) { return word }
        let escaped = word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "%", with: "%%").replacingOccurrences(of: "$", with: "$$")
        return "\"" + escaped + "\""
    }
}
