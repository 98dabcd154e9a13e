import Foundation
import XCTest
@testable import ShopcastCLI

/// The man pages under man/ and the completion scripts under completions/ are generated from
/// the command tree. These tests fail when a committed file differs from what the tree
/// renders, and, independently of the generator, when any option of any command is missing
/// from its man page or from a completion script.
///
/// `SHOPCAST_UPDATE_DOCS=1 swift test --filter DocsSyncTests` (scripts/update-docs) rewrites
/// the files instead of comparing them.
final class DocsSyncTests: XCTestCase {
    /// The package root: this file is Tests/ShopcastCLITests/DocsSyncTests.swift.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var updating: Bool { ProcessInfo.processInfo.environment["SHOPCAST_UPDATE_DOCS"] == "1" }

    /// Every generated file, by path relative to the package root.
    static func generated() -> [(path: String, text: String)] {
        ManPage.all().map { ("man/" + $0.fileName, $0.text) }
            + Completions.all().map { ("completions/" + $0.fileName, $0.text) }
    }

    /// The committed text of a generated file. In update mode the files are first rewritten
    /// (once, whichever test asks first), so every check then runs on the new files.
    static func committed(_ relativePath: String) throws -> String {
        if updating { try writeOnce() }
        let url = packageRoot.appendingPathComponent(relativePath)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw UsageError("\(relativePath) is missing: run scripts/update-docs")
        }
        return text
    }

    // MARK: - Committed files match the tree

    func testCommittedDocsMatchTheCommandTree() throws {
        let files = Self.generated()
        if Self.updating {
            try Self.writeOnce()
            return
        }
        for file in files {
            let text = try Self.committed(file.path)
            if let difference = Self.firstDifference(text, file.text) {
                XCTFail("\(file.path) is out of date with the command tree (run scripts/update-docs): \(difference)")
            }
        }
        let stale = Self.manPagesOnDisk().filter { page in !files.contains { $0.path == page } }
        XCTAssertEqual(stale, [], "man pages of commands that do not exist (run scripts/update-docs)")
    }

    private static var written = false
    private static let writeLock = NSLock()

    /// Rewrites man/ and completions/ from the tree, and removes the page of a command that
    /// no longer exists.
    static func writeOnce() throws {
        writeLock.lock()
        defer { writeLock.unlock() }
        guard !written else { return }
        let files = generated()
        for dir in ["man", "completions"] {
            try FileManager.default.createDirectory(at: packageRoot.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        for file in files {
            try file.text.write(to: packageRoot.appendingPathComponent(file.path), atomically: true, encoding: .utf8)
        }
        for stale in manPagesOnDisk() where !files.contains(where: { $0.path == stale }) {
            try FileManager.default.removeItem(at: packageRoot.appendingPathComponent(stale))
        }
        written = true
    }

    static func manPagesOnDisk() -> [String] {
        let dir = packageRoot.appendingPathComponent("man")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasPrefix("shopcast") && $0.hasSuffix(".1") }.sorted().map { "man/" + $0 }
    }

    /// `line N: expected "…", found "…"`, or nil when equal.
    static func firstDifference(_ found: String, _ expected: String) -> String? {
        guard found != expected else { return nil }
        let a = found.components(separatedBy: "\n"), b = expected.components(separatedBy: "\n")
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i] : "<end of file>", y = i < b.count ? b[i] : "<end of file>"
            if x != y { return "line \(i + 1): expected \"\(y)\", found \"\(x)\"" }
        }
        return "files differ"
    }

    // MARK: - Every option is documented and completed (checked on the committed files)

    func testEveryOptionIsInItsCommandsManPage() throws {
        for (path, command) in CLI.allCommands() {
            let page = try Self.committed("man/" + ManPage.fileName(forPath: path))
            let name = (["shopcast"] + path).joined(separator: " ")
            // A top-level command's options are under OPTIONS; a subcommand's under its own heading.
            let section = path.count <= 1
                ? Self.slice(page, from: ".SH \"OPTIONS\"", until: [".SH "])
                : Self.slice(page, from: ".SS \"\(name.replacingOccurrences(of: "-", with: "\\-"))\"", until: [".SS ", ".SH "])
            guard let section else {
                XCTFail("\(ManPage.fileName(forPath: path)) has no section for '\(name)'")
                continue
            }
            for option in command.spec.options {
                let long = "\\fB\\-\\-" + option.long.replacingOccurrences(of: "-", with: "\\-") + "\\fR"
                XCTAssertTrue(section.contains(long), "\(name): --\(option.long) missing from its man page")
                if let short = option.short {
                    XCTAssertTrue(section.contains("\\fB\\-\(short)\\fR"), "\(name): -\(short) missing from its man page")
                }
            }
        }
    }

    func testEveryOptionIsInEveryCompletionScript() throws {
        let bash = try Self.committed("completions/shopcast.bash")
        let zsh = try Self.committed("completions/_shopcast")
        let fish = try Self.committed("completions/shopcast.fish")
        for (path, command) in CLI.allCommands() {
            let key = (["shopcast"] + path).joined(separator: "/")
            let name = (["shopcast"] + path).joined(separator: " ")

            // bash: the `KEY) … options='…'` line of the command.
            let bashLine = bash.components(separatedBy: "\n").first { $0.hasPrefix("        \(key)) ") } ?? ""
            let bashWords = Set((Self.slice(bashLine, from: "options='", until: ["'"]) ?? "")
                .dropFirst("options='".count).split(separator: " ").map(String.init))

            // zsh: the body of the command's function, _shopcast_schedule_plan for schedule plan.
            let function = "_shopcast" + path.map { "_" + $0.replacingOccurrences(of: "-", with: "_") }.joined()
            let zshBody = Self.slice(zsh, from: "\n\(function)() {\n", until: ["\n}\n"]) ?? ""

            // fish: the `complete` lines conditioned on the command's path.
            let fishLines = fish.components(separatedBy: "\n").filter { $0.contains("-n '__shopcast_at \(key)'") }

            XCTAssertFalse(bashLine.isEmpty, "\(name) missing from the bash script")
            XCTAssertFalse(zshBody.isEmpty, "\(name) missing from the zsh script")
            XCTAssertFalse(fishLines.isEmpty, "\(name) missing from the fish script")

            for option in command.spec.options {
                let long = "--" + option.long
                XCTAssertTrue(bashWords.contains(long), "\(name): \(long) missing from bash completion")
                XCTAssertTrue(Self.zshNames(zshBody).contains(long), "\(name): \(long) missing from zsh completion")
                XCTAssertTrue(fishLines.contains { $0.contains(" -l \(option.long) ") }, "\(name): \(long) missing from fish completion")
                if let short = option.short {
                    XCTAssertTrue(bashWords.contains("-\(short)"), "\(name): -\(short) missing from bash completion")
                    XCTAssertTrue(Self.zshNames(zshBody).contains("-\(short)"), "\(name): -\(short) missing from zsh completion")
                    XCTAssertTrue(fishLines.contains { $0.contains(" -s \(short) -l \(option.long) ") },
                                  "\(name): -\(short) missing from fish completion")
                }
            }
        }
    }

    /// Option names in zsh `_arguments` specs: `{-i+,--input=}'[…]…'` or `--loop'[…]'`.
    static func zshNames(_ body: String) -> Set<String> {
        var names = Set<String>()
        for line in body.components(separatedBy: "\n") {
            // Drop an exclusion list such as '(-i --input)' or '*', keep what precedes the '['.
            var spec = line.trimmingCharacters(in: .whitespaces)
            if spec.hasPrefix("'(") , let close = spec.range(of: ")'") { spec = String(spec[close.upperBound...]) }
            if spec.hasPrefix("'*'") { spec = String(spec.dropFirst(3)) }
            guard let bracket = spec.range(of: "'[") else { continue }
            let head = spec[..<bracket.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: "{}"))
            for name in head.split(separator: ",") {
                names.insert(String(name).trimmingCharacters(in: CharacterSet(charactersIn: "+=")))
            }
        }
        return names
    }

    /// The text from `start` up to (not including) the first of `ends` after it.
    static func slice(_ text: String, from start: String, until ends: [String]) -> String? {
        guard let begin = text.range(of: start) else { return nil }
        let rest = text[begin.upperBound...]
        let end = ends.compactMap { rest.range(of: $0)?.lowerBound }.min() ?? rest.endIndex
        return String(text[begin.lowerBound..<end])
    }

    func testReadmeListsEveryExitStatus() throws {
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for code in ExitCode.allCases {
            XCTAssertTrue(readme.contains("\n| \(code.rawValue) | "), "README.md's exit status table lacks \(code.rawValue)")
        }
    }

    // MARK: - Help forms agree

    func testHelpCommandEqualsHelpOptionForEveryCommand() {
        for (path, _) in CLI.allCommands() {
            let viaCommand = runCLI(["help"] + path), viaOption = runCLI(path + ["--help"]), viaShort = runCLI(path + ["-h"])
            let name = (["shopcast"] + path).joined(separator: " ")
            XCTAssertEqual(viaCommand.code, .success, name)
            XCTAssertEqual(viaOption.code, .success, name)
            XCTAssertEqual(viaCommand.out, viaOption.out, "'shopcast help \(path.joined(separator: " "))' differs from '\(name) --help'")
            XCTAssertEqual(viaShort.out, viaOption.out, name)
            XCTAssertEqual(viaCommand.err, "", name)
            XCTAssertTrue(viaOption.out.hasPrefix("USAGE: \(name)"), viaOption.out)
        }
    }
}
