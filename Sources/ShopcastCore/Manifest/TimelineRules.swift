import Foundation
import Yams

/// Rules across entries: one product card on screen at a time, nothing past the show's
/// planned length, and a warning for each product no offer names.
struct TimelineRules {
    let reader: NodeReader

    func check(duration: Double?, offers: [(Offer, Node)], banners: [(Banner, Node)], unoffered products: [String: Node]) {
        let byStart = offers.sorted { ($0.0.start, $0.0.line) < ($1.0.start, $1.0.line) }
        // Compare each offer with the latest-ending one before it, so a long offer that
        // covers several short ones is reported against each of them.
        var latest: (Offer, Node)?
        for entry in byStart {
            let offer = entry.0
            if let previous = latest, offer.start < previous.0.end {
                let (first, second) = (previous.0, offer)
                reader.error(at: entry.1,
                             "offers on lines \(first.line) and \(second.line) are on screen at the same time: "
                             + "'\(first.product.id)' \(span(first.start, first.end)) and '\(second.product.id)' \(span(second.start, second.end))")
            }
            if latest == nil || offer.end > latest!.0.end { latest = entry }
        }
        if let duration {
            for (offer, node) in offers where offer.end > duration {
                reader.error(at: node, "offer '\(offer.product.id)' ends at \(DurationValue.format(offer.end)), after the show's duration \(DurationValue.format(duration))")
            }
            for (banner, node) in banners where banner.start >= duration {
                reader.error(at: node, "banner starts at \(DurationValue.format(banner.start)), after the show's duration \(DurationValue.format(duration))")
            }
        }
        for (id, key) in products {
            reader.warning(at: key, "product '\(id)' is never offered")
        }
    }

    private func span(_ start: Double, _ end: Double) -> String {
        "\(DurationValue.format(start))–\(DurationValue.format(end))"
    }
}
