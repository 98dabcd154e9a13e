/// An environment variable shopcast reads, for the man pages' ENVIRONMENT sections.
///
/// The variables are not options, so the command tree does not carry them; they live here,
/// next to the page generator, in one table.
struct EnvironmentDoc {
    let name: String
    let meaning: String
    /// Top-level commands whose page lists the variable; nil lists it on every page.
    /// The top-level page `shopcast(1)` lists them all.
    let commands: Set<String>?

    static let all: [EnvironmentDoc] = [
        EnvironmentDoc(
            name: "SHOPCAST_YOUTUBE_KEY",
            meaning: "Stream key for --to youtube, so it never appears on the command line. Without it, the key file $XDG_CONFIG_HOME/shopcast/keys/youtube is read.",
            commands: ["go-live"]),
        EnvironmentDoc(
            name: "SHOPCAST_FACEBOOK_KEY",
            meaning: "Stream key for --to facebook. Without it, the key file $XDG_CONFIG_HOME/shopcast/keys/facebook is read.",
            commands: ["go-live"]),
        EnvironmentDoc(
            name: "SHOPCAST_TWITCH_KEY",
            meaning: "Stream key for --to twitch. Without it, the key file $XDG_CONFIG_HOME/shopcast/keys/twitch is read.",
            commands: ["go-live"]),
        EnvironmentDoc(
            name: "XDG_CONFIG_HOME",
            meaning: "Where key files live: $XDG_CONFIG_HOME/shopcast/keys/NAME (default ~/.config/shopcast/keys/NAME), for stream keys and, for cue, the control token (keys/control). A key file that others can read (not mode 0600) is refused, with exit status 78.",
            commands: ["go-live", "cue"]),
        EnvironmentDoc(
            name: "SHOPCAST_CONTROL_TOKEN",
            meaning: "The control API's bearer token: go-live requires it on every request when given (and needs one to listen on any address but loopback); cue sends it. --control-token-file (go-live) and --token-file (cue) take precedence.",
            commands: ["go-live", "cue"]),
        EnvironmentDoc(
            name: "SHOPCAST_CONTROL",
            meaning: "Where cue finds the show's control API, [ADDR:]PORT as given to go-live --control, when --control is not given.",
            commands: ["cue"]),
        EnvironmentDoc(
            name: "${NAME}",
            meaning: "Any variable written as ${NAME} inside a --to URL or a --webhook URL (go-live, schedule run) is substituted before the run starts, which keeps a key or token out of argv, ps and shell history; the value is masked as **** in every message and log line from then on. An unset or empty variable exits 78; an unclosed ${ or a name other than letters, digits and _ exits 64.",
            commands: ["go-live"]),
        EnvironmentDoc(
            name: "NO_COLOR",
            meaning: "When set to a non-empty value, no colour and no live status line or progress bar: output is as when stderr is not a terminal.",
            commands: nil),
        EnvironmentDoc(
            name: "TERM",
            meaning: "When dumb, output is as with NO_COLOR.",
            commands: nil),
    ]

    /// The variables for the page of a top-level command (nil for `shopcast(1)` itself).
    static func forPage(command: String?) -> [EnvironmentDoc] {
        guard let command else { return all }
        return all.filter { $0.commands?.contains(command) ?? true }
    }
}
