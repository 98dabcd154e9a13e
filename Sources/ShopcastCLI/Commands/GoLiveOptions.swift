import Foundation
import ShopcastCore

/// `go-live`'s options, checked and typed. Everything a user can get wrong on the command line
/// is caught here, before any device or server is touched.
struct GoLiveOptions {
    var inputs: [InputSpec]
    /// Each `-t`: the preset named before a colon (`vertical:tiktok`), if any, and the destination.
    var destinations: [(format: String?, text: String)]
    /// How a rendition frames a picture of another shape (--fit, --crop-vertical).
    var framing = Framing.standard
    var loop: Bool
    var format: OutputFormat
    /// The preset the show's own format is, nil when --size changed it.
    var formatName: String?
    var duration: Double?
    var retries: Int?
    var caFile: String?
    var holdAudio: String?
    var backupInput: InputSpec?
    /// `--chat` sources, with the words given.
    var chat: [(spec: ChatSourceSpec, name: String)] = []
    var chatLog: String?
    var chatHold = false
    var events: String?
    var quiet: Bool
    var verbose: Bool
    var manifest: String?
    /// Where the control API listens.
    var control: ControlAddress?
    var controlTokenFile: String?
    var journal: String?
    var webhooks: [String]
    var webhookSecretFile: String?
    /// --preset, --size or --fps given: they win over the manifest's `show.preset`.
    var formatGiven: Bool
    var videoBitRateGiven: Bool

