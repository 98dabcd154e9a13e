import Foundation

/// The manifest's schedule as a pure function of time: which scheduled offer's slot and which
/// banner occurrences cover an offset. Offsets are seconds from the show's origin
/// (`Manifest.origin(streamStart:)`); every interval is half-open, [start, end): on at its
/// start, off at its end, so a frame at exactly the boundary shows the new state.
/// The `ShowDirector` reads it as one source of commands among others; `schedule plan` prints it.
public struct Timeline: Sendable {
    /// An offer with a place on the clock.
    public struct Slot: Sendable {
        public let offer: Offer
        public let start: Double
        public let end: Double

        public var id: String { offer.id }
    }

    /// Scheduled offers sorted by start; never two at once. Offers on cue are not here.
    public let offers: [Slot]
    public let banners: [Banner]
    /// When the show ends: `show.duration` when set, otherwise when the last scheduled offer or
    /// one-off banner ends. Repeating banners stop here.
    public let end: Double

    public init(_ manifest: Manifest) {
        self.init(offers: manifest.offers, banners: manifest.banners, duration: manifest.show.duration)
    }

    public init(offers: [Offer], banners: [Banner], duration: Double?) {
        let slots = offers.enumerated().compactMap { i, offer -> (Int, Slot)? in
            guard let at = offer.at, let length = offer.length else { return nil }
            return (i, Slot(offer: offer, start: at, end: at + length))
        }
        self.offers = slots.sorted { ($0.1.start, $0.0) < ($1.1.start, $1.0) }.map(\.1)
        self.banners = banners
        self.end = duration ?? max(self.offers.map(\.end).max() ?? 0, banners.map { $0.start + $0.length }.max() ?? 0)
    }

    /// The scheduled slot covering offset `t`, if any.
    public func slot(at t: Double) -> Slot? {
        offers.first { $0.start <= t && t < $0.end }
    }

    /// The occurrence of `banner` covering `t`, if any.
    public func occurrence(of banner: Banner, containing t: Double) -> Range<Double>? {
        occurrences(of: banner, near: t).first { $0.contains(t) }
    }

    /// The first offset after `t` at which a scheduled banner occurrence switches on or off.
    public func nextBannerChange(after t: Double) -> Double? {
        var best: Double?
        for banner in banners {
            for occurrence in occurrences(of: banner, near: t) {
                for x in [occurrence.lowerBound, occurrence.upperBound] where x > t && (best == nil || x < best!) { best = x }
            }
        }
        return best
    }

    /// Every time `banner` is on screen, clipped to the show's end.
    public func occurrences(of banner: Banner) -> [Range<Double>] {
        guard let every = banner.every else { return interval(banner, banner.start).map { [$0] } ?? [] }
        var result: [Range<Double>] = []
        var k = 0
        while let occurrence = interval(banner, banner.start + Double(k) * every) {
            result.append(occurrence)
            k += 1
        }
        return result
    }

    /// How many times a banner starting at `start` and repeating `every` seconds starts
    /// before `end`, without listing them.
    public static func occurrenceCount(start: Double, every: Double, end: Double) -> Int {
        guard start < end, every > 0 else { return 0 }
        let count = ((end - start) / every).rounded(.up)
        return count >= Double(Int.max) ? Int.max : max(1, Int(count))
    }

    /// How many times `banner` is on screen, clipped to the show's end.
    public func occurrenceCount(of banner: Banner) -> Int {
        guard let every = banner.every else { return interval(banner, banner.start) == nil ? 0 : 1 }
        return Self.occurrenceCount(start: banner.start, every: every, end: end)
    }

    /// Whole seconds left, rounded up: 180 at the start of a 3-minute offer, 1 in its last second.
    public static func remaining(until end: Double, from t: Double) -> Int {
        max(0, Int((end - t).rounded(.up)))
    }

    private func interval(_ banner: Banner, _ start: Double) -> Range<Double>? {
        let stop = min(start + banner.length, end)
        guard start < stop else { return nil }
        return start..<stop
    }

    /// The occurrences around `t` (the one containing or before it, and the next), in O(1).
    private func occurrences(of banner: Banner, near t: Double) -> [Range<Double>] {
        guard let every = banner.every else { return interval(banner, banner.start).map { [$0] } ?? [] }
        let k = max(0, Int(((t - banner.start) / every).rounded(.down)))
        return [k, k + 1].compactMap { interval(banner, banner.start + Double($0) * every) }
    }
}
