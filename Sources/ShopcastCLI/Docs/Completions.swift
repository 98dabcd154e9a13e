/// Shell completion scripts for bash, zsh and fish, generated from the command tree: the
/// commands and nested subcommands, every option (long and short), and the values an option
/// takes (files, directories or a fixed list), all from the same specs that drive parsing.
public enum Completions {
    /// Every script: its path under `completions/` and its text.
    public static func all() -> [(fileName: String, text: String)] {
        [("shopcast.bash", bash()), ("_shopcast", zsh()), ("shopcast.fish", fish())]
    }

    /// For `/usr/share/bash-completion/completions/shopcast` or `source`.
    public static func bash() -> String { BashCompletion.render(CompletionTree()) }

    /// For a directory in `$fpath`, named `_shopcast`.
    public static func zsh() -> String { ZshCompletion.render(CompletionTree()) }

    /// For `~/.config/fish/completions/shopcast.fish`.
    public static func fish() -> String { FishCompletion.render(CompletionTree()) }

    /// The first lines of every script.
    static func banner(_ shell: String) -> String {
        "# \(shell) completion for shopcast.\n"
            + "# Generated from the command tree by scripts/update-docs. Edit the command specs, not this file.\n"
    }
}
