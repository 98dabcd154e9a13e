import Foundation
import XCTest
@testable import ShopcastCLI

/// The committed man pages and completion scripts, checked by the programs that will read
/// them: groff and man for the pages, bash, zsh and fish for the scripts, and bash and fish
/// actually completing command lines.
final class DocsToolChecksTests: XCTestCase {
    static func file(_ relativePath: String) -> String {
        DocsSyncTests.packageRoot.appendingPathComponent(relativePath).path
    }

    // MARK: - Man pages

    func testManPagesFormatWithoutWarnings() throws {
        let groff = try ExternalTool.require("groff")
        for page in ManPage.all() {
            let path = Self.file("man/" + page.fileName)
            // -ww: every warning; -P-cbou: plain text without overstriking, so it can be searched.
            let r = try groff.run(["-man", "-Tutf8", "-ww", "-P-cbou", path])
            XCTAssertEqual(r.status, 0, page.fileName)
            XCTAssertEqual(r.err, "", "groff warnings for \(page.fileName)")
            for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "SEE ALSO"] {
                XCTAssertTrue(r.out.contains("\n" + section + "\n"), "\(page.fileName): no \(section) section")
            }
            // What a reader sees: options spelled with ASCII hyphens, ready to copy.
            XCTAssertTrue(r.out.contains("--help"), page.fileName)
            let lines = r.out.components(separatedBy: "\n")
            for code in ExitCode.allCases {
                let tag = "       \(code.rawValue)"
                XCTAssertTrue(lines.contains { $0 == tag || $0.hasPrefix(tag + " ") }, "\(page.fileName): exit status \(code.rawValue)")
            }
        }
        let goLive = try groff.run(["-man", "-Tutf8", "-P-cbou", Self.file("man/shopcast-go-live.1")]).out
        for option in GoLiveCommand.spec.options {
            XCTAssertTrue(goLive.contains("--\(option.long)"), "rendered go-live page lacks --\(option.long)")
        }
        XCTAssertTrue(goLive.contains("SHOPCAST_YOUTUBE_KEY"))
    }

    func testManAcceptsThePages() throws {
        let man = try ExternalTool.require("man")
        for page in ManPage.all() {
            let r = try man.run(["--warnings", "-l", "-P", "cat", Self.file("man/" + page.fileName)],
                                environment: ["PATH": "/usr/bin:/bin", "MANWIDTH": "80", "LANG": "C.UTF-8"])
            XCTAssertEqual(r.status, 0, "\(page.fileName): \(r.err)")
            XCTAssertEqual(r.err, "", "man warnings for \(page.fileName)")
            XCTAssertTrue(r.out.contains("EXIT STATUS"), page.fileName)
        }
    }

    // MARK: - Completion scripts: syntax

    func testCompletionScriptsParse() throws {
        for (shell, script) in [("bash", "shopcast.bash"), ("zsh", "_shopcast"), ("fish", "shopcast.fish")] {
            let tool = try ExternalTool.require(shell)
            let r = try tool.run(["-n", Self.file("completions/" + script)])
            XCTAssertEqual(r.status, 0, "\(shell) -n \(script): \(r.err)")
            XCTAssertEqual(r.err, "", "\(shell) -n \(script)")
        }
    }

    // MARK: - Completion scripts: what a user gets on TAB

    /// Command lines to complete (the last word is the one being completed) and what must be
    /// offered, derived from the command tree.
    static func expectations() -> [(line: [String], expected: Set<String>)] {
        var cases: [(line: [String], expected: Set<String>)] = []
        for (path, command) in CLI.allCommands() {
            let words = ["shopcast"] + path
            let longs = Set(command.spec.options.map { "--" + $0.long })
            cases.append((words + ["--"], longs))
            let shorts = Set(command.spec.options.compactMap { $0.short.map { "-" + String($0) } })
            if !shorts.isEmpty { cases.append((words + ["-"], shorts)) }
            if !command.children.isEmpty {
                var names = Set(command.children.map { $0.spec.name })
                cases.append((["shopcast", "help"] + path + [""], names))
                if path.isEmpty { names.insert("help") }
                cases.append((words + [""], names))
            }
            for option in command.spec.options {
                let values: [String]
                switch option.completion {
                case .values(let named), .valuesOrFiles(let named): values = named
                default: continue
                }
                cases.append((words + ["--" + option.long, ""], Set(values)))
                if let short = option.short { cases.append((words + ["-" + String(short), ""], Set(values))) }
            }
        }
        return cases
    }

    func testBashCompletes() throws {
        let bash = try ExternalTool.require("bash")
        let cases = Self.expectations()
        var script = "source \(Self.shellQuoted(Self.file("completions/shopcast.bash")))\n"
        script += "q() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); _shopcast; printf '%s\\n' \"${COMPREPLY[@]}\" @@end; }\n"
        for c in cases { script += "q " + c.line.map(Self.shellQuoted).joined(separator: " ") + "\n" }
        // --name=value: bash splits at '=' (COMP_WORDBREAKS), so the words are --preset, =, v.
        script += "q shopcast go-live --preset = v\n"
        let r = try bash.run(["--norc", "--noprofile", "-c", script])
        XCTAssertEqual(r.err, "")
        let answers = Self.split(r.out)
        XCTAssertEqual(answers.count, cases.count + 1, r.out)
        for (c, answer) in zip(cases, answers) {
            XCTAssertTrue(c.expected.isSubset(of: answer),
                          "bash: '\(c.line.joined(separator: " "))' offers \(answer.sorted()), lacks \(c.expected.subtracting(answer).sorted())")
        }
        XCTAssertEqual(answers.last, ["vertical"])
    }

    func testFishCompletes() throws {
        let fish = try ExternalTool.require("fish")
        let cases = Self.expectations()
        var script = "source \(Self.shellQuoted(Self.file("completions/shopcast.fish")))\n"
        for c in cases {
            let line = c.line.joined(separator: " ")
            script += "complete -C \(Self.shellQuoted(line)); echo @@end\n"
        }
        let r = try fish.run(["--no-config", "-c", script])
        XCTAssertEqual(r.err, "")
        // fish prints "candidate<TAB>description".
        let answers = Self.split(r.out).map { Set($0.map { String($0.split(separator: "\t").first ?? "") }) }
        XCTAssertEqual(answers.count, cases.count, r.out)
        for (c, answer) in zip(cases, answers) {
            XCTAssertTrue(c.expected.isSubset(of: answer),
                          "fish: '\(c.line.joined(separator: " "))' offers \(answer.sorted()), lacks \(c.expected.subtracting(answer).sorted())")
        }
    }

    /// zsh completes only inside its line editor, so the script is loaded by compinit in an
    /// interactive zsh on a pseudo-terminal (zsh/zpty); a wrapped compadd prints each candidate.
    func testZshCompletes() throws {
        let zsh = try ExternalTool.require("zsh")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shopcast-zsh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(atPath: Self.file("completions/_shopcast"), toPath: dir.appendingPathComponent("_shopcast").path)
        let driver = dir.appendingPathComponent("drive.zsh")
        try Self.zshDriver(fpath: dir.path).write(to: driver, atomically: true, encoding: .utf8)

        let cases = Self.expectations()
        let r = try zsh.run(["-f", driver.path] + cases.map { $0.line.joined(separator: " ") })
        XCTAssertEqual(r.status, 0, r.err)
        let answers = Self.split(r.out)
        XCTAssertEqual(answers.count, cases.count, r.out)
        for (c, answer) in zip(cases, answers) {
            XCTAssertTrue(c.expected.isSubset(of: answer),
                          "zsh: '\(c.line.joined(separator: " "))' offers \(answer.sorted()), lacks \(c.expected.subtracting(answer).sorted())")
        }
    }

    static func zshDriver(fpath: String) -> String {
        #"""
        zmodload zsh/zpty
        zpty z 'zsh -f -i'
        zpty -w z 'PROMPT= RPROMPT= ; fpath=(\#(fpath) $fpath); autoload -Uz compinit; compinit -u -D'
        zpty -w z 'compadd() { builtin compadd "$@"; local -a __m; local __x; builtin compadd -O __m "$@"; for __x in $__m; do print -r -- "<<$__x>>"; done; }'
        zpty -w z 'shopcast() { :; }'
        # TAB completes, then says so: the next keys are sent only once completion is over.
        zpty -w z 'tab-done() { zle complete-word; print -r -- "@@done"; }; zle -N tab-done; bindkey "^I" tab-done'
        # Markers are printed by arithmetic so that the echo of the typed command never matches.
        zpty -w z 'print READY-$((1+1))'
        zpty -r z out '*READY-2*'
        n=0
        for q in "$@"; do
            n=$((n + 1))
            zpty -wn z "$q"$'\t'
            zpty -r z out '*@@done*'
            zpty -w z $'\C-u'
            zpty -w z "print END-\$((1000+$n))"
            zpty -r z rest "*END-$((1000 + n))*"
            for m in ${(f)out}; do
                [[ $m == *'<<'*'>>'* ]] || continue
                m=${m#*<<}; m=${m%%>>*}
                [[ -n $m ]] && print -r -- $m
            done
            print -- @@end
        done
        zpty -d z
        """#
    }

    static func split(_ output: String) -> [Set<String>] {
        var answers: [Set<String>] = [], current = Set<String>()
        for line in output.components(separatedBy: "\n") {
            if line == "@@end" { answers.append(current); current = [] } else if !line.isEmpty { current.insert(line) }
        }
        return answers
    }

    static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
