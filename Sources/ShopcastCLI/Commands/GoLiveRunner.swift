import Foundation
import ShopcastCore

/// Runs `go-live` with checked options.
enum GoLiveRunner {
    static func run(_ options: GoLiveOptions, context: CommandContext) throws -> ExitCode {
        throw ShopcastError(.internal, "go-live is being built")
    }
}
