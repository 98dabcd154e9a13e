import Foundation
import XCTest

/// Base class of the end-to-end tests: gives each test a scratch folder, starts real peers and
/// the built `shopcast` binary, and in tearDown stops every process it started, whether the test
/// passed, failed or threw. A failed test's folder is kept (its path is printed) for inspection.
class EndToEndTestCase: XCTestCase {
    /// This test's scratch folder: logs, recordings, configs.
    private(set) var work: URL!
    private var cleanups: [() -> Void] = []

    override func setUpWithError() throws {
        try super.setUpWithError()
        continueAfterFailure = true
        let name = String(describing: type(of: self)) + "-" + String(name.filter { $0.isLetter || $0.isNumber }.suffix(40))
        work = FileManager.default.temporaryDirectory
            .appendingPathComponent("shopcast-e2e-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDown() {
        for cleanup in cleanups.reversed() { cleanup() }
        cleanups = []
        if let work {
            // hasSucceeded is only set once the run stops, after tearDown; count failures instead.
            if let run = testRun, run.totalFailureCount == 0, run.unexpectedExceptionCount == 0 {
                try? FileManager.default.removeItem(at: work)
            } else {
                print("end-to-end: kept \(work.path) for inspection")
            }
        }
        super.tearDown()
    }

    /// Registers something to undo in tearDown (last registered, first undone).
    func addCleanup(_ cleanup: @escaping () -> Void) { cleanups.append(cleanup) }

    /// A path inside the scratch folder.
    func path(_ name: String) -> URL { work.appendingPathComponent(name) }

    /// A new empty folder inside the scratch folder.
    func folder(_ name: String) throws -> URL {
        let url = path(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The environment a shopcast child sees: a bare one (no keys from the machine running the
    /// tests), its own HOME and XDG_CONFIG_HOME, plus `extra`.
    func childEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": path("home").path,
            "XDG_CONFIG_HOME": path("config").path,
            "TMPDIR": work.path,
            "LANG": "C.UTF-8",
        ]
        try? FileManager.default.createDirectory(at: path("home"), withIntermediateDirectories: true)
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// Starts `shopcast ARGS` (not waiting); tearDown kills it if it still runs.
    func launchShopcast(_ arguments: [String], environment extra: [String: String] = [:],
                        currentDirectory: URL? = nil, stdoutReaderGone: Bool = false) throws -> ChildProcess {
        let child = try ChildProcess(try ShopcastBinary.url(), arguments, environment: childEnvironment(extra),
                                     currentDirectory: currentDirectory ?? work, logDirectory: work, name: "shopcast",
                                     stdoutReaderGone: stdoutReaderGone)
        addCleanup { child.stop() }
        return child
    }

    /// Runs `shopcast ARGS` to its end. Fails the test (and kills it) if it outlives `timeout`.
    @discardableResult
    func runShopcast(_ arguments: [String], environment extra: [String: String] = [:],
                     currentDirectory: URL? = nil, timeout: TimeInterval = 30,
                     file: StaticString = #filePath, line: UInt = #line) throws -> ChildProcess {
        let child = try launchShopcast(arguments, environment: extra, currentDirectory: currentDirectory)
        if child.waitForExit(timeout: timeout) == nil {
            XCTFail("shopcast was still running after \(Int(timeout)) s: \(child.summary)", file: file, line: line)
            child.stop()
        }
        return child
    }

    /// A running nginx RTMP ingest (optionally with its RTMPS front), stopped in tearDown.
    /// With `start: false` it is configured (ports chosen) but not yet listening.
    func startNginx(_ name: String = "nginx", tls: Bool = false, start: Bool = true) throws -> NginxRTMP {
        let server = try NginxRTMP(directory: try folder(name), tls: tls)
        addCleanup { server.kill() }
        if start { try server.start() }
        return server
    }

    /// A running SRT listener, stopped in tearDown.
    func startSRTListener(_ name: String = "srt") throws -> SRTListener {
        let listener = try SRTListener(directory: try folder(name))
        addCleanup { listener.stop() }
        return listener
    }

    /// ffprobe's view of a file.
    func probe(_ file: URL) throws -> MediaInfo { try Probe.info(file, logDirectory: try folder("probe-logs")) }

    /// Decodes a file with ffmpeg.
    func decode(_ file: URL) throws -> DecodeReport { try Probe.decode(file, logDirectory: try folder("probe-logs")) }

    /// The exit status of a finished child as a number, or nil (signalled or still running).
    func exitStatus(_ child: ChildProcess) -> Int32? {
        if case .exited(let code)? = child.termination { return code }
        return nil
    }
}
