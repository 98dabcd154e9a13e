import Foundation
import Yams

/// Reads typed values out of Yams nodes and records a diagnostic, at the node's own line and
/// column, for everything that is not what the schema expects. Nothing here stops at the
/// first problem: callers get nil and carry on, so one check reports every mistake.
final class NodeReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func error(at node: Node?, _ message: String) { report(.error, node?.mark, message) }
    func warning(at node: Node?, _ message: String) { report(.warning, node?.mark, message) }

    func error(line: Int, column: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, severity: .error, message: message))
    }

    private func report(_ severity: Diagnostic.Severity, _ mark: Mark?, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1,
                                      severity: severity, message: message))
    }

    /// What kind of YAML value a node is, in words, for "must be X, not Y" messages.
    static func kind(of node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let s): return isNull(s) ? "empty" : "'\(s.string)'"
        }
    }

    /// An empty value: nothing after the colon, `~` or a plain `null`.
    static func isNull(_ scalar: Node.Scalar) -> Bool {
        let s = scalar.string
        return s.isEmpty || (scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(s))
    }

    /// The entries of a mapping with string keys, after rejecting unknown keys (with a
    /// "did you mean"). nil, with an error, when the node is not a mapping.
    func mapping(_ node: Node, _ what: String, keys allowed: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error(at: node, "\(what) must be a mapping of keys to values, not \(Self.kind(of: node))")
            return nil
        }
        var fields = Fields(node: node)
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                error(at: key, "keys in \(what) must be plain words, not \(Self.kind(of: key))")
                continue
            }
            guard allowed.contains(name) else {
                var message = "unknown key '\(name)' in \(what)"
                if name == "<<" {
                    message += "; YAML merge keys are not supported"
                } else if let near = Suggestion.closest(to: name, among: allowed) {
                    message += "; did you mean '\(near)'?"
                } else {
                    message += " (expected: \(allowed.joined(separator: ", ")))"
                }
                error(at: key, message)
                continue
            }
            fields.entries.append((name, key, value))
        }
        return fields
    }

    /// A scalar value as text; nil with an error for a mapping, list or empty value.
    func text(_ node: Node, _ what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error(at: node, "\(what) must be text, not \(Self.kind(of: node))")
            return nil
        }
        let value = scalar.string.trimmingCharacters(in: .whitespaces)
        guard !Self.isNull(scalar), !value.isEmpty else {
            error(at: node, "\(what) is empty")
            return nil
        }
        return value
    }

    /// A duration (`90s`, `5m`, `1h5m`, `05:00`, `1:05:00`, plain seconds).
    func duration(_ node: Node, _ what: String, positive: Bool) -> Double? {
        guard let raw = text(node, what) else { return nil }
        guard let seconds = DurationValue.parse(raw), seconds < 7 * 86_400 else {
            error(at: node, "\(what) '\(raw)' is not a duration; write 90s, 5m, 1h5m, 05:00 or 1:05:00")
            return nil
        }
        if positive, seconds <= 0 {
            error(at: node, "\(what) must be longer than 0s")
            return nil
        }
        return seconds
    }

    /// `true` or `false`.
    func bool(_ node: Node, _ what: String) -> Bool? {
        guard let raw = text(node, what) else { return nil }
        switch raw.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(at: node, "\(what) must be true or false, not '\(raw)'")
            return nil
        }
    }

    /// A whole number of at least 1.
    func positiveInt(_ node: Node, _ what: String) -> Int? {
        guard let raw = text(node, what) else { return nil }
        guard raw.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(raw), value >= 1, value <= 1_000_000_000 else {
            error(at: node, "\(what) must be a whole number of at least 1, not '\(raw)'")
            return nil
        }
        return value
    }

    /// A list; nil with an error for anything else.
    func list(_ node: Node, _ what: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error(at: node, "\(what) must be a list (lines starting with '- '), not \(Self.kind(of: node))")
            return nil
        }
        return Array(sequence)
    }
}

/// The known keys of one mapping, in file order, with their nodes for diagnostics.
struct Fields {
    let node: Node
    var entries: [(name: String, key: Node, value: Node)] = []

    subscript(_ name: String) -> Node? { entries.first { $0.name == name }?.value }
    func key(_ name: String) -> Node? { entries.first { $0.name == name }?.key }

    /// The value of a required key, or nil after reporting it missing at the mapping's start.
    func required(_ name: String, in what: String, _ reader: NodeReader) -> Node? {
        guard let value = self[name] else {
            reader.error(at: node, "\(what) is missing required key '\(name)'")
            return nil
        }
        return value
    }
}
