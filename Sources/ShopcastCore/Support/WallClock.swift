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
        guard let written = Written(text), let offset = written.offset, let zone = TimeZone(secondsFromGMT: offset) else { return nil }
        return written.date(offset: offset).map { WallClock(date: $0, zone: zone) }
    }

    /// A date and time as written, with its UTC offset if it has one.
    public struct Written: Sendable, Equatable {
        public let year, month, day, hour, minute, second: Int
        public let fraction: Double
        /// Seconds east of UTC; nil when the text has no offset (a local time).
        public let offset: Int?

        /// ISO 8601 as `WallClock.parse` reads it, the offset optional.
        public init?(_ text: String) {
            let s = text.trimmingCharacters(in: .whitespaces)
            let pattern = #"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})?$"#
            guard let regex = try? NSRegularExpression(pattern: pattern),
                  let m = regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) else { return nil }
            func group(_ i: Int) -> String? {
                guard let r = Range(m.range(at: i), in: s) else { return nil }
                return String(s[r])
            }
            guard let year = Int(group(1)!), let month = Int(group(2)!), let day = Int(group(3)!),
                  let hour = Int(group(4)!), let minute = Int(group(5)!) else { return nil }
            let second = group(6).flatMap(Int.init) ?? 0
            guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
            var offset: Int?
            if let zoneText = group(8) {
                if zoneText.lowercased() == "z" {
                    offset = 0
                } else {
                    let digits = zoneText.dropFirst().replacingOccurrences(of: ":", with: "")
                    guard let hh = Int(digits.prefix(2)), let mm = Int(digits.suffix(2)), hh <= 18, mm < 60 else { return nil }
                    offset = (hh * 3600 + mm * 60) * (zoneText.hasPrefix("-") ? -1 : 1)
                }
            }
            (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
            self.fraction = group(7).map { Double("0." + $0) ?? 0 } ?? 0
            self.offset = offset
            // Reject dates the calendar would roll over (February 30th).
            guard date(offset: 0) != nil else { return nil }
        }

        /// The instant this time names at `offset` seconds east of UTC; nil for a day the
        /// month does not have.
        public func date(offset: Int) -> Date? {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(secondsFromGMT: 0)!
            let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            guard let utc = calendar.date(from: components), calendar.component(.day, from: utc) == day else { return nil }
            return utc.addingTimeInterval(fraction - Double(offset))
        }

        /// What this time is in `zone` (an IANA zone, with its daylight-saving rules).
        public func resolve(in zone: TimeZone) -> Resolution {
            guard let asUTC = date(offset: 0) else { return .missing(before: 0, after: 0) }
            if let offset {
                let date = asUTC.addingTimeInterval(-Double(offset))
                let actual = zone.secondsFromGMT(for: date)
                return actual == offset ? .one(date) : .wrongOffset(zoneOffset: actual)
            }
            // The zone's offsets around that day; each one that maps back to itself is a reading.
            let around = [-86_400.0 * 2, 0, 86_400 * 2].map { zone.secondsFromGMT(for: asUTC.addingTimeInterval($0)) }
            var offsets: [Int] = []
            for offset in around where !offsets.contains(offset) { offsets.append(offset) }
            let readings = offsets.compactMap { offset -> (Date, Int)? in
                let date = asUTC.addingTimeInterval(-Double(offset))
                return zone.secondsFromGMT(for: date) == offset ? (date, offset) : nil
            }.sorted { $0.0 < $1.0 }
            switch readings.count {
            case 0: return .missing(before: around.first ?? 0, after: around.last ?? 0)
            case 1: return .one(readings[0].0)
            default: return .twice(first: readings[0].1, second: readings[readings.count - 1].1)
            }
        }

        /// `+01:00`, `-05:30`, `+00:00`.
        public static func offsetText(_ seconds: Int) -> String {
            let sign = seconds < 0 ? "-" : "+"
            let minutes = abs(seconds) / 60
            let h = minutes / 60, m = minutes % 60
            return sign + (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
        }
    }

    /// A written time read in a zone.
    public enum Resolution: Equatable, Sendable {
        case one(Date)
        /// Skipped by the clocks (the hour lost when daylight saving starts); the zone's
        /// offsets before and after.
        case missing(before: Int, after: Int)
        /// Lived twice (the hour repeated when daylight saving ends): the first and second
        /// reading's offsets.
        case twice(first: Int, second: Int)
        /// The written offset is not the zone's at that moment.
        case wrongOffset(zoneOffset: Int)
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
