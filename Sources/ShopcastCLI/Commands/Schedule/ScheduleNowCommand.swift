import Foundation
import ShopcastCore

/// `shopcast schedule now FILE`: what is on screen at a moment; exit 1 when nothing is.
enum ScheduleNowCommand {
    static let spec = CommandSpec(
        name: "now",
        summary: "Show what is on screen at a moment; exit 0 when an offer is live, 1 when none.",
        operands: "FILE",
        options: [
            OptionSpec("at", value: "TIME", completion: .values(["now"]), help: "The moment to ask about (ISO 8601 with offset, or 'now', the default)."),
            OptionSpec("start", value: "TIME",
                       help: "When the stream started, for a show without show.starts (ISO 8601 with offset, or 'now')."),
            OptionSpec("json", help: "Print the answer as JSON on stdout."),
        ],
        discussion: [
            "The exit status answers the question, so scripts can write: if shopcast schedule now show.yaml; then … fi. It is 0 when an offer is on screen at that moment, 1 when none is (before the first, between two, after the last), 65 when the manifest has errors.",
            "The answer comes from the same show director go-live runs, on the manifest's schedule alone (offers on cue are never on screen here).",
            "With --json, stdout holds {\"at\":TIME,\"offset\":SECONDS,\"offer\":{the fields of go-live's offer events (see shopcast-go-live(1), EVENTS: offer, product, name, currency, prices, discount, code, stock, url, starts_at and ends_at in UTC, cued, late), \"remaining\":SECONDS}|null,\"banners\":[{\"banner\":ID,\"text\",\"ends_at\"}…],\"next_change\":TIME|null}.",
        ],
        examples: [
            ("shopcast schedule now show.yaml", "What is live right now."),
            ("shopcast schedule now show.yaml --at 2026-11-27T20:06:00+01:00 --json", "What is live at 20:06, as JSON."),
        ])

    static let command = Command(spec) { parsed, context in
        let name = "schedule now"
        let path = try ScheduleSupport.file(parsed, command: name)
        let now = Date()
        let at = try ScheduleSupport.time(parsed.value("at") ?? "now", option: "at", command: name, now: now)
        let start = try parsed.value("start").map { try ScheduleSupport.time($0, option: "start", command: name, now: now) }
        let manifest = try ManifestOption.load(path, context: context)
        guard let origin = start ?? manifest.show.starts else {
            throw UsageError("\(path) has no show.starts; give --start TIME, when the stream started", command: name)
        }
        let zone = manifest.writtenZone ?? origin.zone
        let offset = at.date.timeIntervalSince(origin.date)
        let director = ShowDirector(manifest: manifest, start: offset)
        director.advance(to: offset)
        let state = director.state
        let next = director.nextChange(after: offset).map { origin.date.addingTimeInterval($0) }
        let formatter = manifest.priceFormatter
        func price(_ money: Money) -> String { money.text(in: formatter) }

        if parsed.has("json") {
            func iso(_ offset: Double?) -> JSONValue {
                offset.map { .string(WallClock.format(origin.date.addingTimeInterval($0), in: zone)) } ?? .null
            }
            // The offer as events, webhooks and the control API write it, and its time left.
            let offer: JSONValue = state.offer.map { o in
                .object(OfferJSON(formatter: formatter, origin: origin.date).fields(o, units: state.units(of: o.product.id))
                    + [("remaining", state.remaining.map { .int($0) } ?? .null)])
            } ?? .null
            let banners: JSONValue = .array(state.banners.map {
                .object([("banner", .string($0.id)), ("text", .string($0.text)), ("ends_at", iso($0.end))])
            })
            context.console.out(JSONValue.object([
                ("at", .string(WallClock.format(at.date, in: zone))),
                ("offset", .seconds(offset)),
                ("offer", offer),
                ("banners", banners),
                ("next_change", next.map { .string(WallClock.format($0, in: zone)) } ?? .null),
            ]).rendered + "\n")
        } else {
            var out = ""
            if let o = state.offer {
                var line = "\(o.product.name) (offer \(o.id)): \(price(o.salePrice))"
                if o.discounted { line += " instead of \(price(o.listPrice)) \(ScheduleSupport.discount(o.discountPercent))" }
                if let code = o.code { line += ", code \(code)" }
                if let units = state.units(of: o.product.id) { line += ", \(units) units" }
                if let remaining = state.remaining { line += ", \(DurationValue.format(Double(remaining))) left" }
                out += line + "\n"
            } else {
                out += "no offer on screen\n"
            }
            for banner in state.banners { out += "banner: \(banner.text)\n" }
            if let next { out += "next change at \(WallClock.clockTime(next, in: zone))\n" } else if offset >= director.timeline.end { out += "the show has ended\n" }
            context.console.out(out)
        }
        return state.offer == nil ? .nothingLive : .success
    }
}
