import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real RTMP ingest: nginx with Debian's RTMP module on 127.0.0.1, recording every publish to
/// its own .flv file (so a reconnect shows up as a second file), optionally fronted by nginx's
/// stream module terminating TLS with a self-signed certificate: an RTMPS endpoint.
/// One nginx process (`master_process off`), so SIGKILL takes the whole server down at once,
/// as a crashed ingest would. Note: nginx's recorder drops video until the first keyframe of
/// each publish, so "a recording starts on a keyframe" says nothing about the publisher.
final class NginxRTMP {
    let directory: URL
    let port: UInt16
    let tlsPort: UInt16?
    let certificate: SelfSignedCertificate?
    /// Where nginx writes one .flv per publish.
    let recordingDirectory: URL
    private let configURL: URL
    private var process: ChildProcess?
    private var generation = 0

    /// Writes the configuration (and certificate) into `directory`; call `start()` to run it.
    init(directory: URL, tls: Bool = false) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        recordingDirectory = directory.appendingPathComponent("recordings")
        try FileManager.default.createDirectory(at: recordingDirectory, withIntermediateDirectories: true)
        port = try FreePort.tcp()
        if tls {
            tlsPort = try FreePort.tcp()
            certificate = try SelfSignedCertificate(directory: directory)
        } else {
            tlsPort = nil
            certificate = nil
        }
        configURL = directory.appendingPathComponent("nginx.conf")
        try configuration().write(to: configURL, atomically: true, encoding: .utf8)
    }

    private func configuration() -> String {
        let d = directory.path
        var text = """
        load_module /usr/share/nginx/modules/ngx_rtmp_module.so;
        load_module /usr/share/nginx/modules/ngx_stream_module.so;
        master_process off;
        worker_processes 1;
        pid \(d)/nginx.pid;
        error_log \(d)/error.log info;
        events { worker_connections 256; }
        rtmp {
            server {
                listen 127.0.0.1:\(port);
                chunk_size 4096;
                application live {
                    live on;
                    record all;
                    record_path \(recordingDirectory.path);
                    record_unique on;
                }
            }
        }

        """
        if let tlsPort, let certificate {
            text += TLSFront.streamBlock(listen: tlsPort, certificate: certificate, backend: port)
        }
        return text
    }

    /// Starts nginx and returns once every port accepts connections. Also used to bring the
    /// server back on the same ports after `kill()`.
    func start(timeout: TimeInterval = 10) throws {
        if let process, process.isRunning { return }
        generation += 1
        let child = try TLSFront.nginx(directory: directory, configuration: configURL, name: "nginx")
        process = child
        let ports = [port] + (tlsPort.map { [$0] } ?? [])
        let ready = child.waitUntil(timeout: timeout) { ports.allSatisfy(FreePort.acceptsTCP) }
        guard ready else {
            child.stop()
            throw HarnessError("nginx did not start listening on \(ports) within \(Int(timeout)) s: \(child.summary)\nerror.log: \(errorLog.suffix(2000))")
        }
    }

    /// Kills the server outright (SIGKILL), as a crashing ingest would, and waits until it is gone.
    func kill() {
        process?.stop()
    }

    /// The pid, while it runs.
    var pid: Int32? { process.flatMap { $0.isRunning ? $0.pid : nil } }

    /// rtmp://127.0.0.1:PORT/live/STREAM
    func url(stream: String) -> String { "rtmp://127.0.0.1:\(port)/live/\(stream)" }

    /// rtmps://127.0.0.1:TLSPORT/live/STREAM through the TLS front.
    func rtmpsURL(stream: String) -> String {
        precondition(tlsPort != nil, "this nginx was started without TLS")
        return "rtmps://127.0.0.1:\(tlsPort!)/live/\(stream)"
    }

    /// Every .flv recorded so far, oldest first (record_unique names end in the epoch second;
    /// modification time breaks ties within a second).
    func recordings(stream: String? = nil) -> [URL] {
        let files = (try? FileManager.default.contentsOfDirectory(at: recordingDirectory, includingPropertiesForKeys: [.contentModificationDateKey])) ?? []
        return files
            .filter { $0.pathExtension == "flv" && (stream == nil || $0.lastPathComponent.hasPrefix(stream! + "-")) }
            .sorted { a, b in
                let ta = (try? a.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
                let tb = (try? b.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
                return ta == tb ? a.lastPathComponent < b.lastPathComponent : ta < tb
            }
    }

    /// nginx's error log: connections, publishes, TLS handshake failures.
    var errorLog: String {
        (try? String(contentsOf: directory.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
    }
}
