import XCTest
@testable import ShopcastCLI

/// Runs the CLI in-process and captures what it prints.
struct Captured {
    var out = ""
    var err = ""
    var code: ExitCode = .success
}

func runCLI(_ args: [String], environment: [String: String] = [:]) -> Captured {
    final class Box: @unchecked Sendable { var out = ""; var err = "" }
    let box = Box()
    let console = Console(out: { box.out += $0 }, err: { box.err += $0 })
    let context = CommandContext(console: console, environment: environment,
                                 currentDirectory: URL(fileURLWithPath: NSTemporaryDirectory()))
    let code = CLI.run(args, context: context)
    return Captured(out: box.out, err: box.err, code: code)
}

final class DispatchTests: XCTestCase {
    func testVersion() {
        let r = runCLI(["--version"])
        XCTAssertEqual(r.code, .success)
        XCTAssertTrue(r.out.hasPrefix("shopcast "))
        let extra = runCLI(["--version", "extra"])
        XCTAssertEqual(extra.code, .usage, "a word after --version is a mistake, not a version request")
        XCTAssertTrue(extra.err.contains("'extra'") && extra.out.isEmpty, extra.err)
    }

    func testTopLevelHelpSaysItsUsageOnceAndPointsToCommandsOnce() {
        let r = runCLI(["help"])
        XCTAssertEqual(r.code, .success)
        XCTAssertTrue(r.out.hasPrefix("USAGE: shopcast COMMAND\n"), r.out)
        XCTAssertEqual(r.out.components(separatedBy: "help COMMAND").count - 1, 1, "the pointer to commands' help is repeated:\n\(r.out)")
        let group = runCLI(["help", "schedule"])
        XCTAssertTrue(group.out.hasPrefix("USAGE: shopcast schedule COMMAND\n"), group.out)
        XCTAssertTrue(group.out.contains("See 'shopcast help schedule COMMAND'"), group.out)
    }

    func testUnknownCommandSuggests() {
        let r = runCLI(["go-lvie"])
        XCTAssertEqual(r.code, .usage)
        XCTAssertTrue(r.err.contains("did you mean 'go-live'?"), r.err)
    }

    func testUnknownOptionSuggests() {
        let r = runCLI(["go-live", "--durration", "5s"])
        XCTAssertEqual(r.code, .usage)
        XCTAssertTrue(r.err.contains("did you mean '--duration'?"), r.err)
    }

    func testHelpForms() {
        let a = runCLI(["help", "go-live"]), b = runCLI(["go-live", "--help"])
        XCTAssertEqual(a.code, .success)
        XCTAssertEqual(a.out, b.out)
        XCTAssertTrue(a.out.contains("--video-bitrate RATE"))
        XCTAssertEqual(runCLI([]).code, .success)
    }
}
