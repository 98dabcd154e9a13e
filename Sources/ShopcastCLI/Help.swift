/// Renders `--help` text from the same command tree that drives parsing.
enum Help {
    static func usageLine(path: [String], command: Command) -> String {
        var line = (["shopcast"] + path).joined(separator: " ")
        if !command.children.isEmpty {
            line += " COMMAND"
        } else {
            if command.spec.options.count > 1 { line += " [OPTIONS]" }
            if !command.spec.operands.isEmpty { line += " " + command.spec.operands }
        }
        return line.trimmingTrailingSpaces()
    }

    static func text(path: [String], command: Command) -> String {
        var out = "USAGE: \(usageLine(path: path, command: command))\n\n\(command.spec.summary)\n"
        if !command.children.isEmpty {
            out += "\nCOMMANDS:\n"
            let width = (command.children.map { $0.spec.name.count }.max() ?? 0) + 2
            for child in command.children {
                out += "  " + child.spec.name.padded(to: width) + child.spec.summary + "\n"
            }
        }
        out += "\nOPTIONS:\n"
        let width = min(34, (command.spec.options.map { $0.synopsis.count }.max() ?? 0) + 2)
        for option in command.spec.options {
            let synopsis = option.synopsis
            let help = option.help + (option.repeatable ? " (repeatable)" : "")
            if synopsis.count + 2 > width {
                out += "  \(synopsis)\n" + String(repeating: " ", count: width + 2) + help + "\n"
            } else {
                out += "  " + synopsis.padded(to: width) + help + "\n"
            }
        }
        for paragraph in command.spec.discussion {
            out += "\n" + paragraph + "\n"
        }
        if !command.spec.examples.isEmpty {
            out += "\nEXAMPLES:\n"
            for example in command.spec.examples {
                out += "  \(example.command)\n      \(example.explanation)\n"
            }
        }
        // The top level says it in its own words (its discussion); a group says where to look.
        if !command.children.isEmpty, !path.isEmpty {
            out += "\nSee 'shopcast help \(path.joined(separator: " ")) COMMAND' for a command's options.\n"
        }
        return out
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }

    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
