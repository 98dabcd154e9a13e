import Foundation
import ShopcastCore

/// The control API's bearer token, for go-live (which requires one on any address but
/// loopback) and `shopcast cue`: from a file (mode 0600) or `SHOPCAST_CONTROL_TOKEN`.
/// Registered with the masker, so it is never printed.
enum ControlToken {
    static let environmentVariable = "SHOPCAST_CONTROL_TOKEN"
    /// Shorter tokens are refused on an open address: they could be guessed.
    static let minimumLength = 16

    /// The token from `file` when given, else from the environment; nil when neither has one.
    static func read(file: String?, context: CommandContext) throws -> String? {
        var token: String?
        if let file {
            token = try SecretFile.read(context.resolvePath(file), what: "control token")
        } else if let value = context.environment[environmentVariable], !value.isEmpty {
            token = value
        }
        if let token {
            guard !token.contains(where: { $0.isWhitespace || $0.isNewline }) else {
                throw ShopcastError(.config, "the control token must be one word without spaces or line breaks")
            }
            SecretMasker.shared.register(token)
        }
        return token
    }
}
