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
    /// The author's standing in the channel (the host, a moderator…), most senior first.
    public var badges: [ChatBadge]

    public init(id: String, author: String, login: String? = nil, color: RGBAColor? = nil, text: String,
                kind: Kind = .comment, amount: Decimal? = nil, currency: String? = nil, bits: Int? = nil, source: String,
                badges: [ChatBadge] = []) {
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
        self.badges = Array(Set(badges)).sorted()
    }

    /// Tips and cheers stand out and stay longer.
    public var isTip: Bool { kind == .tip || bits != nil }
}

/// An author's standing in the channel, as the platform marks it. The screen shows the most
/// senior one before the name.
public enum ChatBadge: String, Sendable, CaseIterable, Comparable {
    /// The channel's owner: the host (Twitch `broadcaster`, YouTube's owner).
    case broadcaster
    case moderator
    case vip
    /// A paying member (Twitch `subscriber` or `founder`, a YouTube member).
    case subscriber

    /// A badge by its name, the platforms' own included: Twitch's `broadcaster`, `moderator`,
    /// `lead_moderator`, `vip`, `subscriber`, `founder`; YouTube's `owner`, `member`. Nil for
    /// the rest (Twitch's `premium`, `bits`, `partner` …: not a standing in this channel).
    public init?(named name: String) {
        switch name.lowercased() {
        case "broadcaster", "owner", "host": self = .broadcaster
        case "moderator", "lead_moderator": self = .moderator
        case "vip": self = .vip
        case "subscriber", "founder", "member": self = .subscriber
        default: return nil
        }
    }

    /// Twitch's `badges` tag ("broadcaster/1,subscriber/12"): the badges this channel gives.
    public static func twitch(_ tag: String) -> [ChatBadge] {
        tag.split(separator: ",").compactMap { ChatBadge(named: String($0.prefix { $0 != "/" })) }
    }

    /// What goes before the name on screen.
    public var mark: String {
        switch self {
        case .broadcaster: return "🎙️"
        case .moderator: return "🛡️"
        case .vip: return "💎"
        case .subscriber: return "⭐"
        }
    }

    public static func < (a: ChatBadge, b: ChatBadge) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
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
