import Foundation
import XCTest
@testable import ShopcastCore

/// The director's rules, as shopcast-go-live(1) states them, frame by frame.
final class ShowDirectorTests: XCTestCase {
    typealias F = ShowFixture

    /// A show: scarf scheduled 60–120 s (stock 10), bag scheduled 180–240 s, flash on cue for
    /// 30 s (a bag offer), gloves on cue with no length; the show lasts 600 s.
    func show() -> ShowDirector {
        ShowDirector(manifest: F.manifest([
            F.offer("scarf", at: 60, for: 60, quantity: 10, line: 1),
            F.offer("bag-1", product: "bag", at: 180, for: 60, quantity: 5, line: 2),
            F.offer("flash", product: "bag", at: nil, for: 30, discount: 50, line: 3),
            F.offer("gloves", at: nil, for: nil, line: 4),
        ], duration: 600), start: 0)
    }

    @discardableResult
    func apply(_ director: ShowDirector, _ command: ShowCommand, at t: Double, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        switch director.apply(command, at: t) {
        case .success(let changes): return F.names(changes)
        case .failure(let refusal):
            XCTFail("refused: \(refusal)", file: file, line: line)
            return []
        }
    }

    func refusal(_ director: ShowDirector, _ command: ShowCommand, at t: Double) -> CommandRefusal? {
        if case .failure(let refusal) = director.apply(command, at: t) { return refusal }
        return nil
    }

    func testACueShowsAnOfferOnCueForItsLengthThenItEnds() {
        let d = show()
        XCTAssertEqual(apply(d, .cue("flash", .none), at: 10), ["offer.start flash"])
        XCTAssertEqual(d.state.offer?.end, 40)
        XCTAssertEqual(d.state.offer?.salePrice.decimalString, "5.00", "its own terms: 50% off")
        XCTAssertEqual(d.state.remaining, 30)
        XCTAssertEqual(F.names(d.advance(to: 40)), ["offer.end flash time"])
        XCTAssertNil(d.state.offer)
    }

    func testACueReplacesTheLiveOfferNeverTwoOnScreen() {
        let d = show()
        d.advance(to: 70)
        XCTAssertEqual(d.state.offer?.id, "scarf")
        XCTAssertEqual(apply(d, .cue("flash", .none), at: 70), ["offer.end scarf replaced", "offer.start flash"])
        XCTAssertEqual(d.state.offer?.id, "flash")
        // The replaced scheduled offer does not come back when the cued one ends inside its slot.
        XCTAssertEqual(F.names(d.advance(to: 100)), ["offer.end flash time"])
        XCTAssertNil(d.state.offer)
    }

    func testAScheduledOfferCuedEarlyDoesNotComeBackAtItsTime() {
        let d = show()
        XCTAssertEqual(apply(d, .cue("scarf", .none), at: 5), ["offer.start scarf"])
        XCTAssertEqual(d.state.offer?.end, 65, "its own length from the cue")
        XCTAssertEqual(F.names(d.advance(to: 65)), ["offer.end scarf time"])
        XCTAssertEqual(F.names(d.advance(to: 119)), [], "its slot (60-120) passes with nothing on screen")
        XCTAssertEqual(d.state.next?.id, "bag-1")
    }

    func testAnExtendedOfferHoldsTheScreenAndTheNextWaitsForTheRestOfItsSlot() {
        let d = show()
        d.advance(to: 100)
        XCTAssertEqual(apply(d, .extend(90), at: 100), ["offer.changed scarf"])
        XCTAssertEqual(d.state.offer?.end, 210)
        XCTAssertEqual(F.names(d.advance(to: 200)), [], "bag is due at 180 but waits")
        XCTAssertEqual(d.state.offer?.id, "scarf")
        XCTAssertEqual(d.state.next?.id, "bag-1", "the waiting offer is next")
        XCTAssertEqual(F.names(d.advance(to: 210)), ["offer.end scarf time", "offer.start bag-1 late"])
        XCTAssertEqual(d.state.offer?.end, 240, "what is left of its slot")
    }

    func testAWaitingOfferWhoseSlotPassesIsSkipped() {
        let d = show()
        d.advance(to: 100)
        apply(d, .extend(200), at: 100)
        XCTAssertEqual(F.names(d.advance(to: 300)), ["offer.skipped bag-1"])
        XCTAssertEqual(F.names(d.advance(to: 320)), ["offer.end scarf time"])
        XCTAssertNil(d.state.next)
    }

    func testEndingByHandLetsAWaitingOfferOn() {
        let d = show()
        XCTAssertEqual(refusal(d, .end, at: 10)?.reason, .conflict, "nothing on screen")
        apply(d, .cue("gloves", .none), at: 170)
        XCTAssertNil(d.state.offer?.end, "no length: until ended")
        XCTAssertNil(d.state.remaining)
        XCTAssertEqual(refusal(d, .extend(10), at: 171)?.reason, .conflict, "no end to move")
        XCTAssertEqual(F.names(d.advance(to: 200)), [], "bag waits for the producer's card")
        XCTAssertEqual(apply(d, .end, at: 200), ["offer.end gloves ended", "offer.start bag-1 late"])
    }

