import Foundation

/// Checks a locale written as a BCP 47 tag (`it-IT`, `ja-JP`, `zh-Hans-CN`, `en`): the
/// language and region must be ISO codes Foundation knows. Foundation itself accepts any
/// string as a locale, which would silently format prices the root-locale way.
enum ShowLocale {
    private static let languages = Set(Locale.LanguageCode.isoLanguageCodes.map(\.identifier))
    private static let regions = Set(Locale.Region.isoRegions.map(\.identifier))

    static func isValid(_ identifier: String) -> Bool {
        let parts = identifier.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let language = parts.first, (2...3).contains(language.count),
              language == language.lowercased(), languages.contains(language), parts.count <= 3 else { return false }
        var rest = parts.dropFirst()
        if let script = rest.first, script.count == 4 {
            guard script.first!.isUppercase, script.dropFirst().allSatisfy({ $0.isLowercase }) else { return false }
            rest = rest.dropFirst()
        }
        if let region = rest.first {
            guard region == region.uppercased(), regions.contains(region) else { return false }
            rest = rest.dropFirst()
        }
        return rest.isEmpty
    }
}
