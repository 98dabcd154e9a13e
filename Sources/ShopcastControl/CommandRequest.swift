import Foundation
import ShopcastCore

/// A request body's fields, checked one by one: every value that cannot be used is a 400 that
/// names its field, and nothing is applied. Bodies are JSON objects; an empty body is an empty
/// object.
struct CommandRequest {
    private let fields: [String: JSONInput]

    /// Parses `data` as a JSON object holding only `allowed` keys.
    init(_ data: Data, allowed: [String]) throws {
        guard !data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            fields = [:]
            return
        }
        let value: JSONInput
        do {
            value = try JSONDecoder().decode(JSONInput.self, from: data)
        } catch {
            throw APIError(.badRequest, "the body is not valid JSON", field: "body")
        }
        guard case .object(let object) = value else {
            throw APIError(.badRequest, "the body must be a JSON object, not \(value.kind)", field: "body")
        }
        for key in object.keys.sorted() where !allowed.contains(key) {
            var message = "unknown field '\(key)'"
            if let near = Suggestion.closest(to: key, among: allowed) { message += "; did you mean '\(near)'?" }
            message += allowed.isEmpty ? " (this request takes no fields)" : " (fields: \(allowed.joined(separator: ", ")))"
            throw APIError(.badRequest, message, field: key)
        }
        // null is not a value of any field: it is refused like any other wrong type.
        fields = object
    }

    /// The fields an offer cue may override.
    static let overrideFields = ["for", "discount", "price", "code", "quantity"]

    var overrides: OfferOverrides {
        get throws {
            OfferOverrides(length: try duration("for"), discount: try percent("discount"), price: try price("price"),
                           code: try code("code"), quantity: try count("quantity", minimum: 0))
        }
    }

    /// Seconds, a number above 0 and at most a day.
    func duration(_ key: String) throws -> Double? {
        guard let value = fields[key] else { return nil }
        guard case .number(let n) = value, n > 0, n <= 86_400 else {
            throw APIError(.badRequest, "\(key) must be a number of seconds above 0 and at most 86400", field: key)
        }
        return NSDecimalNumber(decimal: n).doubleValue
    }

    /// A percentage off, a number from 1 to 99.
    func percent(_ key: String) throws -> Decimal? {
        guard let value = fields[key] else { return nil }
        guard case .number(let n) = value, n >= 1, n <= 99 else {
            throw APIError(.badRequest, "\(key) must be a number from 1 to 99 (percent off the list price)", field: key)
        }
        return n
    }

    /// A price above 0: a number, or exact decimal text such as "29.90" (digits, at most four decimals).
    func price(_ key: String) throws -> Decimal? {
        guard let value = fields[key] else { return nil }
        var amount: Decimal?
        switch value {
        case .number(let n): amount = n
        case .string(let s) where s.range(of: #"^[0-9]{1,9}(\.[0-9]{1,4})?$"#, options: .regularExpression) != nil:
            amount = Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))
        default: break
        }
        guard let amount, amount > 0, amount < 1_000_000_000 else {
            throw APIError(.badRequest, "\(key) must be a price above 0: a number, or text such as \"29.90\"", field: key)
        }
        return amount
    }

    /// Where a vertical crop sits, as 0 (left) to 1 (right): a percentage from 0 to 100, or
    /// the text --crop-vertical takes (left, centre, center, right, "30%").
    func cropPosition(_ key: String) throws -> Double? {
        guard let value = fields[key] else { return nil }
        switch value {
        case .number(let n) where n >= 0 && n <= 100: return NSDecimalNumber(decimal: n).doubleValue / 100
        case .string(let text) where text.range(of: Self.cropPattern, options: .regularExpression) != nil:
            if let position = Framing.position(from: text) { return position }
        default: break
        }
        throw APIError(.badRequest, "\(key) must be left, centre, right, or a percentage from 0 (left) to 100 (right)", field: key)
    }

    /// The words a crop position may be given in (the OpenAPI document's pattern).
    static let cropPattern = #"^(left|centre|center|right|[0-9]{1,3}(\.[0-9]{1,4})?%?)$"#

    /// A discount code: 1 to 40 characters (Unicode code points), no control characters.
    func code(_ key: String) throws -> String? {
        guard let value = fields[key] else { return nil }
        guard case .string(let text) = value, (1...40).contains(text.unicodeScalars.count), !Self.hasControl(text) else {
            throw APIError(.badRequest, "\(key) must be 1 to 40 characters on one line", field: key)
        }
        return text
    }

    /// A whole number from `minimum` to 1,000,000,000.
    func count(_ key: String, minimum: Int) throws -> Int? {
        guard let value = fields[key] else { return nil }
        guard case .number(let n) = value, n == n.rounded(), n >= Decimal(minimum), n <= 1_000_000_000 else {
            throw APIError(.badRequest, "\(key) must be a whole number of at least \(minimum)", field: key)
        }
        return NSDecimalNumber(decimal: n).intValue
    }

    /// Text for the screen: 1 to 200 characters (Unicode code points) on one line.
    func text(_ key: String) throws -> String? {
        guard let value = fields[key] else { return nil }
        guard case .string(let text) = value, (1...200).contains(text.unicodeScalars.count), !Self.hasControl(text) else {
            throw APIError(.badRequest, "\(key) must be 1 to 200 characters on one line", field: key)
        }
        return text
    }

    /// C0 and C1 control characters and the Unicode line and paragraph separators: nothing that
    /// breaks a line on screen or in a log.
    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }

    func required<T>(_ key: String, _ read: (String) throws -> T?) throws -> T {
        guard let value = try read(key) else { throw APIError(.badRequest, "\(key) is required", field: key) }
        return value
    }
}

extension Decimal {
    fileprivate func rounded() -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, 0, .plain)
        return result
    }
}
