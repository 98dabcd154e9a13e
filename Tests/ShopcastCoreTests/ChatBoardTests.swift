import Foundation
import XCTest
@testable import ShopcastCore

/// The chat column as a pure function of what arrived when.
final class ChatBoardTests: XCTestCase {
    func message(_ id: String, _ text: String = "hello", login: String = "a", kind: ChatMessage.Kind = .comment) -> ChatEvent {
        .message(ChatMessage(id: id, author: login, login: login, text: text + " " + id, kind: kind, source: "t"))
    }

    func names(_ changes: [ChatBoard.Change]) -> [String] {
        changes.map { change -> String in
            switch change.event {
            case .chatShown(let e): return "shown \(e.id)"
            case .chatHidden(let e, let reason): return "hidden \(e.id) \(reason.rawValue)"
            default: return "?"
            }
        }
    }

    func testLinesTimeAndTipsStayLonger() {
        var board = ChatBoard(settings: ChatSettings(lines: 2, seconds: 8, perSecond: 10))
        XCTAssertEqual(names(board.receive(message("1"), at: 0)), ["shown 1"])
        XCTAssertEqual(names(board.receive(message("2", kind: .tip), at: 1)), ["shown 2"])
        XCTAssertEqual(names(board.receive(message("3"), at: 2)), ["shown 3", "hidden 1 pushed"], "the oldest makes room")
        XCTAssertEqual(board.nextExpiry(after: 2), 10)
        XCTAssertEqual(names(board.expire(at: 10)), ["hidden 3 expired"])
        XCTAssertEqual(board.shown.map(\.id), ["2"], "a tip stays twice as long")
        XCTAssertEqual(names(board.expire(at: 17)), ["hidden 2 expired"])
    }

    func testAFloodReachesTheScreenAtItsRateAndDuplicatesCollapse() {
        var board = ChatBoard(settings: ChatSettings(lines: 4, seconds: 8, perSecond: 2))
        var shown = 0
        for i in 0..<1000 {  // 100 a second for 10 s
            shown += names(board.receive(message("\(i)", "msg"), at: Double(i) / 100)).filter { $0.hasPrefix("shown") }.count
            _ = board.expire(at: Double(i) / 100)
        }
        XCTAssertEqual(shown, 20, "2 a second for 10 s")
        XCTAssertEqual(board.flooded, 980)
        XCTAssertLessThanOrEqual(board.shown.count, 4)

        var same = ChatBoard(settings: ChatSettings())
        _ = same.receive(.message(ChatMessage(id: "a", author: "x", text: "PRICE?", source: "t")), at: 0)
        XCTAssertEqual(names(same.receive(.message(ChatMessage(id: "b", author: "y", text: "price ?", source: "t")), at: 1)), ["shown b"])
        XCTAssertEqual(names(same.receive(.message(ChatMessage(id: "c", author: "z", text: "  Price? ", source: "t")), at: 2)), [])
        XCTAssertEqual(same.shown.count, 2)
        XCTAssertEqual(same.shown.first?.count, 2, "'PRICE?' and '  Price? ' are the same words; 'price ?' is not")
    }

    func testDeletionsAndBansTakeEntriesOff() {
        var board = ChatBoard(settings: ChatSettings(lines: 4, seconds: 30, perSecond: 10))
        _ = board.receive(message("1", login: "troll"), at: 0)
        _ = board.receive(message("2", login: "fan"), at: 0.2)
        _ = board.receive(message("3", login: "troll"), at: 0.4)
        XCTAssertEqual(names(board.receive(.delete(id: "2"), at: 1)), ["hidden 2 deleted"])
        XCTAssertEqual(names(board.receive(.clearUser(login: "troll"), at: 2)), ["hidden 1 cleared", "hidden 3 cleared"])
        _ = board.receive(message("4"), at: 3)
        XCTAssertEqual(names(board.receive(.clearAll, at: 4)), ["hidden 4 cleared"])
        XCTAssertTrue(board.shown.isEmpty)
    }
}

