import Foundation

/// An airing offer as JSON fields, the same in events, webhooks and the control API's answers:
/// named by id, prices as exact decimal strings and as text in the show's locale, times UTC.
public struct OfferJSON: Sendable {
    public let formatter: PriceFormatter?
    /// The wall-clock moment of show offset 0, when known.
    public let origin: Date?

    public init(formatter: PriceFormatter?, origin: Date?) {
        self.formatter = formatter
        self.origin = origin
    }

    /// A show offset as a UTC time (null while the origin is unknown, or for no offset).
    public func wall(_ offset: Double?) -> JSONValue {
        guard let offset, let origin else { return .null }
        return .string(WallClock.utc(origin.addingTimeInterval(offset)))
    }

    public func price(_ money: Money) -> String { money.text(in: formatter) }

    /// offer, product, name, currency, prices, discount, code, stock, url, starts_at, ends_at,
    /// cued, late.
    public func fields(_ o: AiredOffer, units: Int?) -> [(String, JSONValue)] {
        [
            ("offer", .string(o.id)), ("product", .string(o.product.id)), ("name", .string(o.product.name)),
            ("currency", .string(o.listPrice.currency.code)),
            ("list_price", .string(o.listPrice.decimalString)), ("list_price_text", .string(price(o.listPrice))),
            ("sale_price", .string(o.salePrice.decimalString)), ("sale_price_text", .string(price(o.salePrice))),
            ("discount", o.discountPercent.map { .decimal($0) } ?? .null),
            ("code", o.code.map { .string($0) } ?? .null),
            ("stock", units.map { .int($0) } ?? .null),
            ("url", o.product.url.map { .string($0) } ?? .null),
            ("starts_at", wall(o.start)), ("ends_at", wall(o.end)),
            ("cued", .bool(o.cued)), ("late", .bool(o.late)),
        ]
    }
}