    func testShorteningPastTheMomentEndsTheOffer() {
        let d = show()
        d.advance(to: 70)
        XCTAssertEqual(apply(d, .extend(-20), at: 70), ["offer.changed scarf"])
        XCTAssertEqual(d.state.offer?.end, 100)
        XCTAssertEqual(apply(d, .extend(-40), at: 75), ["offer.end scarf ended"])
    }

    func testNextStartsTheComingScheduledOfferNow() {
        let d = show()
        d.advance(to: 70)
        XCTAssertEqual(apply(d, .next(.none), at: 70), ["offer.end scarf replaced", "offer.start bag-1"])
        XCTAssertEqual(d.state.offer?.end, 130, "its own length")
        d.advance(to: 200)
        XCTAssertEqual(refusal(d, .next(.none), at: 200)?.reason, .conflict, "no scheduled offer left")
    }

    func testStockIsTheProductsAndSoldOutAtZero() {
        let d = show()
        XCTAssertEqual(d.state.stock, ["scarf": 10, "bag": 5], "first quantity of each product")
        XCTAssertEqual(apply(d, .adjustStock(product: "bag", by: -3), at: 1), ["stock.changed bag 2"])
        XCTAssertEqual(apply(d, .adjustStock(product: "bag", by: -5), at: 2), ["stock.changed bag 0", "product.sold-out bag"],
                       "taking more than is left stops at 0")
        apply(d, .cue("flash", .none), at: 3)
        XCTAssertTrue(d.state.soldOut, "the flash offer sells the bag: sold out at once")
        XCTAssertEqual(apply(d, .setStock(product: "bag", units: 4), at: 4), ["stock.changed bag 4"])
        XCTAssertFalse(d.state.soldOut)
        XCTAssertEqual(apply(d, .setStock(product: "bag", units: 4), at: 5), [], "no change, no event")
        XCTAssertEqual(refusal(d, .adjustStock(product: "gloves", by: -1), at: 6)?.reason, .conflict, "not counted")
        XCTAssertEqual(apply(d, .setStock(product: "gloves", units: 2), at: 7), ["stock.changed gloves 2"])
        XCTAssertEqual(refusal(d, .setStock(product: "gloves", units: -1), at: 8)?.reason, .invalid(field: "units"))
        XCTAssertEqual(refusal(d, .setStock(product: "hat", units: 1), at: 9)?.reason, .unknown(known: ["scarf", "bag", "gloves"]))
        XCTAssertEqual(apply(d, .cue("scarf", OfferOverrides(quantity: 3)), at: 10),
                       ["offer.end flash replaced", "stock.changed scarf 3", "offer.start scarf"])
    }

    func testAProductIdCuesItsNextOfferNotYetShown() {
        let d = show()
        apply(d, .cue("bag", .none), at: 1)
        XCTAssertEqual(d.state.offer?.id, "bag-1", "scheduled first, in show order")
        apply(d, .cue("bag", .none), at: 2)
        XCTAssertEqual(d.state.offer?.id, "flash", "then its offer on cue")
        apply(d, .cue("bag", .none), at: 3)
        XCTAssertEqual(d.state.offer?.id, "flash", "every one shown: its last")
        let unknown = refusal(d, .cue("hat", .none), at: 4)
        XCTAssertEqual(unknown?.reason, .unknown(known: ["scarf", "bag-1", "flash", "gloves", "bag"]))
    }

    func testAProductWithoutOffersGetsAPlainCard() {
        let d = ShowDirector(manifest: Manifest(
            path: "x", folder: URL(fileURLWithPath: "/tmp"),
            show: Show(title: "x", starts: nil, duration: nil, localeIdentifier: "en-US", currency: F.eur, preset: nil),
            theme: Theme(), products: ["hat": F.product("hat", price: 25)], productOrder: ["hat"], offers: [], banners: []), start: 0)
        XCTAssertEqual(apply(d, .cue("hat", OfferOverrides(length: 45, discount: 20)), at: 1), ["offer.start hat"])
        XCTAssertEqual(d.state.offer?.salePrice.decimalString, "20.00")
        XCTAssertEqual(d.state.offer?.end, 46)
    }

    func testOverridesThatCannotBeSoldAreRefusedAndChangeNothing() {
        let d = show()
        XCTAssertEqual(refusal(d, .cue("scarf", OfferOverrides(price: 10)), at: 1)?.reason, .invalid(field: "price"), "not below the list price")
        XCTAssertEqual(refusal(d, .cue("scarf", OfferOverrides(price: 5.555)), at: 1)?.reason, .invalid(field: "price"), "EUR has 2 decimals")
        XCTAssertEqual(refusal(d, .cue("scarf", OfferOverrides(discount: 10, price: 5)), at: 1)?.reason, .invalid(field: "price"))
        XCTAssertEqual(refusal(d, .cue("scarf", OfferOverrides(discount: 100)), at: 1)?.reason, .invalid(field: "discount"))
        XCTAssertNil(d.state.offer)
        XCTAssertEqual(d.state.stock["scarf"], 10)
        apply(d, .cue("scarf", OfferOverrides(price: 7.5, code: "NOW")), at: 2)
        XCTAssertEqual(d.state.offer?.salePrice.decimalString, "7.50")
        XCTAssertEqual(d.state.offer?.discountPercent, 25)
        XCTAssertEqual(d.state.offer?.code, "NOW")
    }

