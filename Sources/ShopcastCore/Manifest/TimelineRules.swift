import Foundation
import Yams

/// Rules across entries: one scheduled product card on screen at a time, nothing past the show's
/// planned length, one starting stock per product, and a warning for each product no offer
/// names. Offers on cue have no place on the clock, so only the stock rule concerns them.
struct TimelineRules {
    let reader: NodeReader

    func check(duration: Double?, offers all: [(Offer, Node)], banners: [(Banner, Node)], unoffered products: [String: Node]) {
        let offers = all.filter { $0.0.at != nil }
        let byStart = offers.sorted { ($0.0.at!, $0.0.line) < ($1.0.at!, $1.0.line) }
        // Compare each offer with the latest-ending one before it, so a long offer that
        // covers several short ones is reported against each of them.
        var latest: (Offer, Node)?
        for entry in byStart {
            let offer = entry.0
            if let previous = latest, offer.at! < end(previous.0) {
                let (first, second) = (previous.0, offer)
                reader.error(at: entry.1,
                             "offers on lines \(first.line) and \(second.line) are on screen at the same time: "
                             + "'\(first.id)' \(span(first.at!, end(first))) and '\(second.id)' \(span(second.at!, end(second)))")
            }
            if latest == nil || end(offer) > end(latest!.0) { latest = entry }
        }
        if let duration {
            for (offer, node) in offers where end(offer) > duration {
                reader.error(at: node, "offer '\(offer.id)' ends at \(DurationValue.format(end(offer))), after the show's duration \(DurationValue.format(duration))")
            }
            for (banner, node) in banners where banner.start >= duration {
                reader.error(at: node, "banner starts at \(DurationValue.format(banner.start)), after the show's duration \(DurationValue.format(duration))")
            }
        }
        // A banner that repeats every few milliseconds would make a rundown of millions of
        // lines: bounded here, before `plan` or the director meet it.
        let showEnd = duration ?? max(offers.map { end($0.0) }.max() ?? 0, banners.map { $0.0.start + $0.0.length }.max() ?? 0)
        for (banner, node) in banners {
            guard let every = banner.every else { continue }
            let times = Timeline.occurrenceCount(start: banner.start, every: every, end: showEnd)
            if times > Self.maxBannerTimes {
                reader.error(at: node, "banner repeats every \(DurationValue.format(every)): \(times) times in a show of \(DurationValue.format(showEnd)); at most \(Self.maxBannerTimes) (repeat it less often)")
            }
        }
        for (id, key) in products {
            reader.warning(at: key, "product '\(id)' is never offered")
        }
        // Stock belongs to the product: its first offer with a quantity sets it for the show.
        var firstQuantity: [String: (Int, Int)] = [:]  // product -> (quantity, line)
        for (offer, node) in all.sorted(by: { $0.0.line < $1.0.line }) {
            guard let quantity = offer.quantity else { continue }
            if let (first, line) = firstQuantity[offer.product.id] {
                if first != quantity {
                    reader.warning(at: node, "offer '\(offer.id)' gives quantity \(quantity), but the stock of '\(offer.product.id)' starts at \(first) (line \(line)) and is counted live from then on; this quantity is not used")
                }
            } else {
                firstQuantity[offer.product.id] = (quantity, offer.line)
            }
        }
    }

    /// How many times one banner may show in a show.
    static let maxBannerTimes = 10_000

    private func end(_ offer: Offer) -> Double { offer.at! + (offer.length ?? 0) }

    private func span(_ start: Double, _ end: Double) -> String {
        "\(DurationValue.format(start))–\(DurationValue.format(end))"
    }
}
