import Foundation

/// A chat entry on screen: the message, when it came on and when it goes, and how many times
/// the same words arrived while it was up (duplicates collapse into it).
public struct ShownChat: Sendable, Equatable {
    public let message: ChatMessage
    public let start: Double
    public var end: Double
    public var count: Int
    /// The words that make a repeat of it (`ChatBoard.key`), worked out once.
    let key: String

    public init(message: ChatMessage, start: Double, end: Double, count: Int) {
        self.message = message
        self.start = start
        self.end = end
        self.count = count
        key = message.kind == .comment && !message.isTip ? ChatBoard.key(message.text) : ""
    }

    public var id: String { message.id }
}

/// Why an entry left the screen.
public enum ChatHideReason: String, Sendable {
    case expired, deleted, cleared, pushed
    /// Moved up to the pinned place.
    case pinned
}

/// The chat column's rules, from the manifest's `chat:` section.
public struct ChatSettings: Sendable, Equatable {
    /// Entries on screen at once.
    public var lines = 4
    /// Seconds an entry stays; tips and purchases stay twice as long.
    public var seconds = 8.0
    /// New entries a second that may reach the screen; the rest are counted, not shown.
    public var perSecond = 2.0
    /// `--chat-hold`: nothing goes on screen until the producer approves it.
    public var hold = false

    public init(lines: Int = 4, seconds: Double = 8, perSecond: Double = 2, hold: Bool = false) {
        self.lines = lines
        self.seconds = seconds
        self.perSecond = perSecond
        self.hold = hold
    }
}

/// What the chat column shows, as a pure function of the messages and when they came: at most
/// `lines` entries, newest last, each for its time; a flood admits `perSecond` new entries a
/// second (the rest are not shown: the chat log keeps them); the same words again while an
/// entry with them is up count on that entry; deletions and bans take entries off at once.
/// Bounded whatever arrives: `lines` entries and the last second's admissions.
public struct ChatBoard: Sendable {
    public let settings: ChatSettings
    public private(set) var shown: [ShownChat] = []
    /// The pinned entry, above the column until unpinned.
    public private(set) var pinned: ShownChat?
    /// Held for approval (`hold`), newest last; at most `maxHeld`, the oldest dropped.
    public private(set) var held: [ChatMessage] = []
    public static let maxHeld = 200
    /// Recent messages by id, for pinning one that has left the screen.
    private var recent: [ChatMessage] = []
    private var admitted: [Double] = []
    /// Messages not shown because of the rate limit, since the start.
    public private(set) var flooded = 0

    public init(settings: ChatSettings) { self.settings = settings }

    public typealias Change = (offset: Double, event: ShowEvent)

    /// Applies `event` at `t` (after `expire(at: t)`).
    public mutating func receive(_ event: ChatEvent, at t: Double) -> [Change] {
        var changes: [Change] = []
        switch event {
        case .message(let message):
            remember(message)
            if settings.hold {
                held.append(message)
                if held.count > Self.maxHeld { held.removeFirst(held.count - Self.maxHeld) }
                // The producer hears of it (events, the API's stream) to approve it by id.
                return [(t, .chatHeld(ShownChat(message: message, start: t, end: t, count: 1)))]
            }
            let key = message.kind == .comment && !message.isTip ? Self.key(message.text) : ""
            if !key.isEmpty, let i = shown.firstIndex(where: { $0.key == key }) {
                shown[i].count += 1
                shown[i].end = max(shown[i].end, t + settings.seconds)
                return []
            }
            admitted.removeAll { $0 <= t - 1 }
            guard Double(admitted.count) < settings.perSecond else {
                flooded += 1
                return []
            }
            admitted.append(t)
            put(message, at: t, into: &changes)
        case .delete(let id):
            held.removeAll { $0.id == id }
            hide(at: t, reason: .deleted, into: &changes) { $0.message.id == id }
            if pinned?.id == id { changes.append((t, .chatUnpinned(pinned!))); pinned = nil }
        case .approve(let id):
            // The producer's choice: past the flood rule, once.
            guard let i = held.firstIndex(where: { $0.id == id }) else { return [] }
            put(held.remove(at: i), at: t, into: &changes)
        case .pin(let id):
            guard let message = shown.first(where: { $0.id == id })?.message ?? held.first(where: { $0.id == id }) ?? recent.first(where: { $0.id == id }) else { return [] }
            if let old = pinned { changes.append((t, .chatUnpinned(old))) }
            held.removeAll { $0.id == id }
            hide(at: t, reason: .pinned, into: &changes) { $0.message.id == id }
            let entry = ShownChat(message: message, start: t, end: .infinity, count: 1)
            pinned = entry
            changes.append((t, .chatPinned(entry)))
        case .unpin:
            if let old = pinned { changes.append((t, .chatUnpinned(old))) }
            pinned = nil
        case .clearUser(let login):
            held.removeAll { $0.login == login }
            hide(at: t, reason: .cleared, into: &changes) { $0.message.login == login }
            if let p = pinned, p.message.login == login { changes.append((t, .chatUnpinned(p))); pinned = nil }
        case .clearAll:
            held.removeAll()
            hide(at: t, reason: .cleared, into: &changes) { _ in true }
            if let p = pinned { changes.append((t, .chatUnpinned(p))); pinned = nil }
        }
        return changes
    }

    private mutating func put(_ message: ChatMessage, at t: Double, into changes: inout [Change]) {
        let stay = settings.seconds * (message.isTip || message.kind == .purchase ? 2 : 1)
        let entry = ShownChat(message: message, start: t, end: t + stay, count: 1)
        shown.append(entry)
        changes.append((t, .chatShown(entry)))
        while shown.count > settings.lines {
            changes.append((t, .chatHidden(shown.removeFirst(), reason: .pushed)))
        }
    }

    private mutating func remember(_ message: ChatMessage) {
        recent.append(message)
        if recent.count > 50 { recent.removeFirst(recent.count - 50) }
    }

    /// Entries whose time is up by `t` leave.
    public mutating func expire(at t: Double) -> [Change] {
        var changes: [Change] = []
        hide(at: t, reason: .expired, into: &changes) { $0.end <= t }
        return changes
    }

    /// The next moment an entry leaves, after `t`.
    public func nextExpiry(after t: Double) -> Double? {
        shown.map(\.end).filter { $0 > t }.min()
    }

    private mutating func hide(at t: Double, reason: ChatHideReason, into changes: inout [Change], _ matching: (ShownChat) -> Bool) {
        for entry in shown where matching(entry) {
            changes.append((reason == .expired ? entry.end : t, .chatHidden(entry, reason: reason)))
        }
        shown.removeAll(where: matching)
    }

    /// Duplicates are the same words, whatever the case and spacing.
    static func key(_ text: String) -> String {
        asciiKey(text) ?? unicodeKey(text)
    }

    static func unicodeKey(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Most chat is ASCII: lowered and spaced byte by byte, the same key without Unicode's
    /// property tables; nil for any other text.
    static func asciiKey(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                if let last = bytes.last, last != 0x20 { bytes.append(0x20) }
            } else {
                bytes.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            }
        }
        if bytes.last == 0x20 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
