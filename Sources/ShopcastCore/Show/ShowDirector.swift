import Foundation

/// The one place where what is on screen changes. A serial reducer over the show's state: time
/// passing brings the manifest's schedule (`advance(to:)`), and commands from the producer or
/// the shop are applied between two moments (`apply(_:at:)`). Each returns the changes it made,
/// as events stamped with their show offset, and leaves a new immutable `state` snapshot.
///
/// The rules, as documented in shopcast-go-live(1):
/// - never two offers on screen: a cue replaces the live offer;
/// - the producer's latest word wins: a cue, an end, an extension, a stock count stand until
///   the next command;
/// - a scheduled offer that was cued early, replaced or ended by hand does not come back at
///   its time;
/// - a scheduled offer that comes due while an offer the producer placed or extended is on
///   screen waits for it to end, then runs for what is left of its slot (`late`); if its slot
///   passes meanwhile it is skipped (`offer.skipped`);
/// - stock belongs to the product: its first offer with a `quantity:` (file order) sets it at
///   the show's start; sales and the producer change it from then on; at 0 the card shows
///   SOLD OUT until it ends.
///
/// Deterministic: the same manifest, start offset and commands at the same offsets give the
/// same states, which is how a journal replays an aired show. Not thread-safe: one owner.
public final class ShowDirector {
    /// A change and the show offset it happened at.
    public typealias Change = (offset: Double, event: ShowEvent)

    public let manifest: Manifest
    public let timeline: Timeline
    public private(set) var state: ShowState

    /// The latest offset the director has reached.
    private var now: Double
    private var live: AiredOffer?
    /// Scheduled offers that have had their turn (shown, cued, replaced, skipped).
    private var consumed = Set<String>()
    /// Offer ids that have been on screen at all.
    private var aired = Set<String>()
    /// Index in `timeline.offers` of the next slot not yet come due.
    private var cursor = 0
    /// A slot that came due while a held offer was on screen.
    private var pending: Int?
    private var stock: [String: Int] = [:]
    private var cuedBanners: [AiredBanner] = []
    private var cuedBannerCount = 0
    private var bannersClearedAt: Double?
    /// The producer's break: the holding slate is up.
    private var slateUp = false
    /// The producer's crop position for vertical renditions (nil: go-live's own).
    private var cropPosition: Double?
    private var shownBanners: [AiredBanner] = []
    private var over = false
    private var version = 0
    /// The chat column: one more source of change, by messages rather than the clock.
    private var chat: ChatBoard

    /// A director whose first moment is show offset `start`: slots that ended before it are
    /// passed over in silence, one that covers it starts late at it.
    public init(manifest: Manifest, timeline: Timeline? = nil, start: Double) {
        self.manifest = manifest
        self.timeline = timeline ?? Timeline(manifest)
        now = start
        chat = ChatBoard(settings: manifest.chat.settings)
        for offer in manifest.offers.sorted(by: { $0.line < $1.line }) {
            if let quantity = offer.quantity, stock[offer.product.id] == nil { stock[offer.product.id] = quantity }
        }
        state = ShowState(version: 0, offset: start, offer: nil, stock: stock, banners: [], next: nil, over: false)
        state = snapshot(at: start)
    }

    /// The offset the director has reached.
    public var offset: Double { now }

    // MARK: - Time

    /// Brings the schedule up to offset `t`: offers that come due or run out, banners that come
    /// and go. Returns what changed, in order. Moving backwards changes nothing.
    @discardableResult
    public func advance(to t: Double) -> [Change] {
        var changes: [Change] = []
        if !over {
            runSchedule(until: t, into: &changes)
            if t > now { now = t }
            updateBanners(into: &changes)
            changes += chat.expire(at: now)
        }
        commit(changes)
        return changes
    }

