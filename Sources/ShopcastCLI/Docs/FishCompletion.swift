/// Renders the fish completion script: a function computes the command path from the words
/// typed so far, and each completion is conditioned on that path.
enum FishCompletion {
    static func render(_ tree: CompletionTree) -> String {
        var s = Completions.banner("fish")
        s += """

        # The command path of the line being completed: shopcast, shopcast/schedule, ... or, after
        # "shopcast help", help, help/schedule, ...
        function __shopcast_path
            set -l path shopcast
            set -l words (commandline -opc)
            set -e words[1]
            for word in $words
                if test $path = shopcast; and test "$word" = help
                    set path help
                    continue
                end
                switch "$path/$word"
                    case \(caseLabels(tree.childKeys + tree.helpKeys))
                        set path "$path/$word"
                    case '*'
                        break
                end
            end
            echo $path
        end

        function __shopcast_at
            test (__shopcast_path) = $argv[1]
        end

        # File names only where a command or an option takes them.
        complete -c shopcast -f

        """
        for node in tree.nodes {
            let at = "-n " + quoted("__shopcast_at \(node.key)")
            s += "\n# \((["shopcast"] + node.key.split(separator: "/").dropFirst().map(String.init)).joined(separator: " "))\n"
            var children = node.command.children.map { ($0.spec.name, $0.spec.summary) }
            if node.key == "shopcast" { children.append(("help", "Show a command's help.")) }
            for (name, summary) in children {
                s += "complete -c shopcast \(at) -a \(quoted(name)) -d \(quoted(CompletionTree.description(summary)))\n"
            }
            if node.takesFileOperands {
                s += "complete -c shopcast \(at) -F\n"
            }
            for option in node.command.spec.options {
                var line = "complete -c shopcast \(at)"
                if let short = option.short { line += " -s \(short)" }
                line += " -l \(option.long)"
                if option.takesValue {
                    switch option.completion {
                    case .none: line += " -x"
                    case .file: line += " -r -F"
                    case .directory: line += " -x -a '(__fish_complete_directories (commandline -ct))'"
                    case .values(let values): line += " -x -a \(quoted(values.joined(separator: " ")))"
                    case .valuesOrFiles(let values): line += " -r -F -a \(quoted(values.joined(separator: " ")))"
                    }
                }
                line += " -d \(quoted(CompletionTree.description(option.help)))"
                s += line + "\n"
            }
        }
        for group in tree.groups {
            let key = CompletionTree.helpKey(of: group.key)
            s += "\n# shopcast help \(key.split(separator: "/").dropFirst().joined(separator: " "))\n"
                .replacingDoubleSpace()
            for child in group.command.children {
                s += "complete -c shopcast -n \(quoted("__shopcast_at \(key)")) -a \(quoted(child.spec.name))"
                    + " -d \(quoted(CompletionTree.description(child.spec.summary)))\n"
            }
        }
        return s
    }

    /// Fish single quotes: only `\` and `'` are special inside them.
    static func quoted(_ text: String) -> String {
        var out = "'"
        for ch in text {
            if ch == "\\" || ch == "'" { out.append("\\") }
            out.append(ch)
        }
        return out + "'"
    }

    private static func caseLabels(_ keys: [String]) -> String {
        keys.isEmpty ? "''" : keys.joined(separator: " ")
    }
}

private extension String {
    func replacingDoubleSpace() -> String {
        hasSuffix(" \n") ? String(dropLast(2)) + "\n" : self
    }
}
