import Foundation
import XCTest

/// `shopcast schedule check|plan|now|cron` as a user runs them: output and exit status.
final class ScheduleCommandTests: XCTestCase {
    var examples: URL { schedulePackageRoot().appendingPathComponent("examples") }

    func testExamplesPassCheck() throws {
        let (status, out, err) = try ScheduleCLIProcess.run(
            ["schedule", "check", "autumn-scarves/show.yaml", "ro-vertical/show.yaml"], in: examples)
        XCTAssertEqual(status, 0, err)
        XCTAssertEqual(out, "autumn-scarves/show.yaml: ok: 4 offers, 2 banners\nro-vertical/show.yaml: ok: 3 offers, 1 banner\n")
    }

    func testCheckReportsErrorsWithPlacesAndExitCodes() throws {
        let folder = try scheduleTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        show:
          title: Broken
          currency: EUR
        products:
          scarf:
            name: Scarf
            price: 39.90
        offers:
          - product: scarf
            at: 1m
            for: 2m
          - product: scarf
            at: 2m
            for: 1m
            discount: 20
            prise: 10
        """.write(to: folder.appendingPathComponent("show.yaml"), atomically: true, encoding: .utf8)
        let (status, out, err) = try ScheduleCLIProcess.run(["schedule", "check", "show.yaml"], in: folder)
        XCTAssertEqual(status, 65)
        XCTAssertEqual(out, "")
        XCTAssertEqual(err, """
        show.yaml:12:5: error: offers on lines 9 and 12 are on screen at the same time: 'scarf-1' 1m–3m and 'scarf-2' 2m–3m
        show.yaml:16:5: error: unknown key 'prise' in offer; did you mean 'price'?

        """)
        let (jsonStatus, json, _) = try ScheduleCLIProcess.run(["schedule", "check", "--json", "show.yaml"], in: folder)
        XCTAssertEqual(jsonStatus, 65)
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        XCTAssertEqual(document["errors"] as? Int, 2)
        let first = (document["diagnostics"] as! [[String: Any]])[0]
        XCTAssertEqual(first["line"] as? Int, 12)
        XCTAssertEqual(first["column"] as? Int, 5)
        XCTAssertEqual(try ScheduleCLIProcess.run(["schedule", "check", "nothere.yaml"], in: folder).0, 66)
        XCTAssertEqual(try ScheduleCLIProcess.run(["schedule", "plan", "show.yaml"], in: folder).0, 65)
    }

    func testAliasBombIsRefusedQuickly() throws {
        let folder = try scheduleTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var yaml = "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for i in 1...9 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ",") + "]\n" }
        try (yaml + "show:\n  title: *a9\n").write(to: folder.appendingPathComponent("bomb.yaml"), atomically: true, encoding: .utf8)
        let started = Date()
        let (status, _, err) = try ScheduleCLIProcess.run(["schedule", "check", "bomb.yaml"], in: folder, timeout: 10)
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(status, 65)
        XCTAssertTrue(err.hasPrefix("bomb.yaml:5:30: error: "), err)
        XCTAssertTrue(err.contains("more than 50000 YAML values once its") && err.contains("(an alias bomb?)"), err)
        XCTAssertLessThan(elapsed, 1.0, "the whole process, start to exit")
    }

    func testPlanPrintsPricesAndWallClockTimes() throws {
        let (status, out, err) = try ScheduleCLIProcess.run(["schedule", "plan", "autumn-scarves/show.yaml"], in: examples)
        XCTAssertEqual(status, 0, err)
        XCTAssertTrue(out.contains("scarf-silk-1  05:00  08:00  20:05:00–20:08:00  Sciarpa di seta        39,90\u{A0}€   31,92\u{A0}€  -20%      SILK20    50"), out)
        let (_, json, _) = try ScheduleCLIProcess.run(["schedule", "plan", "ro-vertical/show.yaml", "--json",
                                                       "--start", "2026-12-05T19:00:00+02:00"], in: examples)
        let plan = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let offers = plan["offers"] as! [[String: Any]]
        XCTAssertEqual(offers.count, 3)
        XCTAssertEqual(offers[0]["starts_at"] as? String, "2026-12-05T19:01:00.000+02:00")
        XCTAssertEqual(offers[0]["sale_price"] as? String, "31.41")
        XCTAssertEqual(offers[0]["sale_price_text"] as? String, "31,41\u{A0}RON")
        XCTAssertEqual(offers[1]["discount"] as? Double, 24.2)
    }

    func testNowAnswersWithItsExitStatus() throws {
        let file = "autumn-scarves/show.yaml"
        let (live, out, _) = try ScheduleCLIProcess.run(["schedule", "now", file, "--at", "2026-11-27T20:06:30+01:00"], in: examples)
        XCTAssertEqual(live, 0)
        XCTAssertEqual(out, "Sciarpa di seta (offer scarf-silk-1): 31,92\u{A0}€ instead of 39,90\u{A0}€ -20%, code SILK20, 50 units, 1m30s left\nnext change at 20:08:00\n")
        let (none, quiet, _) = try ScheduleCLIProcess.run(["schedule", "now", file, "--at", "2026-11-27T20:08:00+01:00"], in: examples)
        XCTAssertEqual(none, 1, "off at its end")
        XCTAssertEqual(quiet, "no offer on screen\nnext change at 20:10:00\n")
        let (_, json, _) = try ScheduleCLIProcess.run(["schedule", "now", file, "--json", "--at", "2026-11-27T19:05:05Z"], in: examples)
        let answer = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        XCTAssertEqual((answer["offer"] as? [String: Any])?["remaining"] as? Int, 175)
        XCTAssertEqual(try ScheduleCLIProcess.run(["schedule", "now", file, "--at", "yesterday"], in: examples).0, 64)
        XCTAssertEqual(try ScheduleCLIProcess.run(["schedule", "now", "ro-vertical/show.yaml"], in: examples).0, 64,
                       "no show.starts and no --start")
    }

    func testCronLines() throws {
        let (status, out, err) = try ScheduleCLIProcess.run(["schedule", "cron", "autumn-scarves/show.yaml", "--", "-t", "youtube"],
                                                            in: examples, environment: ["TZ": "Europe/Rome"])
        XCTAssertEqual(status, 0, err)
        let manifest = examples.appendingPathComponent("autumn-scarves/show.yaml").path
        XCTAssertTrue(out.contains("58 19 27 11 * [ \"$(date +\\%Y)\" = 2026 ] && cd "), out)
        // No --duration: go-live ends at show.starts + show.duration however early cron fired.
        XCTAssertTrue(out.contains("go-live --manifest \(manifest) -t youtube >>"), out)
        XCTAssertTrue(out.contains("[Timer]") && out.contains("shopcast-sciarpe-d-autunno-la-diretta-20261127-1858.timer"), out)
        XCTAssertTrue(out.contains("OnCalendar=2026-11-27 18:58:00 UTC"), out)
    }
}