    /// The next offset after `t` at which the schedule changes what is on screen (an offer
    /// comes due or ends, a banner comes or goes); nil when nothing will.
    public func nextChange(after t: Double) -> Double? {
        guard !over else { return nil }
        var best: Double?
        func consider(_ x: Double?) { if let x, x > t, best == nil || x < best! { best = x } }
        consider(live?.end)
        if let pending { consider(timeline.offers[pending].end) }
        consider(nextSlot(from: cursor).map { timeline.offers[$0].start })
        for banner in cuedBanners { consider(banner.end) }
        consider(timeline.nextBannerChange(after: t))
        consider(chat.nextExpiry(after: t))
        return best
    }

    /// The show is over at `t`: the live offer and the banners go (so the shop closes the
    /// deal), an offer still waiting is skipped, and every later command is refused.
    @discardableResult
    public func finish(at t: Double) -> [Change] {
        guard !over else { return [] }
        var changes = advance(to: t)
        let at = max(t, now)
        endLive(at: at, reason: .showEnded, into: &changes)
        if let index = pending {
            consumed.insert(timeline.offers[index].id)
            changes.append((at, .offerSkipped(timeline.offers[index])))
        }
        for banner in shownBanners { changes.append((at, .bannerEnded(banner))) }
        shownBanners = []
        changes += chat.receive(.clearAll, at: at)
        cuedBanners = []
        pending = nil
        over = true
        commit(changes, countOnly: true)
        return changes
    }

    /// Picks the show up again at `t` after the director was away since its last moment (go-live
    /// restarted on a journal): what came and went meanwhile passes in silence, as for a show
    /// started late; the live offer whose end passed meanwhile ends now (the shop still has it
    /// open); the slot covering `t`, or the one that was waiting, starts late at `t`.
    @discardableResult
    public func resume(at t: Double) -> [Change] {
        var changes: [Change] = []
        guard !over, t > now else { return advance(to: t) }
        if let offer = live, let end = offer.end, end <= t {
            endLive(at: t, reason: .time, into: &changes)
        }
        now = t
        if let index = pending, timeline.offers[index].end <= t {
            consumed.insert(timeline.offers[index].id)
            pending = nil
        }
        while let index = nextSlot(from: cursor), timeline.offers[index].end <= t {
            consumed.insert(timeline.offers[index].id)
            cursor = index + 1
        }
        if live == nil { resumePending(at: t, into: &changes) }
        changes += advance(to: t)
        commit(changes)
        return changes
    }

    // MARK: - Commands

    /// Applies `command` at offset `t`, after bringing the schedule up to `t`. Returns every
    /// change (the schedule's first), or the refusal, in which case nothing of the command was
    /// applied; the schedule's own changes up to `t` stand either way (call `advance(to:)` first
    /// to hear of them).
    public func apply(_ command: ShowCommand, at t: Double) -> Result<[Change], CommandRefusal> {
        var changes = advance(to: t)
        let at = max(t, now)
        do {
            try perform(command, at: at, into: &changes)
        } catch let refusal as CommandRefusal {
            return .failure(refusal)
        } catch {
            return .failure(CommandRefusal(.conflict, "\(error)"))
        }
        updateBanners(into: &changes)
        commit(changes, countOnly: true)
        return .success(changes)
    }

