/// A man page under construction: roff lines and the section helpers every page shares.
struct RoffPage {
    private(set) var text = ""

    mutating func line(_ line: String) { text += line + "\n" }

    mutating func section(_ title: String) { line(".SH " + Roff.argument(title)) }

    mutating func paragraphs(_ paragraphs: [String]) {
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { line(".PP") }
            line(Roff.text(paragraph))
        }
    }

    mutating func options(_ options: [OptionSpec]) {
        for option in options {
            line(".TP")
            var tag = option.short.map { Roff.bold("-\($0)") + ", " } ?? ""
            tag += Roff.bold("--\(option.long)")
            if let value = option.value { tag += " " + Roff.italic(value) }
            line(tag)
            var help = Roff.text(option.help)
            if option.repeatable { help += " May be given more than once." }
            if case .values(let choices) = option.completion, !choices.allSatisfy({ option.help.contains($0) }) {
                help += " " + Roff.italic(option.value ?? "VALUE") + " is one of: "
                    + choices.map { Roff.bold($0) }.joined(separator: ", ") + "."
            }
            line(help)
        }
    }

    mutating func examples(_ examples: [(command: String, explanation: String)]) {
        guard !examples.isEmpty else { return }
        section("EXAMPLES")
        for (index, example) in examples.enumerated() {
            if index > 0 { line(".PP") }
            line(Roff.text(example.explanation))
            line(".PP")
            line(".RS 4")
            line(".nf")
            line(Roff.bold(example.command))
            line(".fi")
            line(".RE")
        }
    }

    mutating func exitStatus() {
        section("EXIT STATUS")
        for code in ExitCode.allCases {
            line(".TP")
            line(Roff.bold(String(code.rawValue)))
            line(Roff.text(code.meaning))
        }
    }

    mutating func environment(_ variables: [EnvironmentDoc]) {
        guard !variables.isEmpty else { return }
        section("ENVIRONMENT")
        for variable in variables {
            line(".TP")
            line(Roff.bold(variable.name))
            line(Roff.text(variable.meaning))
        }
    }
}
