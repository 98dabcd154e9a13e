import Foundation

/// Runs a Python script with the tests' own interpreter (`.build-python`, made by
/// scripts/install-deps with pinned checkers: standardwebhooks, prometheus_client, websockets,
/// schemathesis), so a check is done by a library that is not shopcast's.
enum PythonChecker {
    static var folder: URL { ShopcastBinary.packageRoot.appendingPathComponent(".build-python/bin") }

    static func interpreter() throws -> URL {
        let url = folder.appendingPathComponent("python3")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw HarnessError("no Python checkers at \(url.path): run scripts/install-deps")
        }
        return url
    }

    /// Writes `script` into `work` and runs it with `arguments`; fails at the deadline.
    static func run(_ script: String, name: String, arguments: [String] = [], work: URL,
                    timeout: TimeInterval = 60) throws -> (status: Int32?, stdout: String, stderr: String) {
        let file = work.appendingPathComponent("\(name).py")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let child = try ChildProcess(try interpreter(), [file.path] + arguments, logDirectory: work, name: name)
        guard let ending = child.waitForExit(timeout: timeout) else {
            child.stop()
            throw HarnessError("\(name).py did not finish within \(Int(timeout)) s: \(child.stderr.suffix(2000))")
        }
        if case .exited(let code) = ending { return (code, child.stdout, child.stderr) }
        return (nil, child.stdout, child.stderr)
    }
}
