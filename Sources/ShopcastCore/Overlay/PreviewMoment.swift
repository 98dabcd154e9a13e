/// One still a preview renders: a moment of the show, the file it goes to, and its caption on
/// the contact sheet.
public struct PreviewMoment: Equatable, Sendable {
    /// Show offset in seconds.
    public var offset: Double
    /// File name without the folder, e.g. `offer-scarf-silk.png`.
    public var fileName: String
    /// The offer on screen then (its id), if any.
    public var offerID: String?
    /// An offer on cue to cue at `cuedAt` so that it is on screen at `offset`.
    public var cue: String?
    public var cuedAt: Double?
    /// First caption line: the product, or what else is on screen.
    public var title: String
    /// Second caption line: when, and which offer.
    public var detail: String

    /// How far into an offer its still is taken: one second in, so the countdown shows a second
    /// gone (02:59 of a 3-minute offer) as viewers first see it tick, or halfway through a
    /// shorter offer.
    public static func lead(_ length: Double?) -> Double { min(1, (length ?? 2) / 2) }

    /// The stills to render: the moment `at` when given, else the offer with id `offer`, else one
    /// per offer (scheduled ones in show order, then those on cue, each as if cued at the show's
    /// start). Throws `.badData` for an offer id the show does not have, a moment at or after
    /// the show's end (show.duration), or a show with no offers and no `at`.
    public static func plan(_ manifest: Manifest, at: Double? = nil, offer: String? = nil) throws -> [PreviewMoment] {
        let timeline = Timeline(manifest)
        if let at {
            // A moment past the show's end would be a still of nothing, passed off as the show.
            if let length = manifest.show.duration, at >= length {
                throw ShopcastError(.usage, "--at \(DurationValue.format(at)) is after the show's end: it lasts \(DurationValue.format(length))")
            }
            let director = ShowDirector(manifest: manifest, timeline: timeline, start: at)
            director.advance(to: at)
            var m = moment(director.state, cue: nil, cuedAt: nil)
            m.fileName = "at-\(stamp(at)).png"
            return [m]
        }
        var offers = manifest.offers
        if let offer {
            guard let found = manifest.offer(id: offer) else {
                throw ShopcastError(.badData, manifest.offers.isEmpty ? "the show has no offers" :
                    "the show has no offer '\(offer)'; its offers are \(manifest.offers.map(\.id).joined(separator: ", ")) (see 'shopcast schedule plan')")
            }
            offers = [found]
        }
        guard !offers.isEmpty else {
            throw ShopcastError(.badData, "the show has no offers to preview; give --at TIME for a moment of its banners")
        }
        return offers.map { o in
            let director = ShowDirector(manifest: manifest, timeline: timeline, start: o.at ?? 0)
            if let at = o.at {
                let t = at + lead(o.length)
                director.advance(to: t)
                return moment(director.state.at(t), cue: nil, cuedAt: nil)
            }
            _ = director.apply(.cue(o.id, .none), at: 0)
            let t = lead(o.length)
            director.advance(to: t)
            return moment(director.state, cue: o.id, cuedAt: 0)
        }
    }

    private static func moment(_ state: ShowState, cue: String?, cuedAt: Double?) -> PreviewMoment {
        let t = state.offset
        let when = ClockText.string(t, fraction: .tenths)
        guard let live = state.offer else {
            let banner = state.banners.last?.text
            return PreviewMoment(offset: t, fileName: "at-\(stamp(t)).png", offerID: nil, cue: cue, cuedAt: cuedAt,
                                 title: banner.map { "Banner: \($0)" } ?? "Nothing on screen",
                                 detail: "at \(when) · no offer")
        }
        let o = live.offer
        let slot = o.at.map { "\(ClockText.string($0, fraction: .tenths))–\(ClockText.string($0 + (o.length ?? 0), fraction: .tenths))" } ?? "on cue"
        return PreviewMoment(offset: t, fileName: "offer-\(safeName(o.id)).png", offerID: o.id, cue: cue, cuedAt: cuedAt,
                             title: o.product.name, detail: "at \(when) · offer \(o.id), \(slot)")
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
