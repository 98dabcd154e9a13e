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
