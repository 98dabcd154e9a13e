import Foundation
import ShopcastCore
import XCTest

/// The worked chat bridge (examples/chat-bridge/youtube_live_chat.py) run as go-live runs it,
/// `--chat exec:…`, through shopcast's own source reader, against a stand-in for the YouTube
/// Data API v3 on loopback answering in the API's documented shapes (videos.list, then
/// liveChatMessages.list page after page). What it is checked for: the backlog stays off, a
/// message, a Super Chat (a tip with its amount) and a Super Sticker arrive as shopcast reads
/// them, a moderator's deletion takes the message back, unknown kinds are skipped, and the key
/// travels in a header, never in a URL.
final class YouTubeBridgeTests: EndToEndTestCase {
    static let key = "AIzaTestKeyNeverInAURL"

    static func page(_ items: [String], next: String) -> String {
        #"{"kind":"youtube#liveChatMessageListResponse","pollingIntervalMillis":200,"nextPageToken":"\#(next)","items":[\#(items.joined(separator: ","))]}"#
    }

    static func text(_ id: String, _ author: String, _ said: String) -> String {
        #"{"id":"\#(id)","snippet":{"type":"textMessageEvent","displayMessage":"\#(said)","publishedAt":"2026-12-03T10:00:00Z"},"authorDetails":{"displayName":"\#(author)","channelId":"UC\#(id)"}}"#
    }

    static let answers: @Sendable (Int, HTTPRecorder.Request) -> (status: Int, body: String) = { _, request in
        guard request.headers["x-goog-api-key"] == key else { return (403, #"{"error":{"code":403,"message":"no key"}}"#) }
        if request.path.hasPrefix("/youtube/v3/videos?") {
            return (200, #"{"items":[{"id":"VID1","liveStreamingDetails":{"activeLiveChatId":"CHAT1"}}]}"#)
        }
        guard request.path.hasPrefix("/youtube/v3/liveChat/messages?"), request.path.contains("liveChatId=CHAT1") else {
            return (404, #"{"error":{"code":404}}"#)
        }
        if !request.path.contains("pageToken=") {
            return (200, page([text("LCC.old", "Earlier", "said before the show")], next: "p1"))
        }
        if request.path.contains("pageToken=p1") {
            return (200, page([
                text("LCC.abc", "Giulia", "Does it come in blue? 💙"),
                #"{"id":"LCC.def","snippet":{"type":"superChatEvent","superChatDetails":{"amountMicros":"5000000","currency":"EUR","amountDisplayString":"€5.00","userComment":"Great show!","tier":2}},"authorDetails":{"displayName":"Marco"}}"#,
                #"{"id":"LCC.stk","snippet":{"type":"superStickerEvent","superStickerDetails":{"amountMicros":"2000000","currency":"USD","superStickerMetadata":{"stickerId":"x"}}},"authorDetails":{"displayName":"Ana"}}"#,
                #"{"id":"LCC.spn","snippet":{"type":"newSponsorEvent"},"authorDetails":{"displayName":"Anna"}}"#,
            ], next: "p2"))
        }
        if request.path.contains("pageToken=p2") {
            return (200, page([#"{"id":"LCC.del","snippet":{"type":"messageDeletedEvent","messageDeletedDetails":{"deletedMessageId":"LCC.abc"}}}"#], next: "p3"))
        }
        return (200, page([], next: "p3"))
    }

    final class Inbox: @unchecked Sendable {
        let condition = NSCondition()
        var events: [ChatEvent] = []
        var warnings: [String] = []
    }

    func testTheYouTubeBridgeFeedsShopcastsChat() throws {
        let selftest = try ChildProcess.run("python3", [ShopcastBinary.packageRoot.appendingPathComponent("examples/chat-bridge/youtube_live_chat.py").path,
                                                        "--selftest"], logDirectory: work, name: "bridge-selftest")
        XCTAssertEqual(selftest.termination, .exited(0), "the bridge's own check of YouTube's documented shapes: \(selftest.stderr)")
        let youtube = try HTTPRecorder(answer: Self.answers)
        addCleanup { youtube.stop() }
        let bridge = ShopcastBinary.packageRoot.appendingPathComponent("examples/chat-bridge/youtube_live_chat.py").path
        // The key reaches the bridge in go-live's environment, not on its command line; a
        // proxy set for this machine must not carry loopback requests away.
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.lowercased().hasSuffix("_proxy") }
        environment["YOUTUBE_API_KEY"] = Self.key
        environment["YOUTUBE_API_URL"] = "http://127.0.0.1:\(youtube.port)/youtube/v3/"
        let inbox = Inbox()
        let reader = ChatSourceReader(.command("exec python3 '\(bridge)' VID1"), name: "youtube", filter: try ChatFilter(),
                                      environment: environment, deliver: { event in
            inbox.condition.lock(); inbox.events.append(event); inbox.condition.broadcast(); inbox.condition.unlock()
        }, warn: { text in
            inbox.condition.lock(); inbox.warnings.append(text); inbox.condition.unlock()
        })
        reader.start()
        addCleanup { reader.stop() }

        inbox.condition.lock()
        let deadline = Date().addingTimeInterval(20)
        while !inbox.events.contains(where: { if case .delete = $0 { return true } else { return false } }),
              inbox.condition.wait(until: deadline) {}
        let events = inbox.events
        let warnings = inbox.warnings
        inbox.condition.unlock()

        let messages = events.compactMap { event -> ChatMessage? in if case .message(let m) = event { return m } else { return nil } }
        XCTAssertEqual(messages.map(\.id), ["LCC.abc", "LCC.def", "LCC.stk"], "the backlog and the new sponsor stay off: \(events)")
        XCTAssertEqual(messages.first?.author, "Giulia")
        XCTAssertEqual(messages.first?.text, "Does it come in blue? 💙")
        XCTAssertEqual(messages.first?.kind, .comment)
        let tip = try XCTUnwrap(messages.dropFirst().first)
        XCTAssertTrue(tip.isTip, "a Super Chat is a tip")
        XCTAssertEqual(tip.amount, Decimal(5))
        XCTAssertEqual(tip.currency, "EUR")
        XCTAssertEqual(tip.text, "Great show!")
        let sticker = try XCTUnwrap(messages.last)
        XCTAssertTrue(sticker.isTip, "a Super Sticker is a tip, without words")
        XCTAssertEqual(sticker.text, "")
        XCTAssertEqual(sticker.amount, Decimal(2))
        XCTAssertEqual(sticker.currency, "USD")
        XCTAssertTrue(events.contains { if case .delete(let id) = $0 { return id == "LCC.abc" } else { return false } },
                      "the moderator's deletion: \(events)")
        XCTAssertEqual(warnings, [], "every line the bridge printed is one shopcast reads")

        let asked = youtube.requests
        XCTAssertGreaterThanOrEqual(asked.count, 4)
        for request in asked {
            XCTAssertFalse(request.path.contains(Self.key), "the key in a URL: \(request.path)")
            XCTAssertEqual(request.headers["x-goog-api-key"], Self.key)
        }
    }
}
