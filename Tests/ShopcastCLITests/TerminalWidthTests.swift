import XCTest
@testable import ShopcastCLI

/// `schedule plan` and `schedule now` print tables of product names in any script: columns line
/// up in a terminal only when wide characters count for two columns.
final class TerminalWidthTests: XCTestCase {
    func testColumnsPerScript() {
        XCTAssertEqual(TerminalWidth.columns("Sciarpa"), 7)
        XCTAssertEqual(TerminalWidth.columns("シルクスカーフ"), 14)
        XCTAssertEqual(TerminalWidth.columns("真丝围巾"), 8)
        XCTAssertEqual(TerminalWidth.columns("실크 스카프"), 11)
        XCTAssertEqual(TerminalWidth.columns("ＳＡＬＥ"), 8, "fullwidth Latin")
        XCTAssertEqual(TerminalWidth.columns("وشاح حريري"), 10)
        XCTAssertEqual(TerminalWidth.columns("e\u{301}te\u{301}"), 3, "combining accents take no column")
        XCTAssertEqual(TerminalWidth.columns("🧣 -20%"), 7)
        XCTAssertEqual(TerminalWidth.columns("a\u{200B}b"), 2)
    }

    func testTableColumnsLineUpWithWideNames() {
        let table = ScheduleSupport.table([
            ["#", "product", "price", "code"],
            ["1", "シルクスカーフ", "39,90 €", "SILK20"],
            ["2", "Sciarpa", "9 €", "-"],
            ["3", "真丝围巾", "129 €", "VIP"],
        ])
        let lines = table.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4)
        // The display column where the code column starts is the same on every line.
        let starts = lines.map { line -> Int in
            let cells = line.components(separatedBy: "  ").filter { !$0.isEmpty }
            let last = cells.last!.trimmingCharacters(in: .whitespaces)
            let prefix = line[..<line.range(of: last, options: .backwards)!.lowerBound]
            return TerminalWidth.columns(String(prefix))
        }
        XCTAssertEqual(Set(starts).count, 1, "\n" + table)
    }
}
