import Foundation
import XCTest
@testable import ShopcastCore

/// What chat sources say, read as their contracts and Twitch's documentation write it.
final class ChatParsingTests: XCTestCase {
    func parse(_ line: String) -> Result<ChatEvent, ChatLine.Problem> {
        ChatLine.parse(Data(line.utf8), source: "jsonl:t", number: 7)
    }

    func testJSONLinesAndHostileOnes() {
        guard case .success(.message(let m)) = parse(##"{"author":"Giulia","text":"In blu?","color":"#FF69B4"}"##) else { return XCTFail() }
        XCTAssertEqual([m.author, m.text, m.id, m.kind.rawValue], ["Giulia", "In blu?", "jsonl:t#7", "comment"])
        XCTAssertEqual(m.color, RGBAColor(hex: "#FF69B4"))
        XCTAssertEqual(m.badges, [])
        // Badges by our names or the platforms' (a YouTube member), unknown ones ignored, the
        // most senior first; anything but a list of names is refused.
        guard case .success(.message(let mod)) = parse(#"{"author":"Sara","text":"x","badges":["member","nonsense","moderator",7]}"#) else { return XCTFail() }
        XCTAssertEqual(mod.badges, [.moderator, .subscriber])
        XCTAssertEqual(parse(#"{"author":"A","text":"x","badges":"moderator"}"#), .failure(.badField("badges")))
        let many = Array(repeating: #""vip""#, count: 17).joined(separator: ",")
        XCTAssertEqual(parse(#"{"author":"A","text":"x","badges":["# + many + "]}"), .failure(.badField("badges")))
        guard case .success(.message(let tip)) = parse(#"{"id":"p1","author":"Marco","text":"Grazie","amount":"5.50","currency":"eur"}"#) else { return XCTFail() }
        XCTAssertEqual(tip.kind, .tip, "an amount makes a comment a tip")
        XCTAssertEqual(tip.amount, Decimal(string: "5.50"))
        XCTAssertEqual(tip.currency, "EUR")
        XCTAssertEqual(tip.id, "p1")
        guard case .success(.message(let bought)) = parse(#"{"kind":"purchase","author":"Anna","text":""}"#) else { return XCTFail() }
        XCTAssertEqual(bought.kind, .purchase)
        XCTAssertEqual(parse(#"{"delete":"p1"}"#), .success(.delete(id: "p1")))

        XCTAssertEqual(parse("not json"), .failure(.notJSON))
        XCTAssertEqual(parse("[1,2]"), .failure(.notJSON))
        XCTAssertEqual(parse(#"{"author":"A"}"#), .failure(.noText))
        XCTAssertEqual(parse(#"{"author":"A","text":""}"#), .failure(.noText))
        guard case .success(.message(let sticker)) = parse(#"{"author":"Ana","text":"","kind":"tip","amount":"2.00","currency":"USD"}"#) else {
            return XCTFail("a tip without words (a Super Sticker) airs its amount")
        }
        XCTAssertEqual(sticker.amount, Decimal(2))
        XCTAssertEqual(parse(#"{"text":"no author"}"#), .failure(.noText))
        XCTAssertEqual(parse(#"{"author":"A","text":"x","kind":"bribe"}"#), .failure(.badField("kind")))
        XCTAssertEqual(parse(#"{"author":"A","text":"x","amount":"-3","currency":"EUR"}"#), .failure(.badField("amount")))
        XCTAssertEqual(parse(#"{"author":"A","text":"x","amount":3,"currency":"XXQ"}"#), .failure(.badField("currency")))
        XCTAssertEqual(ChatLine.parse(Data([0x7B, 0xFF, 0xFE, 0x7D]), source: "s", number: 1), .failure(.notUTF8))
        let huge = Data((#"{"author":"A","text":""# + String(repeating: "x", count: 1 << 20) + #""}"#).utf8)
        XCTAssertEqual(ChatLine.parse(huge, source: "s", number: 1), .failure(.tooLong(huge.count)))
    }

    /// Lines as Twitch's IRC documentation shows them (tags trimmed to those read).
    func testTwitchLines() throws {
        let privmsg = #"@badge-info=;badges=broadcaster/1;color=#0D4200;display-name=Ronni;emotes=;id=b34ccfc7-4977-403a-8a94-33c6bac34fb8;mod=0;room-id=1337;subscriber=0;tmi-sent-ts=1507246572675;turbo=1;user-id=1337;user-type=global_mod :ronni!ronni@ronni.tmi.twitch.tv PRIVMSG #ronni :Kappa Keepo Kappa"#
        guard case .message(let m) = try XCTUnwrap(IRCMessage(Substring(privmsg))?.chatEvent(source: "twitch:ronni", number: 1)) else { return XCTFail() }
        XCTAssertEqual([m.author, m.login, m.text, m.id], ["Ronni", "ronni", "Kappa Keepo Kappa", "b34ccfc7-4977-403a-8a94-33c6bac34fb8"])
        XCTAssertEqual(m.color, RGBAColor(hex: "#0D4200"))
        XCTAssertEqual(m.kind, .comment)
        XCTAssertEqual(m.badges, [.broadcaster])

        let cheer = #"@badge-info=;badges=staff/1,bits/1000;bits=100;color=;display-name=ronni;emotes=;id=b34ccfc7-4977-403a-8a94-33c6bac34fb8;mod=0;room-id=12345678;subscriber=0;tmi-sent-ts=1507246572675;turbo=1;user-id=12345678;user-type=staff :ronni!ronni@ronni.tmi.twitch.tv PRIVMSG #ronni :cheer100"#
        guard case .message(let c) = try XCTUnwrap(IRCMessage(Substring(cheer))?.chatEvent(source: "twitch:ronni", number: 2)) else { return XCTFail() }
        XCTAssertEqual(c.bits, 100)
        XCTAssertTrue(c.isTip)
        XCTAssertNil(c.color, "an empty color tag is no colour")
        XCTAssertEqual(c.badges, [], "staff and bits badges are not a standing in the channel")

        let sub = #"@badge-info=;badges=staff/1,broadcaster/1,turbo/1;color=#008000;display-name=ronni;emotes=;id=db25007f-7a18-43eb-9379-80131e44d633;login=ronni;mod=0;msg-id=resub;msg-param-cumulative-months=6;msg-param-streak-months=2;msg-param-should-share-streak=1;msg-param-sub-plan=Prime;msg-param-sub-plan-name=Prime;room-id=12345678;subscriber=1;system-msg=ronni\shas\ssubscribed\sfor\s6\smonths!;tmi-sent-ts=1507246572675;turbo=1;user-id=87654321;user-type=staff :tmi.twitch.tv USERNOTICE #dallas :Great stream -- keep it up!"#
        guard case .message(let s) = try XCTUnwrap(IRCMessage(Substring(sub))?.chatEvent(source: "twitch:dallas", number: 3)) else { return XCTFail() }
        XCTAssertEqual(s.text, "ronni has subscribed for 6 months! · Great stream -- keep it up!", "\\s in a tag value is a space")
        XCTAssertEqual(s.kind, .tip)
        XCTAssertEqual(s.badges, [.broadcaster])
        let founder = #"@badges=subscriber/0,founder/0,vip/1,lead_moderator/1;display-name=Ann;id=x1 :ann!ann@ann.tmi.twitch.tv PRIVMSG #shop :hi"#
        guard case .message(let f) = try XCTUnwrap(IRCMessage(Substring(founder))?.chatEvent(source: "twitch:shop", number: 5)) else { return XCTFail() }
        XCTAssertEqual(f.badges, [.moderator, .vip, .subscriber])

        let clearmsg = #"@login=foo;room-id=;target-msg-id=94e6c7ff-bf98-4faa-af5d-7ad633a158a9;tmi-sent-ts=1642720582342 :tmi.twitch.tv CLEARMSG #bar :what a great day"#
        XCTAssertEqual(IRCMessage(Substring(clearmsg))?.chatEvent(source: "t", number: 4), .delete(id: "94e6c7ff-bf98-4faa-af5d-7ad633a158a9"))
        let ban = #"@room-id=12345678;target-user-id=87654321;tmi-sent-ts=1642715756806 :tmi.twitch.tv CLEARCHAT #dallas :ronni"#
        XCTAssertEqual(IRCMessage(Substring(ban))?.chatEvent(source: "t", number: 5), .clearUser(login: "ronni"))
        let clear = #"@room-id=12345678;tmi-sent-ts=1642715695392 :tmi.twitch.tv CLEARCHAT #dallas"#
        XCTAssertEqual(IRCMessage(Substring(clear))?.chatEvent(source: "t", number: 6), .clearAll)
        // A plain IRC server's message, and lines that are not chat.
        guard case .message(let plain) = try XCTUnwrap(IRCMessage(":giulia!g@host PRIVMSG #show :ciao a tutti")?.chatEvent(source: "irc", number: 7)) else { return XCTFail() }
        XCTAssertEqual([plain.author, plain.text, plain.id], ["giulia", "ciao a tutti", "irc#7"])
        XCTAssertNil(IRCMessage("PING :tmi.twitch.tv")?.chatEvent(source: "t", number: 8))
        XCTAssertNil(IRCMessage(""))
    }
}

/// The chat log keeps what the show received, to be replayed as it aired.
final class ChatLogTests: XCTestCase {
    func testEveryEventRoundTripsAndACutLastLineIsLeftOut() throws {
        let events: [(Double, ChatEvent)] = [
            (1.5, .message(ChatMessage(id: "m1", author: "Giulia", login: "giulia", color: RGBAColor(hex: "#FF69B4"), text: "In blu?",
                                       source: "twitch:shop", badges: [.subscriber, .moderator]))),
            (2.25, .message(ChatMessage(id: "m2", author: "Marco", text: "Grazie", kind: .tip, amount: Decimal(string: "5.50"),
                                        currency: "EUR", source: "api"))),
            (3, .delete(id: "m1")), (4, .clearUser(login: "troll")), (5, .clearAll),
        ]
        let text = events.map { ChatLog.line($0.1, offset: $0.0) }.joined(separator: "\n") + "\n{\"offset\":6,\"cha"
        let read = try ChatLog.read(Data(text.utf8), path: "chat.log")
        XCTAssertEqual(read.map(\.offset), [1.5, 2.25, 3, 4, 5])
        XCTAssertEqual(read.map(\.event), events.map(\.1))
        XCTAssertThrowsError(try ChatLog.read(Data("nonsense\n{\"offset\":1,\"clear\":true}\n".utf8), path: "chat.log")) { error in
            XCTAssertEqual("\(error)", "chat.log:1: not a shopcast chat log line")
        }
    }
}
