import Foundation

/// Escaping for roff (man page) source, so that any text from the command tree renders as
/// written: a help sentence may start with a dot, hold a backslash or a quote, or name
/// options whose hyphens must stay copy-pastable minus signs.
enum Roff {
    /// Escapes text for a line of running text (not a macro argument).
    ///
    /// Every hyphen becomes `\-`: option names and URLs are meant to be copied into a shell, and
    /// a plain `-` may be typeset as a Unicode hyphen. Non-ASCII characters become `\[uXXXX]`
    /// so the page is plain ASCII and renders the same without an input-encoding step. A line
    /// starting with `.` or `'` would be read as a request, so it is guarded with `\&`.
    static func text(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line(String($0)) }
            .joined(separator: "\n")
    }

    /// Escapes text for a quoted macro argument (`.TH`, `.SH`, `.SS`): as `text`, plus `"`.
    static func argument(_ text: String) -> String {
        "\"" + escapeCharacters(text).replacingOccurrences(of: "\"", with: "\\(dq") + "\""
    }

    /// `\fB…\fR`: bold, for command names and option spellings.
    static func bold(_ text: String) -> String { "\\fB" + escapeCharacters(text) + "\\fR" }

    /// `\fI…\fR`: italic, for placeholders such as FILE.
    static func italic(_ text: String) -> String { "\\fI" + escapeCharacters(text) + "\\fR" }

    private static func line(_ line: String) -> String {
        // Leading spaces would force a break and an indent in fill mode.
        var trimmed = Substring(line)
        while trimmed.first == " " { trimmed = trimmed.dropFirst() }
        let escaped = trimmed.split(separator: " ", omittingEmptySubsequences: false)
            .map { $0.count > longWord ? breakable(String($0)) : escapeCharacters(String($0)) }
            .joined(separator: " ")
        if escaped.hasPrefix(".") || escaped.hasPrefix("'") { return "\\&" + escaped }
        return escaped
    }

    /// Words longer than this get break points (long URLs, JSON shapes in help text); shorter
    /// ones, such as a timestamp, move to the next line whole when they do not fit.
    static let longWord = 40

    /// Escapes a long word and lets the line break after its punctuation (`\:` is an invisible
    /// break point): with hyphenation off, a word wider than the line could not break at all.
    static func breakable(_ word: String) -> String {
        var out = ""
        let chars = Array(word)
        for (index, ch) in chars.enumerated() {
            out += escapeCharacters(String(ch))
            // Not before closing punctuation, which belongs with what it closes.
            if index + 1 < chars.count, "/,=&?:;|}]".contains(ch), !".,;:)]}".contains(chars[index + 1]) {
                out += "\\:"
            }
        }
        return out
    }

    /// Escapes characters without regard to line position.
    static func escapeCharacters(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\e"
            case "-": out += "\\-"
            case "\t": out += " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                continue  // Control characters have no business in a man page.
            case _ where scalar.value > 0x7E:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
