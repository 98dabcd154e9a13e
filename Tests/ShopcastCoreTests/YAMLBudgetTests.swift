import Foundation
import XCTest
@testable import ShopcastCore

final class YAMLBudgetTests: XCTestCase {
    /// Nine levels of ten aliases each: 10^9 nodes if expanded.
    static var billionLaughs: String {
        var yaml = "a0: &a0 [\"lol\"]\n"
        for i in 1...9 {
            yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ",") + "]\n"
        }
        return yaml + "show:\n  title: *a9\n"
    }

    func testAliasBombRefusedFastWithItsPlace() throws {
        let started = Date()
        let result = ManifestLoader().parse(Data(Self.billionLaughs.utf8), path: "bomb.yaml", folder: URL(fileURLWithPath: "/tmp"))
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertLessThan(elapsed, 0.5, "alias bomb took \(elapsed) s")
        XCTAssertEqual(result.diagnostics.map(\.description), [
            "bomb.yaml:6:14: error: more than 50000 YAML values once its 42 aliases are expanded; a manifest may hold at most 50000 (an alias bomb?)",
        ])
        let many = "x: &x 1\nl: [" + Array(repeating: "*x", count: 101).joined(separator: ", ") + "]\n"
        let counted = ManifestLoader().parse(Data(many.utf8), path: "m.yaml", folder: URL(fileURLWithPath: "/tmp"))
        XCTAssertEqual(counted.diagnostics.map(\.description), ["m.yaml:2:405: error: more than 100 YAML aliases"])
    }

    func testExpansionBudgetWithFewAliases() {
        // Each alias expands to a large anchored list: few aliases, huge expansion.
        let big = "[" + Array(repeating: "x", count: 5_000).joined(separator: ",") + "]"
        var yaml = "big: &big \(big)\ncopies:\n"
        for _ in 0..<20 { yaml += "  - *big\n" }
        let result = ManifestLoader().parse(Data(yaml.utf8), path: "s.yaml", folder: URL(fileURLWithPath: "/tmp"))
        XCTAssertEqual(result.diagnostics.map(\.description),
                       ["s.yaml:11:5: error: more than 50000 YAML values once its 9 aliases are expanded; a manifest may hold at most 50000 (an alias bomb?)"])
    }

    func testABigManifestWithoutAliasesIsNotCalledABomb() {
        // Under 1 MiB, no alias at all: 60,000 list items.
        let yaml = "items: [" + Array(repeating: "1", count: 60_000).joined(separator: ",") + "]\n"
        XCTAssertLessThan(yaml.utf8.count, 1 << 20)
        let result = ManifestLoader().parse(Data(yaml.utf8), path: "big.yaml", folder: URL(fileURLWithPath: "/tmp"))
        XCTAssertEqual(result.diagnostics.count, 1)
        let message = result.diagnostics.first?.message ?? ""
        XCTAssertEqual(message, "more than 50000 YAML values (keys, values and list items); a manifest may hold at most 50000")
        XCTAssertFalse(message.contains("alias"), message)
    }

    func testDepthAndSizeLimits() {
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        let result = ManifestLoader().parse(Data(deep.utf8), path: "d.yaml", folder: URL(fileURLWithPath: "/tmp"))
        XCTAssertEqual(result.diagnostics.map(\.description), ["d.yaml:1:33: error: nesting deeper than 32 levels"])
        var budget = YAMLBudget()
        budget.maxBytes = 10
        XCTAssertThrowsError(try budget.check(Data("show: {title: long enough}".utf8)))
        XCTAssertThrowsError(try YAMLBudget().check(Data("a: *nowhere\n".utf8))) { error in
            XCTAssertEqual((error as? YAMLBudget.Refusal)?.message, "alias *nowhere names no anchor defined before it")
        }
    }

    func testOrdinaryAnchorsStillWork() {
        let yaml = """
        show: {title: T, currency: EUR}
        products:
          a: &base {name: A, price: 10}
        offers:
          - &first {product: a, at: 0s, for: 1m}
          - {product: a, at: 1m, for: 1m}
        """
        let result = ManifestLoader().parse(Data(yaml.utf8), path: "a.yaml", folder: URL(fileURLWithPath: "/tmp"))
        XCTAssertEqual(result.diagnostics.map(\.description), [])
        XCTAssertEqual(result.manifest?.offers.count, 2)
    }
}
