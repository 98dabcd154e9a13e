import Foundation
import XCTest
@testable import ShopcastCLI

/// The one rule for exit statuses (ExitCode.swift, README "Exit status", every man page's EXIT
/// STATUS): 64 for anything wrong on the command line itself, 65 for bad data in a file read,
/// 66 for a file or input that cannot be opened, 78 for configuration in the environment. Each
/// error path that fails before anything starts, for every command, in one table.
final class ExitCodeRuleTests: XCTestCase {
    var folder: URL!
    var good: String { folder.appendingPathComponent("good.yaml").path }
    var broken: String { folder.appendingPathComponent("broken.yaml").path }
    var missing: String { folder.appendingPathComponent("missing.yaml").path }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("exit-rule-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
        show: {title: Rule, starts: 2026-11-27T20:00:00+01:00, duration: 10m, currency: EUR}
        products: {scarf: {name: Scarf, price: 10}}
        offers: [{product: scarf, at: 1m, for: 1m, discount: 10%}]
        """.write(toFile: good, atomically: true, encoding: .utf8)
        try "show: {title: Broken, currency: EUR}\noffers: [{product: nothing, at: 1m, for: 1m}]\n"
            .write(toFile: broken, atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testEveryErrorPathFollowsTheRule() {
        let out = folder.appendingPathComponent("never.mkv").path
        let cases: [(args: [String], env: [String: String], code: ExitCode, says: String)] = [
            // 64: the command line itself.
            (["go-live", "--duration", "5x", "-t", out], [:], .usage, "--duration"),
            (["go-live", "--size", "12", "-t", out], [:], .usage, "--size"),
            (["go-live", "--video-bitrate", "fast", "-t", out], [:], .usage, "--video-bitrate"),
            (["go-live", "-t", "ftp://example.com/live"], [:], .usage, "unsupported scheme"),
            (["go-live", "-t", "rtmp://127.0.0.1/live/${KEY"], [:], .usage, "unclosed ${"),
            (["go-live", "-t", "rtmp://127.0.0.1/live/${1KEY}"], [:], .usage, "not a variable name"),
            (["go-live", "-t", folder.appendingPathComponent("show.avi").path], [:], .usage, "unknown container"),
            (["go-live", "-i", "gopher://feed", "-t", out], [:], .usage, "unsupported scheme"),
            (["schedule", "run", good, "--start", "yesterday"], [:], .usage, "--start"),
            (["schedule", "run", good, "--webhook", "http://127.0.0.1/${TOKEN"], [:], .usage, "unclosed ${"),
            (["schedule", "now", good, "--at", "later"], [:], .usage, "--at"),
            (["schedule", "check"], [:], .usage, "FILE"),
            (["overlay", "--preview", "-m", good, "--at", "99h", "-o", folder.appendingPathComponent("p.png").path], [:], .usage, "--at"),
            (["cue", "stock", "scarf", "many"], [:], .usage, "many"),
            // 65: what a file holds.
            (["schedule", "check", broken], [:], .dataError, "broken.yaml:2"),
            (["schedule", "plan", broken], [:], .dataError, "broken.yaml"),
            (["schedule", "now", broken], [:], .dataError, "broken.yaml"),
            (["schedule", "run", broken], [:], .dataError, "broken.yaml"),
            (["go-live", "-m", broken, "-t", out], [:], .dataError, "broken.yaml"),
            // 66: a file that cannot be opened.
            (["schedule", "check", missing], [:], .noInput, "missing.yaml"),
            (["schedule", "plan", missing], [:], .noInput, "missing.yaml"),
            (["schedule", "run", missing], [:], .noInput, "missing.yaml"),
            (["go-live", "-m", missing, "-t", out], [:], .noInput, "missing.yaml"),
            // 78: the environment.
            (["go-live", "-t", "rtmp://127.0.0.1/live/${SHOW_KEY}"], [:], .config, "SHOW_KEY"),
            (["schedule", "run", good, "--webhook", "http://127.0.0.1/${SHOP_TOKEN}"], [:], .config, "SHOP_TOKEN"),
        ]
        for c in cases {
            let r = runCLI(c.args, environment: c.env)
            let line = c.args.joined(separator: " ")
            XCTAssertEqual(r.code, c.code, "\(line): \(r.err)")
            XCTAssertTrue(r.err.contains(c.says), "\(line): the message does not say '\(c.says)': \(r.err)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "something was recorded despite the errors")
    }

    func testCheckJSONIsNotOKWhenAFileCannotBeRead() throws {
        let r = runCLI(["schedule", "check", "--json", good, missing])
        XCTAssertEqual(r.code, .noInput, r.err)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], r.out)
        XCTAssertEqual(document["ok"] as? Bool, false, r.out)
        XCTAssertEqual(document["errors"] as? Int, 1, r.out)
        let diagnostics = try XCTUnwrap(document["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.first?["file"] as? String, missing)
    }

    /// The rule is stated once, in ExitCode, and the docs print that: each meaning names what
    /// the table above sorts under it.
    func testTheRuleIsWhatTheDocsSay() {
        XCTAssertTrue(ExitCode.usage.meaning.contains("malformed value (a duration, size, rate, time or URL)"))
        XCTAssertFalse(ExitCode.dataError.meaning.contains("duration"), "65 must not claim malformed option values")
        XCTAssertTrue(ExitCode.config.meaning.contains("${NAME}"))
        let readme = (try? String(contentsOf: DocsSyncTests.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
        for code in ExitCode.allCases {
            XCTAssertTrue(readme.contains("| \(code.rawValue) | \(code.meaning) |"), "README's row for \(code.rawValue) is not ExitCode's meaning")
        }
    }
}