    private func perform(_ command: ShowCommand, at t: Double, into changes: inout [Change]) throws {
        guard !over else { throw CommandRefusal(.conflict, "the show is over") }
        switch command {
        case let .cue(reference, overrides):
            try requireStarted(t)
            let offer = try resolve(reference)
            try cue(offer, overrides, at: t, into: &changes)
        case .next(let overrides):
            try requireStarted(t)
            guard let index = pending ?? nextSlot(from: cursor) else {
                throw CommandRefusal(.conflict, "no scheduled offer is left to start")
            }
            try cue(timeline.offers[index].offer, overrides, at: t, into: &changes)
        case .end:
            guard live != nil else { throw CommandRefusal(.conflict, "no offer is on screen") }
            endLive(at: t, reason: .ended, into: &changes)
            resumePending(at: t, into: &changes)
        case .extend(let seconds):
            guard var offer = live else { throw CommandRefusal(.conflict, "no offer is on screen") }
            guard let end = offer.end else {
                throw CommandRefusal(.conflict, "the offer on screen ('\(offer.id)') has no end to move: it stays until ended; cue it again with a length")
            }
            guard seconds != 0, seconds.isFinite else { throw CommandRefusal(.invalid(field: "seconds"), "seconds must not be 0") }
            let newEnd = end + seconds
            if newEnd <= t {
                endLive(at: t, reason: .ended, into: &changes)
                resumePending(at: t, into: &changes)
            } else {
                offer.end = newEnd
                if seconds > 0 { offer.held = true }
                live = offer
                changes.append((t, .offerChanged(offer, previousEnd: end, units: stock[offer.product.id])))
            }
        case let .setStock(product, units):
            guard manifest.products[product] != nil else { throw unknownProduct(product) }
            guard units >= 0 else { throw CommandRefusal(.invalid(field: "units"), "units must be 0 or more, not \(units)") }
            setStock(product, units, at: t, into: &changes)
        case let .adjustStock(product, delta):
            guard manifest.products[product] != nil else { throw unknownProduct(product) }
            guard let current = stock[product] else {
                throw CommandRefusal(.conflict, "the stock of '\(product)' is not counted (no offer gives it a quantity); set it first")
            }
            setStock(product, max(0, current + delta), at: t, into: &changes)
        case let .banner(text, length):
            try requireStarted(t)
            cuedBannerCount += 1
            cuedBanners.append(AiredBanner(id: "cue-\(cuedBannerCount)", text: text, start: t, end: length.map { t + $0 }))
            // Only the newest banner is drawn: older cued ones beyond a few go, so a flood of
            // banners cannot grow the show's state (or the work of each frame) without bound.
            if cuedBanners.count > Self.maxCuedBanners { cuedBanners.removeFirst(cuedBanners.count - Self.maxCuedBanners) }
        case .clearBanners:
            bannersClearedAt = t
            cuedBanners = []
        case .slate(let on):
            try requireStarted(t)
            slateUp = on
        case .crop(let position):
            cropPosition = position
        }
    }

    private func requireStarted(_ t: Double) throws {
        guard t >= 0 else {
            throw CommandRefusal(.conflict, "the show has not started yet: it starts in \(DurationValue.format(-t))")
        }
    }

    /// An offer id, else a product id: that product's first offer not yet aired (show order),
    /// else its last one, else a plain card at its list price.
    private func resolve(_ reference: String) throws -> Offer {
        if let offer = manifest.offer(id: reference) { return offer }
        if let product = manifest.products[reference] {
            let offers = manifest.offers.filter { $0.product.id == reference }
            return offers.first { !aired.contains($0.id) } ?? offers.last ?? Offer.plain(product)
        }
        let known = (manifest.offers.map(\.id) + manifest.productOrder).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        throw CommandRefusal(.unknown(known: known), "no offer or product '\(reference)'")
    }

    private func unknownProduct(_ id: String) -> CommandRefusal {
        CommandRefusal(.unknown(known: manifest.productOrder), "no product '\(id)'")
    }

    private func cue(_ offer: Offer, _ overrides: OfferOverrides, at t: Double, into changes: inout [Change]) throws {
        let terms = try Self.terms(of: offer, with: overrides)
        endLive(at: t, reason: .replaced, into: &changes)
        if let index = timeline.offers.firstIndex(where: { $0.id == offer.id }) {
            consumed.insert(offer.id)
            if pending == index { pending = nil }
        }
        if let quantity = overrides.quantity { setStock(offer.product.id, quantity, at: t, into: &changes) }
        let length = overrides.length ?? offer.length
        start(AiredOffer(offer: offer, salePrice: terms.sale, discountPercent: terms.percent, code: terms.code, start: t,
                         end: length.map { t + $0 }, cued: true, held: true, late: false), into: &changes)
    }

