import Foundation

/// Replaces every registered secret (stream keys, passphrases) with `****` in text about to be
/// printed or logged. Shared by shopcast's own messages and FFmpeg's log callback.
public final class SecretMasker: @unchecked Sendable {
    public static let shared = SecretMasker()
    public static let mask = "****"

    private let lock = NSLock()
    private var secrets: [String] = []

    public init() {}

    /// Registers a secret. Very short strings are ignored: masking "a" would garble every line.
    public func register(_ secret: String) {
        guard secret.count >= 3 else { return }
        lock.lock()
        if !secrets.contains(secret) {
            secrets.append(secret)
            // Longest first, so a secret containing another is masked whole.
            secrets.sort { $0.count > $1.count }
        }
        lock.unlock()
    }

    public func mask(_ text: String) -> String {
        lock.lock()
        let list = secrets
        lock.unlock()
        // Percent-encoded forms show up in FFmpeg's URL logging; mask every form, longest first.
        var forms = list
        for secret in list {
            if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != secret {
                forms.append(encoded)
            }
        }
        forms.sort { $0.count > $1.count }
        var result = text
        for form in forms where result.contains(form) {
            result = result.replacingOccurrences(of: form, with: SecretMasker.mask)
        }
        return result
    }
}
