import Foundation

/// One moment of the show as the shop sees it: `offer.start`, `offer.end`, `banner.start`,
/// `banner.end`. Written as one JSON line to `--events` and POSTed as the body of each webhook.
public struct ScheduleEvent: Sendable {
    public let kind: TimelineChange.Kind
    /// The planned moment (or, for a start caught up late, the moment it was emitted).
    public let time: Date
    /// Seconds from the show's origin.
    public let offset: Double
    public let index: Int
    /// The offer, for offer events.
    public let offer: Offer?
    /// The banner, for banner events.
    public let banner: Banner?
    /// When the card or banner goes off.
    public let endsAt: Date
    /// Whole seconds it stays on from `time`: 0 for ends.
    public let remaining: Int
    /// A start emitted after its planned moment, because the run began while it was live.
    public let late: Bool
    /// 1, 2, 3 … in emission order within one run, so receivers can order deliveries.
    public let sequence: Int

    /// The event for `change`, happening at offset `at` (the change's own offset unless late).
    public init(change: TimelineChange, at offset: Double, timeline: Timeline, origin: Date, sequence: Int) {
        kind = change.kind
        self.offset = offset
        time = origin.addingTimeInterval(offset)
        index = change.index
        offer = change.kind.isOffer ? timeline.offers[change.index] : nil
        banner = change.kind.isOffer ? nil : timeline.banners[change.index]
        endsAt = origin.addingTimeInterval(change.end)
        remaining = change.kind.isStart ? Timeline.remaining(until: change.end, from: offset) : 0
        late = change.kind.isStart && offset > change.offset
        self.sequence = sequence
    }

    /// The JSON object, keys in a fixed order. Prices come twice: formatted for the show's
    /// locale (`sale_price_text`) and as exact decimal strings (`sale_price`).
    public func json(show: Show, formatter: PriceFormatter?, zone: TimeZone) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("event", .string(kind.rawValue)),
            ("time", .string(WallClock.format(time, in: zone))),
            ("offset", .seconds(offset)),
            ("sequence", .int(sequence)),
            ("show", .string(show.title)),
        ]
        if let offer {
            fields += [
                ("offer", .int(index)),
                ("product", .string(offer.product.id)),
                ("name", .string(offer.product.name)),
                ("currency", .string(offer.listPrice.currency.code)),
                ("list_price", .string(offer.listPrice.decimalString)),
                ("list_price_text", .string(formatter?.string(offer.listPrice) ?? offer.listPrice.decimalString)),
                ("sale_price", .string(offer.salePrice.decimalString)),
                ("sale_price_text", .string(formatter?.string(offer.salePrice) ?? offer.salePrice.decimalString)),
                ("discount", offer.discountPercent.map { .decimal($0) } ?? .null),
                ("code", offer.code.map { .string($0) } ?? .null),
                ("quantity", offer.quantity.map { .int($0) } ?? .null),
                ("url", offer.product.url.map { .string($0) } ?? .null),
            ]
        }
        if let banner {
            fields += [("banner", .int(index)), ("text", .string(banner.text))]
        }
        fields += [
            ("ends_at", .string(WallClock.format(endsAt, in: zone))),
            ("remaining", .int(remaining)),
        ]
        if late { fields.append(("late", .bool(true))) }
        return .object(fields)
    }
}
