import Foundation

/// Why the test harness itself could not do its job (a tool missing, a server that never came
/// up). Distinct from a product failure so a red test says which side broke.
struct HarnessError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
