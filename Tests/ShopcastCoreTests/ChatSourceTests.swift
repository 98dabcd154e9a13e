import Foundation
import XCTest
@testable import ShopcastCore

/// The sources' plumbing: a command's output, a file that grows (and is cut), bad lines.
final class ChatSourceTests: XCTestCase {
    final class Inbox: @unchecked Sendable {
        let lock = NSLock()
        var events: [ChatEvent] = []
        var warnings: [String] = []
        func texts() -> [String] {
            lock.lock(); defer { lock.unlock() }
            return events.compactMap { if case .message(let m) = $0 { return m.text } else { return nil } }
        }
    }

    func reader(_ spec: ChatSourceSpec, _ inbox: Inbox) throws -> ChatSourceReader {
        ChatSourceReader(spec, name: "test", filter: try ChatFilter(), deliver: { event in
            inbox.lock.lock(); inbox.events.append(event); inbox.lock.unlock()
        }, warn: { text in
            inbox.lock.lock(); inbox.warnings.append(text); inbox.lock.unlock()
        })
    }

    func wait(_ inbox: Inbox, for count: Int) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if inbox.texts().count >= count { return true }
            usleep(10_000)
        }
        return false
    }

    func testACommandsOutputIsRead() throws {
        let inbox = Inbox()
        let source = try reader(.command(#"printf '{"author":"A","text":"one"}\nnot json\n{"author":"B","text":"two"}\n'; sleep 30"#), inbox)
        source.start()
        defer { source.stop() }
        XCTAssertTrue(wait(inbox, for: 2), "\(inbox.texts())")
        XCTAssertEqual(inbox.texts(), ["one", "two"])
        inbox.lock.lock(); let warnings = inbox.warnings; inbox.lock.unlock()
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings.first?.contains("line 2") ?? false, "\(warnings)")
    }

    func testAFileIsReadAsItGrowsFromItsEndAndAgainWhenCut() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chat-src-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("chat.jsonl")
        try #"{"author":"old","text":"before the show"}"#.appending("\n").write(to: file, atomically: true, encoding: .utf8)
        let inbox = Inbox()
        let source = try reader(.file(file.path), inbox)
        source.start()
        defer { source.stop() }
        func append(_ text: String) throws {
            let handle = try FileHandle(forWritingTo: file)
            handle.seekToEndOfFile()
            handle.write(Data(text.utf8))
            try handle.close()
        }
        // The reader starts at the end of the file: probe lines go in until one comes through.
        var probes = 0
        while inbox.texts().isEmpty, probes < 100 {
            probes += 1
            try append(#"{"author":"P","text":"probe"}"# + "\n")
            let deadline = Date().addingTimeInterval(0.2)
            while inbox.texts().isEmpty, Date() < deadline { usleep(5_000) }
        }
        let seen = inbox.texts().count
        XCTAssertGreaterThan(seen, 0, "the file was never read")
        try append(#"{"author":"A","text":"new"}"# + "\n" + #"{"author":"B","text":"#)
        XCTAssertTrue(wait(inbox, for: seen + 1))
        try append(#""split across writes"}"# + "\n")
        XCTAssertTrue(wait(inbox, for: seen + 2))
        try #"{"author":"C","text":"after a cut"}"#.appending("\n").write(to: file, atomically: false, encoding: .utf8)
        XCTAssertTrue(wait(inbox, for: seen + 3), "\(inbox.texts())")
        XCTAssertFalse(inbox.texts().contains("before the show"), "a line from before the start was replayed")
        XCTAssertEqual(Array(inbox.texts().dropFirst(seen)), ["new", "split across writes", "after a cut"])
    }
}
