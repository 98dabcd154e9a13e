import Foundation
import XCTest

/// Chat from a real IRC server (inspircd on loopback, over TLS): what a viewer says in the
/// channel is on the picture within half a second, read back by tesseract; a blocked word
/// never is.
final class GoLiveIRCChatTests: EndToEndTestCase {
    func testAViewersMessageInTheChannelAirsAndABlockedOneDoesNot() throws {
        let server = try IRCServer(directory: try folder("ircd"))
        addCleanup { server.stop() }
        let input = try makeFlatClip("flat.mp4", size: "1280x720", seconds: 10)
        let manifest = path("show.yaml")
        try """
        show: {title: Chat, currency: EUR}
        products: {scarf: {name: Silk scarf, price: 40}}
        offers: [{product: scarf, at: 0s, for: 30s}]
        chat: {seconds: 20s, blocklist: [scam]}
        """.write(to: manifest, atomically: true, encoding: .utf8)
        let events = EventsFile(url: path("events.jsonl"))
        let output = path("show.mkv")
        let run = try launchShopcast(["go-live", "-i", input.path, "-m", manifest.path, "--duration", "7s", "--encoder-speed", "ultrafast",
                                      "--chat", "ircs://127.0.0.1:\(server.tlsPort)/#show", "--ca-file", server.certificate.certificate.path,
                                      "-t", output.path, "--events", events.url.path])
        XCTAssertTrue(run.waitUntil(timeout: 20) { !events.named("stream.started").isEmpty }, run.summary)
        let viewer = try IRCViewer(nick: "giulia", port: server.port, channel: "#show")
        XCTAssertTrue(viewer.waitForMember(startingWith: "justinfan", in: "#show", timeout: 10), "shopcast never joined the channel: \(run.stderr)")

        let streamStart = try XCTUnwrap(events.named("stream.started").first?.string("time").flatMap(Self.date))
        let sent = Date()
        try viewer.send("PRIVMSG #show :Does it come in blue")
        _ = run.waitUntil(timeout: 5) { events.named("chat.shown").count >= 1 }
        usleep(550_000)  // the flood rule lets 2 new entries a second through: write at that pace
        try viewer.send("PRIVMSG #show :total scam here")
        XCTAssertNotNil(run.waitForExit(timeout: 30), run.summary)
        XCTAssertEqual(exitStatus(run), 0, run.summary)
        XCTAssertFalse(run.stderr.contains("chat ircs:"), "the chat connection had trouble: \(run.stderr)")

        // Half a second after the viewer sent it, the message is on the picture.
        let at = sent.timeIntervalSince(streamStart) + 0.5
        let column = PixelRect(x: 790, y: 80, width: 440, height: 610)
        let seen = try CardReader.text(of: output, at: at, box: column, threshold: 100, work: work)
            + " " + CardReader.text(of: output, at: at + 1.5, box: column, threshold: 100, work: work)
        XCTAssertTrue(seen.contains("giulia") && seen.contains("blue"), "not on the picture 0.5 s after it was sent: \(seen)")
        XCTAssertFalse(seen.lowercased().contains("scam"), "a blocked word reached the picture: \(seen)")
        // The message came with the server's IRCv3 msgid, which names it in the events.
        XCTAssertTrue(events.named("chat.shown").first?.string("chat")?.contains("~") ?? false, events.named("chat.shown").map(\.line).joined(separator: "\n"))
    }

    static func date(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: text)
    }
}
