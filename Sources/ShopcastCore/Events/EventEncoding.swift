import Foundation

/// The one JSON dialect of shopcast's events, written to `--events`, streamed by the control
/// API and POSTed to webhooks. One object per event, keys in a fixed order:
/// `event`, `time` (UTC, ISO 8601 with milliseconds), `stream_time` (seconds of stream, null
/// without one), `offset` (show offset of a show event, else null), `sequence`, then the
/// event's own fields. Wall-clock fields (`starts_at`, `ends_at`) are UTC too; offers are named
/// by id; prices travel as exact decimal strings and as text in the show's locale.
public final class EventEncoder: @unchecked Sendable {
    private let title: String?
    private let formatter: PriceFormatter?
    private let lock = NSLock()
    private var origin: Date?

    /// `manifest` gives the show's title and price formatting; nil for a show without one.
    public init(manifest: Manifest?, origin: Date? = nil) {
        title = manifest?.show.title
        formatter = manifest?.priceFormatter
        self.origin = origin
    }

    /// The wall-clock moment of show offset 0, once known (go-live knows it when the stream starts).
    public func setOrigin(_ date: Date) {
        lock.lock()
        origin = date
        lock.unlock()
    }

    /// Offer fields as events write them, with the origin known so far.
    public var offerJSON: OfferJSON {
        lock.lock(); defer { lock.unlock() }
        return OfferJSON(formatter: formatter, origin: origin)
    }

    /// The event as one line of JSON (no newline).
    public func line(_ record: EventRecord) -> String { json(record).rendered }

