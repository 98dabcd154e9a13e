/// One still a preview renders: a moment of the show, the file it goes to, and its caption on
/// the contact sheet.
public struct PreviewMoment: Equatable, Sendable {
    /// Show offset in seconds.
    public var offset: Double
    /// File name without the folder, e.g. `offer-02-scarf-silk.png`.
    public var fileName: String
    /// The offer on screen then (its index in the rundown), if any.
    public var offerIndex: Int?
    /// First caption line: the product, or what else is on screen.
    public var title: String
    /// Second caption line: when, and which offer.
    public var detail: String

    /// How far into an offer its still is taken: one second in, so the countdown shows a second
    /// gone (02:59 of a 3-minute offer) as viewers first see it tick, or halfway through a
    /// shorter offer.
    public static func offsetInside(_ offer: Offer) -> Double {
        offer.start + min(1, offer.length / 2)
    }

    /// The stills to render: the moment `at` when given, else offer `offer` (numbered as in
    /// `shopcast schedule plan`), else one per offer. Throws `.badData` for an offer number the
    /// show does not have, or a show with no offers and no `at`.
    public static func plan(_ timeline: Timeline, at: Double? = nil, offer: Int? = nil) throws -> [PreviewMoment] {
        if let at {
            let state = timeline.state(at: at)
            var m = moment(at: at, state: state, timeline: timeline)
            m.fileName = "at-\(stamp(at)).png"
            return [m]
        }
        if let offer {
            guard timeline.offers.indices.contains(offer) else {
                let count = timeline.offers.count
                throw ShopcastError(.badData, count == 0 ? "the show has no offers" :
                                        "the show has no offer \(offer); its offers are numbered 0 to \(count - 1) (see 'shopcast schedule plan')")
            }
            return [moment(at: offsetInside(timeline.offers[offer]), state: timeline.state(at: offsetInside(timeline.offers[offer])), timeline: timeline)]
        }
        guard !timeline.offers.isEmpty else {
            throw ShopcastError(.badData, "the show has no offers to preview; give --at TIME for a moment of its banners")
        }
        return timeline.offers.map { o in
            let t = offsetInside(o)
            return moment(at: t, state: timeline.state(at: t), timeline: timeline)
        }
    }

    private static func moment(at t: Double, state: ScreenState, timeline: Timeline) -> PreviewMoment {
        let when = clock(t)
        guard let live = state.offer else {
            let banner = state.banners.last?.banner.text
            return PreviewMoment(offset: t, fileName: "at-\(stamp(t)).png", offerIndex: nil,
                                 title: banner.map { "Banner: \($0)" } ?? "Nothing on screen",
                                 detail: "at \(when) · no offer")
        }
        let o = live.offer
        return PreviewMoment(offset: t, fileName: "offer-\(String(format: "%02d", live.index))-\(safeName(o.product.id)).png",
                             offerIndex: live.index, title: o.product.name,
                             detail: "at \(when) · offer \(live.index), \(clock(o.start))–\(clock(o.end))")
    }

    /// `05:01` or `1:05:01`, with tenths when the moment is not on a whole second.
    static func clock(_ t: Double) -> String {
        let whole = Int(t.rounded(.down))
        let h = whole / 3600, m = (whole % 3600) / 60, s = whole % 60
        var text = h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%02d:%02d", m, s)
        let tenths = Int(((t - Double(whole)) * 10).rounded())
        if tenths > 0 && tenths < 10 { text += ".\(tenths)" }
        return text
    }

    /// `05m01s` for file names (no colons).
    static func stamp(_ t: Double) -> String {
        let whole = Int(t.rounded(.down))
        var text = String(format: "%02dm%02ds", whole / 60, whole % 60)
        let ms = Int(((t - Double(whole)) * 1000).rounded())
        if ms > 0 && ms < 1000 { text += String(format: "%03d", ms) }
        return text
    }

    /// A product id as a file-name part: letters, digits, `-` and `_`; anything else becomes `-`.
    static func safeName(_ id: String) -> String {
        let cleaned = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        return cleaned.isEmpty ? "product" : String(cleaned.prefix(40))
    }
}
