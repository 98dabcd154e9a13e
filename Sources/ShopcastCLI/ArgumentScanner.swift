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
            let placeholder = option.value ?? "VALUE"
            guard index + 1 < arguments.count else {
                throw UsageError("option \(spelled) needs a value (\(placeholder))", command: commandPath)
            }
            // `--to --quiet` is a forgotten value, not a destination named "--quiet". A lone "-"
            // (stdin/stdout) and negative numbers are values; any other dashed value must be
            // attached to its option, where it cannot be mistaken.
            let next = arguments[index + 1]
            if next.hasPrefix("-"), next != "-", !isNegativeNumber(next) {
                let attached = spelled.hasPrefix("--") ? "\(spelled)=\(placeholder)" : "\(spelled)\(placeholder)"
                throw UsageError("option \(spelled) needs a value (\(placeholder)) but got '\(next)'; "
                    + "for a value that starts with '-', write \(attached)", command: commandPath)
            }
            index += 1
            return arguments[index]
        }

        while index < arguments.count {
            let arg = arguments[index]
            if onlyOperands || arg == "-" || !arg.hasPrefix("-") || isNegativeNumber(arg) {
                // A negative number is an operand too (`cue stock scarf -3`): no option is spelled with a digit.
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
                        // `-duration` is more likely a long option with one dash than -d -u -r...
                        let hint = letters.count + 1 == arg.count - 1 && arg.count > 2 ? "-" + arg : nil
                        throw unknownOption("-\(letter)", in: spec, commandPath: commandPath, hint: hint)
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

    /// `-5`, `-0.5`: a value, not an option (no option is spelled with a digit).
    static func isNegativeNumber(_ text: String) -> Bool {
        guard let first = text.dropFirst().first, first.isNumber || first == "." else { return false }
        return Double(text) != nil
    }

    static func unknownOption(_ spelled: String, in spec: CommandSpec, commandPath: String,
                              hint: String? = nil) -> UsageError {
        let candidates = spec.options.map { "--\($0.long)" }
        var message = "unknown option '\(spelled)' for '\(commandPath)'"
        if let near = Suggestion.closest(to: hint ?? spelled, among: candidates) {
            message += "; did you mean '\(near)'?"
        }
        return UsageError(message, command: commandPath)
    }
}
