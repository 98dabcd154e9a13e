import ShopcastCore

/// A mistake on the command line: printed with a usage hint, exit status 64.
public struct UsageError: Error, CustomStringConvertible, Equatable {
    public let message: String
    /// The command whose usage line should follow the message, e.g. `go-live`.
    public let command: String?

    public init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }

    public var description: String { message }
}

/// What the scanner found: option values by long name, in order, and the operands.
public struct ParsedArguments: Equatable {
    public var values: [String: [String]] = [:]
    public var flags: Set<String> = []
    public var operands: [String] = []

    public func has(_ flag: String) -> Bool { flags.contains(flag) }
    /// The last value given for a single-valued option.
    public func value(_ long: String) -> String? { values[long]?.last }
    public func all(_ long: String) -> [String] { values[long] ?? [] }
}

/// Scans arguments against a command's option table: `--name value`, `--name=value`, `-x value`,
/// `-xVALUE`, bundled short flags (`-qh`), `--` ending options, and repeated options.
public enum ArgumentScanner {
    public static func scan(_ arguments: [String], for spec: CommandSpec, commandPath: String) throws -> ParsedArguments {
        var result = ParsedArguments()
        var index = 0
        var onlyOperands = false

        func record(_ option: OptionSpec, _ value: String?) throws {
            if let value {
                if !option.repeatable, result.values[option.long] != nil {
                    throw UsageError("option --\(option.long) given more than once", command: commandPath)
                }
                result.values[option.long, default: []].append(value)
            } else {
                result.flags.insert(option.long)
            }
        }

        func takeValue(for option: OptionSpec, spelled: String) throws -> String {
            index += 1
            guard index < arguments.count else {
                throw UsageError("option \(spelled) needs a value (\(option.value ?? "VALUE"))", command: commandPath)
            }
            return arguments[index]
        }

        while index < arguments.count {
            let arg = arguments[index]
            if onlyOperands || arg == "-" || !arg.hasPrefix("-") {
                result.operands.append(arg)
            } else if arg == "--" {
                onlyOperands = true
            } else if arg.hasPrefix("--") {
                let body = arg.dropFirst(2)
                let name: String
                var inline: String?
                if let eq = body.firstIndex(of: "=") {
                    name = String(body[..<eq])
                    inline = String(body[body.index(after: eq)...])
                } else {
                    name = String(body)
                }
                guard let option = spec.option(named: name) else {
                    throw unknownOption("--\(name)", in: spec, commandPath: commandPath)
                }
                if option.takesValue {
                    try record(option, try inline ?? takeValue(for: option, spelled: "--\(name)"))
                } else {
                    if inline != nil { throw UsageError("option --\(name) takes no value", command: commandPath) }
                    try record(option, nil)
                }
            } else {
                // One or more short options bundled: -q, -qh, -iFILE, -i FILE.
                var letters = Substring(arg.dropFirst())
                while let letter = letters.first {
                    letters = letters.dropFirst()
                    guard let option = spec.option(short: letter) else {
                        throw unknownOption("-\(letter)", in: spec, commandPath: commandPath)
                    }
                    if option.takesValue {
                        let value = letters.isEmpty ? try takeValue(for: option, spelled: "-\(letter)") : String(letters)
                        try record(option, value)
                        break
                    }
                    try record(option, nil)
                }
            }
            index += 1
        }
        return result
    }

    static func unknownOption(_ spelled: String, in spec: CommandSpec, commandPath: String) -> UsageError {
        let candidates = spec.options.map { "--\($0.long)" }
        var message = "unknown option '\(spelled)' for '\(commandPath)'"
        if let near = Suggestion.closest(to: spelled, among: candidates) {
            message += "; did you mean '\(near)'?"
        }
        return UsageError(message, command: commandPath)
    }
}

