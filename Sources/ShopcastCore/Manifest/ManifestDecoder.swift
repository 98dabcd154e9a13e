import Foundation
import Yams

/// Turns a composed YAML tree into a `Manifest`, reporting every schema problem with its place.
/// Cross-entry rules (overlaps, the show's length, unused products) live in `TimelineRules`.
struct ManifestDecoder {
    let reader: NodeReader
    let folder: URL

    static let topKeys = ["show", "theme", "products", "offers", "banners", "chat"]
    static let showKeys = ["title", "starts", "zone", "duration", "locale", "currency", "preset"]
    static let themeKeys = ["font", "accent", "position"]
    static let productKeys = ["name", "price", "image", "url", "description"]
    static let offerKeys = ["id", "product", "at", "for", "discount", "price", "code", "quantity", "countdown"]
    static let bannerKeys = ["id", "text", "at", "for", "every"]
    static let chatKeys = ["position", "lines", "seconds", "per_second", "size", "blocklist", "blocked"]

    /// The manifest, or nil when any error was reported.
    func decode(_ root: Node, path: String) -> Manifest? {
        guard let top = reader.mapping(root, "the manifest", keys: Self.topKeys) else { return nil }
        let show = top.required("show", in: "the manifest", reader).flatMap(decodeShow)
        let theme = top["theme"].flatMap(decodeTheme) ?? Theme()
        let currency = show?.currency
        if show != nil, currency == nil, top["products"] != nil, let showNode = top["show"],
           !(showNode.mapping?.contains { $0.key.scalar?.string == "currency" } ?? false) {
            reader.error(at: showNode, "show is missing 'currency' (an ISO 4217 code such as EUR), needed for the products' prices")
        }
        var products: [String: Product] = [:]
        var productOrder: [String] = []
        var productKeys: [String: Node] = [:]
        if let node = top["products"] {
            if case .mapping(let mapping) = node {
                for (key, value) in mapping {
                    guard let id = key.scalar?.string, Self.isProductID(id) else {
                        reader.error(at: key, "product id \(NodeReader.kind(of: key)) must be a word of letters, digits, '-', '_' or '.'")
                        continue
                    }
                    productKeys[id] = key
                    if let product = decodeProduct(id: id, value, currency: currency) {
                        products[id] = product
                        productOrder.append(id)
                    }
                }
            } else {
                reader.error(at: node, "products must be a mapping of product ids to products, not \(NodeReader.kind(of: node))")
            }
        }
        var offers: [(Offer, Node)] = []
        var offered: Set<String> = []
        if let node = top["offers"], let items = reader.list(node, "offers") {
            let ids = OfferIDs(items: items, reader: reader, productIDs: Set(productKeys.keys))
            for (position, item) in items.enumerated() {
                if let id = item.mapping?.first(where: { $0.key.scalar?.string == "product" })?.value.scalar?.string { offered.insert(id) }
                if let offer = decodeOffer(item, id: ids.id(at: position), products: products, allIDs: Array(productKeys.keys)) {
                    offers.append((offer, item))
                }
            }
        } else if top["offers"] == nil {
            reader.warning(at: root, "the manifest has no offers")
        }
        var banners: [(Banner, Node)] = []
        if let node = top["banners"], let items = reader.list(node, "banners") {
            var seen: [String: Int] = [:]
            for (position, item) in items.enumerated() {
                if let banner = decodeBanner(item, position: position) {
                    if let line = seen[banner.id] {
                        reader.error(at: item, "banner id '\(banner.id)' is already used by the banner on line \(line)")
                    }
                    seen[banner.id] = banner.line
                    banners.append((banner, item))
                }
            }
        }
        let chat = top["chat"].flatMap(decodeChat) ?? ChatSection()
        TimelineRules(reader: reader).check(duration: show?.duration, offers: offers, banners: banners,
                                            unoffered: productKeys.filter { !offered.contains($0.key) })
        guard let show, !reader.hasErrors else { return nil }
        // Scheduled offers by start, then the offers on cue in file order.
        let scheduled = offers.map(\.0).enumerated().filter { $0.element.at != nil }
            .sorted { ($0.element.at!, $0.offset) < ($1.element.at!, $1.offset) }.map(\.element)
        let onCue = offers.map(\.0).filter { $0.at == nil }
        var manifest = Manifest(path: path, folder: folder, show: show, theme: theme, products: products,
                        productOrder: productOrder, offers: scheduled + onCue, banners: banners.map(\.0))
        manifest.chat = chat
        return manifest
    }