    init(_ p: ParsedArguments, environment: [String: String]) throws {
        let command = "go-live"
        if let extra = p.operands.first {
            throw UsageError("unexpected argument '\(extra)'; inputs take -i and destinations -t", command: command)
        }
        inputs = try p.all("input").map { text in
            do { return try InputSpec.parse(text) } catch let e as ShopcastError { throw UsageError(e.message, command: command) }
        }
        if inputs.isEmpty { inputs = [.test] }
        if inputs.count > 2 {
            throw UsageError("at most two inputs: one for video (and audio), one more for audio", command: command)
        }
        destinations = try p.all("to").map { try GoLiveOptions.destination($0) }
        if let text = p.value("fit") {
            guard let fit = Framing.Fit(rawValue: text.lowercased()) else {
                throw UsageError("--fit '\(text)' is not crop or pad", command: command)
            }
            framing.fit = fit
        }
        if let text = p.value("crop-vertical") {
            guard let position = Framing.position(from: text) else {
                throw UsageError("--crop-vertical '\(text)' is not left, centre, right or a percentage from 0% (left) to 100% (right)", command: command)
            }
            if framing.fit == .pad { throw UsageError("--crop-vertical places a crop: it contradicts --fit pad", command: command) }
            framing.position = position
        }
        loop = p.has("loop")

        formatGiven = p.value("preset") != nil || p.value("size") != nil || p.value("fps") != nil
        manifest = p.value("manifest")
        videoBitRateGiven = p.value("video-bitrate") != nil
        let presetName = p.value("preset") ?? "720p30"
        guard var format = OutputFormat.preset(presetName) else {
            var message = "unknown preset '\(presetName)'"
            if let near = Suggestion.closest(to: presetName, among: OutputFormat.presetNames) { message += "; did you mean '\(near)'?" }
            throw UsageError(message + " (choose from \(OutputFormat.presetNames.joined(separator: ", ")))", command: command)
        }
        if let text = p.value("size") {
            guard let size = FrameSize.parse(text) else {
                throw UsageError("--size '\(text)' is not WxH with even numbers from 16 to 4096, e.g. 1280x720", command: command)
            }
            format.size = size
        }
        if let text = p.value("fps") {
            guard let fps = Int(text), (1...120).contains(fps) else {
                throw UsageError("--fps '\(text)' is not a whole number from 1 to 120", command: command)
            }
            format.fps = fps
        }
        if let text = p.value("video-bitrate") {
            guard let rate = BitRate.parse(text), rate >= 100_000, rate <= 100_000_000 else {
                throw UsageError("--video-bitrate '\(text)' is not a rate from 100k to 100M, e.g. 3000k or 4.5M", command: command)
            }
            format.videoBitRate = rate
        }
        if let text = p.value("audio-bitrate") {
            guard let rate = BitRate.parse(text), rate >= 32_000, rate <= 512_000 else {
                throw UsageError("--audio-bitrate '\(text)' is not a rate from 32k to 512k, e.g. 128k", command: command)
            }
            format.audioBitRate = rate
        }
        if let text = p.value("keyint") {
            guard let seconds = DurationValue.parse(text), seconds >= 0.1, seconds <= 10 else {
                throw UsageError("--keyint '\(text)' is not a duration from 0.1s to 10s, e.g. 2s", command: command)
            }
            format.keyint = seconds
        }
        if let text = p.value("encoder-speed") {
            if let problem = X264Speed.problem(with: text, among: X264Speed.live) { throw UsageError(problem, command: command) }
            format.encoderSpeed = text
        }
        self.format = format
        formatName = p.value("size") == nil ? presetName : nil
        if let text = p.value("duration") {
            guard let seconds = DurationValue.parse(text), seconds > 0 else {
                throw UsageError("--duration '\(text)' is not a duration such as 90s, 45m or 1h30m", command: command)
            }
            duration = seconds
        }
        if let text = p.value("retries") {
            guard let n = Int(text), n >= 0 else {
                throw UsageError("--retries '\(text)' is not a whole number of 0 or more", command: command)
            }
            retries = n
        }
        caFile = p.value("ca-file")
        holdAudio = p.value("hold-audio")
        if let text = p.value("backup-input") {
            do { backupInput = try InputSpec.parse(text) } catch let e as ShopcastError { throw UsageError("--backup-input: " + e.message, command: command) }
            if case .mic = backupInput { throw UsageError("--backup-input '\(text)' gives no picture: it stands in for the first input's picture", command: command) }
        }
        for text in p.all("chat") {
            guard let spec = ChatSourceSpec.parse(text) else {
                throw UsageError("--chat '\(text)' is not \(ChatSourceSpec.forms)", command: command)
            }
            if case .standardInput = spec, chat.contains(where: { $0.spec == .standardInput }) {
                throw UsageError("--chat jsonl:- is given twice: standard input can be read once", command: command)
            }
            chat.append((spec, text))
        }
        chatLog = p.value("chat-log")
        chatHold = p.has("chat-hold")
        if chatLog != nil, chat.isEmpty, p.value("control") == nil {
            throw UsageError("--chat-log keeps what --chat sources or the control API send: give one of them", command: command)
        }
        events = p.value("events")
        if let text = p.value("control") {
            guard let address = ControlAddress.parse(text) else {
                throw UsageError("--control '\(text)' is not [ADDR:]PORT, e.g. 8080 (this machine only) or 0.0.0.0:8080", command: command)
            }
            control = address
        }
        controlTokenFile = p.value("control-token-file")
        if controlTokenFile != nil && control == nil {
            throw UsageError("--control-token-file is for the control API: give --control [ADDR:]PORT too", command: command)
        }
        journal = p.value("journal")
        webhooks = p.all("webhook")
        webhookSecretFile = p.value("webhook-secret-file")
        if webhookSecretFile != nil && webhooks.isEmpty {
            throw UsageError("--webhook-secret-file signs webhooks: give --webhook URL too", command: command)
        }
        if !webhooks.isEmpty && manifest == nil && control == nil {
            throw UsageError("--webhook sends the show's offer and stock events: give --manifest or --control too", command: command)
        }
        quiet = p.has("quiet")
        verbose = p.has("verbose")
        if quiet && verbose { throw UsageError("--quiet and --verbose contradict each other", command: command) }
    }

    /// `-t [PRESET:]DEST`: a preset name before the first colon gives the destination an output
    /// format of its own. A word there that is almost a preset (`vertcal:tiktok`) is a typo, not
    /// a destination.
    static func destination(_ text: String) throws -> (format: String?, text: String) {
        guard let colon = text.firstIndex(of: ":") else { return (nil, text) }
        let prefix = String(text[..<colon]), rest = String(text[text.index(after: colon)...])
        if OutputFormat.presetNames.contains(prefix) {
            guard !rest.isEmpty else { throw UsageError("-t '\(text)' names a format but no destination, e.g. \(prefix):show.mkv", command: "go-live") }
            return (prefix, rest)
        }
        let schemes = ["rtmp", "rtmps", "srt", "file", "http", "https", "udp", "tcp"]
        if !rest.hasPrefix("//"), !schemes.contains(prefix.lowercased()), !prefix.contains("/"),
           let near = Suggestion.closest(to: prefix, among: OutputFormat.presetNames) {
            throw UsageError("-t '\(text)': unknown format '\(prefix)'; did you mean '\(near)'? (choose from \(OutputFormat.presetNames.joined(separator: ", ")))", command: "go-live")
        }
        return (nil, text)
    }
}
