import Foundation

/// `${NAME}` in text given on the command line (a destination, a webhook URL), replaced by the
/// environment's value so a key or token never appears in argv, `ps` or shell history. Every
/// value substituted is registered with the masker first, so no message printed afterwards,
/// FFmpeg's included, can show it. One rule for every command:
/// - `${` without its `}` and a name that is not `[A-Za-z_][A-Za-z0-9_]*` are usage errors (64);
/// - an unset or empty variable is a configuration error (78).
public struct EnvironmentExpander: Sendable {
    public let environment: [String: String]
    public let masker: SecretMasker

    public init(environment: [String: String], masker: SecretMasker = .shared) {
        self.environment = environment
        self.masker = masker
    }

    /// `text` with every `${NAME}` replaced. `subject` says in messages where the variable was
    /// used ("a destination", "--webhook"); `shown` is how `text` may be quoted in a message.
    public func expand(_ text: String, subject: String, shown: (String) -> String) throws -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                throw ShopcastError(.usage, "unclosed ${ in \(subject) '\(shown(text))'")
            }
            let name = String(rest[open.upperBound..<close])
            guard Self.isName(name) else {
                throw ShopcastError(.usage, "'${\(name)}' in \(subject) is not a variable name (letters, digits and _)")
            }
            guard let value = environment[name], !value.isEmpty else {
                throw ShopcastError(.config, "environment variable \(name), used in \(subject), is not set")
            }
            masker.register(value)
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
