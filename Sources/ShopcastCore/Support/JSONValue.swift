import Foundation

/// A JSON value whose object keys keep the order they were written in, so event lines and
/// `--json` output read the same every time and diff cleanly.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number written exactly as given (decimal strings from `Decimal`, offsets with ms).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// A number with at most three decimals, without trailing zeros (`300`, `12.5`, `0.042`).
    /// Worked out in whole milliseconds (no String(format:): this is on every API answer).
    public static func seconds(_ value: Double) -> JSONValue {
        let rounded = (value * 1000).rounded()
        guard rounded.isFinite else { return .null }
        guard abs(rounded) < 1e15 else { return exact(rounded / 1000) }
        let ms = Int(rounded)
        let whole = ms.magnitude / 1000, fraction = ms.magnitude % 1000
        if fraction == 0 { return .int(ms / 1000) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return .number((ms < 0 ? "-" : "") + String(whole) + "." + digits)
    }

    /// A number exactly as the double holds it (shortest text that reads back to the same
    /// double): offsets in a journal, which a replay must land on exactly.
    public static func exact(_ value: Double) -> JSONValue {
        value.isFinite ? .number("\(value)") : .null
    }

    /// A `Decimal` as a JSON number in plain notation (`31.92`).
    public static func decimal(_ value: Decimal) -> JSONValue {
        .number(value.plainText)
    }

    /// Compact JSON on one line.
    public var rendered: String {
        var out = ""
        if case .object = self { out.reserveCapacity(1024) }
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let n): out += n
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                JSONValue.quote(key, into: &out)
                out += ":"
                value.write(into: &out)
            }
            out += "}"
        }
    }

    private static func quote(_ s: String, into out: inout String) {
        out += "\""
        // Most strings need no escape: copy them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered == rhs.rendered }
}
