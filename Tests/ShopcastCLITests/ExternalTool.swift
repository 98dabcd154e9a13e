import Foundation
import XCTest

/// A program the docs tests use as an independent checker (groff, man, bash, zsh, fish).
struct ExternalTool {
    let path: String

    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    /// Finds `name` on PATH (or the usual system folders). When it is missing the test cannot
    /// check anything, and that is a failure: scripts/install-deps installs every checker.
    static func require(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> ExternalTool {
        let env = ProcessInfo.processInfo.environment
        let dirs = (env["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/bin", "/usr/local/bin"]
        if let dir = dirs.first(where: { FileManager.default.isExecutableFile(atPath: $0 + "/" + name) }) {
            return ExternalTool(path: dir + "/" + name)
        }
        let message = "\(name) is not installed: run scripts/install-deps"
        XCTFail(message, file: file, line: line)
        throw ToolError(message: message)
    }

    struct ToolError: Error { let message: String }

    /// Runs the tool to completion, with a deadline; stdout and stderr go to temporary files so
    /// neither pipe can fill up and block the child.
    func run(_ arguments: [String], environment: [String: String]? = nil,
             timeout: TimeInterval = 60) throws -> Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shopcast-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("out"), errURL = dir.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        defer { try? outHandle.close(); try? errHandle.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = done.wait(timeout: .now() + 5)
            throw ToolError(message: "\(path) \(arguments.joined(separator: " ")) took over \(Int(timeout)) s")
        }
        let out = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
        let err = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        return Result(status: process.terminationStatus, out: out, err: err)
    }
}
