/// Which input gives the picture, frame by frame, when a backup input stands by
/// (`--backup-input`): the primary while it delivers; the backup once the primary has delivered
/// nothing for `InputWatch.stallAfter` (or has ended) and the backup does; the primary again once
/// it has delivered for `healthyFor` seconds without a break — or at once if the backup fails
/// too. Pure: the encoder thread feeds it each frame's time and each source's newest picture.
struct SourceSwitch {
    /// The primary must deliver this long without a break before the show cuts back to it.
    static let healthyFor = 2.0

    enum Change: Equatable {
        case toBackup
        case toPrimary
    }

    private(set) var onBackup = false
    /// Show time of the first picture since which the primary has delivered without a break
    /// (nil: it is not delivering).
    private var primaryHealthySince: Double?

    /// A source delivers at `t` when its newest picture is at most `InputWatch.stallAfter` old.
    static func delivers(_ newest: Double?, at t: Double) -> Bool {
        guard let newest else { return false }
        return t - newest <= InputWatch.stallAfter
    }

    /// The source for the frame at `t`: `primaryNewest` and `backupNewest` are the show times
    /// of each source's newest picture (nil: none yet), `primaryEnded` whether the primary
    /// input has ended for good.
    mutating func update(t: Double, primaryNewest: Double?, primaryEnded: Bool, backupNewest: Double?) -> Change? {
        let primary = !primaryEnded && Self.delivers(primaryNewest, at: t)
        let backup = Self.delivers(backupNewest, at: t)
        if primary, let newest = primaryNewest {
            if primaryHealthySince == nil { primaryHealthySince = newest }
        } else {
            primaryHealthySince = nil
        }
        if onBackup {
            // Measured on the pictures themselves: a primary that stopped again is not healthy
            // for the second its last picture still counts as fresh.
            var steady = false
            if let newest = primaryNewest, let since = primaryHealthySince { steady = newest - since >= Self.healthyFor }
            if steady || (primary && !backup) {
                onBackup = false
                return .toPrimary
            }
        } else if !primary, backup, primaryNewest != nil || primaryEnded || t >= InputWatch.startGrace {
            onBackup = true
            return .toBackup
        }
        return nil
    }
}
