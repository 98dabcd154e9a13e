import Foundation
import XCTest

/// Viewers' chat on the picture: go-live reads a JSON-lines bridge file as it grows; what
/// arrives is read back off the recording by tesseract (OCR), not from shopcast's report.
final class GoLiveChatTests: EndToEndTestCase {
    func testCommentsTipsAndPurchasesAirAndBlockedHostileAndDeletedOnesDoNot() throws {
        let input = try makeFlatClip("flat.mp4", size: "1280x720", seconds: 12)
        let manifest = path("show.yaml")
        try """
        show: {title: Chat, currency: EUR, locale: it-IT}
        products: {scarf: {name: Sciarpa di seta, price: 39.90}}
        offers: [{product: scarf, at: 0s, for: 30s, discount: 20%}]
        chat:
          seconds: 20s
          blocklist: [brutto]
        """.write(to: manifest, atomically: true, encoding: .utf8)
        let feed = path("chat.jsonl")
        FileManager.default.createFile(atPath: feed.path, contents: nil)
        let events = EventsFile(url: path("events.jsonl"))
        let output = path("show.mkv")
        let chatLog = path("chat.log")
        let port = try FreePort.tcp()
        let run = try launchShopcast(["go-live", "-i", input.path, "-m", manifest.path, "--chat", "jsonl:" + feed.path, "--chat-log", chatLog.path,
                                      "--control", "\(port)",
                                      "--duration", "9s", "--encoder-speed", "ultrafast", "-t", output.path, "--events", events.url.path])
        XCTAssertTrue(run.waitUntil(timeout: 20) { !events.named("stream.started").isEmpty }, run.summary)

        let writer = try FileHandle(forWritingTo: feed)
        func send(_ line: String) { writer.write(Data((line + "\n").utf8)) }
        func sendJSON(_ object: [String: Any]) { send(String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)) }
        // At most 2 new entries a second reach the screen (the flood rule): the viewers here
        // write at that pace, each once the previous is on screen.
        func waitShown(_ count: Int) {
            _ = run.waitUntil(timeout: 5) { events.named("chat.shown").count >= count }
            usleep(550_000)
        }
        sendJSON(["id": "g1", "author": "Giulia", "text": "Che bella sciarpa"])
        waitShown(1)
        sendJSON(["author": "Marco", "text": "Grazie mille", "amount": "5", "currency": "EUR"])
        waitShown(2)
        // Hostile lines: skipped, one warning, nothing on screen, nothing stops.
        send("not json at all")
        send(#"{"author":"Nobody"}"#)
        writer.write(Data([0xFF, 0xFE, 0x0A]))
        send(#"{"author":"Big","text":""# + String(repeating: "x", count: 1 << 20) + #""}"#)
        sendJSON(["author": "Troll", "text": "che brutto colore visita shop.example/scam"])
        waitShown(3)
        // The shop's backend announces the purchase through the control API.
        let posted = try Curl.request("POST", "http://127.0.0.1:\(port)/v1/chat", body: #"{"author":"Anna","kind":"purchase","text":"la sciarpa di seta"}"#, work: work)
        XCTAssertEqual(posted.status, 202, posted.text)
        let refused = try Curl.request("POST", "http://127.0.0.1:\(port)/v1/chat", body: #"{"author":"Nobody","txet":"typo"}"#, work: work)
        XCTAssertEqual(refused.status, 400, refused.text)
        waitShown(4)
        let allShown = run.waitUntil(timeout: 5) { events.named("chat.shown").count >= 4 }
        XCTAssertTrue(allShown, events.text)
        sendJSON(["delete": "g1"])
        XCTAssertTrue(run.waitUntil(timeout: 5) { !events.named("chat.hidden").isEmpty }, events.text)
        try writer.close()
        XCTAssertNotNil(run.waitForExit(timeout: 30), run.summary)
        XCTAssertEqual(exitStatus(run), 0, run.summary)

        XCTAssertEqual(run.stderr.components(separatedBy: "chat jsonl:").count - 1, 1, "one warning for the source's bad lines:\n\(run.stderr)")
        XCTAssertTrue(run.stderr.contains("skipped a line that is not one JSON object"), run.stderr)
        XCTAssertEqual(try probe(output).containerDuration ?? 0, 9, accuracy: 0.3, "the stream did not run its length")

        // Read the column (the right of the picture, below the banner's place) where everything
        // is up, and again after the deletion. Events only say when to look.
        let column = PixelRect(x: 790, y: 80, width: 440, height: 610)
        let anna = try XCTUnwrap(events.named("chat.shown").last?.number("stream_time"))
        let deleted = try XCTUnwrap(events.named("chat.hidden").first?.number("stream_time"))
        // Authors are drawn in their colour (the theme's accent here) on dark entries, a tip in
        // white on the accent: read twice, for mid tones and for white alone.
        func read(at time: Double) throws -> String {
            try CardReader.text(of: output, at: time, box: column, threshold: 100, work: work) + " "
                + CardReader.text(of: output, at: time + 0.04, box: column, threshold: 170, work: work)
        }
        let before = try read(at: anna + 0.3)
        for word in ["Giulia", "bella", "Marco", "Grazie", "Anna", "comprato", "Troll", "colore"] {
            XCTAssertTrue(before.contains(word), "'\(word)' is not in the chat column: \(before)")
        }
        XCTAssertTrue(before.contains("5,00"), "the tip's amount in the show's locale: \(before)")
        let after = try read(at: deleted + 0.3)
        XCTAssertFalse(after.contains("Giulia") || after.contains("bella"), "the deleted message is still on screen: \(after)")
        XCTAssertTrue(after.contains("Anna"), after)
        // The chat log replays the chat as it aired onto the clean recording (here the input).
        let replay = path("replay.mkv")
        let burn = try runShopcast(["overlay", input.path, "-m", manifest.path, "--chat-log", chatLog.path, "-o", replay.path,
                                    "--encoder-speed", "ultrafast", "-q"], timeout: 60)
        XCTAssertEqual(exitStatus(burn), 0, burn.summary)
        func readReplay(at time: Double) throws -> String {
            try CardReader.text(of: replay, at: time, box: column, threshold: 100, work: work) + " "
                + CardReader.text(of: replay, at: time + 0.04, box: column, threshold: 170, work: work)
        }
        let replayed = try readReplay(at: anna + 0.3), replayedAfter = try readReplay(at: deleted + 0.3)
        // Each entry by its words: an author's name in the accent colour sits near the reading's
        // threshold, and a pixel's difference in where it lands can tip a letter (the live
        // reading above holds the names).
        for word in ["bella", "Marco", "Grazie", "Anna", "Troll"] {
            XCTAssertTrue(replayed.contains(word), "the replay lacks '\(word)': \(replayed)")
        }
        XCTAssertFalse(replayedAfter.contains("Giulia") || replayedAfter.contains("bella"),
                       "the replay keeps the deleted message: \(replayedAfter)")
        for text in [before, after, replayed, replayedAfter] {
            XCTAssertFalse(text.lowercased().contains("brutto"), "a blocked word reached the picture: \(text)")
            XCTAssertFalse(text.contains("example") || text.contains("scam"), "a link was shown as text: \(text)")
            XCTAssertFalse(text.contains("Nobody") || text.contains("Big"), "a bad line reached the picture: \(text)")
        }
    }

    /// --chat-hold: nothing airs until the producer approves it with `shopcast cue chat`; a
    /// pinned question sits above the column.
    func testHeldChatAirsOnlyOnceApprovedAndAPinnedQuestionSitsOnTop() throws {
        let input = try makeFlatClip("flat.mp4", size: "1280x720", seconds: 10)
        let manifest = path("show.yaml")
        try """
        show: {title: Chat, currency: EUR}
        products: {scarf: {name: Silk scarf, price: 40}}
        offers: [{product: scarf, at: 0s, for: 30s}]
        chat: {seconds: 20s}
        """.write(to: manifest, atomically: true, encoding: .utf8)
        let feed = path("chat.jsonl")
        FileManager.default.createFile(atPath: feed.path, contents: nil)
        let events = EventsFile(url: path("events.jsonl"))
        let output = path("show.mkv")
        let port = try FreePort.tcp()
        let run = try launchShopcast(["go-live", "-i", input.path, "-m", manifest.path, "--chat", "jsonl:" + feed.path, "--chat-hold",
                                      "--control", "\(port)", "--duration", "9s", "--encoder-speed", "ultrafast", "-t", output.path,
                                      "--events", events.url.path])
        XCTAssertTrue(run.waitUntil(timeout: 20) { !events.named("stream.started").isEmpty }, run.summary)
        let writer = try FileHandle(forWritingTo: feed)
        for (id, author, text) in [("q1", "Giulia", "Which sizes are left"), ("h1", "Spammer", "unapproved words"), ("a1", "Marco", "Lovely colour")] {
            writer.write(Data(#"{"id":"\#(id)","author":"\#(author)","text":"\#(text)"}"#.utf8 + [0x0A]))
        }
        try writer.close()
        func cue(_ words: [String]) throws {
            let answer = try runShopcast(["cue", "chat"] + words + ["--control", "\(port)"], timeout: 15)
            XCTAssertEqual(exitStatus(answer), 0, answer.summary)
        }
        /// The chat part of `cue status --json` (the API's GET /v1/state), and the line people read.
        func chatState() throws -> (chat: [String: Any], line: String) {
            let json = try runShopcast(["cue", "status", "--json", "--control", "\(port)"], timeout: 15)
            XCTAssertEqual(exitStatus(json), 0, json.summary)
            let state = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], json.stdout)
            let text = try runShopcast(["cue", "status", "--control", "\(port)"], timeout: 15)
            let line = text.stdout.split(separator: "\n").first { $0.hasPrefix("chat:") }.map(String.init) ?? ""
            return (try XCTUnwrap(state["chat"] as? [String: Any], json.stdout), line)
        }
        func ids(_ entries: Any?) -> [String] { (entries as? [[String: Any]] ?? []).compactMap { $0["chat"] as? String } }
        // The producer sees what waits (chat.held, and the state) and approves by id.
        XCTAssertTrue(run.waitUntil(timeout: 5) { events.named("chat.held").count >= 3 }, events.text)
        let waiting = try chatState()
        XCTAssertEqual(ids(waiting.chat["held"]), ["q1", "h1", "a1"], "\(waiting.chat)")
        XCTAssertEqual(ids(waiting.chat["on_screen"]), [])
        XCTAssertEqual((waiting.chat["held"] as? [[String: Any]])?.first?["text"] as? String, "Which sizes are left")
        XCTAssertEqual(waiting.line, "chat: 0 on screen, 3 held: q1 (Giulia), h1 (Spammer), a1 (Marco)")
        try cue(["approve", "a1"])
        try cue(["pin", "q1"])
        XCTAssertTrue(run.waitUntil(timeout: 5) { !events.named("chat.pinned").isEmpty }, events.text)
        let moderated = try chatState()
        XCTAssertEqual(ids(moderated.chat["held"]), ["h1"], "\(moderated.chat)")
        XCTAssertEqual(ids(moderated.chat["on_screen"]), ["a1"], "\(moderated.chat)")
        XCTAssertEqual((moderated.chat["pinned"] as? [String: Any])?["chat"] as? String, "q1", "\(moderated.chat)")
        XCTAssertEqual(moderated.line, "chat: 1 on screen, pinned q1 (Giulia), 1 held: h1 (Spammer)")
        let pinnedAt = try XCTUnwrap(events.named("chat.pinned").first?.number("stream_time"))
        XCTAssertNotNil(run.waitForExit(timeout: 30), run.summary)
        XCTAssertEqual(exitStatus(run), 0, run.summary)

        let at = pinnedAt + 0.3
        let top = try CardReader.text(of: output, at: at, box: PixelRect(x: 790, y: 90, width: 440, height: 90), threshold: 100, work: work)
        let column = try CardReader.text(of: output, at: at, box: PixelRect(x: 790, y: 80, width: 440, height: 610), threshold: 100, work: work)
        XCTAssertTrue(top.contains("Giulia") && top.contains("sizes"), "the pinned question is not at the top: \(top)")
        XCTAssertTrue(column.contains("Marco") && column.contains("colour"), "the approved message did not air: \(column)")
        XCTAssertFalse(column.contains("Spammer") || column.contains("unapproved"), "a held message aired: \(column)")
    }
}
