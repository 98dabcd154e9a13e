import Foundation

/// One thing viewers said or did in chat, from any source (Twitch, an IRC channel, a JSON-lines
/// bridge, the shop's backend through the control API), already cleaned for the screen
/// (`ChatFilter`).
public struct ChatMessage: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case comment, tip, purchase
    }

    /// Unique within its source (Twitch's msgid, the bridge's id, else one made on arrival):
    /// what deletions, approvals and pins name.
    public var id: String
    /// The name shown.
    public var author: String
    /// The account behind the name, for a ban that clears all of its messages (IRC nick).
    public var login: String?
    /// The author's colour (Twitch's `color` tag), nil for the theme's.
    public var color: RGBAColor?
    public var text: String
    public var kind: Kind
    /// A tip's amount and ISO 4217 currency, or a cheer's bits.
    public var amount: Decimal?
    public var currency: String?
    public var bits: Int?
    /// Where it came from, as given to --chat ("twitch:shopcast", "jsonl:tips.jsonl").
    public var source: String

    public init(id: String, author: String, login: String? = nil, color: RGBAColor? = nil, text: String,
                kind: Kind = .comment, amount: Decimal? = nil, currency: String? = nil, bits: Int? = nil, source: String) {
        self.id = id
        self.author = author
        self.login = login
        self.color = color
        self.text = text
        self.kind = kind
        self.amount = amount
        self.currency = currency
        self.bits = bits
        self.source = source
    }

    /// Tips and cheers stand out and stay longer.
    public var isTip: Bool { kind == .tip || bits != nil }
}

/// What a chat source can say: a message, or that messages must leave the screen.
public enum ChatEvent: Sendable, Equatable {
    case message(ChatMessage)
    /// One message deleted by a moderator (Twitch CLEARMSG).
    case delete(id: String)
    /// A user timed out or banned: all of their messages (Twitch CLEARCHAT with a user).
    case clearUser(login: String)
    /// The whole chat cleared (CLEARCHAT without a user).
    case clearAll
    /// The producer's moderation: a held message goes on screen (`--chat-hold`).
    case approve(id: String)
    /// The producer pins a message (on screen or held) above the column until unpinned: the
    /// question the host is answering.
    case pin(id: String)
    case unpin
}
