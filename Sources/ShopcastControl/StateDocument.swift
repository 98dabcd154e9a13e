import Foundation
import ShopcastCore

/// `GET /v1/state`: the running show as one JSON object. The show part comes from the latest
/// snapshot the director made (as of the last frame); the stream part from the supervisor's
/// latest figures (refreshed about once a second).
enum StateDocument {
    static func json(show: LiveShow, state: ShowState, status: LiveStatus?, offers: OfferJSON) -> JSONValue {
        let manifest = show.manifest
        let streamTime = state.offset - show.offset(streamTime: 0)
        var offer: JSONValue = .null
        if let o = state.offer {
            offer = .object(offers.fields(o, units: state.units(of: o.product.id))
                + [("remaining", state.remaining.map { .int($0) } ?? .null), ("sold_out", .bool(state.soldOut))])
        }
        let next: JSONValue = state.next.map { slot in
            .object([("offer", .string(slot.id)), ("product", .string(slot.offer.product.id)),
                     ("name", .string(slot.offer.product.name)), ("start", .seconds(slot.start)), ("end", .seconds(slot.end)),
                     ("starts_at", offers.wall(slot.start)), ("ends_at", offers.wall(slot.end))])
        } ?? .null
        let stock: [JSONValue] = manifest.productOrder.compactMap { id in
            guard let units = state.units(of: id), let product = manifest.products[id] else { return nil }
            return .object([("product", .string(id)), ("name", .string(product.name)), ("stock", .int(units))])
        }
        let banners: [JSONValue] = state.banners.map {
            .object([("banner", .string($0.id)), ("text", .string($0.text)), ("starts_at", offers.wall($0.start)),
                     ("ends_at", offers.wall($0.end))])
        }
        let known: [JSONValue] = manifest.offers.map {
            .object([("offer", .string($0.id)), ("product", .string($0.product.id)), ("on_cue", .bool($0.isOnCue))])
        }
        // The chat column: what is on it (with when each entry leaves), the pinned entry, what
        // waits for approval, and how many the flood rule kept off.
        func entry(_ e: ShownChat) -> JSONValue {
            // A pinned entry stays until unpinned: no end.
            .object(EventEncoder.chatFields(e.message, count: e.count)
                + [("shown_at", offers.wall(e.start)), ("ends_at", offers.wall(e.end.isFinite ? e.end : nil))])
        }
        let chat: JSONValue = .object([
            ("on_screen", .array(state.chat.map(entry))),
            ("pinned", state.chatPinned.map(entry) ?? .null),
            ("held", .array(state.chatHeld.map { .object(EventEncoder.chatFields($0)) })),
            ("not_shown", .int(state.chatNotShown)),
        ])
        var stream: JSONValue = .null
        var destinations: [JSONValue] = []
        var inputs: [JSONValue] = []
        var renditions: [JSONValue] = []
        if let status {
            stream = .object([("frames", .int(Int(status.frames))), ("fps", .seconds((status.fps * 10).rounded() / 10)),
                              ("bitrate", .int(Int(status.bitRate))), ("skipped_frames", .int(Int(status.skippedFrames))),
                              ("slate", status.slate.map { .string($0) } ?? .null),
                              ("source", .string(status.onBackup ? "backup" : "primary"))])
            destinations = status.destinations.map { d in
                .object([("destination", .string(d.display)), ("format", .string(d.format)), ("state", .string(d.stats.state.label)),
                         ("sent_bytes", .int(d.stats.sentBytes)), ("sent_packets", .int(d.stats.sentPackets)),
                         ("dropped_packets", .int(d.stats.droppedPackets)), ("lag", .seconds(d.stats.lag)),
                         ("reconnects", .int(d.stats.lostCount))])
            }
            renditions = status.renditions.map {
                .object([("format", .string($0.format)), ("size", .string($0.size)), ("bitrate", .int(Int($0.bitRate)))])
            }
            inputs = status.inputs.map { .object([("input", .string($0.name)), ("health", .string($0.health))]) }
        }
        return .object([
            ("show", .object([
                ("title", .string(manifest.show.title)),
                ("offset", .seconds(state.offset)),
                ("stream_time", .seconds(max(0, streamTime))),
                ("running", .bool(show.isRunning)),
                ("over", .bool(state.over)),
                ("version", .int(state.version)),
                ("crop", state.cropPosition.map { .seconds($0 * 100) } ?? .null),
            ])),
            ("offer", offer),
            ("next", next),
            ("stock", .array(stock)),
            ("banners", .array(banners)),
            ("offers", .array(known)),
            ("chat", chat),
            ("stream", stream),
            ("renditions", .array(renditions)),
            ("destinations", .array(destinations)),
            ("inputs", .array(inputs)),
        ])
    }
}
