import CYaml
import Foundation

/// Checks a YAML text against hard limits by reading libyaml's event stream, BEFORE any node
/// tree is built. An alias bomb ("billion laughs") costs nothing here: each alias adds the
/// size its anchor would expand to, and the scan stops at the first event over budget.
///
/// libyaml is the parser Yams itself wraps (its `CYaml` module); Yams' public `Parser` builds
/// the whole tree and hashes mapping keys before we could look, so the events are read here.
public struct YAMLBudget: Sendable {
    /// A file that breaks a limit or is not YAML at all; line and column are 1-based.
    public struct Refusal: Error, Equatable {
        public let line: Int
        public let column: Int
        public let message: String
    }

    public var maxBytes = 1 << 20
    public var maxDepth = 32
    public var maxAliases = 100
    /// Nodes the document would have once every alias were expanded.
    public var maxExpandedNodes = 50_000

    public init() {}

    /// Throws a `Refusal` at the first syntax error or broken limit.
    public func check(_ data: Data) throws {
        guard data.count <= maxBytes else {
            throw Refusal(line: 1, column: 1, message: "file is \(data.count) bytes; a manifest may be at most \(maxBytes) bytes")
        }
        let bytes = [UInt8](data)
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                throw Refusal(line: 1, column: 1, message: "out of memory starting the YAML parser")
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            try scan(&parser)
        }
    }

    private func scan(_ parser: inout yaml_parser_t) throws {
        // Expanded size of each anchored node, and of every collection still open.
        var anchorSizes: [String: Int] = [:]
        var open: [(anchor: String?, size: Int)] = []
        var expanded = 0
        var aliases = 0
        var documents = 0

        func finish(_ size: Int, anchor: String?) {
            if let anchor { anchorSizes[anchor] = size }
            if !open.isEmpty { open[open.count - 1].size += size }
        }

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw Self.syntaxRefusal(parser)
            }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            func refuse(_ message: String) -> Refusal { Refusal(line: line, column: column, message: message) }

            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { throw refuse("a manifest is a single YAML document; found a second one") }
            case YAML_SCALAR_EVENT:
                expanded += 1
                finish(1, anchor: Self.string(event.data.scalar.anchor))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                expanded += 1
                let anchor = event.type == YAML_SEQUENCE_START_EVENT
                    ? Self.string(event.data.sequence_start.anchor) : Self.string(event.data.mapping_start.anchor)
                open.append((anchor, 1))
                if open.count > maxDepth { throw refuse("nesting deeper than \(maxDepth) levels") }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let closed = open.popLast() { finish(closed.size, anchor: closed.anchor) }
            case YAML_ALIAS_EVENT:
                aliases += 1
                if aliases > maxAliases { throw refuse("more than \(maxAliases) YAML aliases") }
                let name = Self.string(event.data.alias.anchor) ?? ""
                guard let size = anchorSizes[name] else { throw refuse("alias *\(name) names no anchor defined before it") }
                expanded += size
                finish(size, anchor: nil)
            default:
                break
            }
            if expanded > maxExpandedNodes {
                throw refuse(aliases == 0
                    ? "more than \(maxExpandedNodes) YAML values (keys, values and list items); a manifest may hold at most \(maxExpandedNodes)"
                    : "more than \(maxExpandedNodes) YAML values once its \(aliases) alias\(aliases == 1 ? "" : "es") are expanded; a manifest may hold at most \(maxExpandedNodes) (an alias bomb?)")
            }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func syntaxRefusal(_ parser: yaml_parser_t) -> Refusal {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        let context = parser.context.map { String(cString: $0) }
        let mark = parser.problem_mark
        var message = "YAML syntax: \(problem)"
        if let context { message += " (\(context))" }
        if parser.error == YAML_READER_ERROR {
            return Refusal(line: 1, column: 1, message: "not UTF-8 text: \(problem) at byte \(parser.problem_offset)")
        }
        return Refusal(line: Int(mark.line) + 1, column: Int(mark.column) + 1, message: message)
    }
}
