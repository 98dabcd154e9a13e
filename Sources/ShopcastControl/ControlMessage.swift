import Foundation
import NIOCore
import NIOHTTP1

/// A request as the control API reads it: the head NIO parsed and the whole body.
struct ControlRequest {
    let method: HTTPMethod
    /// Path and query as sent.
    let uri: String
    let headers: HTTPHeaders
    let body: Data

    /// The path, without the query.
    var path: String { String(uri.prefix { $0 != "?" }) }
}

/// What the control API answers.
enum ControlAnswer {
    /// A whole answer: status, headers and body.
    case full(HTTPResponseStatus, [(String, String)], String)
    /// The live event stream as server-sent events (the connection stays open).
    case events
}
