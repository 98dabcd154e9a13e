import ShopcastCore

/// Renders the man pages (section 1) from the command tree, the same facts that drive parsing
/// and `--help`: `shopcast.1` for the top level, and one page per top-level command. A group
/// such as `schedule` gets one page that documents each of its subcommands with its options.
///
/// The output is deterministic (no date, ASCII only) so a test can compare it byte for byte
/// with the committed pages under `man/`.
public enum ManPage {
    /// Every page: its file name (`shopcast-go-live.1`) and its roff source.
    public static func all() -> [(fileName: String, text: String)] {
        [(fileName(forPath: []), topLevel())]
            + CLI.root.children.map { (fileName(forPath: [$0.spec.name]), page(for: $0)) }
    }

    /// The page that documents the command at `path`: `shopcast.1` for the top level, else the
    /// page of the path's first word (subcommands of a group share their group's page).
    public static func fileName(forPath path: [String]) -> String {
        guard let first = path.first else { return "shopcast.1" }
        return "shopcast-\(first).1"
    }

    /// The `.SS` heading under which a group's page documents its subcommand at `path`.
    static func subsectionHeading(path: [String]) -> String {
        ".SS " + Roff.argument((["shopcast"] + path).joined(separator: " "))
    }

    // MARK: - Pages

    static func topLevel() -> String {
        let root = CLI.root
        var page = header(title: "shopcast", summary: root.spec.summary)
        page.section("SYNOPSIS")
        page.line(Roff.bold("shopcast") + " " + Roff.italic("COMMAND") + " [" + Roff.italic("OPTIONS") + "]")
        page.line(".br")
        page.line(Roff.bold("shopcast help") + " [" + Roff.italic("COMMAND") + "]")
        page.line(".br")
        page.line(Roff.bold("shopcast --version"))

        page.section("DESCRIPTION")
        page.paragraphs([root.spec.summary] + root.spec.discussion)

        page.section("COMMANDS")
        for child in root.children {
            page.line(".TP")
            page.line(Roff.bold(child.spec.name))
            var text = Roff.text(sentence(child.spec.summary))
            if child.run == nil, !child.children.isEmpty {
                text += " Subcommands: " + child.children.map { Roff.bold($0.spec.name) }.joined(separator: ", ") + "."
            }
            page.line(text + " See " + reference(fileName(forPath: [child.spec.name])) + ".")
        }
        page.line(".TP")
        page.line(Roff.bold("help") + " [" + Roff.italic("COMMAND") + " [" + Roff.italic("SUBCOMMAND") + "]]")
        page.line(Roff.text("Show a command's help: the same text as 'shopcast COMMAND --help'."))

        page.section("OPTIONS")
        page.options(root.spec.options)
        page.examples(root.spec.examples)
        page.exitStatus()
        page.environment(EnvironmentDoc.forPage(command: nil))
        page.section("SEE ALSO")
        page.line(root.children.map { reference(fileName(forPath: [$0.spec.name])) }.joined(separator: ", "))
        return page.text
    }

    static func page(for command: Command) -> String {
        let name = command.spec.name
        var page = header(title: "shopcast-\(name)", summary: command.spec.summary)
        let documented = subcommands(of: command, path: [name])

        page.section("SYNOPSIS")
        let synopses = documented.isEmpty ? [synopsis(path: [name], command: command)]
                                          : documented.map { synopsis(path: $0.path, command: $0.command) }
        page.line(synopses.joined(separator: "\n.br\n"))

        page.section("DESCRIPTION")
        page.paragraphs([command.spec.summary] + command.spec.discussion)

        if !documented.isEmpty {
            page.section("COMMANDS")
            for (path, sub) in documented {
                page.line(subsectionHeading(path: path))
                page.line(synopsis(path: path, command: sub))
                page.line(".PP")
                page.paragraphs([sub.spec.summary] + sub.spec.discussion)
                page.line(".PP")
                page.line("Options:")
                page.options(sub.spec.options)
            }
        }

        page.section("OPTIONS")
        page.options(command.spec.options)
        page.examples(command.spec.examples + documented.flatMap { $0.command.spec.examples })
        page.exitStatus()
        page.environment(EnvironmentDoc.forPage(command: name))
        page.section("SEE ALSO")
        let others = CLI.root.children.map { $0.spec.name }.filter { $0 != name }
        page.line(([fileName(forPath: [])] + others.map { fileName(forPath: [$0]) })
            .map(reference).joined(separator: ", "))
        return page.text
    }

    // MARK: - Pieces

    /// Every command below a group, depth first, each with its full path; nested groups
    /// are listed too, so their own options are documented.
    static func subcommands(of command: Command, path: [String]) -> [(path: [String], command: Command)] {
        command.children.flatMap { child -> [(path: [String], command: Command)] in
            let childPath = path + [child.spec.name]
            return [(childPath, child)] + subcommands(of: child, path: childPath)
        }
    }

    /// `shopcast schedule plan [OPTIONS] FILE` in roff.
    static func synopsis(path: [String], command: Command) -> String {
        var line = Roff.bold((["shopcast"] + path).joined(separator: " "))
        if !command.children.isEmpty {
            line += " " + Roff.italic("COMMAND")
        } else {
            // Every command has --help; [OPTIONS] is shown when there is more than that.
            if command.spec.options.count > 1 { line += " [" + Roff.italic("OPTIONS") + "]" }
            if !command.spec.operands.isEmpty { line += " " + Roff.italic(command.spec.operands) }
        }
        return line
    }

    /// `shopcast-go-live.1` -> `\fBshopcast\-go\-live\fR(1)`.
    static func reference(_ fileName: String) -> String {
        Roff.bold(String(fileName.dropLast(2))) + "(1)"
    }

    /// Ends a one-line text with a full stop, for sentences built around it.
    static func sentence(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
    }

    static func header(title: String, summary: String) -> RoffPage {
        var page = RoffPage()
        page.line(".\\\" Generated from the command tree by scripts/update-docs. Edit the command specs, not this file.")
        page.line(".TH " + Roff.argument(title.uppercased()) + " 1 \"\" "
            + Roff.argument("shopcast \(ShopcastVersion.current)") + " " + Roff.argument("shopcast manual"))
        // Ragged right, no hyphenation: option names, URLs and variable names stay whole.
        page.line(".nh")
        page.line(".ad l")
        page.section("NAME")
        page.line(Roff.text(title) + " \\- " + Roff.escapeCharacters(nameLine(summary)))
        return page
    }

    /// The NAME line's description: the summary without its final period, with a lower-case
    /// first letter unless the first word is a name (`YouTube`, `SRT`).
    static func nameLine(_ summary: String) -> String {
        var text = summary
        if text.hasSuffix(".") { text.removeLast() }
        let chars = Array(text)
        if chars.count > 1, chars[0].isUppercase, chars[1].isLowercase {
            text = chars[0].lowercased() + String(chars.dropFirst())
        }
        return text
    }
}
