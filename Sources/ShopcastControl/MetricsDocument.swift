import Foundation
import ShopcastCore

/// `GET /metrics`: the run in Prometheus' text exposition format (version 0.0.4), for a
/// Prometheus scrape or any monitor that reads it.
enum MetricsDocument {
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    static func text(status: LiveStatus?, counts: LiveShow.Counters, state: ShowState, clients: Int, droppedEvents: Int) -> String {
        var out = ""
        func family(_ name: String, _ type: String, _ help: String, _ samples: [(labels: [(String, String)], value: Double)]) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            for sample in samples {
                let labels = sample.labels.isEmpty ? "" : "{" + sample.labels.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: ",") + "}"
                out += "\(name)\(labels) \(number(sample.value))\n"
            }
        }
        let frames = Double(status?.frames ?? 0)
        family("shopcast_frames_encoded_total", "counter", "Video frames encoded since the stream started.", [([], frames)])
        family("shopcast_frames_skipped_total", "counter", "Frames skipped because the machine could not keep up.",
               [([], Double(status?.skippedFrames ?? 0))])
        family("shopcast_fps", "gauge", "Frames encoded per second over the last second.", [([], status?.fps ?? 0)])
        family("shopcast_bitrate_bits_per_second", "gauge", "Encoded bits per second over the last second.", [([], status?.bitRate ?? 0)])
        family("shopcast_stream_time_seconds", "gauge", "Seconds of stream encoded.", [([], status?.elapsed ?? 0)])
        family("shopcast_rendition_bitrate_bits_per_second", "gauge", "Each output format's encoded video bits per second over the last second.",
               (status?.renditions ?? []).map { ([("format", $0.format), ("size", $0.size)], $0.bitRate) })
        let destinations = status?.destinations ?? []
        func labels(_ d: (display: String, format: String, stats: WriterStats)) -> [(String, String)] {
            [("destination", d.display), ("format", d.format)]
        }
        let states = ["connecting", "live", "degraded", "retrying", "failed", "finished", "stopped"]
        family("shopcast_destination_state", "gauge", "1 for the state each destination is in, 0 for the others.",
               destinations.flatMap { d in states.map { (labels(d) + [("state", $0)], d.stats.state.label == $0 ? 1 : 0) } })
        family("shopcast_destination_sent_bytes_total", "counter", "Bytes written to each destination.",
               destinations.map { (labels($0), Double($0.stats.sentBytes)) })
        family("shopcast_destination_sent_packets_total", "counter", "Packets written to each destination.",
               destinations.map { (labels($0), Double($0.stats.sentPackets)) })
        family("shopcast_destination_dropped_packets_total", "counter", "Video packets dropped for a slow or absent destination.",
               destinations.map { (labels($0), Double($0.stats.droppedPackets)) })
        family("shopcast_destination_lag_seconds", "gauge", "Seconds each destination is behind the live edge: queued, or still in its socket.",
               destinations.map { (labels($0), $0.stats.lag) })
        family("shopcast_destination_reconnects_total", "counter", "Times each destination was lost and reconnected.",
               destinations.map { (labels($0), Double($0.stats.lostCount)) })
        let healths = ["live", "lost", "retrying", "ended", "failed"]
        family("shopcast_input_state", "gauge", "1 for the state each input is in, 0 for the others.",
               (status?.inputs ?? []).flatMap { i in healths.map { ([("input", i.name), ("state", $0)], i.health == $0 ? 1 : 0) } })
        family("shopcast_offers_shown_total", "counter", "Offers that went on screen.", [([], Double(counts.offersShown))])
        family("shopcast_commands_total", "counter", "Commands the director applied or refused.",
               [([("result", "applied")], Double(counts.applied)), ([("result", "refused")], Double(counts.refused))])
        family("shopcast_offer_live", "gauge", "1 while an offer is on screen.", [([], state.offer == nil ? 0 : 1)])
        family("shopcast_event_stream_clients", "gauge", "Clients reading the live event stream.", [([], Double(clients))])
        family("shopcast_events_dropped_total", "counter", "Events dropped because their readers fell behind.", [([], Double(droppedEvents))])
        return out
    }

    /// A label value with `\`, `"` and line breaks escaped.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }) else { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "+Inf" : "-Inf") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        // Swift's shortest form that reads back to the same double (`29.97`, `1e-05`).
        return "\(value)"
    }
}