    static func isProductID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.first!.isASCII && (id.first!.isLetter || id.first!.isNumber)
            && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    private func decodeShow(_ node: Node) -> Show? {
        guard let fields = reader.mapping(node, "show", keys: Self.showKeys) else { return nil }
        let title = fields.required("title", in: "show", reader).flatMap { reader.text($0, "show.title") }
        var zone: TimeZone?
        if let value = fields["zone"], let raw = reader.text(value, "show.zone") {
            zone = Self.ianaZone(raw)
            if zone == nil {
                var message = "show.zone '\(raw)' is not an IANA time zone such as Europe/Rome or America/New_York"
                if let near = Suggestion.closest(to: raw, among: TimeZone.knownTimeZoneIdentifiers) { message += "; did you mean '\(near)'?" }
                reader.error(at: value, message)
            }
        }
        var starts: WallClock?
        if let value = fields["starts"], let raw = reader.text(value, "show.starts") {
            starts = decodeStarts(raw, zone: zone, named: fields["zone"] != nil, at: value)
        }
        let duration = fields["duration"].flatMap { reader.duration($0, "show.duration", positive: true) }
        var locale = "en-US"
        if let value = fields["locale"], let raw = reader.text(value, "show.locale") {
            if ShowLocale.isValid(raw) {
                locale = raw
            } else {
                let hint = raw.contains("_") ? "; write it with '-', e.g. \(raw.replacingOccurrences(of: "_", with: "-"))" : " (e.g. it-IT, en-US, ja-JP)"
                reader.error(at: value, "show.locale '\(raw)' is not a known locale\(hint)")
            }
        }
        var currency: Currency?
        if let value = fields["currency"], let raw = reader.text(value, "show.currency") {
            currency = Currency(code: raw)
            if currency == nil {
                var message = "show.currency '\(raw)' is not an ISO 4217 currency code"
                if let near = Suggestion.closest(to: raw.uppercased(), among: ["EUR", "USD", "GBP", "JPY", "CNY", "RON", "CHF", "PLN", "SEK", "BRL", "INR", raw.uppercased()].filter { Currency(code: $0) != nil }) {
                    message += "; did you mean '\(near)'?"
                }
                reader.error(at: value, message)
            }
        }
        var preset: String?
        if let value = fields["preset"], let raw = reader.text(value, "show.preset") {
            if OutputFormat.presetNames.contains(raw) {
                preset = raw
            } else {
                reader.error(at: value, "show.preset '\(raw)' is not one of \(OutputFormat.presetNames.joined(separator: ", "))")
            }
        }
        guard let title else { return nil }
        return Show(title: title, starts: starts, zone: zone, duration: duration, localeIdentifier: locale,
                    currency: currency, preset: preset)
    }

    /// A zone by its IANA name, exactly as the tz database spells it (Foundation also takes
    /// abbreviations such as "CET", which mean different things in different places).
    static func ianaZone(_ name: String) -> TimeZone? {
        guard name.contains("/") || name == "UTC", TimeZone.knownTimeZoneIdentifiers.contains(name) || name == "UTC" else { return nil }
        return TimeZone(identifier: name)
    }

