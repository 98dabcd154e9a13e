import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One external program run by a test (shopcast itself, nginx, an SRT listener, ffmpeg as a
/// peer or checker). Its stdout and stderr go to files so nothing blocks on a full pipe and a
/// failed test leaves them to read. Every wait takes a deadline; `stop()` always ends it.
final class ChildProcess {
    /// How a finished process ended.
    enum Termination: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        var description: String {
            switch self {
            case .exited(let code): return "exit status \(code)"
            case .signalled(let signal): return "killed by signal \(signal)"
            }
        }
    }

    let name: String
    let executable: URL
    let arguments: [String]
    let stdoutURL: URL
    let stderrURL: URL
    private let process = Process()
    private var startedAt = Date()

    /// Starts `executable` at once. `environment` replaces the test's own environment entirely,
    /// so nothing from the CI runner (a real stream key, say) leaks into the child.
    /// `stdoutReaderGone` makes stdout a pipe nobody reads (its read end closed), as when the
    /// script consuming the output has exited: every write then fails with EPIPE.
    init(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
         currentDirectory: URL? = nil, logDirectory: URL, name: String? = nil,
         stdoutReaderGone: Bool = false) throws {
        self.executable = executable
        self.arguments = arguments
        let label = name ?? executable.lastPathComponent
        self.name = label
        var unique = label
        var n = 1
        while FileManager.default.fileExists(atPath: logDirectory.appendingPathComponent("\(unique).stdout").path) {
            n += 1
            unique = "\(label)-\(n)"
        }
        stdoutURL = logDirectory.appendingPathComponent("\(unique).stdout")
        stderrURL = logDirectory.appendingPathComponent("\(unique).stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)

        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardInput = FileHandle.nullDevice
        let pipe = stdoutReaderGone ? Pipe() : nil
        process.standardOutput = try pipe ?? FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        do {
            try process.run()
        } catch {
            throw HarnessError("cannot start \(executable.path): \(error)")
        }
        try pipe?.fileHandleForReading.close()
        startedAt = Date()
    }

    /// Finds a program on PATH (and the sbin folders, where Debian keeps nginx).
    static func tool(_ name: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/bin", "/sbin", "/bin"]
        for folder in folders {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw HarnessError("\(name) is not installed (the end-to-end tests need nginx with libnginx-mod-rtmp and libnginx-mod-stream, ffmpeg and srt-tools)")
    }

    /// Runs a short tool to completion and returns its result; kills it at the deadline.
    static func run(_ tool: String, _ arguments: [String], logDirectory: URL, timeout: TimeInterval = 60,
                    name: String? = nil) throws -> (termination: Termination, stdout: String, stderr: String) {
        let child = try ChildProcess(try Self.tool(tool), arguments, logDirectory: logDirectory, name: name ?? tool)
        guard let termination = child.waitForExit(timeout: timeout) else {
            child.stop()
            throw HarnessError("\(tool) \(arguments.joined(separator: " ")) did not finish within \(Int(timeout)) s")
        }
        return (termination, child.stdout, child.stderr)
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// Seconds since the process was started.
    var age: TimeInterval { Date().timeIntervalSince(startedAt) }

    /// How it ended, or nil while it runs.
    var termination: Termination? {
        guard !process.isRunning else { return nil }
        switch process.terminationReason {
        case .exit: return .exited(process.terminationStatus)
        case .uncaughtSignal: return .signalled(process.terminationStatus)
        @unknown default: return .exited(process.terminationStatus)
        }
    }

    /// Waits for the process to end; nil if it still runs at the deadline.
    @discardableResult
    func waitForExit(timeout: TimeInterval) -> Termination? {
        Wait.until(timeout: timeout, interval: 0.02) { !process.isRunning }
        return termination
    }

    /// Waits until `condition` holds; false at the deadline or as soon as the process exits
    /// without the condition holding (no point waiting for a line a dead process won't write).
    @discardableResult
    func waitUntil(timeout: TimeInterval, _ condition: () -> Bool) -> Bool {
        var result = false
        Wait.until(timeout: timeout) {
            if condition() { result = true; return true }
            if !process.isRunning { result = condition(); return true }
            return false
        }
        return result
    }

    /// Sends a signal (SIGTERM, SIGINT, SIGKILL ...) if the process still runs.
    func send(_ signal: Int32) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, signal)
    }

    /// Ends the process for sure: SIGKILL and wait. Used by tearDown whatever the test did.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        _ = waitForExit(timeout: 10)
    }

    /// What it printed so far.
    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// The command line as a user would type it, for failure messages.
    var commandLine: String {
        ([executable.lastPathComponent] + arguments).map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }
            .joined(separator: " ")
    }

    /// A few lines for a failure message: the command, how it ended, the tail of its stderr.
    var summary: String {
        let ending = termination.map { "\($0)" } ?? "still running"
        let tail = stderr.split(separator: "\n", omittingEmptySubsequences: true).suffix(15).joined(separator: "\n    ")
        return "`\(commandLine)` → \(ending)\n  stderr (last lines):\n    \(tail)"
    }
}