    public func json(_ record: EventRecord) -> JSONValue {
        lock.lock()
        let origin = self.origin
        lock.unlock()
        var fields: [(String, JSONValue)] = [
            ("event", .string(record.event.name)),
            ("time", .string(WallClock.utc(record.time))),
            ("stream_time", record.streamTime.map { .seconds($0) } ?? .null),
            ("offset", record.offset.map { .seconds($0) } ?? .null),
            ("sequence", .int(record.sequence)),
        ]
        let offers = OfferJSON(formatter: formatter, origin: origin)
        func wall(_ offset: Double?) -> JSONValue { offers.wall(offset) }
        func show() { if let title { fields.append(("show", .string(title))) } }
        func offer(_ o: AiredOffer, units: Int?) {
            show()
            fields += offers.fields(o, units: units)
        }
        func product(_ p: Product) {
            show()
            fields += [("product", .string(p.id)), ("name", .string(p.name))]
        }
        switch record.event {
        case let .offerStarted(o, units):
            offer(o, units: units)
            fields.append(("remaining", o.end.map { .int(Timeline.remaining(until: $0, from: o.start)) } ?? .null))
        case let .offerEnded(o, reason, units):
            offer(o, units: units)
            fields.append(("reason", .string(reason.rawValue)))
        case .offerSkipped(let slot):
            show()
            fields += [("offer", .string(slot.id)), ("product", .string(slot.offer.product.id)),
                       ("name", .string(slot.offer.product.name)),
                       ("starts_at", wall(slot.start)), ("ends_at", wall(slot.end))]
        case let .offerChanged(o, previousEnd, units):
            offer(o, units: units)
            fields.append(("previous_ends_at", wall(previousEnd)))
        case let .stockChanged(p, units, previous):
            product(p)
            fields += [("stock", .int(units)), ("previous", previous.map { .int($0) } ?? .null)]
        case .soldOut(let p):
            product(p)
        case .bannerStarted(let b), .bannerEnded(let b):
            show()
            fields += [("banner", .string(b.id)), ("text", .string(b.text)), ("starts_at", wall(b.start)), ("ends_at", wall(b.end))]
        case .chatShown(let entry), .chatHeld(let entry), .chatPinned(let entry), .chatUnpinned(let entry):
            fields += Self.chatFields(entry)
        case let .chatHidden(entry, reason):
            fields += Self.chatFields(entry) + [("reason", .string(reason.rawValue))]
        case let .commandApplied(command, origin):
            fields += [("origin", .string(origin))] + command.jsonFields
        case let .commandRefused(command, origin, reason):
            fields += [("origin", .string(origin))] + command.jsonFields + [("reason", .string(reason))]
        case let .showResumed(commands, offer):
            show()
            fields += [("commands", .int(commands)), ("offer", offer.map { .string($0) } ?? .null)]
        case .streamStarted(let s):
            fields += [("size", .string(s.size)), ("fps", .int(s.fps)), ("video_bitrate", .int(s.videoBitRate)),
                       ("audio_bitrate", .int(s.audioBitRate)), ("keyint", .seconds(s.keyint)),
                       ("inputs", .array(s.inputs.map { .string($0) })),
                       ("destinations", .array(s.destinations.map { .string($0) })),
                       ("renditions", .array(s.renditions.map { r in
                           .object([("format", .string(r.format)), ("size", .string(r.size)), ("video_bitrate", .int(r.videoBitRate)),
                                    ("destinations", .array(r.destinations.map { .string($0) }))])
                       }))]
        case .streamEnded(let e):
            fields += [("reason", .string(e.reason)), ("elapsed", .seconds(e.elapsed)), ("frames", .int(Int(e.frames))),
                       ("skipped_frames", .int(Int(e.skippedFrames))), ("outcome", .string(e.outcome))]
            if !e.lost.isEmpty { fields.append(("lost", .array(e.lost.map { .string($0) }))) }
            if let error = e.error { fields.append(("error", .string(error))) }
            if let code = e.exitCode { fields.append(("exit_code", .int(code))) }
        case let .destinationConnected(destination, attempt):
            fields += [("destination", .string(destination)), ("attempt", .int(attempt))]
        case let .destinationLost(destination, error), let .destinationFailed(destination, error):
            fields += [("destination", .string(destination)), ("error", .string(error))]
        case let .destinationDegraded(destination, lag), let .destinationRecovered(destination, lag):
            fields += [("destination", .string(destination)), ("lag", .seconds(lag))]
        case let .destinationRetrying(destination, attempt, wait, error):
            fields += [("destination", .string(destination)), ("attempt", .int(attempt)), ("wait", .seconds(wait)),
                       ("error", .string(error))]
        case let .inputLost(input, error), let .inputFailed(input, error):
            fields += [("input", .string(input)), ("error", .string(error))]
        case let .inputRetrying(input, attempt, wait):
            fields += [("input", .string(input)), ("attempt", .int(attempt)), ("wait", .seconds(wait))]
        case .inputConnected(let input), .inputStalled(let input), .inputEnded(let input):
            fields.append(("input", .string(input)))
        case let .inputResumed(input, after):
            fields += [("input", .string(input)), ("after", .seconds(after))]
        case let .inputSwitched(to, input):
            fields += [("to", .string(to)), ("input", .string(input))]
        case .slateStarted(let reason):
            fields.append(("reason", .string(reason)))
        case .slateEnded(let seconds):
            fields.append(("seconds", .seconds(seconds)))
        case let .encoderBehind(behind, skipped):
            fields += [("behind", .seconds(behind)), ("skipped_frames", .int(Int(skipped)))]
        case .stats(let s):
            fields += [("elapsed", .seconds(s.elapsed)), ("frames", .int(Int(s.frames))), ("fps", .seconds((s.fps * 10).rounded() / 10)),
                       ("bitrate", .int(s.bitRate)),
                       ("destinations", .array(s.destinations.map { d in
                           .object([("destination", .string(d.name)), ("format", .string(d.format)), ("state", .string(d.state)),
                                    ("sent_packets", .int(d.sentPackets)), ("dropped_packets", .int(d.droppedPackets)),
                                    ("sent_bytes", .int(d.sentBytes)), ("lag", .seconds(d.lag))])
                       })),
                       ("renditions", .array(s.renditions.map { r in
                           .object([("format", .string(r.format)), ("size", .string(r.size)), ("bitrate", .int(r.bitRate))])
                       }))]
        case .controlListening(let address):
            fields.append(("address", .string(address)))
        }
        return .object(fields)
    }

    /// A chat entry: its id and source, who and what, a tip's amount, how many times it came,
    /// the author's badges.
    static func chatFields(_ entry: ShownChat) -> [(String, JSONValue)] {
        chatFields(entry.message, count: entry.count)
    }

    /// A chat message as events and the control API's state name it.
    public static func chatFields(_ m: ChatMessage, count: Int = 1) -> [(String, JSONValue)] {
        [("chat", .string(m.id)), ("source", .string(m.source)), ("kind", .string(m.kind.rawValue)),
         ("author", .string(m.author)), ("text", .string(m.text)),
         ("amount", m.amount.map { .decimal($0) } ?? .null), ("currency", m.currency.map { .string($0) } ?? .null),
         ("bits", m.bits.map { .int($0) } ?? .null), ("count", .int(count)),
         ("badges", .array(m.badges.map { .string($0.rawValue) }))]
    }
}
