import Foundation
import ShopcastCore

/// The show's state as `shopcast cue status` prints it for a person.
enum CueStatusText {
    static func render(_ state: [String: Any]) -> String {
        let show = state["show"] as? [String: Any] ?? [:]
        var out = ""
        let title = (show["title"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? "(no manifest)"
        let over = show["over"] as? Bool ?? false
        let running = show["running"] as? Bool ?? false
        let offset = number(show["offset"])
        out += "\(title): \(over ? "over" : running ? "on air" : "starting")"
        if let offset { out += offset < 0 ? ", starts in \(ClockText.string((-offset).rounded(.up), fraction: .milliseconds))" : ", at \(ClockText.string(offset.rounded(.down), fraction: .milliseconds))" }
        out += "\n"
        out += "on screen: " + (offerLine(state["offer"] as? [String: Any]) ?? "no offer") + "\n"
        if let next = state["next"] as? [String: Any], let id = next["offer"] as? String {
            out += "next: \(id) (\(next["name"] as? String ?? "")) at \(number(next["start"]).map { ClockText.string($0, fraction: .milliseconds) } ?? "?")\n"
        }
        if let stock = state["stock"] as? [[String: Any]], !stock.isEmpty {
            out += "stock: " + stock.map { "\($0["product"] as? String ?? "?") \(number($0["stock"]).map { String(Int($0)) } ?? "?")" }
                .joined(separator: ", ") + "\n"
        }
        if let banners = state["banners"] as? [[String: Any]], !banners.isEmpty {
            out += "banners: " + banners.map { "\"\($0["text"] as? String ?? "")\"" }.joined(separator: ", ") + "\n"
        }
        if let crop = number(show["crop"]) {
            out += "vertical crop: \(cropWords(crop)) (moved live; cue crop --reset goes back to --crop-vertical)\n"
        }
        if let line = chatLine(state["chat"] as? [String: Any]) { out += line + "\n" }
        if let destinations = state["destinations"] as? [[String: Any]] {
            for d in destinations {
                var line = "destination \(d["destination"] as? String ?? "?"): \(d["state"] as? String ?? "?")"
                if let lag = number(d["lag"]), lag >= 0.5 { line += String(format: ", %.1f s behind", lag) }
                if let dropped = number(d["dropped_packets"]), dropped > 0 { line += ", \(Int(dropped)) dropped" }
                out += line + "\n"
            }
        }
        if let inputs = state["inputs"] as? [[String: Any]] {
            for i in inputs { out += "input \(i["input"] as? String ?? "?"): \(i["health"] as? String ?? "?")\n" }
        }
        return out
    }

    /// `bag-flash (Leather bag) 99,00 € instead of 120,00 €, code X, 3 left, 02:41 to go`.
    static func offerLine(_ offer: [String: Any]?) -> String? {
        guard let offer, let id = offer["offer"] as? String else { return nil }
        var line = "\(id) (\(offer["name"] as? String ?? "")) \(offer["sale_price_text"] as? String ?? "")"
        if offer["sale_price"] as? String != offer["list_price"] as? String {
            line += " instead of \(offer["list_price_text"] as? String ?? "")"
        }
        if let code = offer["code"] as? String { line += ", code \(code)" }
        if offer["sold_out"] as? Bool == true {
            line += ", SOLD OUT"
        } else if let stock = number(offer["stock"]) {
            line += ", \(Int(stock)) left"
        }
        if let remaining = number(offer["remaining"]) { line += ", \(ClockText.string(remaining, fraction: .milliseconds)) to go" }
        return line
    }

    /// `chat: 3 on screen, pinned q1 (Giulia), 2 held: h1 (Spammer), h2 (Ann), 40 kept off by the flood rule`;
    /// nil while the chat has had nothing.
    static func chatLine(_ chat: [String: Any]?) -> String? {
        guard let chat else { return nil }
        let shown = (chat["on_screen"] as? [[String: Any]])?.count ?? 0
        let held = chat["held"] as? [[String: Any]] ?? []
        let pinned = chat["pinned"] as? [String: Any]
        let notShown = number(chat["not_shown"]).map { Int($0) } ?? 0
        guard shown > 0 || !held.isEmpty || pinned != nil || notShown > 0 else { return nil }
        func name(_ entry: [String: Any]) -> String { "\(entry["chat"] as? String ?? "?") (\(entry["author"] as? String ?? "?"))" }
        var parts = ["\(shown) on screen"]
        if let pinned { parts.append("pinned " + name(pinned)) }
        if !held.isEmpty {
            let listed = held.prefix(5).map(name).joined(separator: ", ")
            parts.append("\(held.count) held: " + listed + (held.count > 5 ? ", …" : ""))
        }
        if notShown > 0 { parts.append("\(notShown) kept off by the flood rule") }
        return "chat: " + parts.joined(separator: ", ")
    }

    /// A crop position (0 left … 100 right) as `cue crop` takes it: left, centre, right or `30%`.
    static func cropWords(_ position: Double) -> String {
        switch position {
        case 0: return "left"
        case 50: return "centre"
        case 100: return "right"
        default: return "\(Int(position.rounded()))%"
        }
    }

    static func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }
}
