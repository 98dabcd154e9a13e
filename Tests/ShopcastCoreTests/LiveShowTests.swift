import Foundation
import XCTest
@testable import ShopcastCore

/// The show of a running go-live, driven frame by frame with a clock the test sets: commands
/// land at the moment they were sent, a journal on disk brings the show back exactly, and a
/// restart after a gap passes over what nobody saw.
final class LiveShowTests: XCTestCase {
    typealias F = ShowFixture

    /// The stream's clock, set by the test.
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0.0
        var now: Double {
            get { lock.lock(); defer { lock.unlock() }; return value }
            set { lock.lock(); value = newValue; lock.unlock() }
        }
    }

    /// A: 0-60, B: 60-120, C: 120-180 scheduled; flash (a scarf offer) on cue for 30 s.
    func manifest() -> Manifest {
        F.manifest([F.offer("a", at: 0, for: 60), F.offer("b", at: 60, for: 60), F.offer("c", at: 120, for: 60),
                    F.offer("flash", product: "scarf", at: nil, for: 30, quantity: 9)], duration: 600)
    }

    /// Frames every 1/30 s from the last one up to `until`.
    func play(_ show: LiveShow, _ clock: Clock, from: inout Int, until seconds: Double) {
        while Double(from) / 30 <= seconds + 1e-9 {
            clock.now = Double(from) / 30
            _ = show.frame(at: Double(from) / 30)
            from += 1
        }
    }

    func send(_ show: LiveShow, _ command: ShowCommand) -> Expectation {
        let answered = Expectation()
        show.submit(command, origin: "test") { answered.fulfil($0) }
        return answered
    }

    final class Expectation: @unchecked Sendable {
        private let condition = NSCondition()
        private var outcome: CommandOutcome?
        func fulfil(_ o: CommandOutcome) { condition.lock(); outcome = o; condition.broadcast(); condition.unlock() }
        func wait() -> CommandOutcome? {
            condition.lock(); defer { condition.unlock() }
            _ = condition.wait(seconds: 5) { outcome != nil }
            return outcome
        }
    }

    func testACommandSentJustBeforeAnOfferComesDueActsOnWhatWasOnScreen() {
        let show = LiveShow(manifest: manifest(), bus: EventBus())
        let clock = Clock()
        show.streamStarted(at: Date(), clock: { clock.now })
        var frame = 0
        play(show, clock, from: &frame, until: 59.95)
        // Sent between the frames at 59.933 and 59.967: it acts on A, not on B coming due at 60.
        clock.now = 59.95
        let ended = send(show, .end)
        play(show, clock, from: &frame, until: 60.1)
        guard case .applied(let shownAt, _, _, _)? = ended.wait() else { return XCTFail("not applied") }
        XCTAssertEqual(shownAt, 59.96666, accuracy: 0.001, "on the first frame after it was sent")
        XCTAssertEqual(show.snapshot.offer?.id, "b", "B comes on at its time; A was the one ended")

        play(show, clock, from: &frame, until: 119.98)
        clock.now = 119.98
        let cued = send(show, .cue("flash", .none))
        play(show, clock, from: &frame, until: 120.5)
        XCTAssertNotNil(cued.wait())
        XCTAssertEqual(show.snapshot.offer?.id, "flash")
        XCTAssertEqual(show.snapshot.next?.id, "c", "C came due while the cued card held the screen: it waits")
    }

    func testAJournalBringsTheShowBackExactlyAndARestartPassesOverTheGap() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shopcast-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let origin = Date()
        let first = LiveShow(manifest: manifest(), bus: EventBus(),
                             journal: try ShowJournal(path: "show.journal", currentDirectory: folder, showTitle: "Show"))
        let clock = Clock()
        first.streamStarted(at: origin, clock: { clock.now })
        var frame = 0
        play(first, clock, from: &frame, until: 30.0001)
        clock.now = 30.0123456
        let cue = send(first, .cue("flash", OfferOverrides(length: 100.25, code: "BACK")))
        play(first, clock, from: &frame, until: 31.5)
        clock.now = 31.5
        let sold = send(first, .adjustStock(product: "scarf", by: -2))
        play(first, clock, from: &frame, until: 32)
        XCTAssertNotNil(cue.wait())
        XCTAssertNotNil(sold.wait())
        let aired = first.snapshot

        // Back on the same journal 20 s later: the same card, its end, its stock.
        let bus = EventBus()
        final class Collect: EventSink, @unchecked Sendable {
            let lock = NSLock()
            var names: [String] = []
            func receive(_ record: EventRecord, line: String) { lock.lock(); names.append(record.event.name); lock.unlock() }
        }
        let heard = Collect()
        bus.add(heard)
        let journal = try ShowJournal(path: "show.journal", currentDirectory: folder, showTitle: "Show")
        XCTAssertEqual(journal.contents?.commands.map(\.offset), [30.0123456, 31.5], "offsets kept exactly")
        let second = LiveShow(manifest: manifest(), bus: bus, journal: journal)
        second.streamStarted(at: origin.addingTimeInterval(52), clock: { 0 })
        let back = second.snapshot
        XCTAssertEqual(back.offer?.id, "flash")
        XCTAssertEqual(back.offer?.end, aired.offer?.end, "its original end")
        XCTAssertEqual(back.offer?.end, 30.0123456 + 100.25)
        XCTAssertEqual(back.offer?.code, "BACK")
        XCTAssertEqual(back.stock, aired.stock)
        XCTAssertEqual(back.stock["scarf"], 7)
        XCTAssertEqual(back.next?.id, "b", "B came due while the cued card was on: it still waits")
        bus.flush()
        XCTAssertEqual(heard.names, ["show.resumed", "offer.start"], "the card on screen is announced again, nothing else")

        // A director picking up after a gap: what came and went in it passes in silence.
        let director = ShowDirector(manifest: manifest(), start: 0)
        director.advance(to: 30)
        XCTAssertEqual(F.names(director.resume(at: 150)), ["offer.end a time", "offer.start c late"],
                       "A (still open for the shop) ends; B, over in the gap, is passed over; C starts late")
        XCTAssertEqual(director.state.offer?.start, 150)
    }

    func testAJournalCutShortByACrashIsRepairedBeforeTheNextLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shopcast-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("j")
        try """
        {"journal":"shopcast","version":1,"origin":"x","origin_unix":1796205600,"start":0,"show":"Show"}
        {"seq":1,"offset":12.5,"time":"x","command":"offer.end"}
        {"seq":2,"offs
        """.write(to: file, atomically: true, encoding: .utf8)
        let journal = try ShowJournal(path: "j", currentDirectory: folder, showTitle: "Show")
        XCTAssertEqual(journal.contents?.commands.count, 1)
        let written = Expectation()
        journal.record(.clearBanners, offset: 20) { error in written.fulfil(.refused(CommandRefusal(.conflict, error ?? "ok"))) }
        guard case .refused(let result)? = written.wait() else { return XCTFail("the journal never answered") }
        XCTAssertEqual(result.message, "ok")
        let reread = try ShowJournal.read(try Data(contentsOf: file), path: "j", showTitle: "Show")
        XCTAssertEqual(reread.commands.map(\.command), [.end, .clearBanners], "the new line does not stick to the cut one")
    }
}
