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

    /// `autumn-scarves-drop`: the unit name's stem.
    public var slug: String {
        var out = ""
        for ch in title.lowercased() {
            if ch.isASCII, ch.isLetter || ch.isNumber { out.append(ch) } else if !out.hasSuffix("-") { out.append("-") }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "show" : String(trimmed.prefix(40))
    }

    /// The go-live command words.
    public var command: [String] {
        var words = [executable, "go-live", "--manifest", manifestPath]
        if let duration { words += ["--duration", String(Int((duration + lead).rounded(.up))) + "s"] }
        return words + extraArguments
    }

    public func render() -> String {
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

        var out = "# \(title): starts \(WallClock.format(start, in: localZone)); go-live starts \(DurationValue.format(lead)) early.\n"
        out += "# crontab (fields in this machine's zone, \(localZone.identifier)); paste with 'crontab -e'.\n"
        out += "# cron has no year field: the date test keeps it from firing again next year.\n"
        // '%' is special in crontab lines and must be escaped.
        out += "\(c.minute!) \(c.hour!) \(c.day!) \(c.month!) * [ \"$(date +\\%Y)\" = \(c.year!) ] && "
        out += "cd \(Self.shellQuote(folder)) && \(shellCommand) >>\(Self.shellQuote(log)) 2>&1\n"
        out += "\n# systemd user timer: save as ~/.config/systemd/user/\(unit).timer\n"
        out += "[Unit]\nDescription=Start shopcast go-live for \(title)\n\n"
        out += "[Timer]\nOnCalendar=\(utc.string(from: launch)) UTC\nAccuracySec=1s\nPersistent=false\n\n"
        out += "[Install]\nWantedBy=timers.target\n"
        out += "\n# and the service: ~/.config/systemd/user/\(unit).service\n"
        out += "[Unit]\nDescription=shopcast go-live: \(title)\n\n"
        out += "[Service]\nType=simple\nWorkingDirectory=\(Self.systemdQuote(folder))\n"
        out += "ExecStart=\(command.map(Self.systemdQuote).joined(separator: " "))\n"
        out += "\n# then: systemctl --user daemon-reload && systemctl --user enable --now \(unit).timer\n"
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
