import Foundation
import XCTest

/// Runs the built `shopcast` binary as a user would, with a deadline on every wait.
final class ScheduleCLIProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var outData = Data()
    private var errData = Data()
    /// Each pipe reached its end: everything the process wrote has been read.
    private var outEnded = false, errEnded = false

    /// `.build/debug/shopcast`, next to the test bundle or under the package root.
    static func binary() throws -> URL {
        var candidates: [URL] = []
        let bundleFolder = Bundle(for: ScheduleCLIProcess.self).bundleURL.deletingLastPathComponent()
        candidates.append(bundleFolder.appendingPathComponent("shopcast"))
        candidates.append(schedulePackageRoot().appendingPathComponent(".build/debug/shopcast"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw MissingBinaryError("the shopcast binary is missing (looked at \(candidates.map(\.path))); run 'swift build' before 'swift test'")
        }
        return found
    }

    init(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws {
        process.executableURL = try Self.binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [self] handle in
            let data = handle.availableData
            lock.lock(); outData += data; if data.isEmpty { outEnded = true; handle.readabilityHandler = nil }; lock.unlock()
        }
        err.fileHandleForReading.readabilityHandler = { [self] handle in
            let data = handle.availableData
            lock.lock(); errData += data; if data.isEmpty { errEnded = true; handle.readabilityHandler = nil }; lock.unlock()
        }
        try process.run()
    }

    var stdout: String { lock.lock(); defer { lock.unlock() }; return String(decoding: outData, as: UTF8.self) }
    var stderr: String { lock.lock(); defer { lock.unlock() }; return String(decoding: errData, as: UTF8.self) }

    /// When `wait` saw the process end (before its output was drained).
    private(set) var exitedAt: Date?

    /// Waits for the process to exit; kills it and fails the test at the deadline.
    @discardableResult
    func wait(timeout: Double, file: StaticString = #filePath, line: UInt = #line) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(5_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            XCTFail("shopcast \(process.arguments ?? []) still running after \(timeout) s; stderr: \(stderr)", file: file, line: line)
        }
        process.waitUntilExit()
        exitedAt = exitedAt ?? Date()
        // Everything written before the exit is read once both pipes reach their end (later,
        // when a process another test started at the same moment inherited the pipes).
        let drained = Date().addingTimeInterval(5)
        while Date() < drained {
            lock.lock(); let ended = outEnded && errEnded; lock.unlock()
            if ended { break }
            usleep(2_000)
        }
        return process.terminationStatus
    }

    /// Waits until stderr contains `text`; false at the deadline.
    func waitForStderr(_ text: String, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stderr.contains(text) { return true }
            if !process.isRunning { return stderr.contains(text) }
            usleep(5_000)
        }
        return false
    }

    /// Runs to completion and returns (status, stdout, stderr).
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:],
                    timeout: Double = 20) throws -> (Int32, String, String) {
        let p = try ScheduleCLIProcess(arguments, in: directory, environment: environment)
        let status = p.wait(timeout: timeout)
        return (status, p.stdout, p.stderr)
    }
}

/// Thrown when the binary is not built: the test fails (never skips) with this message.
struct MissingBinaryError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// The package root, for examples/.
func schedulePackageRoot() -> URL {
    // This file is Tests/EndToEndTests/Support/ScheduleCLIProcess.swift.
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}

/// A fresh temporary folder.
func scheduleTemporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("shopcast-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
