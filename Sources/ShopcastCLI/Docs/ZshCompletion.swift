/// Renders the zsh completion script (`_shopcast`, for a directory in `$fpath`): one
/// `_arguments` function per command, groups handing the rest of the line to their children.
enum ZshCompletion {
    static func render(_ tree: CompletionTree) -> String {
        var s = "#compdef shopcast\n" + Completions.banner("zsh")
        for node in tree.nodes {
            s += "\n" + (node.command.children.isEmpty ? leaf(node) : group(node))
        }
        // What "shopcast help" lists: the top-level commands, then a group's subcommands.
        let root = tree.nodes[0]
        s += "\n" + commandList(name: "_shopcast__help__commands", commands: root.command.children)
        s += "\n_shopcast__help() {\n"
        s += "    local key=help i\n"
        s += "    for ((i = 2; i < CURRENT; i++)); do key=$key/$words[i]; done\n"
        s += "    case $key in\n"
        s += "        help) _shopcast__help__commands ;;\n"
        for group in tree.groups where group.key != "shopcast" {
            s += "        \(CompletionTree.helpKey(of: group.key))) \(functionName(group.key))__commands ;;\n"
        }
        s += "        *) return 1 ;;\n"
        s += "    esac\n}\n"
        // Autoloaded from $fpath, the file is the body of _shopcast: run the completion. Sourced
        // by hand, register the function instead.
        s += "\nif [[ $funcstack[1] == _shopcast ]]; then\n    _shopcast \"$@\"\nelse\n    compdef _shopcast shopcast\nfi\n"
        return s
    }

    /// `_shopcast`, `_shopcast_go_live`, `_shopcast_schedule_plan`.
    static func functionName(_ key: String) -> String {
        key.split(separator: "/").dropFirst()
            .reduce("_shopcast") { $0 + "_" + $1.map { $0 == "-" ? "_" : String($0) }.joined() }
    }

    private static func leaf(_ node: CompletionTree.Node) -> String {
        var specs = node.command.spec.options.map(optionSpec)
        if node.takesFileOperands { specs.append("'*:file:_files'") }
        return "\(functionName(node.key))() {\n    _arguments -s -S \\\n"
            + specs.map { "        " + $0 }.joined(separator: " \\\n") + "\n}\n"
    }

    private static func group(_ node: CompletionTree.Node) -> String {
        let name = functionName(node.key)
        var children = node.command.children
        var s = ""
        if node.key == "shopcast" {
            // "help" is a word of the top level, not a node of the tree.
            children.append(Command(CommandSpec(name: "help", summary: "Show a command's help.")) { _, _ in .success })
        }
        s += commandList(name: name + "__commands", commands: children)
        s += "\n\(name)() {\n"
        s += "    local curcontext=$curcontext state line ret=1\n"
        s += "    typeset -A opt_args\n"
        s += "    _arguments -C -s -S \\\n"
        for spec in node.command.spec.options.map(optionSpec) {
            s += "        \(spec) \\\n"
        }
        s += "        '1: :\(name)__commands' \\\n"
        s += "        '*:: :->command' && ret=0\n"
        s += "    if [[ $state == command ]]; then\n"
        s += "        curcontext=${curcontext%:*:*}:\(node.key.replacingSlashes())-$words[1]:\n"
        s += "        case $words[1] in\n"
        for child in node.command.children {
            s += "            \(child.spec.name)) \(functionName(node.key + "/" + child.spec.name)) && ret=0 ;;\n"
        }
        if node.key == "shopcast" {
            s += "            help) _shopcast__help && ret=0 ;;\n"
        }
        s += "        esac\n"
        s += "    fi\n"
        s += "    return ret\n"
        s += "}\n"
        return s
    }

    private static func commandList(name: String, commands: [Command]) -> String {
        var s = "\(name)() {\n    local -a commands=(\n"
        for command in commands {
            let entry = command.spec.name + ":" + CompletionTree.description(command.spec.summary)
            s += "        \(CompletionTree.singleQuoted(entry))\n"
        }
        s += "    )\n    _describe -t commands command commands\n}\n"
        return s
    }

    /// One `_arguments` spec, e.g. `'*'{-i+,--input=}'[Source…]:SOURCE:_files'`.
    static func optionSpec(_ option: OptionSpec) -> String {
        var names = ["--" + option.long + (option.takesValue ? "=" : "")]
        if let short = option.short { names.insert("-" + String(short) + (option.takesValue ? "+" : ""), at: 0) }
        let spellings = ["--" + option.long] + (option.short.map { ["-" + String($0)] } ?? [])

        // A repeatable option stays on offer; any other is offered once, in either spelling.
        let exclusion = option.repeatable ? "'*'" : (names.count > 1 ? "'(\(spellings.sorted().joined(separator: " ")))'" : "")
        let namePart = names.count > 1 ? "{" + names.joined(separator: ",") + "}" : names[0]
        var rest = "[" + escape(CompletionTree.description(option.help)) + "]"
        if let value = option.value {
            rest += ":" + escape(value) + ":" + action(option.completion)
        }
        return exclusion + namePart + CompletionTree.singleQuoted(rest)
    }

    private static func action(_ completion: ValueCompletion) -> String {
        switch completion {
        case .none: return " "
        case .file: return "_files"
        case .directory: return "_files -/"
        case .values(let values): return "(" + values.map(escapeValue).joined(separator: " ") + ")"
        case .valuesOrFiles(let values):
            // _alternative's specs have colons of their own: escaped, as the optspec's are.
            return "{_alternative \"values\\:value\\:(" + values.map(escapeValue).joined(separator: " ") + ")\" \"files\\:file\\:_files\"}"
        }
    }

    /// Inside an `_arguments` spec, `[`, `]` and `:` are syntax; `\` escapes them.
    private static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\[]:".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// A word of a `(a b c)` value list: spaces and parentheses escaped too.
    private static func escapeValue(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\[]: ()".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}

private extension String {
    func replacingSlashes() -> String { map { $0 == "/" ? "-" : String($0) }.joined() }
}
