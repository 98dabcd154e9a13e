import Foundation
import XCTest
@testable import ShopcastCore

final class MoneyTests: XCTestCase {
    let eur = Currency(code: "EUR")!

    func testExactDecimalDiscounts() {
        let list = Money(Money.parseAmount("39.90")!, eur)
        XCTAssertEqual(list.discounted(byPercent: 20).decimalString, "31.92")
        // 29.925 rounds half away from zero, not to even.
        XCTAssertEqual(list.discounted(byPercent: 25).decimalString, "29.93")
        XCTAssertEqual(Money(Money.parseAmount("0.125")!, eur).rounded().decimalString, "0.13")
        XCTAssertEqual(Money(Money.parseAmount("89")!, eur).percentOff(from: Money(Money.parseAmount("129")!, eur)), 31)
        XCTAssertEqual(Money(Money.parseAmount("29.90")!, eur).percentOff(from: list).description, "25.1")
        XCTAssertEqual(Money(Money.parseAmount("89")!, eur).decimalString, "89.00")
        // Remembered texts are per amount and currency: the same digits in yen have no decimals.
        XCTAssertEqual(Money(Money.parseAmount("89")!, Currency(code: "JPY")!).decimalString, "89")
        XCTAssertEqual(Money(Money.parseAmount("89")!, eur).decimalString, "89.00")
    }

    func testMinorUnitsFromICU() {
        XCTAssertEqual(Currency(code: "EUR")?.minorUnits, 2)
        XCTAssertEqual(Currency(code: "JPY")?.minorUnits, 0)
        XCTAssertEqual(Currency(code: "KWD")?.minorUnits, 3)
        let jpy = Currency(code: "JPY")!
        XCTAssertEqual(Money(3990, jpy).discounted(byPercent: 15).decimalString, "3392")
        XCTAssertNil(Currency(code: "EUX"))
        XCTAssertNil(Currency(code: "eur"))
    }

    func testParseAmountRefusesLooseForms() {
        XCTAssertEqual(Money.parseAmount("39.90"), Decimal(string: "39.90"))
        for bad in ["39,90", "-5", "1e3", ".5", "5.", "", "12abc", "1.2.3", "∞", "1 000"] {
            XCTAssertNil(Money.parseAmount(bad), bad)
        }
    }

    /// What swift-corelibs-foundation (ICU) really prints on Linux; U+00A0 is a no-break space.
    func testFormattingPerLocale() {
        func format(_ locale: String, _ code: String, _ amount: String) -> String {
            PriceFormatter(locale: Locale(identifier: locale), currency: Currency(code: code)!)
                .string(Money(Money.parseAmount(amount)!, Currency(code: code)!))
        }
        XCTAssertEqual(format("it_IT", "EUR", "31.92"), "31,92\u{A0}€")
        XCTAssertEqual(format("en_US", "USD", "31.92"), "$31.92")
        XCTAssertEqual(format("ja_JP", "JPY", "3990"), "¥3,990")
        XCTAssertEqual(format("ro_RO", "RON", "1249.5"), "1.249,50\u{A0}RON")
        XCTAssertEqual(format("zh_CN", "CNY", "199"), "¥199.00")
        // CLDR's Indian grouping: lakhs and crores, 12,34,567 (NumberFormatter on Linux wrote 1,234,567).
        XCTAssertEqual(format("en_IN", "INR", "1234567.89"), "₹12,34,567.89")
        XCTAssertEqual(format("hi_IN", "INR", "123456789"), "₹12,34,56,789.00")
        // Rounded by us (half up) before ICU, which would round half to even.
        XCTAssertEqual(format("it_IT", "EUR", "0.125"), "0,13\u{A0}€")
    }

    func testLocaleTags() {
        for good in ["it-IT", "en-US", "ja-JP", "ro-RO", "zh-CN", "zh-Hans-CN", "en"] { XCTAssertTrue(ShowLocale.isValid(good), good) }
        for bad in ["it_IT", "xx-YY", "IT-it", "english", "en-ZZ", ""] { XCTAssertFalse(ShowLocale.isValid(bad), bad) }
    }

}
