import Foundation
import ShopcastCore

/// What the schedule subcommands share: operands, times from options, table layout.
enum ScheduleSupport {
    /// The single FILE operand.
    static func file(_ parsed: ParsedArguments, command: String) throws -> String {
        guard let path = parsed.operands.first else { throw UsageError("missing the manifest FILE", command: command) }
        if parsed.operands.count > 1 {
            throw UsageError("unexpected argument '\(parsed.operands[1])'; give one manifest", command: command)
        }
        return path
    }

    /// A `--start`/`--at` value: ISO 8601 with an offset, or `now`.
    static func time(_ text: String, option: String, command: String, now: Date) throws -> WallClock {
        if text == "now" { return WallClock(date: now, zone: TimeZone.current) }
        guard let clock = WallClock.parse(text) else {
            throw UsageError("--\(option) '\(text)' is not 'now' or an ISO 8601 time with a UTC offset, e.g. 2026-11-27T20:00:00+01:00", command: command)
        }
        return clock
    }

    /// `-20%`, or an empty string when the offer sells at list price.
    static func discount(_ offer: Offer) -> String { discount(offer.discountPercent) }

    static func discount(_ percent: Decimal?) -> String {
        guard let percent else { return "" }
        return "-" + percent.plainText + "%"
    }

    /// A table with left-aligned columns separated by two spaces, measured in terminal columns
    /// (a Japanese or Chinese product name takes two per character).
    static func table(_ rows: [[String]]) -> String {
        guard let width = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: width)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TerminalWidth.columns(cell)) } }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - TerminalWidth.columns(cell))
            }
            .joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }
}
