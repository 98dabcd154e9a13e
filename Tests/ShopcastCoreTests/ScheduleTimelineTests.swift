import Foundation
import XCTest
@testable import ShopcastCore

/// The manifest's schedule on its own: the pure timeline, and the director following it with no
/// commands (what `schedule plan/now/run` and `overlay` see).
final class ScheduleTimelineTests: XCTestCase {
    typealias F = ShowFixture

    func testHalfOpenIntervalsAndRemaining() {
        let manifest = F.manifest([F.offer("b", at: 480, for: 90), F.offer("a", at: 300, for: 180), F.offer("c", at: nil, for: 60)])
        let t = Timeline(manifest)
        XCTAssertEqual(t.offers.map(\.id), ["a", "b"], "sorted by start; offers on cue have no slot")
        XCTAssertEqual(t.end, 570)
        let director = ShowDirector(manifest: manifest, start: 0)
        func at(_ x: Double) -> ShowState { director.advance(to: x); return director.state }
        XCTAssertNil(at(299.999).offer)
        XCTAssertEqual(at(300).offer?.id, "a", "on at its start")
        XCTAssertEqual(at(300).remaining, 180)
        XCTAssertEqual(at(300.4).remaining, 180, "whole seconds, rounded up")
        XCTAssertEqual(at(479.5).remaining, 1)
        XCTAssertEqual(at(480).offer?.id, "b", "off at its end; the next one is on on the same frame")
        XCTAssertNil(at(570).offer)
    }

    func testNextChangeFollowsTheSchedule() {
        let manifest = F.manifest([F.offer("a", at: 300, for: 180), F.offer("b", at: 600, for: 60)], duration: 900)
        let director = ShowDirector(manifest: manifest, start: 0)
        var seen: [Double] = []
        var x = 0.0
        while let next = director.nextChange(after: x) {
            seen.append(next)
            director.advance(to: next)
            x = next
        }
        XCTAssertEqual(seen, [300, 480, 600, 660])
    }

    func testRepeatingBannersStopAtTheEnd() {
        let banner = F.banner("shipping", at: 0, for: 30, every: 600)
        let once = F.banner("last", at: 2400, for: 420)
        let manifest = F.manifest([F.offer("a", at: 300, for: 180)], banners: [banner, once], duration: 2700)
        let t = Timeline(manifest)
        XCTAssertEqual(t.occurrences(of: banner), [0..<30, 600..<630, 1200..<1230, 1800..<1830, 2400..<2430])
        XCTAssertEqual(t.occurrences(of: F.banner("x", at: 2690, for: 30, every: 60)), [2690..<2700], "clipped to the end")
        let director = ShowDirector(manifest: manifest, start: 0)
        director.advance(to: 1215)
        XCTAssertEqual(director.state.banners.map(\.start), [1200])
        director.advance(to: 2410)
        XCTAssertEqual(director.state.banners.map(\.id), ["shipping", "last"], "several banners at once, oldest first")
        XCTAssertEqual(director.nextChange(after: 2410), 2430)
        director.advance(to: 2430)
        XCTAssertEqual(director.state.banners.map(\.id), ["last"])
        XCTAssertEqual(director.nextChange(after: 2430), 2700)
    }

    func testEndsComeBeforeStartsAtOneInstant() {
        let manifest = F.manifest([F.offer("a", at: 1, for: 1), F.offer("b", at: 2, for: 0.5)], banners: [F.banner("hi", at: 0.5, for: 1)])
        let stepped = ShowDirector(manifest: manifest, start: 0)
        var log: [String] = []
        while let next = stepped.nextChange(after: stepped.offset) {
            let changes = stepped.advance(to: next)
            log += zip(changes.map(\.offset), F.names(changes)).map { "\($0) \($1)" }
        }
        XCTAssertEqual(log, ["0.5 banner.start hi", "1.0 offer.start a", "1.5 banner.end hi", "2.0 offer.end a time",
                             "2.0 offer.start b", "2.5 offer.end b time"])
        // One jump over several changes still makes each at its own moment, in order.
        let jumped = ShowDirector(manifest: manifest, start: 0)
        let all = jumped.advance(to: 3)
        XCTAssertEqual(zip(all.map(\.offset), F.names(all)).map { "\($0) \($1)" },
                       ["1.0 offer.start a", "2.0 offer.end a time", "2.0 offer.start b", "2.5 offer.end b time"])
    }

    func testEventJSONIsOneDialect() throws {
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
        let director = ShowDirector(manifest: manifest, start: 0)
        let start = try XCTUnwrap(director.advance(to: 300).first)
        let encoder = EventEncoder(manifest: manifest, origin: manifest.origin(streamStart: Date()))
        let record = EventRecord(sequence: 1, time: manifest.show.starts!.date.addingTimeInterval(300.25), streamTime: 290.5,
                                 offset: start.offset, event: start.event)
        XCTAssertEqual(encoder.line(record),
                       #"{"event":"offer.start","time":"2026-11-27T19:05:00.250Z","stream_time":290.5,"offset":300,"sequence":1,"show":"Autunno","#
                       + #""offer":"scarf-silk","product":"scarf-silk","name":"Sciarpa di seta","currency":"EUR","list_price":"39.90","#
                       + "\"list_price_text\":\"39,90\u{A0}€\",\"sale_price\":\"31.92\",\"sale_price_text\":\"31,92\u{A0}€\","
                       + #""discount":20,"code":"SILK20","stock":50,"url":null,"starts_at":"2026-11-27T19:05:00.000Z","#
                       + #""ends_at":"2026-11-27T19:08:00.000Z","cued":false,"late":false,"remaining":180}"#)
    }

    func testRunnerStartedLateCatchesUpAndEndsTheOfferWhenStopped() {
        let manifest = F.manifest([F.offer("a", at: 0, for: 10), F.offer("b", at: 10, for: 0.2)])
        let origin = Date()
        let runner = ScheduleRunner(manifest: manifest, origin: origin)
        var seen: [String] = []
        let begun = MonotonicClock.now()
        let summary = runner.run(now: origin.addingTimeInterval(9.9)) { seen += F.names([$0]) }
        let elapsed = MonotonicClock.now() - begun
        XCTAssertEqual(seen, ["offer.start a late", "offer.end a time", "offer.start b", "offer.end b time"])
        XCTAssertEqual(summary.emitted, 4)
        XCTAssertEqual(elapsed, 0.3, accuracy: 0.05)

        let long = ScheduleRunner(manifest: F.manifest([F.offer("a", at: 0, for: 600)]), origin: origin)
        var stopped: [String] = []
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { long.stop() }
        let interrupted = long.run(now: origin) { stopped += F.names([$0]) }
        XCTAssertTrue(interrupted.interrupted)
        XCTAssertEqual(stopped, ["offer.start a", "offer.end a show-ended"], "a stopped run closes the deal")
    }
}
