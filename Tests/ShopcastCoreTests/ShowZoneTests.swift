import Foundation
import XCTest
@testable import ShopcastCore

/// `show.zone`: a show written in local time in an IANA zone, with daylight saving. Europe/Rome
/// (CET/CEST) changes on 2026-10-25 (03:00 CEST back to 02:00 CET: 02:00–03:00 happens twice)
/// and on 2027-03-28 (02:00 CET forward to 03:00 CEST: 02:00–03:00 does not exist).
final class ShowZoneTests: XCTestCase {
    func show(zone: String? = "Europe/Rome", starts: String) -> String {
        """
        show:
          title: Zoned
        \(zone.map { "  zone: \($0)\n" } ?? "")  starts: \(starts)
          duration: 3h
          currency: EUR
        products: {scarf: {name: Scarf, price: 10}}
        offers: [{product: scarf, at: 2h, for: 1m}]
        """
    }

    func load(_ yaml: String) throws -> (Manifest?, [String]) {
        try ManifestFolder().load(yaml)
    }

    func iso(_ text: String) -> Date { WallClock.parse(text)!.date }

    func testLocalTimesAreReadInTheZoneWithItsDaylightSaving() throws {
        // Summer time and winter time: the same wall clock, offsets one hour apart.
        let (summer, l1) = try load(show(starts: "2026-10-24T20:00:00"))
        XCTAssertEqual(l1, [])
        XCTAssertEqual(summer?.show.starts?.date, iso("2026-10-24T18:00:00Z"))
        let (winter, _) = try load(show(starts: "2026-10-26T20:00"))
        XCTAssertEqual(winter?.show.starts?.date, iso("2026-10-26T19:00:00Z"))
        // Two shows at 20:00 on either side of the change are 49 hours apart, not 48.
        XCTAssertEqual(winter!.show.starts!.date.timeIntervalSince(summer!.show.starts!.date), 49 * 3600)
        // Times print with the offset in force at each moment: a show across the change.
        let (across, _) = try load(show(starts: "2026-10-25T01:30:00"))
        let manifest = try XCTUnwrap(across)
        let zone = manifest.zone
        XCTAssertEqual(zone.identifier, "Europe/Rome")
        let start = manifest.show.starts!.date
        XCTAssertEqual(WallClock.format(start, in: zone), "2026-10-25T01:30:00.000+02:00")
        let offer = try XCTUnwrap(manifest.offers.first?.at)
        // Two hours later by the clock on the wall is 02:30 the second time, in winter time.
        XCTAssertEqual(WallClock.format(start.addingTimeInterval(offer), in: zone), "2026-10-25T02:30:00.000+01:00")
    }

    func testTimesTheClocksSkipOrRepeatAreErrorsAtTheirPlaceUnlessAnOffsetSettlesThem() throws {
        let (_, skipped) = try load(show(starts: "2027-03-28T02:30:00"))
        XCTAssertEqual(skipped, ["4:11: error: show.starts '2027-03-28T02:30:00' does not exist in Europe/Rome: the clocks jump from +01:00 to +02:00 around then, skipping it"])
        let (_, twice) = try load(show(starts: "2026-10-25T02:30:00"))
        XCTAssertEqual(twice, ["4:11: error: show.starts '2026-10-25T02:30:00' happens twice in Europe/Rome (at +02:00, then again at +01:00): write the one you mean with its offset, e.g. 2026-10-25T02:30:00+02:00"])
        // Either reading, given its offset, is a different instant, one hour apart.
        let (first, l1) = try load(show(starts: "2026-10-25T02:30:00+02:00"))
        let (second, l2) = try load(show(starts: "2026-10-25T02:30:00+01:00"))
        XCTAssertEqual(l1 + l2, [])
        XCTAssertEqual(second!.show.starts!.date.timeIntervalSince(first!.show.starts!.date), 3600)
        // An offset the zone does not have then.
        let (_, wrong) = try load(show(starts: "2026-11-27T20:00:00+02:00"))
        XCTAssertEqual(wrong, ["4:11: error: show.starts '2026-11-27T20:00:00+02:00': Europe/Rome is at +01:00 then, not +02:00"])
    }

    func testZoneNamesAndOffsetlessTimesWithoutAZone() throws {
        let (_, misspelt) = try load(show(zone: "Europe/Roma", starts: "2026-11-27T20:00:00"))
        XCTAssertEqual(misspelt, ["3:9: error: show.zone 'Europe/Roma' is not an IANA time zone such as Europe/Rome or America/New_York; did you mean 'Europe/Rome'?"])
        // Abbreviations mean different things in different places.
        let (_, abbreviation) = try load(show(zone: "CET", starts: "2026-11-27T20:00:00"))
        XCTAssertEqual(abbreviation.count, 1)
        XCTAssertTrue(abbreviation[0].hasPrefix("3:9: error: show.zone 'CET' is not an IANA time zone"), abbreviation[0])
        let (_, bare) = try load(show(zone: nil, starts: "2026-11-27T20:00:00"))
        XCTAssertEqual(bare, ["3:11: error: show.starts '2026-11-27T20:00:00' has no UTC offset: add one (e.g. 2026-11-27T20:00:00+01:00) or name the zone the show is in with show.zone (e.g. Europe/Rome)"])
        // A fixed offset alone still works, as before.
        let (fixed, l) = try load(show(zone: nil, starts: "2026-11-27T20:00:00+01:00"))
        XCTAssertEqual(l, [])
        XCTAssertEqual(fixed?.show.starts?.date, iso("2026-11-27T19:00:00Z"))
        // Other zones: New York changes on other dates (2026-11-01).
        let (york, _) = try load(show(zone: "America/New_York", starts: "2026-10-28T20:00:00"))
        XCTAssertEqual(york?.show.starts?.date, iso("2026-10-29T00:00:00Z"))
    }

    /// cron fields are in the machine's zone, the systemd timer in UTC: two shows at 20:00 on
    /// either side of the change launch an hour apart in UTC and at the same local time.
    func testCronLinesForShowsOnEitherSideOfTheChange() throws {
        let rome = TimeZone(identifier: "Europe/Rome")!
        let (summer, _) = try load(show(starts: "2026-10-24T20:00:00"))
        let (winter, _) = try load(show(starts: "2026-10-26T20:00:00"))
        func lines(_ m: Manifest?) throws -> String {
            try CronLines(manifestPath: "/shows/show.yaml", title: "Zoned", start: m!.show.starts!.date, lead: 120, duration: nil,
                          executable: "/usr/bin/shopcast", localZone: rome).render()
        }
        let a = try lines(summer), b = try lines(winter)
        XCTAssertTrue(a.contains("\n58 19 24 10 * "), a)
        XCTAssertTrue(b.contains("\n58 19 26 10 * "), b)
        XCTAssertTrue(a.contains("OnCalendar=2026-10-24 17:58:00 UTC"), a)
        XCTAssertTrue(b.contains("OnCalendar=2026-10-26 18:58:00 UTC"), b)
    }
}
