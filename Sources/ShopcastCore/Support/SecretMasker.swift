import Foundation

/// Replaces every registered secret (stream keys, passphrases) with `****` in text about to be
/// printed or logged. Shared by shopcast's own messages and FFmpeg's log callback.
public final class SecretMasker: @unchecked Sendable {
    public static let shared = SecretMasker()
    public static let mask = "****"

    private let lock = NSLock()
    private var secrets: [String] = []
    /// Every form a secret may be printed in (as is, percent-encoded), longest first: worked
    /// out once, when the secret is registered, not on every line masked.
    private var forms: [String] = []

    public init() {}

    /// Registers a secret. Very short strings are ignored: masking "a" would garble every line.
    public func register(_ secret: String) {
        guard secret.count >= 3 else { return }
        lock.lock()
        if !secrets.contains(secret) {
            secrets.append(secret)
            // Percent-encoded forms show up in FFmpeg's URL logging; mask every form.
            var all = forms + [secret]
            if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != secret {
                all.append(encoded)
            }
            // Longest first, so a secret containing another is masked whole.
            forms = all.sorted { $0.count > $1.count }
        }
        lock.unlock()
    }

    public func mask(_ text: String) -> String {
        lock.lock()
        let list = forms
        lock.unlock()
        var result = text
        for form in list where result.contains(form) {
            result = result.replacingOccurrences(of: form, with: SecretMasker.mask)
        }
        return result
    }
}
