import Foundation

/// Makes what viewers wrote fit to air: one line of at most `maxText` characters, no control or
/// invisible characters (bidi overrides, zero-width spaces), at most two combining marks on a
/// letter (no "Zalgo" towers), links replaced by "[link]" (never shown as text), and the
/// manifest's blocklist applied: each blocked word or pattern masked, or the whole message
/// dropped (`chat.blocked: drop`). Pure: the same message always comes out the same.
public struct ChatFilter: Sendable {
    public static let maxText = 200
    public static let maxAuthor = 25
    public static let mask = "•••"

    private let rules: [Rule]
    public let dropBlocked: Bool

    /// A blocklist entry: its expression, and for a plain ASCII word the word in lower case,
    /// which ASCII text must contain for the expression to have anything to find.
    private struct Rule: Sendable {
        let regex: NSRegularExpressionBox
        let word: [UInt8]?
    }

    /// `blocklist`: words (matched whole, any case) or `/patterns/` (regular expressions, any
    /// case). Throws at a pattern that does not compile, naming it.
    public init(blocklist: [String] = [], dropBlocked: Bool = false) throws {
        rules = try blocklist.map { entry in
            let pattern: String
            var word: [UInt8]?
            if entry.count >= 2, entry.hasPrefix("/"), entry.hasSuffix("/") {
                pattern = String(entry.dropFirst().dropLast())
            } else {
                pattern = "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: entry) + "(?![\\p{L}\\p{N}])"
                word = Self.asciiLowercased(entry)
            }
            do {
                let regex = NSRegularExpressionBox(try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]))
                return Rule(regex: regex, word: word?.isEmpty == false ? word : nil)
            } catch {
                throw ShopcastError(.badData, "chat.blocklist '\(entry)' is not a valid pattern")
            }
        }
        self.dropBlocked = dropBlocked
    }

    /// The message as it may air; nil when it must not (blocked and `dropBlocked`, or nothing
    /// left to show).
    public func clean(_ message: ChatMessage) -> ChatMessage? {
        var m = message
        m.author = Self.limit(Self.sanitize(m.author), to: Self.maxAuthor)
        m.text = Self.limit(Self.withoutLinks(Self.sanitize(m.text)), to: Self.maxText)
        for field in [\ChatMessage.author, \ChatMessage.text] where !rules.isEmpty {
            // A flood is mostly plain text no word of the list is in: looked for byte by byte
            // first, the expressions run only where they may find something.
            let lowered = Self.asciiLowercased(m[keyPath: field])
            for rule in rules {
                if let word = rule.word, let lowered, !Self.bytes(lowered, contain: word) { continue }
                let text = m[keyPath: field]
                let range = NSRange(text.startIndex..., in: text)
                guard rule.regex.regex.firstMatch(in: text, range: range) != nil else { continue }
                if dropBlocked { return nil }
                m[keyPath: field] = rule.regex.regex.stringByReplacingMatches(in: text, range: range, withTemplate: Self.mask)
            }
        }
        if m.author.isEmpty { m.author = "?" }
        guard !m.text.isEmpty || m.kind == .purchase || m.isTip else { return nil }
        return m
    }

    /// One line of visible characters: controls and line breaks become spaces, invisible and
    /// direction-overriding characters go, combining marks are kept two to a letter, and runs
    /// of spaces become one.
    static func sanitize(_ text: String) -> String {
        sanitizedASCII(text) ?? sanitizedScalars(text)
    }

    /// `sanitize` scalar by scalar, by their Unicode properties.
    static func sanitizedScalars(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var marks = 0
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            switch properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator, .spaceSeparator:
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                marks = 0
                continue
            case .format:
                // Zero-width joiners hold emoji sequences together; every other format
                // character (zero-width space, bidi overrides and isolates, BOM) goes.
                if scalar.value == 0x200D { out.append(scalar) }
                continue
            case .nonspacingMark, .enclosingMark, .spacingMark:
                marks += 1
                if marks > 2 { continue }
            default:
                marks = 0
            }
            if (0xFE00...0xFE0F).contains(scalar.value) { marks = 0 }  // emoji presentation selectors are not marks to count
            out.append(scalar)
            lastWasSpace = false
        }
        return String(out).trimmingCharacters(in: .whitespaces)
    }

    /// `sanitize` for ASCII text, byte by byte (nil for any other): controls become spaces,
    /// runs of spaces one, none at either end.
    static func sanitizedASCII(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if byte <= 0x20 || byte == 0x7F {
                if !lastWasSpace { out.append(0x20) }
                lastWasSpace = true
            } else {
                out.append(byte)
                lastWasSpace = false
            }
        }
        if out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text's bytes in lower case when it is all ASCII; nil otherwise.
    private static func asciiLowercased(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            out.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
        }
        return out
    }

    private static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Links never air as text: "see shop.example/x" becomes "see [link]".
    static func withoutLinks(_ text: String) -> String {
        // Every form the pattern knows has a dot or a "://" in it.
        guard text.utf8.contains(where: { $0 == 0x2E || $0 == 0x3A }) else { return text }
        return linksReplaced(text)
    }

    static func linksReplaced(_ text: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        return linkPattern.regex.stringByReplacingMatches(in: text, range: range, withTemplate: "[link]")
    }

    private static let linkPattern = NSRegularExpressionBox(try! NSRegularExpression(
        pattern: #"(?i)\b(?:[a-z][a-z0-9+.-]*://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)+/\S*|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|ly|gg|tv|me|co|shop|store|xyz|info|biz|link|app|site|online|it|de|fr|es|uk|ro|ru|cn|jp|in|br|us|eu)\b(?:/\S*)?"#))

    /// At most `count` characters (grapheme clusters), the cut marked with "…".
    static func limit(_ text: String, to count: Int) -> String {
        // No more bytes than allowed is no more characters (each is at least one byte).
        text.utf8.count <= count || text.count <= count ? text : String(text.prefix(count - 1)) + "…"
    }
}

/// NSRegularExpression is immutable once made, and safe to share between threads.
struct NSRegularExpressionBox: @unchecked Sendable {
    let regex: NSRegularExpression
    init(_ regex: NSRegularExpression) { self.regex = regex }
}
