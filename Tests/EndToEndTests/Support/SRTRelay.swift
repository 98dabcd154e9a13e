import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real SRT contribution path: `srt-live-transmit` listening for a publisher (the ffmpeg CLI)
/// on one port and for a receiver (shopcast's network input) on another, relaying the MPEG-TS
/// between them as a studio's SRT gateway does.
final class SRTRelay {
    let publishPort: UInt16
    let playPort: UInt16
    private let process: ChildProcess

    init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        publishPort = try FreePort.udp()
        var play = try FreePort.udp()
        while play == publishPort { play = try FreePort.udp() }
        playPort = play
        process = try ChildProcess(try ChildProcess.tool("srt-live-transmit"),
                                   ["srt://127.0.0.1:\(publishPort)?mode=listener", "srt://127.0.0.1:\(playPort)?mode=listener"],
                                   logDirectory: directory, name: "srt-relay")
        let port = publishPort
        guard process.waitUntil(timeout: 10, { FreePort.udpIsBound(port) }) else {
            process.stop()
            throw HarnessError("srt-live-transmit did not bind UDP \(port) within 10 s: \(process.summary)")
        }
    }

    /// Where a publisher sends the feed.
    var publishURL: String { "srt://127.0.0.1:\(publishPort)?mode=caller" }
    /// Where a receiver takes it from.
    var playURL: String { "srt://127.0.0.1:\(playPort)?mode=caller" }

    /// Waits until a publisher's feed has arrived and the relay listens for receivers.
    func waitForFeed(timeout: TimeInterval) -> Bool {
        let port = playPort
        return process.waitUntil(timeout: timeout) { FreePort.udpIsBound(port) }
    }

    func stop() { process.stop() }

    var summary: String { process.summary }
}
