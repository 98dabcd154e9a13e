import Foundation
import NIOHTTP1
import ShopcastCore

/// Building the control API's answers. Every body passes the secret masker.
enum ControlResponse {
    /// A JSON body (one line and a newline).
    static func json(_ status: HTTPResponseStatus, _ value: JSONValue, headers extra: [(String, String)] = []) -> ControlAnswer {
        text(status, value.rendered + "\n", contentType: "application/json", headers: extra)
    }

    static func text(_ status: HTTPResponseStatus, _ text: String, contentType: String, headers extra: [(String, String)] = []) -> ControlAnswer {
        .full(status, [("Content-Type", contentType), ("Cache-Control", "no-store")] + extra, SecretMasker.shared.mask(text))
    }
}
