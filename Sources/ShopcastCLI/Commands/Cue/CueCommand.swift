import Foundation
import ShopcastCore

/// `shopcast cue`: steer a running go-live through its control API.
enum CueCommand {
    static let command = Command(
        group: CommandSpec(
            name: "cue",
            summary: "Steer a running show: cue offers, end or extend them, set stock, show banners, take a break, follow its events.",
            discussion: [
                "Each subcommand sends one request to the control API of a running 'shopcast go-live --control [ADDR:]PORT' and prints what happened on stdout (--json: the show's answer as JSON). The address comes from --control or SHOPCAST_CONTROL; the token, when go-live requires one, from --token-file FILE (mode 0600), SHOPCAST_CONTROL_TOKEN, or the key file $XDG_CONFIG_HOME/shopcast/keys/control.",
                "A command is applied on the next frame go-live encodes; the answer gives the stream time of that frame, the first that shows it. The show's rules: the producer's latest word wins; never two offers on screen (a cue replaces the live offer); a scheduled offer cued early, replaced or ended does not come back at its time; a scheduled offer that comes due while a cued or extended one is on screen waits for it, then runs for what is left of its slot, or is skipped if its slot has passed.",
                "Exit status: 0 applied; 65 refused by the show (an unknown offer or product, nothing on screen, the show over; the reason is printed); 69 no show answers at the address; 75 the show is not running yet; 77 the token was refused; 64 wrong usage.",
            ]),
        children: [
            statusCommand, offerCommand, nextCommand, endCommand, extendCommand, shortenCommand, stockCommand,
            soldOutCommand, bannerCommand, slateCommand, cropCommand, chatCommand, eventsCommand,
        ])

    private static func spec(_ name: String, _ summary: String, operands: String = "", options: [OptionSpec] = [],
                             discussion: [String] = [], examples: [(command: String, explanation: String)] = []) -> CommandSpec {
        CommandSpec(name: name, summary: summary, operands: operands, options: options + CueClient.options,
                    discussion: discussion, examples: examples)
    }

    private static let overrideOptions = [
        OptionSpec("for", value: "DURATION", help: "How long the card stays on screen, e.g. 90s or 2m (default: the offer's own length)."),
        OptionSpec("discount", value: "PERCENT", help: "Percent off the list price for this airing, e.g. 20%."),
        OptionSpec("price", value: "PRICE", help: "Sale price for this airing, e.g. 29.90 (instead of --discount)."),
        OptionSpec("code", value: "CODE", help: "Discount code shown on the card."),
        OptionSpec("quantity", value: "N", help: "Set the product's stock to N."),
    ]

