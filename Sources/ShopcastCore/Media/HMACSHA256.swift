import CFFmpeg
import Foundation

/// HMAC-SHA256 from libavutil: the signatures of webhook deliveries.
/// Owns one `AVHMAC` context, freed in deinit.
public final class HMACSHA256 {
    private let context: OpaquePointer

    public init() throws {
        guard let context = av_hmac_alloc(AV_HMAC_SHA256) else {
            throw ShopcastError(.internal, "cannot allocate an HMAC-SHA256 context")
        }
        self.context = context
    }

    deinit { av_hmac_free(context) }

    /// The 32-byte MAC of `message` under `key`.
    public func authenticate(_ message: Data, key: Data) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let keyBytes = [UInt8](key), messageBytes = [UInt8](message)
        av_hmac_init(context, keyBytes, UInt32(keyBytes.count))
        av_hmac_update(context, messageBytes, UInt32(messageBytes.count))
        _ = av_hmac_final(context, &out, UInt32(out.count))
        return out
    }

    /// Lower-case hex of the MAC.
    public static func hex(_ message: Data, key: Data) throws -> String {
        try HMACSHA256().authenticate(message, key: key).map { String(format: "%02x", $0) }.joined()
    }
}
