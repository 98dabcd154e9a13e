import Foundation

/// A webhook signing secret as the Standard Webhooks specification writes it: `whsec_` then the
/// key in base64 (24 to 64 bytes). Read from a file (`--webhook-secret-file`); trailing line
/// endings (LF or CRLF) are not part of it. A shop verifies deliveries with the specification's
/// own libraries, given the same text.
public struct WebhookSecret: Sendable {
    /// The HMAC key: the bytes the base64 stands for.
    public let key: Data

    /// Parses the secret's text. Throws `.badData` with a message that says how to make one.
    public init(text raw: String, source: String) throws {
        let text = raw.withoutTrailingLineBreaks
        let hint = "a Standard Webhooks secret is 'whsec_' and base64, e.g. made with: printf 'whsec_%s\\n' \"$(head -c 32 /dev/urandom | base64)\" > FILE"
        guard !text.isEmpty else { throw ShopcastError(.badData, "the webhook secret file \(source) is empty; \(hint)") }
        guard text.hasPrefix("whsec_") else {
            throw ShopcastError(.badData, "the webhook secret in \(source) does not start with 'whsec_'; \(hint)")
        }
        guard let key = Data(base64Encoded: String(text.dropFirst(6))), (24...64).contains(key.count) else {
            throw ShopcastError(.badData, "the webhook secret in \(source) is not 'whsec_' and 24 to 64 bytes in base64; \(hint)")
        }
        self.key = key
    }

    /// The `webhook-signature` header of one delivery: `v1,` and the base64 HMAC-SHA256 of
    /// `ID.TIMESTAMP.BODY`.
    public func signature(id: String, timestamp: Int, body: Data) throws -> String {
        var signed = Data("\(id).\(timestamp).".utf8)
        signed.append(body)
        return "v1," + Data(try HMACSHA256().authenticate(signed, key: key)).base64EncodedString()
    }
}
