import XCTest
@testable import ShopcastCLI
import ShopcastCore

/// Option scanning against a small table shaped like go-live's: what a user types, and what
/// the scanner hands the command or says back.
final class ArgumentScannerTests: XCTestCase {
    let spec = CommandSpec(name: "demo", summary: "A test command.", operands: "[FILE...]", options: [
        OptionSpec("input", short: "i", value: "SOURCE", repeatable: true, help: "A source."),
        OptionSpec("to", short: "t", value: "DEST", repeatable: true, help: "A destination."),
        OptionSpec("preset", short: "p", value: "NAME", help: "A preset."),
        OptionSpec("duration", value: "DURATION", help: "How long."),
        OptionSpec("events", value: "FILE", help: "Events file, or - for stdout."),
        OptionSpec("offset", value: "SECONDS", help: "May be negative."),
        OptionSpec("video-bitrate", value: "RATE", help: "Video rate."),
        OptionSpec("verbose", short: "v", help: "More."),
        OptionSpec("quiet", short: "q", help: "Less."),
        OptionSpec("loop", help: "Again."),
    ])

    func scan(_ args: [String]) throws -> ParsedArguments {
        try ArgumentScanner.scan(args, for: spec, commandPath: "demo")
    }

    /// The message of the usage error `args` must cause.
    func usageError(_ args: [String], file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            let parsed = try scan(args)
            XCTFail("\(args) was accepted: \(parsed)", file: file, line: line)
            return ""
        } catch let error as UsageError {
            XCTAssertEqual(error.command, "demo", "the usage line to print", file: file, line: line)
            return error.message
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
            return ""
        }
    }

    // MARK: - Values

    func testLongOptionWithSeparateValue() throws {
        let p = try scan(["--preset", "1080p30", "--duration", "45m"])
        XCTAssertEqual(p.value("preset"), "1080p30")
        XCTAssertEqual(p.value("duration"), "45m")
        XCTAssertEqual(p.operands, [])
    }

    func testLongOptionWithAttachedValue() throws {
        let p = try scan(["--preset=vertical", "--to=rtmp://host/app?key=${KEY}", "--events="])
        XCTAssertEqual(p.value("preset"), "vertical")
        // Only the first '=' separates: the rest belongs to the value.
        XCTAssertEqual(p.value("to"), "rtmp://host/app?key=${KEY}")
        XCTAssertEqual(p.value("events"), "", "an explicitly empty value is kept for the command to judge")
    }

    func testShortOptionWithSeparateOrAttachedValue() throws {
        let p = try scan(["-i", "camera:/dev/video2", "-tshow.mkv", "-p720p30"])
        XCTAssertEqual(p.all("input"), ["camera:/dev/video2"])
        XCTAssertEqual(p.all("to"), ["show.mkv"])
        XCTAssertEqual(p.value("preset"), "720p30")
    }

    func testLoneDashAndNegativeNumbersAreValues() throws {
        let p = try scan(["--events", "-", "--offset", "-1.5", "-i", "-"])
        XCTAssertEqual(p.value("events"), "-")
        XCTAssertEqual(p.value("offset"), "-1.5")
        XCTAssertEqual(p.all("input"), ["-"])
    }

    func testDashedValueMustBeAttached() throws {
        XCTAssertEqual(try scan(["--to=-odd-name.mkv"]).all("to"), ["-odd-name.mkv"])
        XCTAssertEqual(try scan(["-t-odd-name.mkv"]).all("to"), ["-odd-name.mkv"])
    }

    // MARK: - Flags

    func testBundledShortFlags() throws {
        let p = try scan(["-qv"])
        XCTAssertEqual(p.flags, ["quiet", "verbose"])
        XCTAssertTrue(p.has("quiet") && p.has("verbose"))
        XCTAssertFalse(p.has("loop"))
    }

    func testBundledFlagsEndingInAValuedOption() throws {
        var p = try scan(["-qi", "test", "-vifile.mp4"])
        XCTAssertEqual(p.flags, ["quiet", "verbose"])
        XCTAssertEqual(p.all("input"), ["test", "file.mp4"])
        p = try scan(["-qvt", "out.ts"])
        XCTAssertEqual(p.all("to"), ["out.ts"])
    }

    func testRepeatedFlagIsHarmless() throws {
        XCTAssertEqual(try scan(["--loop", "--loop", "-q", "-q"]).flags, ["loop", "quiet"])
    }

    // MARK: - Operands and --

    func testOperandsAndDoubleDash() throws {
        let p = try scan(["a.yaml", "-q", "--", "--loop", "-v", "-", "--preset=x"])
        XCTAssertEqual(p.operands, ["a.yaml", "--loop", "-v", "-", "--preset=x"])
        XCTAssertEqual(p.flags, ["quiet"])
        XCTAssertNil(p.value("preset"))
    }

    func testLoneDashAndEmptyStringAreOperands() throws {
        XCTAssertEqual(try scan(["-", ""]).operands, ["-", ""])
    }

    // MARK: - Repetition

    func testRepeatableOptionsAccumulateInOrder() throws {
        let p = try scan(["-i", "test", "--input", "mic", "-t", "a.mkv", "--to=rtmp://x/y", "-tb.ts"])
        XCTAssertEqual(p.all("input"), ["test", "mic"])
        XCTAssertEqual(p.all("to"), ["a.mkv", "rtmp://x/y", "b.ts"])
    }

    func testNonRepeatableOptionGivenTwice() {
        XCTAssertEqual(usageError(["--preset", "720p30", "--preset", "1080p30"]), "option --preset given more than once")
        XCTAssertEqual(usageError(["-p", "720p30", "--preset=480p30"]), "option --preset given more than once")
    }

    // MARK: - Mistakes

    func testMissingValue() {
        XCTAssertEqual(usageError(["--duration"]), "option --duration needs a value (DURATION)")
        XCTAssertEqual(usageError(["-q", "-i"]), "option -i needs a value (SOURCE)")
        XCTAssertEqual(usageError(["-qt"]), "option -t needs a value (DEST)")
    }

    func testOptionWhereValueBelongs() {
        XCTAssertEqual(usageError(["--to", "--quiet"]),
                       "option --to needs a value (DEST) but got '--quiet'; for a value that starts with '-', write --to=DEST")
        XCTAssertEqual(usageError(["-i", "-q"]),
                       "option -i needs a value (SOURCE) but got '-q'; for a value that starts with '-', write -iSOURCE")
    }

    func testFlagGivenAValue() {
        XCTAssertEqual(usageError(["--loop=yes"]), "option --loop takes no value")
        XCTAssertEqual(usageError(["--quiet="]), "option --quiet takes no value")
    }

    func testUnknownLongOptionSuggestsTheNearest() {
        XCTAssertEqual(usageError(["--durration", "5s"]), "unknown option '--durration' for 'demo'; did you mean '--duration'?")
        XCTAssertEqual(usageError(["--pre", "x"]), "unknown option '--pre' for 'demo'; did you mean '--preset'?")
        XCTAssertEqual(usageError(["--VIDEO-BITRATE=3M"]), "unknown option '--VIDEO-BITRATE' for 'demo'; did you mean '--video-bitrate'?")
        XCTAssertEqual(usageError(["--colour"]), "unknown option '--colour' for 'demo'")
    }

    func testUnknownShortOption() {
        XCTAssertEqual(usageError(["-x"]), "unknown option '-x' for 'demo'")
        XCTAssertEqual(usageError(["-qx"]), "unknown option '-x' for 'demo'")
        // A long option written with one dash gets the long spelling suggested.
        XCTAssertEqual(usageError(["-duration", "5s"]), "unknown option '-d' for 'demo'; did you mean '--duration'?")
    }

    func testUnknownOptionThroughTheCLIExitsWithUsage() {
        let r = runCLI(["go-live", "--vidoe-bitrate", "3M"])
        XCTAssertEqual(r.code, .usage)
        XCTAssertEqual(r.out, "")
        XCTAssertTrue(r.err.hasPrefix("shopcast: error: unknown option '--vidoe-bitrate' for 'go-live'; did you mean '--video-bitrate'?\n"), r.err)
        XCTAssertTrue(r.err.contains("Usage: shopcast go-live [OPTIONS]"), r.err)
    }

    // MARK: - Suggestion

    func testDistance() {
        XCTAssertEqual(Suggestion.distance("", ""), 0)
        XCTAssertEqual(Suggestion.distance("", "abc"), 3)
        XCTAssertEqual(Suggestion.distance("abc", ""), 3)
        XCTAssertEqual(Suggestion.distance("preset", "preset"), 0)
        XCTAssertEqual(Suggestion.distance("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestion.distance("--duartion", "--duration"), 1, "a transposition is one edit")
        XCTAssertEqual(Suggestion.distance("ab", "ba"), 1)
        XCTAssertEqual(Suggestion.distance("go-lvie", "go-live"), 1)
        XCTAssertEqual(Suggestion.distance("sched", "schedule"), 3)
        XCTAssertEqual(Suggestion.distance("naïve", "naive"), 1, "characters, not bytes")
        for (a, b) in [("flaw", "lawn"), ("--to", "--fps"), ("plan", "now")] {
            XCTAssertEqual(Suggestion.distance(a, b), Suggestion.distance(b, a), "symmetric for \(a), \(b)")
        }
    }

    func testClosest() {
        let options = ["--verbose", "--video-bitrate", "--duration", "--to"]
        XCTAssertEqual(Suggestion.closest(to: "--vid", among: options), "--video-bitrate")
        XCTAssertNil(Suggestion.closest(to: "--v", among: options), "two options begin with --v: neither is suggested")
        XCTAssertEqual(Suggestion.closest(to: "--verbos", among: options), "--verbose")
        XCTAssertEqual(Suggestion.closest(to: "--tp", among: options), "--to")
        XCTAssertNil(Suggestion.closest(to: "--unrelated", among: options))
        XCTAssertNil(Suggestion.closest(to: "x", among: []))
        XCTAssertEqual(Suggestion.closest(to: "go-lvie", among: ["go-live", "schedule", "help"]), "go-live")
        XCTAssertEqual(Suggestion.closest(to: "Schedule", among: ["go-live", "schedule"]), "schedule")
    }

    func testNegativeNumbersAreOperands() throws {
        let spec = CommandSpec(name: "stock", summary: "x", operands: "PRODUCT N", options: [OptionSpec("json", help: "x")])
        let parsed = try ArgumentScanner.scan(["scarf", "-3", "--json"], for: spec, commandPath: "cue stock")
        XCTAssertEqual(parsed.operands, ["scarf", "-3"], "no option is spelled with a digit")
        XCTAssertTrue(parsed.has("json"))
        XCTAssertThrowsError(try ArgumentScanner.scan(["scarf", "-x"], for: spec, commandPath: "cue stock"))
    }
}
