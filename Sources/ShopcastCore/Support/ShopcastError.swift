import Foundation

/// The error every library operation throws when it fails for a reason a user can act on.
/// The CLI maps `kind` to an exit status; `message` is printed after `shopcast: error:`.
public struct ShopcastError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, coarsely: decides the exit status.
    public enum Kind: Sendable {
        /// Something on the command line itself is wrong (a value the library checks: a
        /// destination, an input, a moment); `badData` is for what files hold.
        case usage
        case badData, noInput, unavailable, io, busy, destinationLost, unauthorized, config, interrupted, `internal`
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
