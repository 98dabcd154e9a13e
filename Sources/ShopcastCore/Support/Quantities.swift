import Foundation

/// Parses the durations users write everywhere: `90s`, `5m`, `1h30m`, `1h5m10s`, `2.5s`, plain
/// seconds (`90`), and clock forms `05:00` (mm:ss) or `1:05:00` (h:mm:ss).
public enum DurationValue {
    /// Seconds, or nil when the text is not a duration.
    public static func parse(_ text: String) -> Double? {
        let s = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !s.isEmpty else { return nil }
        if s.contains(":") { return parseClock(s) }
        if let plain = Double(s), plain.isFinite, plain >= 0, !s.hasPrefix("+") { return plain }
        var total = 0.0
        var number = ""
        var seenUnits: [Character] = []
        let order: [Character] = ["h", "m", "s"]
        for ch in s {
            if ch.isNumber || ch == "." {
                number.append(ch)
            } else if let rank = order.firstIndex(of: ch) {
                guard let value = Double(number), !number.isEmpty else { return nil }
                // Units must appear once each, largest first: 1h30m, not 30m1h.
                if let last = seenUnits.last, let lastRank = order.firstIndex(of: last), lastRank >= rank { return nil }
                seenUnits.append(ch)
                total += value * [3600, 60, 1][rank]
                number = ""
            } else {
                return nil
            }
        }
        guard number.isEmpty, !seenUnits.isEmpty, total.isFinite else { return nil }
        return total
    }

    private static func parseClock(_ s: String) -> Double? {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var total = 0.0
        for (i, part) in parts.enumerated() {
            let isLast = i == parts.count - 1
            guard !part.isEmpty, let value = isLast ? Double(part) : Double(Int(part) ?? -1), value >= 0 else { return nil }
            // Minutes and seconds after the first field stay below 60.
            if i > 0, value >= 60 { return nil }
            total = total * 60 + value
        }
        return total
    }

    /// `2m41s`, `1h05m`, `45s`: a compact rendering for messages.
    public static func format(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        let h = whole / 3600, m = (whole % 3600) / 60, s = whole % 60
        if h > 0 { return m > 0 || s > 0 ? "\(h)h\(String(format: "%02d", m))m" + (s > 0 ? "\(String(format: "%02d", s))s" : "") : "\(h)h" }
        if m > 0 { return s > 0 ? "\(m)m\(String(format: "%02d", s))s" : "\(m)m" }
        return "\(s)s"
    }
}

/// Parses bit rates: `3000k`, `3M`, `4.5M`, `128k`, or plain bits per second.
public enum BitRate {
    public static func parse(_ text: String) -> Int? {
        var s = text.trimmingCharacters(in: .whitespaces)
        var scale = 1.0
        if let last = s.last {
            switch last {
            case "k", "K": scale = 1_000
            case "m", "M": scale = 1_000_000
            default: break
            }
            if scale != 1 { s.removeLast() }
        }
        guard let value = Double(s), value.isFinite, value > 0, !s.hasPrefix("+") else { return nil }
        let bits = value * scale
        guard bits >= 1, bits < 1e10 else { return nil }
        return Int(bits.rounded())
    }
}

/// A frame size such as `1280x720`.
public struct FrameSize: Equatable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Parses `WxH`; both even (H.264 4:2:0 needs it) and between 16 and 4096.
    public static func parse(_ text: String) -> FrameSize? {
        let parts = text.lowercased().split(separator: "x").map(String.init)
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]),
              (16...4096).contains(w), (16...4096).contains(h), w % 2 == 0, h % 2 == 0 else { return nil }
        return FrameSize(width: w, height: h)
    }

    public var description: String { "\(width)x\(height)" }
}