    /// The terms an offer airs on with a cue's overrides; refuses values that cannot be sold.
    static func terms(of offer: Offer, with o: OfferOverrides) throws -> (sale: Money, percent: Decimal?, code: String?) {
        let list = offer.listPrice
        if let length = o.length, !(length > 0 && length.isFinite) {
            throw CommandRefusal(.invalid(field: "for"), "for must be a length above 0")
        }
        if o.discount != nil && o.price != nil {
            throw CommandRefusal(.invalid(field: "price"), "give a discount or a price, not both")
        }
        if let quantity = o.quantity, quantity < 0 {
            throw CommandRefusal(.invalid(field: "quantity"), "quantity must be 0 or more, not \(quantity)")
        }
        if let code = o.code, code.isEmpty || code.count > 40 || code.contains(where: \.isNewline) {
            throw CommandRefusal(.invalid(field: "code"), "code must be one line of 1 to 40 characters")
        }
        if let discount = o.discount {
            guard discount >= 1, discount <= 99 else {
                throw CommandRefusal(.invalid(field: "discount"), "discount must be from 1% to 99%, not \(discount)%")
            }
            return (list.discounted(byPercent: discount), discount, o.code ?? offer.code)
        }
        if let price = o.price {
            let money = Money(price, list.currency)
            guard price > 0, price < list.amount else {
                throw CommandRefusal(.invalid(field: "price"), "price \(money.decimalString) is not above 0 and below the list price \(list.decimalString) of '\(offer.product.id)'")
            }
            guard Money.scale(of: price) <= list.currency.minorUnits else {
                throw CommandRefusal(.invalid(field: "price"), "price has more than \(list.currency.minorUnits) decimals for \(list.currency.code)")
            }
            return (money, money.percentOff(from: list), o.code ?? offer.code)
        }
        return (offer.salePrice, offer.discountPercent, o.code ?? offer.code)
    }

    // MARK: - Chat

    /// A chat source's news at `t` (after the schedule up to `t`): a message that may come on
    /// screen, or messages that must leave it. Chat is not a producer's command: it is neither
    /// journaled nor answered, and before the show starts or after it ends it changes nothing.
    @discardableResult
    public func receive(_ event: ChatEvent, at t: Double) -> [Change] {
        var changes = advance(to: t)
        guard !over, t >= 0 else { return changes }
        let own = chat.receive(event, at: max(t, now))
        changes += own
        if !own.isEmpty { commit(own) }
        return changes
    }

    // MARK: - The schedule

    private func runSchedule(until t: Double, into changes: inout [Change]) {
        while true {
            // The earliest thing due by t; at one instant an end comes before a lapse before a start.
            var due: (time: Double, kind: Int)?
            func consider(_ time: Double?, _ kind: Int) {
                guard let time, time <= t else { return }
                if due == nil || (time, kind) < (due!.time, due!.kind) { due = (time, kind) }
            }
            consider(live?.end, 0)
            consider(pending.map { timeline.offers[$0].end }, 1)
            let slotIndex = nextSlot(from: cursor)
            consider(slotIndex.map { timeline.offers[$0].start }, 2)
            guard let (time, kind) = due else { return }
            let at = max(time, now)
            switch kind {
            case 0:
                endLive(at: at, reason: .time, into: &changes)
                resumePending(at: at, into: &changes)
            case 1:
                let slot = timeline.offers[pending!]
                pending = nil
                consumed.insert(slot.id)
                changes.append((at, .offerSkipped(slot)))
            default:
                let index = slotIndex!
                let slot = timeline.offers[index]
                cursor = index + 1
                if slot.end <= at {
                    consumed.insert(slot.id)  // over before the director's first moment
                } else if let current = live, current.held {
                    pending = index
                } else {
                    endLive(at: at, reason: .replaced, into: &changes)
                    consumed.insert(slot.id)
                    start(aired(slot, at: at), into: &changes)
                }
            }
            now = max(now, at)
        }
    }