    func testBannersComeGoAndClear() {
        let d = ShowDirector(manifest: F.manifest([], banners: [F.banner("ship", at: 0, for: 30, every: 100)], duration: 600), start: 0)
        XCTAssertEqual(F.names(d.advance(to: 10)), ["banner.start ship"])
        XCTAssertEqual(apply(d, .banner(text: "Hello", length: 5), at: 11), ["banner.start cue-1"])
        XCTAssertEqual(d.state.banners.map(\.id), ["ship", "cue-1"], "the newest last (drawn)")
        XCTAssertEqual(F.names(d.advance(to: 16)), ["banner.end cue-1"])
        apply(d, .banner(text: "Until cleared", length: nil), at: 17)
        XCTAssertEqual(apply(d, .clearBanners, at: 18), ["banner.end ship", "banner.end cue-2"])
        XCTAssertEqual(F.names(d.advance(to: 25)), [], "the cleared occurrence stays off")
        XCTAssertEqual(F.names(d.advance(to: 100)), ["banner.start ship"], "a repeating banner comes back at its next time")
    }

    func testABreakPutsTheSlateUpUntilItIsTakenDownAndKeepsTheShowGoing() {
        let d = ShowDirector(manifest: F.manifest([F.offer("gloves", at: 0, for: 60)]), start: -10)
        XCTAssertEqual(refusal(d, .slate(true), at: -5)?.reason, .conflict, "before the start the starting-soon slate is up")
        XCTAssertEqual(F.names(d.advance(to: 1)), ["offer.start gloves"])
        apply(d, .slate(true), at: 5)
        XCTAssertTrue(d.state.slate)
        XCTAssertTrue(d.state.at(30).slate, "it stays up as time passes")
        apply(d, .slate(true), at: 6)
        XCTAssertTrue(d.state.slate, "asked twice, still up: the latest word wins")
        XCTAssertEqual(d.state.offer?.id, "gloves", "the show goes on behind the slate")
        apply(d, .slate(false), at: 20)
        XCTAssertFalse(d.state.slate)
        apply(d, .slate(true), at: 30)
        _ = d.finish(at: 40)
        XCTAssertFalse(d.state.slate, "nothing is on screen once the show is over")
    }

    func testNothingBeforeTheShowStartsAndNothingAfterItEnds() {
        let d = ShowDirector(manifest: F.manifest([F.offer("gloves", at: nil, for: 10)]), start: -30)
        XCTAssertEqual(refusal(d, .cue("gloves", .none), at: -20)?.reason, .conflict, "the slate is up")
        XCTAssertEqual(apply(d, .setStock(product: "gloves", units: 3), at: -20), ["stock.changed gloves 3"], "stock may be set before")
        apply(d, .cue("gloves", .none), at: 1)
        XCTAssertEqual(F.names(d.finish(at: 5)), ["offer.end gloves show-ended"])
        XCTAssertTrue(d.state.over)
        XCTAssertEqual(refusal(d, .banner(text: "x", length: nil), at: 6)?.reason, .conflict)
    }

    func testReplayingTheCommandsAtTheirOffsetsGivesTheSameShow() {
        let commands: [(Double, ShowCommand)] = [
            (65.5, .adjustStock(product: "scarf", by: -4)), (70.1, .extend(100)), (150.0, .cue("flash", OfferOverrides(code: "X"))),
            (151.2, .banner(text: "Hi", length: 20)), (160.0, .setStock(product: "bag", units: 0)), (200.3, .extend(30)),
        ]
        // Live: frames every 1/30 s; each command applied at the moment it arrived, between frames.
        let live = show()
        var pending = commands
        var frame = 0
        while Double(frame) / 30 < 230 {
            let t = Double(frame) / 30
            while let next = pending.first, next.0 <= t {
                _ = live.apply(next.1, at: next.0)
                pending.removeFirst()
            }
            live.advance(to: t)
            frame += 1
        }
        // Replay: the same commands at the same offsets, in one go.
        let replay = show()
        for (offset, command) in commands { _ = replay.apply(command, at: offset) }
        replay.advance(to: live.offset)
        XCTAssertEqual(replay.state.offer?.id, live.state.offer?.id)
        XCTAssertEqual(replay.state.offer?.end, live.state.offer?.end)
        XCTAssertEqual(replay.state.stock, live.state.stock)
        XCTAssertEqual(replay.state.banners, live.state.banners)
        XCTAssertEqual(replay.state.next?.id, live.state.next?.id)
        XCTAssertEqual(live.state.offer?.id, "bag-1", "the bag came on at its time when the flash card ended, and was extended")
    }
}
