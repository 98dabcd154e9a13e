import XCTest
@testable import ShopcastCore

/// The cut to the backup input and back, frame by frame.
final class SourceSwitchTests: XCTestCase {
    /// Runs frames at 30 fps from `from` to `to`, with each source's newest picture given by a
    /// function of time; the times at which the source changed.
    private func run(_ cut: inout SourceSwitch, from: Double, to: Double, primary: (Double) -> Double?,
                     ended: (Double) -> Bool = { _ in false }, backup: (Double) -> Double?) -> [(Double, SourceSwitch.Change)] {
        var changes: [(Double, SourceSwitch.Change)] = []
        var index = Int((from * 30).rounded())
        while Double(index) / 30 < to {
            let t = Double(index) / 30
            if let change = cut.update(t: t, primaryNewest: primary(t), primaryEnded: ended(t), backupNewest: backup(t)) {
                changes.append((t, change))
            }
            index += 1
        }
        return changes
    }

    func testALostPrimaryCutsToTheBackupAfterASecondAndBackAfterTwoHealthySeconds() {
        var cut = SourceSwitch()
        // The primary delivers until 5 s, nothing until 11 s, then again; the backup always.
        let primary: (Double) -> Double? = { t in t < 5 ? t : (t < 11 ? 5 : t) }
        let changes = run(&cut, from: 0, to: 20, primary: primary, backup: { $0 })
        XCTAssertEqual(changes.map(\.1), [.toBackup, .toPrimary])
        XCTAssertEqual(changes[0].0, 6.0 + 1.0 / 30, accuracy: 0.001, "a second without pictures, then the backup")
        XCTAssertEqual(changes[1].0, 13, accuracy: 0.001, "two seconds of pictures again, then the primary")
    }

    func testAFlakyPrimaryStaysOffAirUntilItHoldsForTwoSeconds() {
        var cut = SourceSwitch()
        // Back at 10 s for a second, gone again, back for good at 14 s.
        let primary: (Double) -> Double? = { t in
            if t < 5 { return t }
            if t < 10 { return 5 }
            if t < 11 { return t }
            if t < 14 { return 11 }
            return t
        }
        let changes = run(&cut, from: 0, to: 20, primary: primary, backup: { $0 })
        XCTAssertEqual(changes.map(\.1), [.toBackup, .toPrimary])
        XCTAssertEqual(changes[1].0, 16, accuracy: 0.001)
    }

    func testWhenTheBackupFailsTooAPrimaryThatDeliversReturnsAtOnce() {
        var cut = SourceSwitch()
        let primary: (Double) -> Double? = { t in t < 5 || t >= 8 ? t : 5 }
        let backup: (Double) -> Double? = { t in t < 8 ? t : 8 }
        let changes = run(&cut, from: 0, to: 12, primary: primary, backup: backup)
        XCTAssertEqual(changes.map(\.1), [.toBackup, .toPrimary])
        XCTAssertEqual(changes[1].0, 9 + 1.0 / 30, accuracy: 0.001, "the backup stalls at 9 s; the primary is back: no slate")
    }

    func testAnEndedPrimaryFileCutsToTheBackupForGood() {
        var cut = SourceSwitch()
        let changes = run(&cut, from: 0, to: 30, primary: { min($0, 10) }, ended: { $0 >= 10 }, backup: { $0 })
        XCTAssertEqual(changes.map(\.1), [.toBackup])
        XCTAssertEqual(changes[0].0, 10, accuracy: 0.001, "an ended input needs no second of doubt")
    }

    func testAPrimaryThatNeverDeliversGetsTheStartGraceFirst() {
        var cut = SourceSwitch()
        let changes = run(&cut, from: 0, to: 5, primary: { _ in nil }, backup: { $0 })
        XCTAssertEqual(changes.map(\.1), [.toBackup])
        XCTAssertEqual(changes[0].0, InputWatch.startGrace, accuracy: 0.001)
    }
}
