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

}
