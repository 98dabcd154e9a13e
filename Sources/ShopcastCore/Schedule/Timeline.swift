import Foundation

/// The show as a pure function of time. Offsets are seconds from the show's origin
/// (`Manifest.origin(streamStart:)`); every interval is half-open, [start, end): on at its
/// start, off at its end, so a frame at exactly the boundary shows the new state.
/// `schedule` uses it to plan and run; `go-live` and `overlay` use it to switch overlays on
/// the exact frame.
public struct Timeline: Sendable {
    /// Offers sorted by start; never two on screen at once.
    public let offers: [Offer]
    public let banners: [Banner]
    /// When the show ends: `show.duration` when set, otherwise when the last offer or one-off
    /// banner ends. Repeating banners stop here.
    public let end: Double

    public init(_ manifest: Manifest) {
        self.init(offers: manifest.offers, banners: manifest.banners, duration: manifest.show.duration)
    }

    public init(offers: [Offer], banners: [Banner], duration: Double?) {
        self.offers = offers.sorted { $0.start < $1.start }
        self.banners = banners
        self.end = duration ?? max(offers.map(\.end).max() ?? 0, banners.map { $0.start + $0.length }.max() ?? 0)
    }

    /// What is on screen at offset `t`.
    public func state(at t: Double) -> ScreenState {
        var live: ScreenState.LiveOffer?
        for (index, offer) in offers.enumerated() where offer.start <= t && t < offer.end {
            live = ScreenState.LiveOffer(index: index, offer: offer, remaining: Self.remaining(until: offer.end, from: t))
            break
        }
        var onBanners: [ScreenState.LiveBanner] = []
        for (index, banner) in banners.enumerated() {
            if let occurrence = occurrence(of: banner, containing: t) {
                onBanners.append(ScreenState.LiveBanner(index: index, banner: banner, start: occurrence.lowerBound, end: occurrence.upperBound))
            }
        }
        return ScreenState(offer: live, banners: onBanners)
    }

    /// The first offset after `t` at which an offer or banner switches on or off; nil when
    /// nothing changes any more.
    public func nextChange(after t: Double) -> Double? {
        var best: Double?
        func consider(_ x: Double) { if x > t, best == nil || x < best! { best = x } }
        for offer in offers {
            consider(offer.start)
            consider(offer.end)
        }
        for banner in banners {
            for occurrence in occurrences(of: banner, near: t) {
                consider(occurrence.lowerBound)
                consider(occurrence.upperBound)
            }
        }
        return best
    }

    /// Like `nextChange`, but also when the live offer's countdown (whole seconds left) ticks,
    /// if it shows one: the next moment a drawn overlay must change.
    public func nextRedraw(after t: Double) -> Double? {
        let change = nextChange(after: t)
        guard let live = state(at: t).offer, live.offer.countdown else { return change }
        let tick = live.offer.end - Double(live.remaining - 1)
        guard tick > t else { return change }
        return change.map { min($0, tick) } ?? tick
    }

    /// Every switch of the show in order: at one instant, ends come before starts, so
    /// consumers turn the old card off before the new one on.
    public func changes() -> [TimelineChange] {
        var all: [TimelineChange] = []
        for (index, offer) in offers.enumerated() {
            all.append(TimelineChange(offset: offer.start, kind: .offerStart, index: index, start: offer.start, end: offer.end))
            all.append(TimelineChange(offset: offer.end, kind: .offerEnd, index: index, start: offer.start, end: offer.end))
        }
        for (index, banner) in banners.enumerated() {
            for occurrence in occurrences(of: banner) {
                all.append(TimelineChange(offset: occurrence.lowerBound, kind: .bannerStart, index: index,
                                          start: occurrence.lowerBound, end: occurrence.upperBound))
                all.append(TimelineChange(offset: occurrence.upperBound, kind: .bannerEnd, index: index,
                                          start: occurrence.lowerBound, end: occurrence.upperBound))
            }
        }
        return all.sorted {
            ($0.offset, $0.kind.isStart ? 1 : 0, $0.kind.isOffer ? 0 : 1, $0.index)
                < ($1.offset, $1.kind.isStart ? 1 : 0, $1.kind.isOffer ? 0 : 1, $1.index)
        }
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

    private func occurrence(of banner: Banner, containing t: Double) -> Range<Double>? {
        occurrences(of: banner, near: t).first { $0.contains(t) }
    }
}

/// What is on screen at one moment.
public struct ScreenState: Equatable, Sendable {
    /// The product card on screen.
    public struct LiveOffer: Equatable, Sendable {
        /// Position in `Timeline.offers`.
        public let index: Int
        public let offer: Offer
        /// Whole seconds left, rounded up (what a countdown shows).
        public let remaining: Int

        /// Equal when they draw the same: the seconds left count only for an offer with a countdown.
        public static func == (a: LiveOffer, b: LiveOffer) -> Bool {
            a.index == b.index && (!a.offer.countdown || a.remaining == b.remaining)
        }
    }

    /// A banner on screen, with the occurrence it belongs to.
    public struct LiveBanner: Equatable, Sendable {
        /// Position in `Timeline.banners`.
        public let index: Int
        public let banner: Banner
        public let start: Double
        public let end: Double

        public static func == (a: LiveBanner, b: LiveBanner) -> Bool { a.index == b.index && a.start == b.start }
    }

    public let offer: LiveOffer?
    public let banners: [LiveBanner]
}

/// One switch on the timeline.
public struct TimelineChange: Equatable, Sendable {
    public enum Kind: String, Sendable {
        case offerStart = "offer.start", offerEnd = "offer.end", bannerStart = "banner.start", bannerEnd = "banner.end"

        public var isStart: Bool { self == .offerStart || self == .bannerStart }
        public var isOffer: Bool { self == .offerStart || self == .offerEnd }
    }

    public let offset: Double
    public let kind: Kind
    /// Position in `Timeline.offers` or `Timeline.banners`.
    public let index: Int
    /// The interval this switch opens or closes.
    public let start: Double
    public let end: Double
}

extension Manifest {
    /// The wall-clock moment of offset 0: `show.starts` when set, otherwise the stream's
    /// first frame (`streamStart`).
    public func origin(streamStart: Date) -> Date { show.starts?.date ?? streamStart }

    /// The zone to print the show's times in: `show.starts`' offset, else the machine's.
    public var zone: TimeZone { show.starts?.zone ?? TimeZone.current }
}
