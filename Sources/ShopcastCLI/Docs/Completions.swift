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

/// The command tree as completion scripts see it: each command under a slash-separated key
/// (`shopcast/schedule/plan`) that the scripts compute from the words already typed.
struct CompletionTree {
    struct Node {
        /// `shopcast`, `shopcast/go-live`, `shopcast/schedule/plan`.
        let key: String
        let command: Command
        /// The children's names, in the tree's order.
        var childNames: [String] { command.children.map { $0.spec.name } }
        /// A leaf with operands (`FILE...`): complete file names there.
        var takesFileOperands: Bool { command.children.isEmpty && !command.spec.operands.isEmpty }
    }

    let nodes: [Node]

    init() {
        nodes = CLI.allCommands().map { Node(key: (["shopcast"] + $0.path).joined(separator: "/"), command: $0.command) }
    }

    var groups: [Node] { nodes.filter { !$0.command.children.isEmpty } }

    /// Every key but the root's: a word that extends a path when it names a child.
    var childKeys: [String] { nodes.map(\.key).filter { $0 != "shopcast" } }

    /// What `shopcast help …` walks: the same keys with `help` in place of `shopcast`.
    var helpKeys: [String] { childKeys.map { "help" + $0.dropFirst("shopcast".count) } }

    /// The key of a group under `shopcast help`: `help`, `help/schedule`.
    static func helpKey(of key: String) -> String { "help" + key.dropFirst("shopcast".count) }

    /// An option's help as a one-line description: no final period, no line breaks.
    static func description(_ help: String) -> String {
        var text = help.split(whereSeparator: \.isNewline).joined(separator: " ")
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Words of a shell script must not break the script: single-quoted, with `'` closed,
    /// escaped and reopened (bash and zsh).
    static func singleQuoted(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
