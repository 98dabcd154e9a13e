import Foundation
@testable import ShopcastCore

/// Shows built in code for the director's and the timeline's tests: products priced in EUR,
/// offers scheduled (`at`) or on cue (`at: nil`), banners.
enum ShowFixture {
    static let eur = Currency(code: "EUR")!

    static func product(_ id: String, price: Decimal = 10) -> Product {
        Product(id: id, name: id.capitalized, price: Money(price, eur), image: nil, imageInfo: nil, url: nil, description: nil)
    }

    static func offer(_ id: String, product: String? = nil, at: Double?, for length: Double?, quantity: Int? = nil,
                      countdown: Bool = true, discount: Decimal? = nil, line: Int = 1) -> Offer {
        let item = self.product(product ?? id)
        let sale = discount.map { item.price.discounted(byPercent: $0) } ?? item.price
        return Offer(id: id, product: item, at: at, length: length, listPrice: item.price, salePrice: sale,
                     discountPercent: discount, code: nil, quantity: quantity, countdown: countdown, line: line)
    }

    static func banner(_ id: String, at: Double, for length: Double, every: Double? = nil) -> Banner {
        Banner(id: id, text: id.capitalized, start: at, length: length, every: every, line: 1)
    }

    static func manifest(_ offers: [Offer], banners: [Banner] = [], duration: Double? = nil, title: String = "Show") -> Manifest {
        var products: [String: Product] = [:]
        var order: [String] = []
        for offer in offers where products[offer.product.id] == nil {
            products[offer.product.id] = offer.product
            order.append(offer.product.id)
        }
        let scheduled = offers.filter { $0.at != nil }.sorted { $0.at! < $1.at! }
        return Manifest(path: "show.yaml", folder: URL(fileURLWithPath: "/tmp"),
                        show: Show(title: title, starts: nil, duration: duration, localeIdentifier: "en-US", currency: eur, preset: nil),
                        theme: Theme(), products: products, productOrder: order,
                        offers: scheduled + offers.filter { $0.at == nil }, banners: banners)
    }

    /// Events as short strings: `offer.start a`, `offer.end a time`, `stock.changed bag 3` …
    static func names(_ changes: [ShowDirector.Change]) -> [String] {
        changes.map { change in
            switch change.event {
            case let .offerStarted(o, _): return "offer.start \(o.id)" + (o.late ? " late" : "")
            case let .offerEnded(o, reason, _): return "offer.end \(o.id) \(reason.rawValue)"
            case .offerSkipped(let slot): return "offer.skipped \(slot.id)"
            case .offerChanged(let o, _, _): return "offer.changed \(o.id)"
            case let .stockChanged(p, units, _): return "stock.changed \(p.id) \(units)"
            case .soldOut(let p): return "product.sold-out \(p.id)"
            case .bannerStarted(let b): return "banner.start \(b.id)"
            case .bannerEnded(let b): return "banner.end \(b.id)"
            default: return change.event.name
            }
        }
    }
}
