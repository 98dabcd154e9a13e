import Foundation
import NIOHTTP1
import ShopcastCore

/// An answer the control API gives instead of doing what was asked: its status, a message a
/// person can act on, the field at fault (400) or the ids it knows (404). The body is always
/// `{"error":{"status":N,"message":…,"field":…,"known":[…]}}`.
struct APIError: Error {
    let status: HTTPResponseStatus
    let message: String
    var field: String?
    var known: [String]?
    var headers: [(String, String)] = []

    init(_ status: HTTPResponseStatus, _ message: String, field: String? = nil, known: [String]? = nil) {
        self.status = status
        self.message = message
        self.field = field
        self.known = known
        if status == .serviceUnavailable { headers.append(("Retry-After", "1")) }
    }

    /// The API's answer for a command the director refused.
    init(_ refusal: CommandRefusal) {
        switch refusal.reason {
        case .unknown(let known): self.init(.notFound, refusal.message, known: known)
        case .conflict: self.init(.conflict, refusal.message)
        case .invalid(let field): self.init(.badRequest, refusal.message, field: field)
        case .unavailable: self.init(.serviceUnavailable, refusal.message)
        }
    }

    var answer: ControlAnswer {
        var fields: [(String, JSONValue)] = [("status", .int(Int(status.code))), ("message", .string(message))]
        if let field { fields.append(("field", .string(field))) }
        if let known { fields.append(("known", .array(known.map { .string($0) }))) }
        return ControlResponse.json(status, .object([("error", .object(fields))]), headers: headers)
    }
}
