import Foundation

/// A wall-clock instant as the user wrote it: the moment, and the UTC offset it was written
/// in, which is the zone shopcast prints the show's times in.
public struct WallClock: Equatable, Sendable {
    public let date: Date
    public let zone: TimeZone

    public init(date: Date, zone: TimeZone) {
        self.date = date
        self.zone = zone
    }

    /// Parses ISO 8601 with a UTC offset: `2026-11-27T20:00:00+01:00`, `…T19:00:00Z`,
    /// `…T20:00:00.250+01:00`, `…T20:00+01:00`; a space may replace the `T`. A time without an
    /// offset is refused: it would mean something different on every machine.
    public static func parse(_ text: String) -> WallClock? {
        let s = text.trimmingCharacters(in: .whitespaces)
        let pattern = #"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})$"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let m = regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) else { return nil }
        func group(_ i: Int) -> String? {
            guard let r = Range(m.range(at: i), in: s) else { return nil }
            return String(s[r])
        }
        guard let year = Int(group(1)!), let month = Int(group(2)!), let day = Int(group(3)!),
              let hour = Int(group(4)!), let minute = Int(group(5)!) else { return nil }
        let second = group(6).flatMap(Int.init) ?? 0
        let fraction = group(7).map { Double("0." + $0) ?? 0 } ?? 0
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
        let zoneText = group(8)!
        var offset = 0
        if zoneText.lowercased() != "z" {
            let digits = zoneText.dropFirst().replacingOccurrences(of: ":", with: "")
            guard let hh = Int(digits.prefix(2)), let mm = Int(digits.suffix(2)), hh <= 18, mm < 60 else { return nil }
            offset = (hh * 3600 + mm * 60) * (zoneText.hasPrefix("-") ? -1 : 1)
        }
        guard let zone = TimeZone(secondsFromGMT: offset) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        // Reject dates the calendar would roll over (February 30th).
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day else { return nil }
        return WallClock(date: date.addingTimeInterval(fraction), zone: zone)
    }

    /// ISO 8601 with milliseconds and the offset of `zone`: `2026-11-27T20:05:00.000+01:00`.
    public static func format(_ date: Date, in zone: TimeZone) -> String {
        formatters.string(date, zone: zone, format: "yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
    }

    /// UTC with milliseconds, e.g. `2026-11-27T19:05:00.250Z`: the times of events. Needs no ICU,
    /// so the event thread never pays for a formatter.
    public static func utc(_ date: Date) -> String {
        // Whole milliseconds, to the nearest: 0.1 + 0.2 s is .300, not .299.
        let total = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var whole = time_t(total.quotientAndRemainder(dividingBy: 1000).quotient - (total < 0 && total % 1000 != 0 ? 1 : 0))
        let millis = Int(total - Int64(whole) * 1000)
        var parts = tm()
        gmtime_r(&whole, &parts)
        func digits(_ n: Int, _ width: Int) -> String {
            let text = String(n)
            return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        }
        return digits(Int(parts.tm_year) + 1900, 4) + "-" + digits(Int(parts.tm_mon) + 1, 2) + "-" + digits(Int(parts.tm_mday), 2)
            + "T" + digits(Int(parts.tm_hour), 2) + ":" + digits(Int(parts.tm_min), 2) + ":" + digits(Int(parts.tm_sec), 2)
            + "." + digits(millis, 3) + "Z"
    }

    /// `20:05:00` in `zone`, for tables.
    public static func clockTime(_ date: Date, in zone: TimeZone) -> String {
        formatters.string(date, zone: zone, format: "HH:mm:ss")
    }

    // Building a DateFormatter costs milliseconds (ICU); `schedule run` formats on the event's
    // deadline, so formatters are made once per zone and format, and shared under a lock.
    private static let formatters = FormatterCache()

    private final class FormatterCache: @unchecked Sendable {
        private let lock = NSLock()
        private var cache: [String: DateFormatter] = [:]

        func string(_ date: Date, zone: TimeZone, format: String) -> String {
            lock.lock()
            defer { lock.unlock() }
            let key = "\(zone.identifier)|\(zone.secondsFromGMT())|\(format)"
            if let formatter = cache[key] { return formatter.string(from: date) }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.calendar = Calendar(identifier: .gregorian)
            formatter.timeZone = zone
            formatter.dateFormat = format
            cache[key] = formatter
            return formatter.string(from: date)
        }
    }
}
