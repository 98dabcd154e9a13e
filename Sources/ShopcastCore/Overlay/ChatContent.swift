import Foundation

/// What the chat column shows: its entries, newest last, already worded (a tip's amount in the
/// show's locale), and which side of the picture it takes.
public struct ChatContent: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var id: String
        public var author: String
        public var color: RGBAColor?
        public var text: String
        public var kind: ChatMessage.Kind
        /// "€5,00", "500 bits": set on tips and cheers.
        public var amount: String?
        /// The same words this many times.
        public var count: Int
        /// The author's most senior badge, marked before the name.
        public var badge: ChatBadge?

        public init(id: String, author: String, color: RGBAColor? = nil, text: String, kind: ChatMessage.Kind = .comment,
                    amount: String? = nil, count: Int = 1, badge: ChatBadge? = nil) {
            self.id = id
            self.author = author
            self.color = color
            self.text = text
            self.kind = kind
            self.amount = amount
            self.count = count
            self.badge = badge
        }
    }

    public var entries: [Entry]
    /// Pinned above the column until unpinned.
    public var pinned: Entry?
    public var side: ChatPosition
    /// Text size factor (manifest `chat.size`).
    public var size: Double
    /// How a purchase reads after the buyer's name ("bought", "ha comprato").
    public var bought: String
    /// Where the product card sits: the column keeps clear of it.
    public var cardPosition: OverlayTheme.Position

    public init(entries: [Entry], pinned: Entry? = nil, side: ChatPosition, size: Double = 1, bought: String = "bought",
                cardPosition: OverlayTheme.Position = .bottomLeft) {
        self.entries = entries
        self.pinned = pinned
        self.side = side
        self.size = size
        self.bought = bought
        self.cardPosition = cardPosition
    }
}
