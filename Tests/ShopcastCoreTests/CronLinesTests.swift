import XCTest
@testable import ShopcastCore

/// `schedule cron` writes manifest text and paths into a crontab line and systemd units. Hostile
/// titles and paths must come out as one crontab entry whose command, as cron and the shell
/// read it, runs exactly the intended words in the intended folder — and as units systemd
/// accepts (its own `systemd-analyze verify`).
final class CronLinesTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("shopcast-cron-\(UUID().uuidString.prefix(8))")
        // A space, a '%' (cron's line break), quotes and a '$' in the show's folder.
        folder = base.appendingPathComponent("My Shows %d 'q' \"dq\" $HOME")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    /// A stand-in for shopcast that writes its folder and arguments, one per line, next to itself.
    private func fakeShopcast() throws -> String {
        let script = folder.deletingLastPathComponent().appendingPathComponent("fake-shopcast")
        try "#!/bin/sh\npwd > \"$0.out\"\nfor word in \"$@\"; do printf '%s\\n' \"$word\" >> \"$0.out\"; done\n"
            .write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        return script.path
    }

    func testHostileTitlesAndPathsMakeOneCronEntryThatRunsTheIntendedWords() throws {
        let script = try fakeShopcast()
        let manifest = folder.appendingPathComponent("show.yaml").path
        let title = "Spring\n* * * * * touch /tmp/pwned\r\n100% off\t\\"
        let extra = ["-t", "rtmp://ingest.example/live/${KEY}", "it's 100% `true`"]
        let lines = CronLines(manifestPath: manifest, title: title, start: Date().addingTimeInterval(60), lead: 120, duration: 2700,
                              executable: script, localZone: TimeZone(identifier: "UTC")!, extraArguments: extra)
        let text = try lines.render()

        let crontab = text.components(separatedBy: "\n\n")[0].split(separator: "\n", omittingEmptySubsequences: true)
        let entries = crontab.filter { !$0.hasPrefix("#") }
        XCTAssertEqual(entries.count, 1, "the title added crontab entries:\n\(text)")
        let entry = try XCTUnwrap(entries.first)
        // As cron reads it (crontab(5)): five time fields, then a command in which an
        // unescaped '%' would end the command; '\%' is a '%'.
        let command = entry.split(separator: " ", maxSplits: 5).last.map(String.init) ?? ""
        var previous: Character = " "
        for ch in command {
            XCTAssertFalse(ch == "%" && previous != "\\", "an unescaped % in the crontab command: \(command)")
            previous = ch
        }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", command.replacingOccurrences(of: "\\%", with: "%")]
        try shell.run()
        shell.waitUntilExit()
        XCTAssertEqual(shell.terminationStatus, 0, "the crontab command failed: \(command)")
        let ran = try String(contentsOfFile: script + ".out", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(ran.first, folder.path, "the command ran in the wrong folder")
        XCTAssertEqual(Array(ran.dropFirst().dropLast()), ["go-live", "--manifest", manifest] + extra)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("show.log").path), "no log next to the manifest")

        // systemd reads the units as written: verify them with its own tool.
        let units = folder.deletingLastPathComponent().appendingPathComponent("units")
        try FileManager.default.createDirectory(at: units, withIntermediateDirectories: true)
        let sections = text.components(separatedBy: "[Unit]").dropFirst().map { "[Unit]" + $0 }
        XCTAssertEqual(sections.count, 2, text)
        let uncommented = sections.map { $0.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "\n") + "\n" }
        let timer = units.appendingPathComponent("shopcast-\(lines.slug).timer"), service = units.appendingPathComponent("shopcast-\(lines.slug).service")
        try uncommented[0].write(to: timer, atomically: true, encoding: .utf8)
        try uncommented[1].write(to: service, atomically: true, encoding: .utf8)
        let verify = Process()
        verify.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
        verify.arguments = ["verify", "--man=no", timer.path, service.path]
        let errors = Pipe()
        verify.standardError = errors
        try verify.run()
        verify.waitUntilExit()
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(verify.terminationStatus, 0, "systemd refuses the units: \(complaint)\n\(text)")
        XCTAssertTrue(uncommented[1].contains("WorkingDirectory=" + folder.path.replacingOccurrences(of: "%", with: "%%") + "\n"), uncommented[1])
        XCTAssertFalse(uncommented.joined().contains("touch /tmp/pwned\n"), "the title broke a unit's line")
    }

    func testUnitNamesSpellEveryScriptAndNeverCollide() {
        func slug(_ title: String, at start: Date = Date(timeIntervalSince1970: 1_800_000_000)) -> String {
            CronLines(manifestPath: "/s.yaml", title: title, start: start, lead: 120, duration: nil, executable: "/bin/true",
                      localZone: TimeZone(identifier: "UTC")!).slug
        }
        XCTAssertEqual(slug("Autumn Scarves Drop!"), "autumn-scarves-drop-20270115-0758")
        XCTAssertEqual(slug("Распродажа"), "rasprodaza-20270115-0758")
        XCTAssertTrue(slug("春季特卖").hasPrefix("chun-ji-te-mai-"), slug("春季特卖"))
        let emoji = slug("🔥🔥🔥"), other = slug("🎁🎁")
        XCTAssertTrue(emoji.hasPrefix("show-") && other.hasPrefix("show-") && emoji != other, "\(emoji) \(other)")
        XCTAssertNotEqual(slug("Weekly"), slug("Weekly", at: Date(timeIntervalSince1970: 1_800_604_800)), "next week's show took this week's unit")
    }

    func testAPathWithALineBreakIsRefused() {
        let lines = CronLines(manifestPath: "/shows/a\nb/show.yaml", title: "T", start: Date(), lead: 60, duration: nil,
                              executable: "/bin/true", localZone: TimeZone(identifier: "UTC")!)
        XCTAssertThrowsError(try lines.render()) { error in
            XCTAssertTrue("\(error)".contains("line break") && "\(error)".contains("\\u{A}"), "\(error)")
        }
    }
}
