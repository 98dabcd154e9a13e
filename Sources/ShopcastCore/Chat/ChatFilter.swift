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

    private let rules: [NSRegularExpressionBox]
    public let dropBlocked: Bool

    /// `blocklist`: words (matched whole, any case) or `/patterns/` (regular expressions, any
    /// case). Throws at a pattern that does not compile, naming it.
    public init(blocklist: [String] = [], dropBlocked: Bool = false) throws {
        rules = try blocklist.map { entry in
            let pattern: String
            if entry.count >= 2, entry.hasPrefix("/"), entry.hasSuffix("/") {
                pattern = String(entry.dropFirst().dropLast())
            } else {
                pattern = "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: entry) + "(?![\\p{L}\\p{N}])"
            }
            do {
                return NSRegularExpressionBox(try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]))
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
        for rule in rules {
            for field in [\ChatMessage.author, \ChatMessage.text] {
                let text = m[keyPath: field]
                let range = NSRange(text.startIndex..., in: text)
                guard rule.regex.firstMatch(in: text, range: range) != nil else { continue }
                if dropBlocked { return nil }
                m[keyPath: field] = rule.regex.stringByReplacingMatches(in: text, range: range, withTemplate: Self.mask)
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

    /// Links never air as text: "see shop.example/x" becomes "see [link]".
    static func withoutLinks(_ text: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        return linkPattern.regex.stringByReplacingMatches(in: text, range: range, withTemplate: "[link]")
    }

    private static let linkPattern = NSRegularExpressionBox(try! NSRegularExpression(
        pattern: #"(?i)\b(?:[a-z][a-z0-9+.-]*://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)+/\S*|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|ly|gg|tv|me|co|shop|store|xyz|info|biz|link|app|site|online|it|de|fr|es|uk|ro|ru|cn|jp|in|br|us|eu)\b(?:/\S*)?"#))

    /// At most `count` characters (grapheme clusters), the cut marked with "…".
    static func limit(_ text: String, to count: Int) -> String {
        text.count <= count ? text : String(text.prefix(count - 1)) + "…"
    }
}

/// NSRegularExpression is immutable once made, and safe to share between threads.
struct NSRegularExpressionBox: @unchecked Sendable {
    let regex: NSRegularExpression
    init(_ regex: NSRegularExpression) { self.regex = regex }
}
