import Foundation
import ShopcastCore

/// `shopcast schedule plan FILE`: the rundown of a show.
enum SchedulePlanCommand {
    static let spec = CommandSpec(
        name: "plan",
        summary: "Print the rundown: each offer's start and end, product, prices, code and quantity.",
        operands: "FILE",
        options: [
            OptionSpec("start", value: "TIME",
                       help: "When the show starts (ISO 8601 with offset, or 'now'); default show.starts. Adds wall-clock times."),
            OptionSpec("json", help: "Print the plan as JSON on stdout."),
        ],
        discussion: [
            "Each offer is listed by its id with its start and end as offsets from the show's origin and, when a start time is known (--start, or show.starts), as wall-clock times in show.zone, else in the zone that time was written in; offers without 'at' are listed last as on cue, with their length (or 'until ended'). Prices are formatted for the show's locale and currency.",
            "With --json, stdout holds {\"show\":{…},\"origin\":TIME|null,\"offers\":[{\"offer\",\"product\",\"name\",\"on_cue\",\"start\",\"end\",\"length\",\"starts_at\",\"ends_at\",\"list_price\",\"list_price_text\",\"sale_price\",\"sale_price_text\",\"discount\",\"code\",\"quantity\",\"countdown\"}…],\"banners\":[…]}; offsets are seconds (null for an offer on cue), prices exact decimal strings.",
        ],
        examples: [
            ("shopcast schedule plan show.yaml", "The rundown, with wall-clock times if show.starts is set."),
            ("shopcast schedule plan show.yaml --start 2026-11-27T21:00:00+01:00 --json", "The rundown for a given start, as JSON."),
        ])

    static let command = Command(spec) { parsed, context in
        let name = "schedule plan"
        let path = try ScheduleSupport.file(parsed, command: name)
        let start = try parsed.value("start").map { try ScheduleSupport.time($0, option: "start", command: name, now: Date()) }
        let manifest = try ManifestOption.load(path, context: context)
        let origin = start ?? manifest.show.starts
        let zone = manifest.writtenZone ?? origin?.zone ?? TimeZone.current
        let timeline = Timeline(manifest)
        let formatter = manifest.priceFormatter
        func price(_ money: Money) -> String { money.text(in: formatter) }
        func wall(_ offset: Double) -> Date? { origin.map { $0.date.addingTimeInterval(offset) } }

        // Scheduled offers by start, then those on cue.
        let offers = manifest.offers
        func length(_ offer: Offer) -> JSONValue { offer.length.map { .seconds($0) } ?? .null }

        if parsed.has("json") {
            func iso(_ offset: Double?) -> JSONValue { offset.flatMap(wall).map { .string(WallClock.format($0, in: zone)) } ?? .null }
            let offerObjects: [JSONValue] = offers.map { offer in
                let end = offer.at.map { $0 + (offer.length ?? 0) }
                return .object([
                    ("offer", .string(offer.id)), ("product", .string(offer.product.id)), ("name", .string(offer.product.name)),
                    ("on_cue", .bool(offer.isOnCue)),
                    ("start", offer.at.map { .seconds($0) } ?? .null), ("end", end.map { .seconds($0) } ?? .null),
                    ("length", length(offer)),
                    ("starts_at", iso(offer.at)), ("ends_at", iso(end)),
                    ("currency", .string(offer.listPrice.currency.code)),
                    ("list_price", .string(offer.listPrice.decimalString)), ("list_price_text", .string(price(offer.listPrice))),
                    ("sale_price", .string(offer.salePrice.decimalString)), ("sale_price_text", .string(price(offer.salePrice))),
                    ("discount", offer.discountPercent.map { .decimal($0) } ?? .null),
                    ("code", offer.code.map { .string($0) } ?? .null),
                    ("quantity", offer.quantity.map { .int($0) } ?? .null),
                    ("countdown", .bool(offer.countdown)),
                ])
            }
            let banners: [JSONValue] = timeline.banners.map { banner in
                .object([
                    ("banner", .string(banner.id)), ("text", .string(banner.text)),
                    ("every", banner.every.map { .seconds($0) } ?? .null),
                    ("occurrences", .array(timeline.occurrences(of: banner).map {
                        .object([("start", .seconds($0.lowerBound)), ("end", .seconds($0.upperBound)),
                                 ("starts_at", iso($0.lowerBound)), ("ends_at", iso($0.upperBound))])
                    })),
                ])
            }
            let show = manifest.show
            let document = JSONValue.object([
                ("show", .object([
                    ("title", .string(show.title)),
                    ("starts", show.starts.map { .string(WallClock.format($0.date, in: $0.zone)) } ?? .null),
                    ("duration", show.duration.map { .seconds($0) } ?? .null),
                    ("end", .seconds(timeline.end)),
                    ("locale", .string(show.localeIdentifier)),
                    ("currency", show.currency.map { .string($0.code) } ?? .null),
                ])),
                ("origin", origin.map { .string(WallClock.format($0.date, in: zone)) } ?? .null),
                ("offers", .array(offerObjects)),
                ("banners", .array(banners)),
            ])
            context.console.out(document.rendered + "\n")
            return .success
        }

        var out = "\(manifest.show.title)\n"
        if let origin {
            out += "starts \(WallClock.format(origin.date, in: zone)), ends \(WallClock.format(origin.date.addingTimeInterval(timeline.end), in: zone))\n"
        } else {
            out += "offsets from the stream's first frame; length \(ClockText.string(timeline.end, fraction: .milliseconds))\n"
        }
        out += "\n"
        var rows: [[String]] = [["OFFER", "START", "END"] + (origin != nil ? ["TIME"] : []) + ["PRODUCT", "PRICE", "SALE", "DISCOUNT", "CODE", "QTY"]]
        for offer in offers {
            var row = [offer.id]
            if let at = offer.at {
                let end = at + (offer.length ?? 0)
                row += [ClockText.string(at, fraction: .milliseconds), ClockText.string(end, fraction: .milliseconds)]
                if let s = wall(at), let e = wall(end) {
                    row.append(WallClock.clockTime(s, in: zone) + "–" + WallClock.clockTime(e, in: zone))
                }
            } else {
                row += ["on cue", offer.length.map { "for " + DurationValue.format($0) } ?? "until ended"]
                if origin != nil { row.append("") }
            }
            row += [offer.product.name, price(offer.listPrice), price(offer.salePrice), ScheduleSupport.discount(offer),
                    offer.code ?? "", offer.quantity.map(String.init) ?? ""]
            rows.append(row)
        }
        out += ScheduleSupport.table(rows)
        if !timeline.banners.isEmpty {
            out += "\nBANNERS\n"
            var bannerRows: [[String]] = []
            for banner in timeline.banners {
                let when = banner.every.map { "every \(DurationValue.format($0)) from \(ClockText.string(banner.start, fraction: .milliseconds)), \(timeline.occurrenceCount(of: banner))×" }
                    ?? ClockText.string(banner.start, fraction: .milliseconds)
                bannerRows.append([when, "for \(DurationValue.format(banner.length))", banner.text])
            }
            out += ScheduleSupport.table(bannerRows)
        }
        context.console.out(out)
        return .success
    }
}
