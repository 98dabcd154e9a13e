/// x264's speed presets, fastest first: the one list go-live, overlay, their help, completions
/// and messages use.
public enum X264Speed {
    public static let all = ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow"]
    /// go-live encodes in real time on ordinary machines: up to medium.
    public static let live = Array(all.prefix(6))
    public static let standard = "veryfast"

    /// Nil when `text` is one of `allowed`; otherwise the message for the producer: what is
    /// wrong, the nearest name, and the choices.
    public static func problem(with text: String, among allowed: [String]) -> String? {
        guard !allowed.contains(text) else { return nil }
        var message = "unknown --encoder-speed '\(text)'"
        if let near = Suggestion.closest(to: text, among: allowed) { message += "; did you mean '\(near)'?" }
        return message + " (choose from \(allowed.joined(separator: ", ")))"
    }
}
