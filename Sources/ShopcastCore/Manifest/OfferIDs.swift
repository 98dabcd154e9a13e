import Yams

/// Gives every entry of `offers:` its stable id, the name events, the control API and webhooks
/// use for it (never its position in the list):
/// - its own `id:` when it has one (letters, digits, `-`, `_`, `.`);
/// - otherwise its product's id, when it is that product's only offer (so a product id that is
///   also an offer id means the same card either way);
/// - otherwise `PRODUCT-N`, N counting that product's offers without an `id:` from 1 in file order.
/// Two offers with one id, and an `id:` that names another product, are errors at their line.
struct OfferIDs {
    private var ids: [String?] = []

    init(items: [Node], reader: NodeReader, productIDs: Set<String>) {
        let products = items.map { Self.scalar($0, "product") }
        var count: [String: Int] = [:]
        for case let product? in products { count[product, default: 0] += 1 }
        var seen: [String: Int] = [:]  // id -> line
        var ordinal: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let line = item.mark?.line ?? 0
            var id: String?
            if let idNode = item.mapping?.first(where: { $0.key.scalar?.string == "id" })?.value {
                if let raw = reader.text(idNode, "offer id") {
                    if !ManifestDecoder.isProductID(raw) {
                        reader.error(at: idNode, "offer id '\(raw)' must be a word of letters, digits, '-', '_' or '.'")
                    } else if productIDs.contains(raw), raw != products[i] {
                        reader.error(at: idNode, "offer id '\(raw)' is the id of product '\(raw)'; cues would not know which is meant")
                    } else {
                        id = raw
                    }
                }
            } else if let product = products[i] {
                ordinal[product, default: 0] += 1
                id = count[product] == 1 ? product : "\(product)-\(ordinal[product]!)"
            }
            if let taken = id, let other = seen[taken] {
                reader.error(at: item, "offer id '\(taken)' is already used by the offer on line \(other); give one of them its own 'id:'")
                id = nil
            }
            if let id { seen[id] = line }
            ids.append(id)
        }
    }

    /// The id of the offer at `position` in the list, nil when it has none (an error was reported).
    func id(at position: Int) -> String? { ids.indices.contains(position) ? ids[position] : nil }

    private static func scalar(_ node: Node, _ key: String) -> String? {
        node.mapping?.first(where: { $0.key.scalar?.string == key })?.value.scalar?.string
    }
}