/// The manifest's `chat:` section, checked like the rest.
final class ChatSectionTests: XCTestCase {
    func testChatSectionIsReadAndCheckedAtItsPlaces() throws {
        let (good, clean) = try ManifestFolder().load("""
        show: {title: T}
        chat: {position: left, lines: 3, seconds: 12s, per_second: 1.5, size: 1.2, blocklist: [spam, "/sc[a@]m/"], blocked: drop}
        """)
        XCTAssertEqual(clean.filter { $0.contains("error") }, [])
        let chat = try XCTUnwrap(good?.chat)
        XCTAssertEqual(chat.position, .left)
        XCTAssertEqual(chat.settings, ChatSettings(lines: 3, seconds: 12, perSecond: 1.5))
        XCTAssertEqual(chat.size, 1.2)
        XCTAssertEqual(chat.blocklist, ["spam", "/sc[a@]m/"])
        XCTAssertTrue(chat.dropBlocked)
        let (_, lines) = try ManifestFolder().load("""
        show: {title: T}
        chat:
          position: middle
          lines: 40
          seconds: 1s
          blocklist: ["/(oops/"]
          blocked: hide
          colour: red
        """)
        XCTAssertEqual(lines.filter { $0.contains("error") }, [
            "3:13: error: chat.position 'middle' is not left or right",
            "4:10: error: chat.lines 40 is more than 10 at once",
            "5:12: error: chat.seconds must be from 2s to 2m",
            "6:15: error: chat.blocklist '/(oops/' is not a valid pattern",
            "7:12: error: chat.blocked 'hide' is not mask or drop",
            "8:3: error: unknown key 'colour' in chat (expected: position, lines, seconds, per_second, size, blocklist, blocked)",
        ])
    }
}

/// `--chat-hold`, approvals and the pinned question.
final class ChatModerationTests: XCTestCase {
    func say(_ id: String, _ login: String = "a") -> ChatEvent {
        .message(ChatMessage(id: id, author: login, login: login, text: "words of \(id)", source: "t"))
    }

    func testHeldMessagesWaitForApprovalAndAPinStaysUntilUnpinned() {
        var board = ChatBoard(settings: ChatSettings(lines: 4, seconds: 8, perSecond: 2, hold: true))
        XCTAssertEqual(board.receive(say("1"), at: 0).count, 1, "chat.held, for the producer to approve it by id")
        XCTAssertEqual(board.receive(say("2"), at: 0.1).count, 1)
        XCTAssertEqual(board.held.map(\.id), ["1", "2"])
        XCTAssertTrue(board.shown.isEmpty, "held messages stay off the screen")
        _ = board.receive(.approve(id: "2"), at: 1)
        XCTAssertEqual(board.shown.map(\.id), ["2"])
        XCTAssertTrue(board.receive(.approve(id: "nope"), at: 1.1).isEmpty)
        // Pin a held one: it goes above the column and stays past the column's seconds.
        _ = board.receive(.pin(id: "1"), at: 2)
        XCTAssertEqual(board.pinned?.id, "1")
        XCTAssertTrue(board.held.isEmpty)
        _ = board.expire(at: 60)
        XCTAssertEqual(board.pinned?.id, "1")
        XCTAssertTrue(board.shown.isEmpty)
        _ = board.receive(.unpin, at: 61)
        XCTAssertNil(board.pinned)
        // A ban takes a pinned message down too; the held queue is bounded.
        _ = board.receive(say("3", "troll"), at: 62)
        _ = board.receive(.pin(id: "3"), at: 63)
        _ = board.receive(.clearUser(login: "troll"), at: 64)
        XCTAssertNil(board.pinned)
        for i in 0..<500 { _ = board.receive(say("f\(i)"), at: 70) }
        XCTAssertEqual(board.held.count, ChatBoard.maxHeld)
        XCTAssertEqual(board.held.last?.id, "f499")
    }
}
