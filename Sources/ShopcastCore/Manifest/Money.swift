import Foundation

/// An ISO 4217 currency and its minor units (EUR 2, JPY 0, KWD 3), as ICU knows them.
public struct Currency: Equatable, Hashable, Sendable {
    public let code: String
    /// Digits after the decimal point that prices in this currency carry.
    public let minorUnits: Int

    private static let known = Set(Locale.Currency.isoCurrencies.map(\.identifier))

    /// nil when `code` is not an ISO 4217 code Foundation knows.
    public init?(code: String) {
        guard code.count == 3, code == code.uppercased(), Currency.known.contains(code) else { return nil }
        self.code = code
        minorUnits = Currency.minorUnits.value(for: code)
    }

    /// Asked of ICU once per currency: a chat tip names one, a hundred times a second.
    private static let minorUnits = MinorUnits()

    private final class MinorUnits: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [String: Int] = [:]

        func value(for code: String) -> Int {
            lock.lock()
            if let digits = known[code] {
                lock.unlock()
                return digits
            }
            lock.unlock()
            // NumberFormatter's maximumFractionDigits does not follow the currency on Linux
            // (it stays 2 for JPY), so ask ICU by formatting 1 and counting the digits it prints.
            let formatter = NumberFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.numberStyle = .currency
            formatter.currencyCode = code
            let text = formatter.string(from: 1) ?? "1.00"
            var digits = 0
            if let dot = text.firstIndex(of: ".") {
                digits = text[text.index(after: dot)...].prefix { $0.isNumber }.count
            }
            lock.lock()
            known[code] = digits
            lock.unlock()
            return digits
        }
    }
}

/// An exact amount of money. Arithmetic is decimal, never binary floating point, so 39.90 at
/// 20% off is 31.92 and not 31.919999….
public struct Money: Equatable, Sendable {
    public let amount: Decimal
    public let currency: Currency

    public init(_ amount: Decimal, _ currency: Currency) {
        self.amount = amount
        self.currency = currency
    }

    /// Reads a price as written in a manifest: digits with an optional `.` and decimals
    /// (`39.90`, `89`, `3990`). nil for anything else, including `39,90`, `-5` and `1e3`.
    public static func parseAmount(_ text: String) -> Decimal? {
        let s = text.trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty, s.count <= 15,
              s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              s.filter({ $0 == "." }).count <= 1, s.first != ".", s.last != "." else { return nil }
        return Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Decimal places `amount` carries (`39.90` → 1 as a Decimal drops the trailing zero; `39.95` → 2).
    public static func scale(of amount: Decimal) -> Int { max(0, -amount.exponent) }

    /// Rounded to the currency's minor units, halves away from zero (0.125 € → 0.13 €).
    public func rounded() -> Money {
        var value = amount
        var result = Decimal()
        NSDecimalRound(&result, &value, currency.minorUnits, .plain)
        return Money(result, currency)
    }

    /// The price after `percent` off (20 for 20%), rounded to the currency's minor units.
    public func discounted(byPercent percent: Decimal) -> Money {
        Money(amount * (100 - percent) / 100, currency).rounded()
    }

    /// Percent off `list` that this price represents, rounded to one decimal (29.90 of 39.90 → 25.1).
    public func percentOff(from list: Money) -> Decimal {
        guard list.amount > 0 else { return 0 }
        var value = (list.amount - amount) * 100 / list.amount
        var result = Decimal()
        NSDecimalRound(&result, &value, 1, .plain)
        return result
    }

    /// The amount in plain notation with exactly the currency's minor units: `31.92`, `3990`.
    public var decimalString: String {
        Money.plainTexts.text(for: self) {
            let text = rounded().amount.plainText
            guard currency.minorUnits > 0 else { return text }
            let parts = text.split(separator: ".", maxSplits: 1)
            let fraction = parts.count == 2 ? String(parts[1]) : ""
            return parts[0] + "." + fraction + String(repeating: "0", count: max(0, currency.minorUnits - fraction.count))
        }
    }

    private static let plainTexts = TextMemo<Money>()
}

extension Decimal {
    /// Plain notation, never exponent form: `31.92`, `20`, `0.5`. Asked for on every event and
    /// API answer, and Foundation's decimal-to-text is slow (tens of µs); a show has a handful
    /// of amounts, so each is worked out once.
    public var plainText: String {
        Decimal.plainTexts.text(for: self) { NSDecimalNumber(decimal: self).description(withLocale: Locale(identifier: "en_US_POSIX")) }
    }

    private static let plainTexts = TextMemo<Decimal>()
}

extension Money {
    /// The price as the show prints it: formatted for its locale, or the plain decimal when the
    /// show sells nothing (no currency, no formatter).
    public func text(in formatter: PriceFormatter?) -> String { formatter?.string(self) ?? decimalString }
}

/// Texts already worked out, by value; at most 1,000 kept.
final class TextMemo<Key: Hashable>: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [Key: String] = [:]

    func text(for key: Key, _ make: () -> String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let known = texts[key] { return known }
        let text = make()
        if texts.count < 1000 { texts[key] = text }
        return text
    }
}

extension Money: Hashable {}

/// Formats prices for the show's locale with Foundation (ICU): it-IT EUR `31,92 €`,
/// en-US USD `$31.92`, ja-JP JPY `¥3,990`, ro-RO RON `1.249,50 RON`, zh-CN CNY `¥199.00`.
/// ICU separates amount and symbol with a no-break space (U+00A0) where the locale wants one.
///
/// Foundation's format styles, not NumberFormatter: on Linux the latter ignores CLDR's
/// secondary grouping (en-IN `₹1,234,567.89`, where shoppers read `₹12,34,567.89`).
public final class PriceFormatter: @unchecked Sendable {
    private let style: Decimal.FormatStyle.Currency
    private let lock = NSLock()
    public let currency: Currency
    public let locale: Locale

    public init(locale: Locale, currency: Currency) {
        self.locale = locale
        self.currency = currency
        style = Decimal.FormatStyle.Currency(code: currency.code, locale: locale)
    }

    /// The price as a shopper in the show's locale reads it. A show has a handful of prices,
    /// asked for on every event and API answer: each is formatted (by ICU) once.
    public func string(_ money: Money) -> String {
        lock.lock()
        defer { lock.unlock() }
        let amount = money.rounded().amount
        if let known = formatted[amount] { return known }
        // Round first ourselves: ICU would round halves to even (0.125 → 0.12).
        let text = style.format(amount)
        if formatted.count < 1000 { formatted[amount] = text }
        return text
    }

    private var formatted: [Decimal: String] = [:]
}
