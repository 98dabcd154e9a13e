import Foundation
import ShopcastCore

/// The whole command line, callable in-process: `CLI.run(arguments, context) -> ExitCode`.
public enum CLI {
    /// The top of the command tree. Every subcommand registers here, and only here.
    public static let root = Command(
        group: CommandSpec(
            name: "shopcast",
            summary: "Live-shopping shows from the command line: go live everywhere at once, with timed and cued product offers.",
            options: [OptionSpec("version", help: "Print the version and exit.")],
            discussion: [
                "Run 'shopcast help COMMAND' or 'shopcast COMMAND --help' for a command's options.",
            ]),
        children: [
            GoLiveCommand.command,
            ScheduleCommand.command,
            OverlayCommand.command,
            CueCommand.command,
        ])

    /// Runs one invocation. `arguments` excludes the program name.
    public static func run(_ arguments: [String], context: CommandContext) -> ExitCode {
        // FFmpeg prints to stderr by default; route it through the masker and keep it quiet.
        FFmpegLog.install(verbose: false) { line in context.console.err(line) }
        do {
            return try dispatch(arguments, context: context)
        } catch let error as UsageError {
            context.console.error(error.message)
            if let command = error.command {
                context.console.err("Usage: \(usage(forPath: command))\nSee 'shopcast \(command) --help'.\n")
            }
            return .usage
        } catch let error as ShopcastError {
            context.console.error(error.message)
            return exitCode(for: error)
        } catch {
            context.console.error("\(error)")
            return exitCode(for: error)
        }
    }

    static func dispatch(_ arguments: [String], context: CommandContext) throws -> ExitCode {
        var node = root
        var path: [String] = []
        var rest = arguments[...]

        // Walk down the tree while the next word names a child command.
        while !node.children.isEmpty {
            guard let word = rest.first else {
                context.console.out(Help.text(path: path, command: node))
                return .success
            }
            if word == "--version", path.isEmpty {
                if let extra = rest.dropFirst().first {
                    throw UsageError("--version takes nothing after it, not '\(extra)'", command: nil)
                }
                context.console.out("shopcast \(ShopcastVersion.current)\n")
                return .success
            }
            if word == "--help" || word == "-h" {
                context.console.out(Help.text(path: path, command: node))
                return .success
            }
            if word == "help", path.isEmpty {
                return try help(Array(rest.dropFirst()), context: context)
            }
            guard let child = node.child(named: word) else {
                let where_ = path.isEmpty ? "shopcast" : "shopcast " + path.joined(separator: " ")
                var message = word.hasPrefix("-") ? "unknown option '\(word)' for '\(where_)'" : "unknown command '\(word)' for '\(where_)'"
                let candidates = word.hasPrefix("-") ? ["--help", "--version"] : node.children.map { $0.spec.name } + (path.isEmpty ? ["help"] : [])
                if let near = Suggestion.closest(to: word, among: candidates) { message += "; did you mean '\(near)'?" }
                throw UsageError(message, command: path.isEmpty ? nil : path.joined(separator: " "))
            }
            node = child
            path.append(word)
            rest = rest.dropFirst()
        }

        let commandPath = path.joined(separator: " ")
        let parsed = try ArgumentScanner.scan(Array(rest), for: node.spec, commandPath: commandPath)
        if parsed.has("help") {
            context.console.out(Help.text(path: path, command: node))
            return .success
        }
        guard let run = node.run else { return .software }
        return try run(parsed, context)
    }

    /// `shopcast help [COMMAND [SUBCOMMAND]]`.
    static func help(_ words: [String], context: CommandContext) throws -> ExitCode {
        var node = root
        var path: [String] = []
        for word in words {
            guard let child = node.child(named: word) else {
                var message = "no help for unknown command '\(word)'"
                if let near = Suggestion.closest(to: word, among: node.children.map { $0.spec.name }) {
                    message += "; did you mean '\(near)'?"
                }
                throw UsageError(message)
            }
            node = child
            path.append(word)
        }
        context.console.out(Help.text(path: path, command: node))
        return .success
    }

    /// The usage line of the command at a space-separated path, e.g. `schedule plan`.
    static func usage(forPath path: String) -> String {
        var node = root
        var words: [String] = []
        for word in path.split(separator: " ").map(String.init) {
            guard let child = node.child(named: word) else { break }
            node = child
            words.append(word)
        }
        return Help.usageLine(path: words, command: node)
    }

    /// Every command in the tree with its path, depth first (for docs and completions).
    public static func allCommands() -> [(path: [String], command: Command)] {
        var result: [(path: [String], command: Command)] = []
        func walk(_ node: Command, _ path: [String]) {
            result.append((path, node))
            for child in node.children { walk(child, path + [child.spec.name]) }
        }
        walk(root, [])
        return result
    }
}
