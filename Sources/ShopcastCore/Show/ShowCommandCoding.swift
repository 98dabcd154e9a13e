import Foundation

/// A command as one JSON object, the same in events (`command.applied`) and in the journal,
/// and back: `{"command":"offer.cue","offer":"scarf","for":120,"discount":"20",…}`. Numbers
/// that are money or percentages travel as decimal strings, so nothing is lost to binary
/// floating point on the way through a journal.
extension ShowCommand {
    /// The command's fields after its name, keys in a fixed order.
    public var jsonFields: [(String, JSONValue)] { jsonFields(exact: false) }

    /// With `exact`, seconds are written as the doubles hold them (the journal), else to the
    /// millisecond (events).
    public func jsonFields(exact: Bool) -> [(String, JSONValue)] {
        func time(_ value: Double) -> JSONValue { exact ? .exact(value) : .seconds(value) }
        var fields: [(String, JSONValue)] = [("command", .string(name))]
        func overrides(_ o: OfferOverrides) {
            if let length = o.length { fields.append(("for", time(length))) }
            if let discount = o.discount { fields.append(("discount", .string(discount.plainText))) }
            if let price = o.price { fields.append(("price", .string(price.plainText))) }
            if let code = o.code { fields.append(("code", .string(code))) }
            if let quantity = o.quantity { fields.append(("quantity", .int(quantity))) }
        }
        switch self {
        case let .cue(reference, o):
            fields.append(("offer", .string(reference)))
            overrides(o)
        case .next(let o):
            overrides(o)
        case .end, .clearBanners, .slate:
            break
        case .extend(let seconds):
            fields.append(("seconds", time(seconds)))
        case .crop(let position):
            if let position { fields.append(("position", exact ? .exact(position) : .seconds(position))) }
        case let .setStock(product, units):
            fields += [("product", .string(product)), ("units", .int(units))]
        case let .adjustStock(product, delta):
            fields += [("product", .string(product)), ("by", .int(delta))]
        case let .banner(text, length):
            fields.append(("text", .string(text)))
            if let length { fields.append(("for", time(length))) }
        }
        return fields
    }

    /// Reads back what `jsonFields` wrote (a parsed JSON object); nil for anything else.
    public init?(json object: [String: Any]) {
        func number(_ key: String) -> Double? { (object[key] as? NSNumber)?.doubleValue }
        func int(_ key: String) -> Int? { (object[key] as? NSNumber).flatMap { Int(exactly: $0.doubleValue) } }
        func decimal(_ key: String) -> Decimal? { (object[key] as? String).flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) } }
        func overrides() -> OfferOverrides {
            OfferOverrides(length: number("for"), discount: decimal("discount"), price: decimal("price"),
                           code: object["code"] as? String, quantity: int("quantity"))
        }
        switch object["command"] as? String {
        case "offer.cue":
            guard let reference = object["offer"] as? String else { return nil }
            self = .cue(reference, overrides())
        case "offer.next": self = .next(overrides())
        case "offer.end": self = .end
        case "offer.extend", "offer.shorten":
            guard let seconds = number("seconds") else { return nil }
            self = .extend(seconds)
        case "stock.set":
            guard let product = object["product"] as? String, let units = int("units") else { return nil }
            self = .setStock(product: product, units: units)
        case "stock.adjust":
            guard let product = object["product"] as? String, let delta = int("by") else { return nil }
            self = .adjustStock(product: product, by: delta)
        case "banner.show":
            guard let text = object["text"] as? String else { return nil }
            self = .banner(text: text, length: number("for"))
        case "banner.clear": self = .clearBanners
        case "slate.on": self = .slate(true)
        case "slate.off": self = .slate(false)
        case "crop.move":
            guard let position = number("position"), (0...1).contains(position) else { return nil }
            self = .crop(position)
        case "crop.reset": self = .crop(nil)
        default: return nil
        }
    }
}