    /// The first slot from `index` on that has not had its turn.
    private func nextSlot(from index: Int) -> Int? {
        var i = index
        while i < timeline.offers.count {
            if !consumed.contains(timeline.offers[i].id) { return i }
            i += 1
        }
        return nil
    }

    private func aired(_ slot: Timeline.Slot, at t: Double) -> AiredOffer {
        AiredOffer(offer: slot.offer, salePrice: slot.offer.salePrice, discountPercent: slot.offer.discountPercent,
                   code: slot.offer.code, start: t, end: slot.end, cued: false, held: false, late: slot.start < t)
    }

    /// After the screen is freed at `t`: the slot that waited runs for what is left of it.
    private func resumePending(at t: Double, into changes: inout [Change]) {
        guard let index = pending else { return }
        pending = nil
        let slot = timeline.offers[index]
        consumed.insert(slot.id)
        if slot.end > t {
            start(aired(slot, at: t), into: &changes)
        } else {
            changes.append((t, .offerSkipped(slot)))
        }
    }

    private func start(_ offer: AiredOffer, into changes: inout [Change]) {
        live = offer
        aired.insert(offer.id)
        changes.append((offer.start, .offerStarted(offer, units: stock[offer.product.id])))
    }

    private func endLive(at t: Double, reason: OfferEndReason, into changes: inout [Change]) {
        guard var offer = live else { return }
        live = nil
        if reason != .time { offer.end = t }
        changes.append((t, .offerEnded(offer, reason: reason, units: stock[offer.product.id])))
    }

    private func setStock(_ product: String, _ units: Int, at t: Double, into changes: inout [Change]) {
        let previous = stock[product]
        guard previous != units, let item = manifest.products[product] else { return }
        stock[product] = units
        changes.append((t, .stockChanged(product: item, units: units, previous: previous)))
        if units == 0 { changes.append((t, .soldOut(product: item))) }
    }

    // MARK: - Banners

    /// The banners on screen at `now`: scheduled occurrences not cleared, and cued ones not run
    /// out; reports those that came and went.
    private func updateBanners(into changes: inout [Change]) {
        let t = now
        var on: [AiredBanner] = []
        if t >= 0 {
            for banner in timeline.banners {
                guard let occurrence = timeline.occurrence(of: banner, containing: t) else { continue }
                if let cleared = bannersClearedAt, occurrence.lowerBound <= cleared { continue }
                on.append(AiredBanner(id: banner.id, text: banner.text, start: occurrence.lowerBound, end: occurrence.upperBound))
            }
        }
        cuedBanners.removeAll { $0.end.map { $0 <= t } ?? false }
        on += cuedBanners
        on.sort { $0.start < $1.start }
        func same(_ a: AiredBanner, _ b: AiredBanner) -> Bool { a.id == b.id && a.start == b.start }
        for old in shownBanners where !on.contains(where: { same($0, old) }) { changes.append((t, .bannerEnded(old))) }
        for new in on where !shownBanners.contains(where: { same($0, new) }) { changes.append((t, .bannerStarted(new))) }
        shownBanners = on
    }

    /// Cued banners kept at once; the oldest go first.
    static let maxCuedBanners = 8

    // MARK: - Snapshots

    private func commit(_ changes: [Change], countOnly: Bool = false) {
        if !changes.isEmpty || countOnly { version += 1 }
        state = snapshot(at: now)
    }

    private func snapshot(at t: Double) -> ShowState {
        var state = ShowState(version: version, offset: t, offer: live, stock: stock, banners: shownBanners,
                              next: (pending ?? nextSlot(from: cursor)).map { timeline.offers[$0] }, over: over)
        state.slate = slateUp && !over
        state.chat = chat.shown
        state.chatPinned = chat.pinned
        state.chatHeld = chat.held
        state.chatNotShown = chat.flooded
        state.cropPosition = cropPosition
        return state
    }
}