    /// `show.starts` with an offset, or, with `show.zone`, in that zone's local time: a time the
    /// clocks skip or live twice is an error unless an offset says which.
    private func decodeStarts(_ raw: String, zone: TimeZone?, named: Bool, at node: Node) -> WallClock? {
        guard let written = WallClock.Written(raw) else {
            reader.error(at: node, "show.starts '\(raw)' is not an ISO 8601 time, e.g. 2026-11-27T20:00:00"
                + (named ? " (in show.zone) or with a UTC offset, 2026-11-27T20:00:00+01:00" : "+01:00, with its UTC offset"))
            return nil
        }
        guard let zone else {
            if named { return nil }  // show.zone itself is wrong: reported there
            guard let offset = written.offset, let fixed = TimeZone(secondsFromGMT: offset), let date = written.date(offset: offset) else {
                reader.error(at: node, "show.starts '\(raw)' has no UTC offset: add one (e.g. \(raw.trimmingCharacters(in: .whitespaces))+01:00) or name the zone the show is in with show.zone (e.g. Europe/Rome)")
                return nil
            }
            return WallClock(date: date, zone: fixed)
        }
        let offset = WallClock.Written.offsetText
        switch written.resolve(in: zone) {
        case .one(let date):
            return WallClock(date: date, zone: zone)
        case let .missing(before, after):
            reader.error(at: node, "show.starts '\(raw)' does not exist in \(zone.identifier): the clocks jump from \(offset(before)) to \(offset(after)) around then, skipping it")
        case let .twice(first, second):
            reader.error(at: node, "show.starts '\(raw)' happens twice in \(zone.identifier) (at \(offset(first)), then again at \(offset(second))): write the one you mean with its offset, e.g. \(raw.trimmingCharacters(in: .whitespaces))\(offset(first))")
        case .wrongOffset(let actual):
            reader.error(at: node, "show.starts '\(raw)': \(zone.identifier) is at \(offset(actual)) then, not \(offset(written.offset ?? 0))")
        }
        return nil
    }

    private func decodeChat(_ node: Node) -> ChatSection? {
        guard let fields = reader.mapping(node, "chat", keys: Self.chatKeys) else { return nil }
        var chat = ChatSection()
        if let value = fields["position"], let raw = reader.text(value, "chat.position") {
            chat.position = ChatPosition(rawValue: raw)
            if chat.position == nil { reader.error(at: value, "chat.position '\(raw)' is not left or right") }
        }
        if let value = fields["lines"], let n = reader.positiveInt(value, "chat.lines") {
            if n > 10 { reader.error(at: value, "chat.lines \(n) is more than 10 at once") } else { chat.settings.lines = n }
        }
        if let value = fields["seconds"], let s = reader.duration(value, "chat.seconds", positive: true) {
            if s < 2 || s > 120 { reader.error(at: value, "chat.seconds must be from 2s to 2m") } else { chat.settings.seconds = s }
        }
        if let value = fields["per_second"], let raw = reader.text(value, "chat.per_second") {
            if let n = Double(raw), n >= 0.1, n <= 10 { chat.settings.perSecond = n } else {
                reader.error(at: value, "chat.per_second '\(raw)' must be a number from 0.1 to 10")
            }
        }
        if let value = fields["size"], let raw = reader.text(value, "chat.size") {
            if let n = Double(raw), n >= 0.5, n <= 2 { chat.size = n } else { reader.error(at: value, "chat.size '\(raw)' must be from 0.5 to 2") }
        }
        if let value = fields["blocklist"], let items = reader.list(value, "chat.blocklist") {
            for item in items {
                guard let entry = reader.text(item, "chat.blocklist entry"), !entry.isEmpty else { continue }
                if (try? ChatFilter(blocklist: [entry])) == nil {
                    reader.error(at: item, "chat.blocklist '\(entry)' is not a valid pattern")
                } else {
                    chat.blocklist.append(entry)
                }
            }
        }
        if let value = fields["blocked"], let raw = reader.text(value, "chat.blocked") {
            switch raw {
            case "mask": chat.dropBlocked = false
            case "drop": chat.dropBlocked = true
            default: reader.error(at: value, "chat.blocked '\(raw)' is not mask or drop")
            }
        }
        return chat
    }

    private func decodeTheme(_ node: Node) -> Theme? {
        guard let fields = reader.mapping(node, "theme", keys: Self.themeKeys) else { return nil }
        let font = fields["font"].flatMap { reader.text($0, "theme.font") }
        var accent: String?
        if let value = fields["accent"], let raw = reader.text(value, "theme.accent") {
            let hex = raw.dropFirst()
            if raw.hasPrefix("#"), [3, 6, 8].contains(hex.count), hex.allSatisfy(\.isHexDigit) {
                accent = raw
            } else {
                reader.error(at: value, "theme.accent '\(raw)' is not a colour like \"#E4405F\" (quote it: # starts a YAML comment)")
            }
        }
        var position = Theme.Position.bottomLeft
        if let value = fields["position"], let raw = reader.text(value, "theme.position") {
            if let p = Theme.Position(rawValue: raw) {
                position = p
            } else {
                let names = Theme.Position.allCases.map(\.rawValue)
                var message = "theme.position '\(raw)' is not one of \(names.joined(separator: ", "))"
                if let near = Suggestion.closest(to: raw, among: names) { message += "; did you mean '\(near)'?" }
                reader.error(at: value, message)
            }
        }
        return Theme(font: font, accent: accent, position: position)
    }

