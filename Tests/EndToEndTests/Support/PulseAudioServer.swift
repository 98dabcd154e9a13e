import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real PulseAudio server of the test's own (its socket, cookie and state in `directory`), with
/// a null sink named `show` into which `paplay` plays a steady tone: `show.monitor` is then a
/// PulseAudio source, captured exactly as a microphone is, delivering ~50 ms buffers stamped
/// with the wall clock.
final class PulseAudioServer {
    let socket: URL
    private let server: ChildProcess
    private let pidFile: URL
    private var player: ChildProcess?

    init(directory: URL, toneFrequency: Int, timeout: TimeInterval = 10) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        socket = directory.appendingPathComponent("native")
        let home = ["HOME": directory.path, "XDG_RUNTIME_DIR": directory.path, "PATH": "/usr/bin:/bin"]
        // In a session of its own (setsid), so nothing it does to its process group reaches the
        // test runner; run as a direct child it stops Foundation from noticing other children
        // exit. setsid forks when it leads a group (Process makes it one), so the handle is not
        // pulseaudio's: it writes its pid to `pulse/pid` under its runtime folder for stop().
        pidFile = directory.appendingPathComponent("pulse/pid")
        server = try ChildProcess(try ChildProcess.tool("setsid"), [
            // Idle for 10 s (paplay's tone ended, no recorder connected), it exits by itself:
            // the safety net should this test runner be killed before stop().
            try ChildProcess.tool("pulseaudio").path, "-n", "--daemonize=no", "--exit-idle-time=10", "--use-pid-file=yes", "--disable-shm=yes",
            "--log-target=stderr", "--log-level=warning",
            "-L", "module-native-protocol-unix socket=\(socket.path) auth-anonymous=1",
            "-L", "module-null-sink sink_name=show rate=48000",
        ], environment: home, logDirectory: directory, name: "pulseaudio")
        // From here on the server may be running: any failure stops it before throwing, since
        // the caller never gets a server to stop.
        do {
            let socketPath = socket.path, pidPath = pidFile.path
            guard Wait.until(timeout: timeout, { FileManager.default.fileExists(atPath: socketPath) && FileManager.default.fileExists(atPath: pidPath) }) else {
                throw HarnessError("pulseaudio did not open \(socketPath) within \(Int(timeout)) s (see pulseaudio.stderr in \(directory.path))")
            }
            let tone = directory.appendingPathComponent("tone.wav")
            let made = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-f", "lavfi",
                                                       "-i", "sine=frequency=\(toneFrequency):sample_rate=48000:duration=120",
                                                       "-ac", "2", tone.path], logDirectory: directory)
            guard made.termination == .exited(0) else { throw HarnessError("ffmpeg could not make the tone: \(made.stderr)") }
            player = try ChildProcess(try ChildProcess.tool("paplay"), ["-d", "show", tone.path],
                                      environment: home.merging(environment) { $1 }, logDirectory: directory, name: "paplay")
        } catch {
            _ = stop()
            throw error
        }
    }

    /// What a client needs to find this server.
    var environment: [String: String] { ["PULSE_SERVER": "unix:" + socket.path] }

    /// Stops the player and the server; false when the server is still there 10 s later (or
    /// never said its pid), for the caller to fail the test on.
    @discardableResult
    func stop() -> Bool {
        player?.stop()
        server.stop()
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8),
              let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1 else { return false }
        kill(pid, SIGKILL)
        // Not our child, so it cannot be waited for: wait until the pid is gone.
        return Wait.until(timeout: 10) { kill(pid, 0) != 0 }
    }
}
