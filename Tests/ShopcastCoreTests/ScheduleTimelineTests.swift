import Foundation
import XCTest
@testable import ShopcastCore

final class ScheduleTimelineTests: XCTestCase {
    let eur = Currency(code: "EUR")!

    func offer(_ id: String, _ start: Double, _ length: Double, countdown: Bool = true) -> Offer {
        let price = Money(10, eur)
        let product = Product(id: id, name: id, price: price, image: nil, imageInfo: nil, url: nil, description: nil)
        return Offer(product: product, start: start, length: length, listPrice: price, salePrice: price,
                     discountPercent: nil, code: nil, quantity: nil, countdown: countdown, line: 1)
    }

    func testHalfOpenIntervalsAndRemaining() {
        let t = Timeline(offers: [offer("b", 480, 90), offer("a", 300, 180)], banners: [], duration: nil)
        XCTAssertEqual(t.offers.map(\.product.id), ["a", "b"], "sorted by start")
        XCTAssertNil(t.state(at: 299.999).offer)
        XCTAssertEqual(t.state(at: 300).offer?.index, 0, "on at its start")
        XCTAssertEqual(t.state(at: 300).offer?.remaining, 180)
        XCTAssertEqual(t.state(at: 300.4).offer?.remaining, 180, "whole seconds, rounded up")
        XCTAssertEqual(t.state(at: 479.5).offer?.remaining, 1)
        XCTAssertEqual(t.state(at: 480).offer?.index, 1, "off at its end; the next one is on on the same frame")
        XCTAssertNil(t.state(at: 570).offer)
        XCTAssertEqual(t.end, 570)
    }

    func testNextChangeAndRedraw() {
        let t = Timeline(offers: [offer("a", 300, 180), offer("b", 600, 60, countdown: false)], banners: [], duration: 900)
        XCTAssertEqual(t.nextChange(after: 0), 300)
        XCTAssertEqual(t.nextChange(after: 300), 480)
        XCTAssertEqual(t.nextChange(after: 480), 600)
        XCTAssertEqual(t.nextChange(after: 660), nil)
        XCTAssertEqual(t.nextRedraw(after: 300), 301, "countdown ticks each second")
        XCTAssertEqual(t.nextRedraw(after: 300.25), 301)
        XCTAssertEqual(t.nextRedraw(after: 479.5), 480)
        XCTAssertEqual(t.nextRedraw(after: 600), 660, "no countdown: only boundaries")
        // The state is constant between a moment and its next redraw.
        var x = 0.0
        while let next = t.nextRedraw(after: x) {
            XCTAssertEqual(t.state(at: x), t.state(at: (x + next) / 2))
            XCTAssertNotEqual(t.state(at: x), t.state(at: next))
            x = next
        }
        XCTAssertEqual(x, 660)
    }

    func testRepeatingBannersStopAtTheEnd() {
        let banner = Banner(text: "Free shipping", start: 0, length: 30, every: 600, line: 1)
        let once = Banner(text: "Last minutes", start: 2400, length: 420, every: nil, line: 2)
        let t = Timeline(offers: [offer("a", 300, 180)], banners: [banner, once], duration: 2700)
        XCTAssertEqual(t.occurrences(of: banner), [0..<30, 600..<630, 1200..<1230, 1800..<1830, 2400..<2430])
        XCTAssertEqual(t.state(at: 1215).banners.map(\.start), [1200])
        XCTAssertEqual(t.state(at: 2410).banners.map(\.index), [0, 1], "several banners at once")
        XCTAssertEqual(t.state(at: 1230).banners, [])
        XCTAssertEqual(t.nextChange(after: 630), 1200)
        XCTAssertEqual(t.nextChange(after: 2430), 2700)
        XCTAssertEqual(t.occurrences(of: Banner(text: "x", start: 2690, length: 30, every: 60, line: 3)), [2690..<2700], "clipped to the end")
    }

    func testChangesEndBeforeStartAtOneInstant() {
        let t = Timeline(offers: [offer("a", 1, 1), offer("b", 2, 0.5)],
                         banners: [Banner(text: "hi", start: 0.5, length: 1, every: nil, line: 1)], duration: nil)
        XCTAssertEqual(t.changes().map { "\($0.offset) \($0.kind.rawValue) \($0.index)" }, [
            "0.5 banner.start 0", "1.0 offer.start 0", "1.5 banner.end 0", "2.0 offer.end 0", "2.0 offer.start 1", "2.5 offer.end 1",
        ])
    }

    func testEventJSON() throws {
        let folder = try ManifestFolder()
        let manifest = try XCTUnwrap(try folder.load("""
        show:
          title: Autunno
          starts: 2026-11-27T20:00:00+01:00
          locale: it-IT
          currency: EUR
        products:
          scarf-silk:
            name: Sciarpa di seta
            price: 39.90
        offers:
          - product: scarf-silk
            at: 5m
            for: 3m
            discount: 20%
            code: SILK20
            quantity: 50
        """).manifest)
        let t = Timeline(manifest)
        let origin = manifest.origin(streamStart: Date())
        let start = try XCTUnwrap(t.changes().first)
        let event = ScheduleEvent(change: start, at: start.offset, timeline: t, origin: origin, sequence: 1)
        XCTAssertEqual(event.json(show: manifest.show, formatter: manifest.priceFormatter, zone: manifest.zone).rendered,
                       #"{"event":"offer.start","time":"2026-11-27T20:05:00.000+01:00","offset":300,"sequence":1,"show":"Autunno","#
                       + #""offer":0,"product":"scarf-silk","name":"Sciarpa di seta","currency":"EUR","list_price":"39.90","#
                       + "\"list_price_text\":\"39,90\u{A0}€\",\"sale_price\":\"31.92\",\"sale_price_text\":\"31,92\u{A0}€\","
                       + #""discount":20,"code":"SILK20","quantity":50,"url":null,"ends_at":"2026-11-27T20:08:00.000+01:00","remaining":180}"#)
        let late = ScheduleEvent(change: start, at: 400.5, timeline: t, origin: origin, sequence: 1)
        XCTAssertEqual(late.remaining, 80)
        XCTAssertTrue(late.late)
    }

    func testRunnerStartedLateCatchesUp() {
        let t = Timeline(offers: [offer("a", 0, 10), offer("b", 10, 0.2)], banners: [], duration: nil)
        let origin = Date()
        let runner = ScheduleRunner(timeline: t, origin: origin)
        var seen: [String] = []
        let begun = MonotonicClock.now()
        let summary = runner.run(now: origin.addingTimeInterval(9.9)) { seen.append("\($0.kind.rawValue) \($0.index) \($0.remaining)\($0.late ? " late" : "")") }
        let elapsed = MonotonicClock.now() - begun
        XCTAssertEqual(seen, ["offer.start 0 1 late", "offer.end 0 0", "offer.start 1 1", "offer.end 1 0"])
        XCTAssertEqual(summary.emitted, 4)
        XCTAssertEqual(elapsed, 0.3, accuracy: 0.05)
    }
}
