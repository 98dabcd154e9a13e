/// How a shell should complete an option's value.
public enum ValueCompletion: Sendable, Equatable {
    case none
    case file
    case directory
    case values([String])
    /// One of the named values, or a file (a platform's name or a recording's path).
    case valuesOrFiles([String])
}

/// One command-line option: the single fact from which parsing, `--help`, the man page and
/// the shell completions are all derived.
public struct OptionSpec: Sendable {
    /// Long name without dashes, e.g. `input` for `--input`.
    public let long: String
    /// Short letter for `-i`, if any.
    public let short: Character?
    /// Placeholder of the value (`SOURCE`), nil for a flag.
    public let value: String?
    /// May be given more than once (values accumulate).
    public let repeatable: Bool
    /// One sentence for `--help`.
    public let help: String
    public let completion: ValueCompletion

    public init(_ long: String, short: Character? = nil, value: String? = nil, repeatable: Bool = false,
                completion: ValueCompletion = .none, help: String) {
        self.long = long
        self.short = short
        self.value = value
        self.repeatable = repeatable
        self.help = help
        self.completion = completion
    }

    public var takesValue: Bool { value != nil }

    /// `-i, --input SOURCE` as shown in help.
    public var synopsis: String {
        var s = short.map { "-\($0), " } ?? "    "
        s += "--\(long)"
        if let value { s += " \(value)" }
        return s
    }
}

/// A command or subcommand: its name, what it does, its options and its operands.
public struct CommandSpec: Sendable {
    public let name: String
    /// One line, for the command list and the man page's NAME section.
    public let summary: String
    /// Operands after the options, e.g. `FILE...`; shown in the usage line.
    public let operands: String
    public let options: [OptionSpec]
    /// Paragraphs shown after the options in help and in the man page's DESCRIPTION.
    public let discussion: [String]
    /// Example command lines with a one-line explanation each.
    public let examples: [(command: String, explanation: String)]

    public init(name: String, summary: String, operands: String = "", options: [OptionSpec] = [],
                discussion: [String] = [],
                examples: [(command: String, explanation: String)] = []) {
        self.name = name
        self.summary = summary
        self.operands = operands
        self.options = options + [OptionSpec("help", short: "h", help: "Show this help and exit.")]
        self.discussion = discussion
        self.examples = examples
    }

    public func option(named long: String) -> OptionSpec? { options.first { $0.long == long } }
    public func option(short: Character) -> OptionSpec? { options.first { $0.short == short } }
}