    /// A price as written: digits and at most the currency's minor units.
    private func amount(_ node: Node, _ what: String, currency: Currency?) -> Money? {
        guard let raw = reader.text(node, what) else { return nil }
        guard let value = Money.parseAmount(raw), value > 0 else {
            reader.error(at: node, "\(what) '\(raw)' is not a price; write digits with a '.' for decimals, e.g. 39.90")
            return nil
        }
        guard let currency else { return nil }
        let decimals = raw.split(separator: ".").dropFirst().first.map { $0.reversed().drop { $0 == "0" }.count } ?? 0
        guard decimals <= currency.minorUnits else {
            reader.error(at: node, currency.minorUnits == 0
                ? "\(what) '\(raw)' has decimals, but \(currency.code) prices have none"
                : "\(what) '\(raw)' has more than \(currency.minorUnits) decimals for \(currency.code)")
            return nil
        }
        return Money(value, currency)
    }

    private func decodeProduct(id: String, _ node: Node, currency: Currency?) -> Product? {
        let what = "product '\(id)'"
        guard let fields = reader.mapping(node, what, keys: Self.productKeys) else { return nil }
        let name = fields.required("name", in: what, reader).flatMap { reader.text($0, "\(what) name") }
        let price = fields.required("price", in: what, reader).flatMap { amount($0, "\(what) price", currency: currency) }
        var image: (URL, ImageInfo)?
        var picture: RGBAImage?
        if let value = fields["image"], let raw = reader.text(value, "\(what) image") {
            switch ImageFile.resolve(raw, in: folder) {
            case .success(let found):
                // Decoded now, so a file that only looks like a picture is found by `check`, and
                // the show never pauses to decode one at an offer's start.
                do {
                    picture = try ImageDecoder.decode(path: found.0.path, fit: .within(width: Product.pictureBox, height: Product.pictureBox))
                    image = found
                } catch {
                    reader.error(at: value, "image '\(raw)' does not decode as a picture (a truncated or damaged file?)")
                }
            case .failure(let problem): reader.error(at: value, problem.message)
            }
        }
        var url: String?
        if let value = fields["url"], let raw = reader.text(value, "\(what) url") {
            let lower = raw.lowercased()
            if (lower.hasPrefix("http://") || lower.hasPrefix("https://")), let parsed = URL(string: raw),
               let host = parsed.host, !host.isEmpty, !raw.contains(" ") {
                url = raw
            } else {
                reader.error(at: value, "\(what) url '\(raw)' is not an http:// or https:// address")
            }
        }
        var description: String?
        if let value = fields["description"], let raw = reader.text(value, "\(what) description") {
            description = raw
            if raw.contains("\n") { reader.warning(at: value, "\(what) description has several lines; the card shows one") }
        }
        guard let name, let price else { return nil }
        return Product(id: id, name: name, price: price, image: image?.0, imageInfo: image?.1, picture: picture, url: url,
                       description: description)
    }

