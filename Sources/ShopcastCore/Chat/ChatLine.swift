import Foundation

/// The JSON-lines contract of `--chat jsonl:FILE`, `jsonl:-` and `exec:COMMAND`: one object a
/// line, `{"author":"Giulia","text":"Does it come in blue?"}`, with optional `id` (for later
/// deletion), `kind` ("comment", "tip", "purchase"), `amount` (a number or decimal string) with
/// `currency` (ISO 4217) for a tip (whose `text` may be empty), `color` ("#RRGGBB"), `badges`
/// (the author's standing: `["moderator"]`, from broadcaster, moderator, vip, subscriber or the
/// platforms' own names, others ignored), and `{"delete":"ID"}` to take one message off the
/// screen. A purchase is announced as `{"kind":"purchase","author":"Giulia",
/// "text":"the silk scarf"}` ("Giulia bought the silk scarf").
public enum ChatLine {
    /// Lines longer than this are refused unread: a message is a sentence, not a file.
    public static let maxBytes = 8 << 10

    /// Why a line was skipped.
    public enum Problem: Error, Equatable, Sendable {
        case tooLong(Int), notUTF8, notJSON, noText, badField(String)

        public var words: String {
            switch self {
            case .tooLong(let n): return "a line of \(n) bytes (at most \(ChatLine.maxBytes))"
            case .notUTF8: return "a line that is not UTF-8"
            case .notJSON: return "a line that is not one JSON object"
            case .noText: return "a line without \"text\" (or \"author\")"
            case .badField(let name): return "a line whose \"\(name)\" is not usable"
            }
        }
    }

    /// Parses one line (without its newline). `number` makes ids for lines that bring none.
    public static func parse(_ bytes: Data, source: String, number: Int) -> Result<ChatEvent, Problem> {
        guard bytes.count <= maxBytes else { return .failure(.tooLong(bytes.count)) }
        guard let text = String(data: bytes, encoding: .utf8) else { return .failure(.notUTF8) }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            return .failure(.notJSON)
        }
        if let id = object["delete"] {
            guard let id = id as? String, !id.isEmpty else { return .failure(.badField("delete")) }
            return .success(.delete(id: id))
        }
        guard let author = object["author"] as? String, !author.isEmpty,
              let said = object["text"] as? String else { return .failure(.noText) }
        var kind = ChatMessage.Kind.comment
        if let raw = object["kind"] {
            guard let name = raw as? String, let known = ChatMessage.Kind(rawValue: name) else { return .failure(.badField("kind")) }
            kind = known
        }
        var amount: Decimal?
        if let raw = object["amount"] {
            if let number = raw as? NSNumber {
                amount = Decimal(string: number.stringValue)
            } else if let string = raw as? String {
                amount = Money.parseAmount(string)
            }
            guard let value = amount, value > 0 else { return .failure(.badField("amount")) }
        }
        let currency = (object["currency"] as? String).map { $0.uppercased() }
        if amount != nil, currency.flatMap({ Currency(code: $0) }) == nil { return .failure(.badField("currency")) }
        let id = (object["id"] as? String).flatMap { $0.isEmpty ? nil : String($0.prefix(128)) } ?? "\(source)#\(number)"
        let color = (object["color"] as? String).flatMap(RGBAColor.init(hex:))
        var badges: [ChatBadge] = []
        if let raw = object["badges"] {
            guard let names = raw as? [Any], names.count <= 16 else { return .failure(.badField("badges")) }
            badges = names.compactMap { ($0 as? String).flatMap(ChatBadge.init(named:)) }
        }
        // A tip may come without words (a Super Sticker): its amount is what airs.
        guard kind == .purchase || amount != nil || !said.isEmpty else { return .failure(.noText) }
        return .success(.message(ChatMessage(id: id, author: author, color: color, text: said,
                                             kind: amount != nil && kind == .comment ? .tip : kind,
                                             amount: amount, currency: currency, source: source, badges: badges)))
    }
}
