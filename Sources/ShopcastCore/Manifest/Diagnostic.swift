/// One problem found in a manifest, with the exact place a user should look.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    /// The manifest's path as the user gave it.
    public let file: String
    /// 1-based line and column (columns count Unicode scalars, as libyaml does).
    public let line: Int
    public let column: Int
    public let severity: Severity
    public let message: String

    public init(file: String, line: Int, column: Int, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `show.yaml:12:5: error: message`, the form editors and CI logs link to.
    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }
}

/// Prints diagnostics for people (one `file:line:col: severity: message` line each) or for
/// scripts (one JSON document).
public enum DiagnosticRenderer {
    /// Text lines, in file order, each ending in a newline.
    public static func text(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { $0.description + "\n" }.joined()
    }

    /// One JSON object per diagnostic.
    public static func json(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("file", .string(diagnostic.file)),
            ("line", .int(diagnostic.line)),
            ("column", .int(diagnostic.column)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
        ])
    }

    /// `{"ok":false,"errors":1,"warnings":0,"diagnostics":[…]}` for `--json`.
    public static func jsonDocument(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        return JSONValue.object([
            ("ok", .bool(errors == 0)),
            ("errors", .int(errors)),
            ("warnings", .int(diagnostics.count - errors)),
            ("diagnostics", .array(diagnostics.map(json))),
        ]).rendered + "\n"
    }
}
