import Foundation

/// One IRC line (RFC 1459 with IRCv3 message tags): `@tags :prefix COMMAND params :trailing`.
/// Tag values are unescaped as IRCv3 says (`\s` space, `\:` semicolon, `\\`, `\r`, `\n`).
public struct IRCMessage: Equatable, Sendable {
    public var tags: [String: String]
    /// The nick of `nick!user@host`, or a server name.
    public var source: String?
    public var command: String
    public var parameters: [String]

    /// At most 8 KB of tags and 512 bytes of the rest, as IRCv3 allows; longer lines are cut by
    /// the reader before they get here.
    public init?(_ line: Substring) {
        var rest = line.drop { $0 == " " }
        tags = [:]
        if rest.first == "@" {
            guard let space = rest.firstIndex(of: " ") else { return nil }
            for pair in rest[rest.index(after: rest.startIndex)..<space].split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                tags[String(parts[0])] = parts.count > 1 ? Self.unescape(parts[1]) : ""
            }
            rest = rest[space...].drop { $0 == " " }
        }
        source = nil
        if rest.first == ":" {
            guard let space = rest.firstIndex(of: " ") else { return nil }
            let prefix = rest[rest.index(after: rest.startIndex)..<space]
            source = String(prefix.split(separator: "!", maxSplits: 1).first ?? prefix)
            rest = rest[space...].drop { $0 == " " }
        }
        parameters = []
        var trailing: Substring?
        if let colon = rest.range(of: " :") {
            trailing = rest[colon.upperBound...]
            rest = rest[..<colon.lowerBound]
        }
        let words = rest.split(separator: " ")
        guard let first = words.first else { return nil }
        command = first.uppercased()
        parameters = words.dropFirst().map(String.init)
        if let trailing { parameters.append(String(trailing)) }
    }

    static func unescape(_ value: Substring) -> String {
        var out = ""
        var escaping = false
        for ch in value {
            if escaping {
                switch ch {
                case "s": out.append(" ")
                case ":": out.append(";")
                case "r": out.append("\r")
                case "n": out.append("\n")
                default: out.append(ch)
                }
                escaping = false
            } else if ch == "\\" {
                escaping = true
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// What this line means for the screen, in Twitch's dialect (a plain IRC server sends only
    /// PRIVMSG, which reads the same): a message (display-name, color, badges, id, bits on a cheer),
    /// a USERNOTICE (subs, gifts: its system-msg, with the user's message if any), a CLEARMSG
    /// (one message deleted) or a CLEARCHAT (a user's messages, or all). Nil for the rest.
    public func chatEvent(source origin: String, number: Int) -> ChatEvent? {
        switch command {
        case "PRIVMSG":
            guard parameters.count >= 2, var text = parameters.last else { return nil }
            // CTCP ACTION (/me waves): the action's text.
            if text.hasPrefix("\u{1}ACTION "), text.hasSuffix("\u{1}") { text = String(text.dropFirst(8).dropLast()) }
            let login = source ?? "someone"
            let bits = tags["bits"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
            return .message(ChatMessage(id: messageID ?? "\(origin)#\(number)",
                                        author: displayName ?? login, login: login.lowercased(), color: color,
                                        text: text, kind: bits != nil ? .tip : .comment, bits: bits, source: origin, badges: badges))
        case "USERNOTICE":
            let system = tags["system-msg"] ?? ""
            let said = parameters.count >= 2 ? parameters.last! : ""
            let text = [system, said].filter { !$0.isEmpty }.joined(separator: " · ")
            guard !text.isEmpty else { return nil }
            let login = tags["login"] ?? source ?? "someone"
            return .message(ChatMessage(id: messageID ?? "\(origin)#\(number)",
                                        author: displayName ?? login, login: login.lowercased(), color: color,
                                        text: text, kind: .tip, source: origin, badges: badges))
        case "CLEARMSG":
            guard let id = tags["target-msg-id"], !id.isEmpty else { return nil }
            return .delete(id: id)
        case "CLEARCHAT":
            if parameters.count >= 2, let user = parameters.last, !user.isEmpty { return .clearUser(login: user.lowercased()) }
            return .clearAll
        default:
            return nil
        }
    }

    /// Twitch's `id`, or IRCv3's `msgid`.
    private var messageID: String? { (tags["id"] ?? tags["msgid"]).flatMap { $0.isEmpty ? nil : $0 } }
    private var displayName: String? { tags["display-name"].flatMap { $0.isEmpty ? nil : $0 } }
    private var color: RGBAColor? { tags["color"].flatMap { $0.isEmpty ? nil : RGBAColor(hex: $0) } }
    private var badges: [ChatBadge] { tags["badges"].map(ChatBadge.twitch) ?? [] }
}
