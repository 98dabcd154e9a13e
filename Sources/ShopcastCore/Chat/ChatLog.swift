import Foundation

/// `go-live --chat-log FILE`: every chat message the show received (shown, or held back by the
/// flood rule) and every deletion, as JSON lines at the show offset the director took them, so
/// that `overlay --chat-log FILE` replays the chat exactly as it aired (the board is a pure
/// function of what arrived when). One line each:
/// `{"offset":12.345,"chat":{"id","author","login","color","text","kind","amount","currency","bits","source","badges"}}`,
/// `{"offset":…,"delete":"ID"}`, `{"offset":…,"clear_user":"login"}`, `{"offset":…,"clear":true}`.
public enum ChatLog {
    public static func line(_ event: ChatEvent, offset: Double) -> String {
        var fields: [(String, JSONValue)] = [("offset", .seconds(offset))]
        switch event {
        case .message(let m):
            fields.append(("chat", .object([
                ("id", .string(m.id)), ("author", .string(m.author)), ("login", m.login.map { .string($0) } ?? .null),
                ("color", m.color.map { .string($0.hexString) } ?? .null), ("text", .string(m.text)), ("kind", .string(m.kind.rawValue)),
                ("amount", m.amount.map { .string($0.plainText) } ?? .null), ("currency", m.currency.map { .string($0) } ?? .null),
                ("bits", m.bits.map { .int($0) } ?? .null), ("source", .string(m.source)),
                ("badges", .array(m.badges.map { .string($0.rawValue) })),
            ])))
        case .delete(let id): fields.append(("delete", .string(id)))
        case .clearUser(let login): fields.append(("clear_user", .string(login)))
        case .clearAll: fields.append(("clear", .bool(true)))
        case .approve(let id): fields.append(("approve", .string(id)))
        case .pin(let id): fields.append(("pin", .string(id)))
        case .unpin: fields.append(("unpin", .bool(true)))
        }
        return JSONValue.object(fields).rendered
    }

    /// The log's events by offset; a line that is not one (a log cut by a crash) is an error
    /// naming its line, except a cut last line, which is left out.
    public static func read(_ data: Data, path: String) throws -> [(offset: Double, event: ChatEvent)] {
        var out: [(Double, ChatEvent)] = []
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (i, raw) in lines.enumerated() where !raw.isEmpty {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(raw))) as? [String: Any],
                  let offset = (object["offset"] as? NSNumber)?.doubleValue, offset.isFinite else {
                if i == lines.count - 1 || (i == lines.count - 2 && lines.last?.isEmpty == true) { continue }
                throw ShopcastError(.badData, "\(path):\(i + 1): not a shopcast chat log line")
            }
            if let chat = object["chat"] as? [String: Any], let id = chat["id"] as? String, let author = chat["author"] as? String,
               let text = chat["text"] as? String {
                out.append((offset, .message(ChatMessage(
                    id: id, author: author, login: chat["login"] as? String, color: (chat["color"] as? String).flatMap(RGBAColor.init(hex:)),
                    text: text, kind: (chat["kind"] as? String).flatMap(ChatMessage.Kind.init(rawValue:)) ?? .comment,
                    amount: (chat["amount"] as? String).flatMap(Money.parseAmount), currency: chat["currency"] as? String,
                    bits: (chat["bits"] as? NSNumber)?.intValue, source: chat["source"] as? String ?? "log",
                    badges: (chat["badges"] as? [String] ?? []).compactMap(ChatBadge.init(named:))))))
            } else if let id = object["delete"] as? String {
                out.append((offset, .delete(id: id)))
            } else if let login = object["clear_user"] as? String {
                out.append((offset, .clearUser(login: login)))
            } else if object["clear"] != nil {
                out.append((offset, .clearAll))
            } else if let id = object["approve"] as? String {
                out.append((offset, .approve(id: id)))
            } else if let id = object["pin"] as? String {
                out.append((offset, .pin(id: id)))
            } else if object["unpin"] != nil {
                out.append((offset, .unpin))
            } else {
                throw ShopcastError(.badData, "\(path):\(i + 1): not a shopcast chat log line")
            }
        }
        return out.sorted { $0.0 < $1.0 }
    }
}
