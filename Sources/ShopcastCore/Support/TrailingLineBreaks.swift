import Foundation

extension String {
    /// The text without the line breaks (LF, CRLF, CR) and spaces or tabs at its end: a key or a
    /// token as a file holds it, written by an editor on any system. A CRLF is one Character in
    /// Swift, so this works on Unicode scalars.
    public var withoutTrailingLineBreaks: String {
        var scalars = unicodeScalars
        while let last = scalars.last, last == "\n" || last == "\r" || last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
