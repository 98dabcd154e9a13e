import Foundation
import Yams

/// Reads a manifest file: size cap and YAML limits first (`YAMLBudget`), then Yams' node tree,
/// then the schema and timeline rules. Every problem found is returned, with its line:col.
public struct ManifestLoader: Sendable {
    public var budget = YAMLBudget()

    public init() {}

    /// The outcome of loading one file: the manifest when it has no errors, and every diagnostic.
    public struct Result: Sendable {
        public let manifest: Manifest?
        public let diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Loads `path` (relative paths against `directory`). Throws only when the file cannot be
    /// read at all (`ShopcastError.noInput`); everything wrong inside it is a diagnostic.
    public func load(path: String, relativeTo directory: URL) throws -> Result {
        let url = FilePath.url(path, in: directory)
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            throw ShopcastError(.noInput, "cannot open manifest \(path): \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw ShopcastError(.noInput, "manifest \(path) is not a regular file")
        }
        if Int(info.st_size) > budget.maxBytes {
            return Result(manifest: nil, diagnostics: [Diagnostic(
                file: path, line: 1, column: 1, severity: .error,
                message: "file is \(info.st_size) bytes; a manifest may be at most \(budget.maxBytes) bytes")])
        }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw ShopcastError(.noInput, "cannot read manifest \(path)")
        }
        defer { try? handle.close() }
        // Read one byte past the cap: the file may have grown since stat.
        let data = (try? handle.read(upToCount: budget.maxBytes + 1)) ?? Data()
        return parse(data, path: path, folder: url.deletingLastPathComponent())
    }

    /// Checks YAML text already in memory; images resolve against `folder`.
    public func parse(_ data: Data, path: String, folder: URL) -> Result {
        func refusal(_ line: Int, _ column: Int, _ message: String) -> Result {
            Result(manifest: nil, diagnostics: [Diagnostic(file: path, line: line, column: column, severity: .error, message: message)])
        }
        do {
            try budget.check(data)
        } catch let refusal as YAMLBudget.Refusal {
            return Result(manifest: nil, diagnostics: [Diagnostic(file: path, line: refusal.line, column: refusal.column,
                                                                   severity: .error, message: refusal.message)])
        } catch {
            return refusal(1, 1, "\(error)")
        }
        guard let text = String(data: data, encoding: .utf8) else { return refusal(1, 1, "not UTF-8 text") }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else {
                return refusal(1, 1, "the manifest is empty; it needs at least a 'show:' with a title")
            }
            root = node
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            return refusal(context.mark.line, context.mark.column,
                           "key '\(duplicates.first ?? "")' appears twice in the same mapping")
        } catch {
            return refusal(1, 1, "YAML: \(error)")
        }
        let reader = NodeReader(file: path)
        let manifest = ManifestDecoder(reader: reader, folder: folder).decode(root, path: path)
        let sorted = reader.diagnostics.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }.map(\.element)
        return Result(manifest: manifest, diagnostics: sorted)
    }
}
