/// Renders the bash completion script. It needs only bash itself (not the bash-completion
/// package): the words typed so far give the command path, and the path gives the options,
/// subcommands and value completions.
enum BashCompletion {
    static func render(_ tree: CompletionTree) -> String {
        var s = Completions.banner("bash")
        s += """

        _shopcast() {
            local cur=${COMP_WORDS[COMP_CWORD]} prev=
            ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
            COMPREPLY=()

            # The leading words that name commands give the path; after "help" they name the
            # command whose help to show.
            local path=shopcast i word
            for ((i = 1; i < COMP_CWORD; i++)); do
                word=${COMP_WORDS[i]}
                if [[ $path == shopcast && $word == help ]]; then
                    path=help
                    continue
                fi
                case "$path/$word" in
                    \(caseLabels(tree.childKeys + tree.helpKeys))) path=$path/$word ;;
                    *) break ;;
                esac
            done

            local commands= options= operands=0
            case $path in

        """
        for node in tree.nodes {
            var parts: [String] = []
            var commands = node.childNames
            if node.key == "shopcast" { commands.append("help") }
            if !commands.isEmpty { parts.append("commands=" + CompletionTree.singleQuoted(commands.joined(separator: " "))) }
            let spellings = node.command.spec.options.flatMap { option -> [String] in
                ["--" + option.long] + (option.short.map { ["-" + String($0)] } ?? [])
            }
            parts.append("options=" + CompletionTree.singleQuoted(spellings.joined(separator: " ")))
            if node.takesFileOperands { parts.append("operands=1") }
            s += "        \(node.key)) \(parts.joined(separator: "; ")) ;;\n"
        }
        for group in tree.groups {
            let key = CompletionTree.helpKey(of: group.key)
            s += "        \(key)) commands=\(CompletionTree.singleQuoted(group.childNames.joined(separator: " "))) ;;\n"
        }
        s += """
            esac
            if [[ $path == help* ]]; then
                [[ $cur == -* ]] || mapfile -t COMPREPLY < <(compgen -W "$commands" -- "$cur")
                return 0
            fi

            # An option's value: "--name value", "-x value" or "--name=value". Bash splits the
            # last into "--name", "=", "value" because "=" is in COMP_WORDBREAKS; where it is not,
            # the candidates keep the "--name=" prefix of the word.
            local option=$prev value=$cur prefix=
            if [[ $cur == --*=* ]]; then
                option=${cur%%=*}
                value=${cur#*=}
                prefix=$option=
            elif [[ $cur == = ]]; then
                value=
            elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
                option=${COMP_WORDS[COMP_CWORD - 2]}
            fi
            local valued=1
            case "$path $option" in

        """
        for node in tree.nodes {
            for option in node.command.spec.options where option.takesValue {
                var labels = ["\(node.key) --\(option.long)"]
                if let short = option.short { labels.append("\(node.key) -\(short)") }
                let label = labels.map { "\"\($0)\"" }.joined(separator: "|")
                s += "        \(label))\n            \(valueCompletion(option.completion)) ;;\n"
            }
        }
        s += """
                *) valued=0 ;;
            esac
            if ((valued)); then
                [[ -z $prefix ]] || COMPREPLY=("${COMPREPLY[@]/#/$prefix}")
                return 0
            fi

            if [[ $cur == -* ]]; then
                mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
            elif [[ -n $commands ]]; then
                mapfile -t COMPREPLY < <(compgen -W "$commands" -- "$cur")
            elif ((operands)); then
                compopt -o filenames 2>/dev/null
                mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            fi
            return 0
        }

        complete -F _shopcast shopcast

        """
        return s
    }

    /// `a|b|c` for a case pattern; keys hold only letters, digits, `-` and `/`.
    private static func caseLabels(_ keys: [String]) -> String {
        keys.isEmpty ? "''" : keys.joined(separator: "|")
    }

    private static func valueCompletion(_ completion: ValueCompletion) -> String {
        switch completion {
        case .none:
            return ":"  // A value is expected, but nothing can be guessed.
        case .file:
            return "compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- \"$value\")"
        case .directory:
            return "compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- \"$value\")"
        case .values(let values):
            return "mapfile -t COMPREPLY < <(compgen -W \(CompletionTree.singleQuoted(values.joined(separator: " "))) -- \"$value\")"
        case .valuesOrFiles(let values):
            return "compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -W \(CompletionTree.singleQuoted(values.joined(separator: " "))) -- \"$value\"; compgen -f -- \"$value\")"
        }
    }
}
