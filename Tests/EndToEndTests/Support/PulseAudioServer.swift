import Foundation

/// A real PulseAudio server of the test's own (its socket, cookie and state in `directory`), with
/// a null sink named `show` into which `paplay` plays a steady tone: `show.monitor` is then a
/// PulseAudio source, captured exactly as a microphone is, delivering ~50 ms buffers stamped
/// with the wall clock.
final class PulseAudioServer {
    let socket: URL
    private let server: ChildProcess
    private var player: ChildProcess?

    init(directory: URL, toneFrequency: Int, timeout: TimeInterval = 10) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        socket = directory.appendingPathComponent("native")
        let home = ["HOME": directory.path, "XDG_RUNTIME_DIR": directory.path, "PATH": "/usr/bin:/bin"]
        // In a session of its own (setsid execs it, same pid), so nothing it does to its
        // process group reaches the test runner.
        server = try ChildProcess(try ChildProcess.tool("setsid"), [
            try ChildProcess.tool("pulseaudio").path, "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no", "--disable-shm=yes",
            "--log-target=stderr", "--log-level=warning",
            "-L", "module-native-protocol-unix socket=\(socket.path) auth-anonymous=1",
            "-L", "module-null-sink sink_name=show rate=48000",
        ], environment: home, logDirectory: directory, name: "pulseaudio")
        let socketPath = socket.path
        guard server.waitUntil(timeout: timeout, { FileManager.default.fileExists(atPath: socketPath) }) else {
            server.stop()
            throw HarnessError("pulseaudio did not open \(socketPath) within \(Int(timeout)) s: \(server.summary)")
        }
        let tone = directory.appendingPathComponent("tone.wav")
        let made = try ChildProcess.run("ffmpeg", ["-nostdin", "-v", "error", "-f", "lavfi",
                                                   "-i", "sine=frequency=\(toneFrequency):sample_rate=48000:duration=120",
                                                   "-ac", "2", tone.path], logDirectory: directory)
        guard made.termination == .exited(0) else { throw HarnessError("ffmpeg could not make the tone: \(made.stderr)") }
        player = try ChildProcess(try ChildProcess.tool("paplay"), ["-d", "show", tone.path],
                                  environment: home.merging(environment) { $1 }, logDirectory: directory, name: "paplay")
    }

    /// What a client needs to find this server.
    var environment: [String: String] { ["PULSE_SERVER": "unix:" + socket.path] }

    func stop() {
        player?.stop()
        server.stop()
    }
}
