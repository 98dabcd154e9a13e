import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real SRT peer: `srt-live-transmit` listening on 127.0.0.1:PORT, writing the MPEG-TS it
/// receives to a file. It keeps listening after a caller disconnects.
final class SRTListener {
    let port: UInt16
    /// The transport stream as received.
    let output: URL
    private let process: ChildProcess

    /// Starts the listener and returns once it holds its UDP port.
    init(directory: URL, timeout: TimeInterval = 10) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        port = try FreePort.udp()
        output = directory.appendingPathComponent("srt-received.ts")
        process = try ChildProcess(try ChildProcess.tool("srt-live-transmit"),
                                   ["srt://127.0.0.1:\(port)?mode=listener", "file://con"],
                                   logDirectory: directory, name: "srt-live-transmit")
        // srt-live-transmit writes the stream to stdout, which ChildProcess sends to a file.
        try? FileManager.default.removeItem(at: output)
        try FileManager.default.linkItem(at: process.stdoutURL, to: output)
        let port = self.port
        guard process.waitUntil(timeout: timeout, { FreePort.udpIsBound(port) }) else {
            process.stop()
            throw HarnessError("srt-live-transmit did not bind UDP \(port) within \(Int(timeout)) s: \(process.summary)")
        }
    }

    /// srt://127.0.0.1:PORT, for a caller.
    var url: String { "srt://127.0.0.1:\(port)" }

    /// Ends the listener (SIGTERM, then SIGKILL at the deadline) so the file is complete.
    func stop() {
        process.send(SIGTERM)
        if process.waitForExit(timeout: 3) == nil { process.stop() }
    }

    /// What the listener printed (connections accepted and lost).
    var log: String { process.stderr }
}
