import Foundation

/// Where the built `shopcast` executable is: `.build/debug/shopcast` under the package root,
/// found from this source file's own path so the tests run from any working directory.
/// `SHOPCAST_BINARY` overrides it (e.g. to test a release build).
enum ShopcastBinary {
    /// The package root: three folders above Tests/EndToEndTests/Support/.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // EndToEndTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
    }

    /// The executable, or a clear error saying how to build it.
    static func url() throws -> URL {
        if let override = ProcessInfo.processInfo.environment["SHOPCAST_BINARY"], !override.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: override) else {
                throw HarnessError("SHOPCAST_BINARY=\(override) is not an executable file")
            }
            return URL(fileURLWithPath: override)
        }
        let url = packageRoot.appendingPathComponent(".build/debug/shopcast")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw HarnessError("no shopcast binary at \(url.path): run 'swift build' in \(packageRoot.path) first")
        }
        return url
    }
}
