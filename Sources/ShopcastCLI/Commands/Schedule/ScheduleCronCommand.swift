import Foundation
import ShopcastCore

/// `shopcast schedule cron FILE`: crontab and systemd timer lines that start go-live for a show.
enum ScheduleCronCommand {
    static let spec = CommandSpec(
        name: "cron",
        summary: "Print crontab and systemd timer lines that start go-live for the show.",
        operands: "FILE [-- GO-LIVE-ARGUMENTS...]",
        options: [
            OptionSpec("start", value: "TIME", help: "When the show starts (ISO 8601 with offset); default show.starts."),
            OptionSpec("lead", value: "DURATION", help: "Start go-live this long before the show (default 2m)."),
        ],
        discussion: [
            "Prints one crontab line, in this machine's time zone, and a systemd user timer and service (the timer in UTC). Both run 'shopcast go-live --manifest FILE' with the manifest's absolute path, --lead before show.starts; go-live ends the show at show.starts + show.duration by itself, however early it was started (no --duration, which would count from the launch). Words after -- are added to the go-live command, e.g. destinations.",
            "Starting early is safe: offsets count from show.starts, so offers still appear at their wall-clock moments. Stream keys never belong in these lines: cron and systemd start go-live with a bare environment, so keep them in key files (~/.config/shopcast/keys/NAME, mode 0600, which go-live reads there too), in NAME=value lines above the crontab entry, or in the service's Environment= or EnvironmentFile=. Titles become one line in comments and descriptions; paths are quoted for the shell and systemd, with '%' escaped for cron; a path with a line break is refused. The unit's name is the title in ASCII letters (other scripts transliterated) and the launch time in UTC.",
        ],
        examples: [
            ("shopcast schedule cron show.yaml", "Lines to start go-live two minutes before show.starts."),
            ("shopcast schedule cron show.yaml --lead 5m -- -t youtube -t show.mkv", "Five minutes early, streaming to YouTube and recording."),
        ])

    static let command = Command(spec) { parsed, context in
        let name = "schedule cron"
        guard let path = parsed.operands.first else { throw UsageError("missing the manifest FILE", command: name) }
        let start = try parsed.value("start").map { try ScheduleSupport.time($0, option: "start", command: name, now: Date()) }
        var lead = 120.0
        if let text = parsed.value("lead") {
            guard let value = DurationValue.parse(text), value < 86_400 else {
                throw UsageError("--lead '\(text)' is not a duration such as 2m or 90s", command: name)
            }
            lead = value
        }
        let manifest = try ManifestOption.load(path, context: context)
        guard let starts = start ?? manifest.show.starts else {
            throw UsageError("\(path) has no show.starts; give --start TIME", command: name)
        }
        let absolute = FilePath.url(path, in: context.currentDirectory).standardizedFileURL.path
        let lines = CronLines(manifestPath: absolute, title: manifest.show.title, start: starts.date, lead: lead,
                              duration: manifest.show.duration, executable: executablePath(),
                              localZone: TimeZone.current, extraArguments: Array(parsed.operands.dropFirst()))
        if starts.date.addingTimeInterval(-lead) < Date() {
            context.console.warning("the show starts at \(WallClock.format(starts.date, in: starts.zone)); that launch time has passed")
        }
        context.console.out(try lines.render())
        return .success
    }

    /// This binary's absolute path when it is shopcast (cron's PATH is short), else `shopcast`.
    static func executablePath() -> String {
        let resolved = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        return (resolved as NSString).lastPathComponent == "shopcast" ? resolved : "shopcast"
    }
}