    /// The overrides given on the command line, as the API's JSON fields.
    private static func overrides(_ p: ParsedArguments, command: String) throws -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = []
        if let text = p.value("for") { fields.append(("for", .seconds(try CueClient.seconds(text, option: "--for", command: command)))) }
        if p.value("discount") != nil && p.value("price") != nil {
            throw UsageError("--discount and --price both set the sale price: give one of them", command: command)
        }
        if let text = p.value("discount") {
            let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
            guard let percent = Money.parseAmount(digits), percent >= 1, percent <= 99 else {
                throw UsageError("--discount '\(text)' is not a percentage from 1% to 99%", command: command)
            }
            fields.append(("discount", .decimal(percent)))
        }
        if let text = p.value("price") {
            guard Money.parseAmount(text) != nil else {
                throw UsageError("--price '\(text)' is not a price; write digits with a '.' for decimals, e.g. 29.90", command: command)
            }
            fields.append(("price", .string(text)))
        }
        if let code = p.value("code") { fields.append(("code", .string(code))) }
        if let text = p.value("quantity") {
            guard let n = Int(text), n >= 0 else { throw UsageError("--quantity '\(text)' is not a whole number of 0 or more", command: command) }
            fields.append(("quantity", .int(n)))
        }
        return fields
    }

    private static func operand(_ p: ParsedArguments, _ what: String, command: String, count: Int = 1) throws -> [String] {
        guard p.operands.count == count else {
            throw UsageError(p.operands.count < count ? "missing \(what)" : "unexpected argument '\(p.operands[count])'", command: command)
        }
        return p.operands
    }

    /// The line printed for an answer whose state has the live offer.
    private static func onScreen(_ answer: [String: Any]) -> String {
        let state = answer["state"] as? [String: Any]
        return "on screen: " + (CueStatusText.offerLine(state?["offer"] as? [String: Any]) ?? "no offer")
    }

    static let statusCommand = Command(spec(
        "status", "Print the show's state: the live offer, the next one, stock, banners, a vertical crop moved live, the chat column (what waits for approval), destinations, inputs.",
        examples: [("shopcast cue status --control 8080", "What is on screen now, and how the stream is doing.")])) { p, context in
        _ = try operand(p, "", command: "cue status", count: 0)
        let client = try CueClient(p, context: context, command: "cue status")
        let state = try client.send("GET", "/v1/state")
        context.console.out(client.json ? CueClient.render(state) + "\n" : CueStatusText.render(state))
        return .success
    }

    static let offerCommand = Command(spec(
        "offer", "Put an offer on screen now, by offer id or product id, with optional overrides.", operands: "ID|PRODUCT",
        options: overrideOptions,
        discussion: ["A product id cues that product's next offer not yet shown (else its last one, else a plain card at its list price). An offer on cue (no 'at' in the manifest) shows only this way; a scheduled offer cued early does not come back at its time."],
        examples: [("shopcast cue offer scarf-silk --for 2m --discount 25% --code FLASH25", "A flash sale on the scarf, now, for two minutes."),
                   ("shopcast cue offer bag --quantity 5", "The bag's next offer now, with 5 left.")])) { p, context in
        let name = "cue offer"
        let id = try operand(p, "the offer or product id (see 'shopcast cue status' or 'shopcast schedule plan')", command: name)[0]
        let fields = try overrides(p, command: name)
        let client = try CueClient(p, context: context, command: name)
        return try client.apply("POST", "/v1/offers/\(CueClient.segment(id))/cue", body: .object(fields), describe: onScreen)
    }

    static let nextCommand = Command(spec(
        "next", "Start the next scheduled offer now, with its own length.", options: overrideOptions,
        examples: [("shopcast cue next", "Move on to the next product early.")])) { p, context in
        let name = "cue next"
        _ = try operand(p, "", command: name, count: 0)
        let client = try CueClient(p, context: context, command: name)
        return try client.apply("POST", "/v1/offers/next", body: .object(try overrides(p, command: name)), describe: onScreen)
    }

    static let endCommand = Command(spec(
        "end", "Take the live offer off the screen now.",
        examples: [("shopcast cue end", "End the offer on screen.")])) { p, context in
        _ = try operand(p, "", command: "cue end", count: 0)
        let client = try CueClient(p, context: context, command: "cue end")
        return try client.apply("POST", "/v1/offers/end", describe: onScreen)
    }

    static let extendCommand = Command(spec(
        "extend", "Keep the live offer on screen longer.", operands: "DURATION",
        examples: [("shopcast cue extend 1m", "One more minute for the offer on screen.")])) { p, context in
        let name = "cue extend"
        let seconds = try CueClient.seconds(try operand(p, "how much longer (e.g. 30s or 1m)", command: name)[0], option: "DURATION", command: name)
        let client = try CueClient(p, context: context, command: name)
        return try client.apply("POST", "/v1/offers/extend", body: .object([("by", .seconds(seconds))]), describe: onScreen)
    }

    static let shortenCommand = Command(spec(
        "shorten", "End the live offer earlier (now, if shortened past the present).", operands: "DURATION",
        examples: [("shopcast cue shorten 30s", "Thirty seconds less for the offer on screen.")])) { p, context in
        let name = "cue shorten"
        let seconds = try CueClient.seconds(try operand(p, "how much shorter (e.g. 30s)", command: name)[0], option: "DURATION", command: name)
        let client = try CueClient(p, context: context, command: name)
        return try client.apply("POST", "/v1/offers/shorten", body: .object([("by", .seconds(seconds))]), describe: onScreen)
    }

    static let stockCommand = Command(spec(
        "stock", "Set a product's stock (N), add to it (+N) or take from it (-N, the shop's sales).", operands: "PRODUCT N|+N|-N",
        discussion: ["At 0 the product's card shows SOLD OUT (in the show's language) on the next frame, its price struck through and no countdown. Taking more than is left stops at 0."],
        examples: [("shopcast cue stock scarf-silk -3", "Three scarves sold."),
                   ("shopcast cue stock bag 20", "Twenty bags in stock from now on.")])) { p, context in
        let name = "cue stock"
        let words = try operand(p, "the product id and N, +N or -N", command: name, count: 2)
        let product = CueClient.segment(words[0]), amount = words[1]
        guard let n = Int(amount.hasPrefix("+") ? String(amount.dropFirst()) : amount), amount.dropFirst().allSatisfy(\.isNumber) else {
            throw UsageError("'\(amount)' is not N, +N or -N (a whole number)", command: name)
        }
        let describe: ([String: Any]) -> String = { answer in
            let stock = ((answer["state"] as? [String: Any])?["stock"] as? [[String: Any]])?
                .first { $0["product"] as? String == words[0] }?["stock"] as? NSNumber
            return "\(words[0]): " + (stock.map { $0.intValue == 0 ? "sold out" : "\($0.intValue) left" } ?? "stock not counted")
        }
        let client = try CueClient(p, context: context, command: name)
        if amount.hasPrefix("-") {
            guard n < 0 else { throw UsageError("'\(amount)': take at least 1", command: name) }
            return try client.apply("POST", "/v1/stock/\(product)/sold", body: .object([("units", .int(-n))]), describe: describe)
        }
        if amount.hasPrefix("+") {
            guard n > 0 else { throw UsageError("'\(amount)': add at least 1", command: name) }
            return try client.apply("POST", "/v1/stock/\(product)/restock", body: .object([("units", .int(n))]), describe: describe)
        }
        return try client.apply("PUT", "/v1/stock/\(product)", body: .object([("units", .int(n))]), describe: describe)
    }

    static let soldOutCommand = Command(spec(
        "sold-out", "Mark a product sold out (stock 0): its card shows SOLD OUT on the next frame.", operands: "PRODUCT",
        examples: [("shopcast cue sold-out bag", "The bag is gone.")])) { p, context in
        let name = "cue sold-out"
        let product = try operand(p, "the product id", command: name)[0]
        let client = try CueClient(p, context: context, command: name)
        return try client.apply("POST", "/v1/stock/\(CueClient.segment(product))/sold-out") { _ in "\(product): sold out" }
    }

    static let bannerCommand = Command(spec(
        "banner", "Show a banner now (until cleared, or --for), or clear every banner (--clear).", operands: "[TEXT]",
        options: [OptionSpec("for", value: "DURATION", help: "How long the banner stays, e.g. 30s (default: until cleared)."),
                  OptionSpec("clear", help: "Take every banner off the screen (repeating ones come back at their next time).")],
        examples: [("shopcast cue banner 'Free shipping for the next 10 minutes' --for 10m", "A banner for ten minutes."),
                   ("shopcast cue banner --clear", "No banners.")])) { p, context in
        let name = "cue banner"
        if p.has("clear") {
            guard p.operands.isEmpty, p.value("for") == nil else { throw UsageError("--clear takes no TEXT and no --for", command: name) }
            return try CueClient(p, context: context, command: name)
                .apply("DELETE", "/v1/banners") { _ in "banners cleared" }
        }
        let text = try operand(p, "the banner's TEXT (quote it)", command: name)[0]
        var fields: [(String, JSONValue)] = [("text", .string(text))]
        if let length = p.value("for") { fields.append(("for", .seconds(try CueClient.seconds(length, option: "--for", command: name)))) }
        let client = try CueClient(p, context: context, command: name)
        return try client.apply("POST", "/v1/banners", body: .object(fields)) { _ in "banner: \(text)" }
    }

    static let chatCommand = Command(spec(
        "chat", "Moderate the chat column: approve a held message, hide one, pin one above the column, or unpin.",
        operands: "approve|hide|pin ID | unpin",
        discussion: ["IDs are in 'shopcast cue status' (held messages and the column), the chat.held and chat.shown events (\"chat\") and the chat log: Twitch's message ids, a bridge's own, or SOURCE#N. With go-live --chat-hold nothing reaches the screen until approved here. A pinned message (the question the host is answering) stays above the column until unpinned or replaced by another pin."],
        examples: [("shopcast cue chat pin 94e6c7ff-bf98-4faa-af5d-7ad633a158a9", "Pin the question the host answers now."),
                   ("shopcast cue chat hide jsonl:chat.jsonl#12", "Take one message off the screen.")])) { p, context in
        let name = "cue chat"
        guard let action = p.operands.first else { throw UsageError("give approve ID, hide ID, pin ID or unpin", command: name) }
        let request: (method: String, path: String)
        switch action {
        case "unpin":
            _ = try operand(p, "", command: name, count: 1)
            request = ("DELETE", "/v1/chat/pin")
        case "approve", "hide", "pin":
            let id = try operand(p, "\(action) and the message's ID", command: name, count: 2)[1]
            let segment = CueClient.segment(id)
            request = action == "hide" ? ("DELETE", "/v1/chat/\(segment)") : ("POST", "/v1/chat/\(segment)/\(action)")
        default:
            throw UsageError("'\(action)' is not approve, hide, pin or unpin", command: name)
        }
        let client = try CueClient(p, context: context, command: name)
        return try client.apply(request.method, request.path) { _ in "chat: \(action) sent" }
    }

    static let slateCommand = Command(spec(
        "slate", "Put the holding slate up for a break, or take it down (--off).",
        options: [OptionSpec("off", help: "Take the slate down: the picture is back.")],
        discussion: ["The holding slate (\"We'll be right back\", the break's clock, the show's title) covers the picture, over silence, until taken down; the stream stays on the air, so platforms keep the same broadcast. go-live puts the same slate up by itself while its picture input is lost."],
        examples: [("shopcast cue slate", "A break: the slate goes up."),
                   ("shopcast cue slate --off", "Back on air.")])) { p, context in
        let name = "cue slate"
        _ = try operand(p, "", command: name, count: 0)
        let client = try CueClient(p, context: context, command: name)
        if p.has("off") { return try client.apply("DELETE", "/v1/slate") { _ in "slate down" } }
        return try client.apply("POST", "/v1/slate") { _ in "slate up" }
    }

    static let cropCommand = Command(spec(
        "crop", "Move the crop of a vertical rendition to follow the host, or put it back (--reset).",
        operands: "left|centre|right|PERCENT",
        options: [OptionSpec("reset", help: "Put the crop back where go-live's --crop-vertical placed it.")],
        discussion: ["A 9:16 rendition cut from a 16:9 picture (go-live -t vertical:…) keeps a slice of its width: the centre unless --crop-vertical said otherwise. This moves the slice from the next frame: left, centre, right, or a percentage from 0% (the left edge) to 100% (the right edge). Renditions that show the whole picture, or letterbox it (--fit pad), are not touched."],
        examples: [("shopcast cue crop left", "The host walked to the rail on the left."),
                   ("shopcast cue crop 65%", "A little right of centre."),
                   ("shopcast cue crop --reset", "Back to go-live's own crop.")])) { p, context in
        let name = "cue crop"
        if p.has("reset") {
            _ = try operand(p, "", command: name, count: 0)
            let client = try CueClient(p, context: context, command: name)
            return try client.apply("DELETE", "/v1/crop") { _ in "crop: back to go-live's own" }
        }
        let text = try operand(p, "the crop position: left, centre, right or a percentage", command: name)[0].lowercased()
        guard Framing.position(from: text) != nil else {
            throw UsageError("'\(text)' is not left, centre, right or a percentage from 0% (left) to 100% (right)", command: name)
        }
        let client = try CueClient(p, context: context, command: name)
        return try client.apply("PUT", "/v1/crop", body: .object([("position", .string(text))])) { _ in "crop: \(text)" }
    }

    static let eventsCommand = Command(spec(
        "events", "Print the show's live events as JSON lines on stdout until the show ends.",
        discussion: ["The same JSON objects go-live writes to --events (see shopcast-go-live(1)), one per line, as they happen; the command ends with exit 0 after the show's stream.ended. A reader that falls more than 1000 events behind is dropped by the show: the command then exits 69."],
        examples: [("shopcast cue events | jq -c 'select(.event == \"offer.start\")'", "Follow the offers as they go on screen.")])) { p, context in
        let name = "cue events"
        _ = try operand(p, "", command: name, count: 0)
        var headers: [(String, String)] = []
        let client = try CueClient(p, context: context, command: name)
        if let token = client.token { headers.append(("Authorization", "Bearer \(token)")) }
        var ended = false
        var received = 0
        let answer: HTTPClient.Answer
        do {
            answer = try HTTPClient.stream(client.url("/v1/events"), headers: headers, connectTimeout: 10, idleTimeout: 60) { line in
                guard line.hasPrefix("data: ") else { return true }
                let event = String(line.dropFirst(6))
                context.console.out(event + "\n")
                received += 1
                ended = event.hasPrefix(#"{"event":"stream.ended""#)
                return true
            }
        } catch {
            // The show's last word was said: how the connection then closed does not matter.
            if ended { return .success }
            throw ShopcastError(.unavailable, received == 0
                ? "no show answers at \(client.address.baseURL) (\(error)); is go-live running with --control \(client.address)?"
                : "the event stream broke off before the show ended (\(error))")
        }
        switch answer.status {
        case 200..<300:
            guard ended else {
                throw ShopcastError(.unavailable, "the event stream ended before the show did: this reader fell more than 1000 events behind, or go-live stopped")
            }
            return .success
        case 401: throw ShopcastError(.unauthorized, "the show at \(client.address.baseURL) refused the token")
        default: throw ShopcastError(.unavailable, "the control API answered HTTP \(answer.status)")
        }
    }
}