    private func decodeOffer(_ node: Node, id: String?, products: [String: Product], allIDs: [String]) -> Offer? {
        guard let fields = reader.mapping(node, "offer", keys: Self.offerKeys) else { return nil }
        var product: Product?
        if let value = fields.required("product", in: "offer", reader), let id = reader.text(value, "offer product") {
            product = products[id]
            if product == nil, !allIDs.contains(id) {
                var message = "offer names product '\(id)', which is not in products"
                if let near = Suggestion.closest(to: id, among: allIDs) { message += "; did you mean '\(near)'?" }
                reader.error(at: value, message)
            }
        }
        // Without 'at' the offer is on cue: it shows only when the producer cues it. Its 'for' is
        // then optional (without it, the card stays until ended or replaced).
        let onCue = fields["at"] == nil
        let start = fields["at"].flatMap { reader.duration($0, "offer at", positive: false) }
        let lengthNode = onCue ? fields["for"] : fields.required("for", in: "offer", reader)
        let length = lengthNode.flatMap { reader.duration($0, "offer for", positive: true) }
        var discount: Decimal?
        if let value = fields["discount"], let raw = reader.text(value, "offer discount") {
            let digits = raw.hasSuffix("%") ? String(raw.dropLast()).trimmingCharacters(in: .whitespaces) : raw
            if let percent = Money.parseAmount(digits), percent >= 1, percent <= 99 {
                discount = percent
            } else {
                reader.error(at: value, "offer discount '\(raw)' must be a percentage from 1% to 99%")
            }
        }
        var salePrice: Money?
        if let value = fields["price"] {
            if let discountKey = fields.key("discount"), let priceKey = fields.key("price") {
                let line = discountKey.mark?.line ?? 0
                reader.error(at: priceKey, "offer gives both a discount (line \(line)) and a sale price; give one or the other")
                discount = nil
            } else if let product {
                salePrice = amount(value, "offer price", currency: product.price.currency)
                if let sale = salePrice, sale.amount >= product.price.amount {
                    reader.error(at: value, "offer price \(sale.decimalString) is not below the list price \(product.price.decimalString) of '\(product.id)'")
                    salePrice = nil
                }
            } else {
                _ = reader.text(value, "offer price")
            }
        }
        let code = fields["code"].flatMap { reader.text($0, "offer code") }
        if let code, code.count > 40 || code.contains(where: \.isNewline) {
            reader.error(at: fields["code"], "offer code must be one line of at most 40 characters")
        }
        let quantity = fields["quantity"].flatMap { reader.positiveInt($0, "offer quantity") }
        let countdown = fields["countdown"].flatMap { reader.bool($0, "offer countdown") } ?? true
        guard let id, let product, onCue || (start != nil && length != nil) else { return nil }
        let list = product.price
        let sale = salePrice ?? (discount.map { list.discounted(byPercent: $0) } ?? list)
        if let percent = discount, let value = fields["discount"] {
            // The card would show a badge for a price nobody pays, or a free product.
            if sale.amount >= list.amount {
                reader.error(at: value, "offer discount \(percent.plainText)% of \(list.decimalString) \(list.currency.code) rounds to the list price \(sale.decimalString): the badge would promise a saving the price does not give")
                return nil
            }
            if sale.amount <= 0 {
                reader.error(at: value, "offer discount \(percent.plainText)% of \(list.decimalString) \(list.currency.code) rounds the sale price to 0")
                return nil
            }
        }
        let percent = discount ?? (salePrice.map { $0.percentOff(from: list) })
        return Offer(id: id, product: product, at: start, length: length, listPrice: list, salePrice: sale,
                     discountPercent: percent, code: code, quantity: quantity, countdown: countdown,
                     line: node.mark?.line ?? 0)
    }

    private func decodeBanner(_ node: Node, position: Int) -> Banner? {
        guard let fields = reader.mapping(node, "banner", keys: Self.bannerKeys) else { return nil }
        var id = "banner-\(position + 1)"
        if let value = fields["id"], let raw = reader.text(value, "banner id") {
            if Self.isProductID(raw) {
                id = raw
            } else {
                reader.error(at: value, "banner id '\(raw)' must be a word of letters, digits, '-', '_' or '.'")
            }
        }
        let text = fields.required("text", in: "banner", reader).flatMap { reader.text($0, "banner text") }
        let start = fields.required("at", in: "banner", reader).flatMap { reader.duration($0, "banner at", positive: false) }
        let length = fields.required("for", in: "banner", reader).flatMap { reader.duration($0, "banner for", positive: true) }
        var every: Double?
        if let value = fields["every"] {
            every = reader.duration(value, "banner every", positive: true)
            if let e = every, let length, e < length {
                reader.error(at: value, "banner repeats every \(DurationValue.format(e)) but lasts \(DurationValue.format(length)); it would overlap itself")
                every = nil
            }
        }
        guard let text, let start, let length else { return nil }
        return Banner(id: id, text: text, start: start, length: length, every: every, line: node.mark?.line ?? 0)
    }
}
