import Foundation

/// TLS in front of a plain TCP server on 127.0.0.1: nginx's stream module terminating TLS with
/// a throwaway self-signed certificate and passing the bytes on to `backend`. With an
/// `HTTPRecorder` behind it, an HTTPS endpoint that nothing on the machine trusts by default.
final class TLSFront {
    let port: UInt16
    let certificate: SelfSignedCertificate
    private let directory: URL
    private let process: ChildProcess

    init(directory: URL, backend: UInt16, timeout: TimeInterval = 10) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        port = try FreePort.tcp()
        certificate = try SelfSignedCertificate(directory: directory)
        let d = directory.path
        let configuration = """
        load_module /usr/share/nginx/modules/ngx_stream_module.so;
        master_process off;
        worker_processes 1;
        pid \(d)/nginx.pid;
        error_log \(d)/error.log info;
        events { worker_connections 64; }

        """ + TLSFront.streamBlock(listen: port, certificate: certificate, backend: backend)
        let configURL = directory.appendingPathComponent("nginx.conf")
        try configuration.write(to: configURL, atomically: true, encoding: .utf8)
        process = try TLSFront.nginx(directory: directory, configuration: configURL, name: "nginx-tls")
        let port = self.port
        guard process.waitUntil(timeout: timeout, { FreePort.acceptsTCP(port) }) else {
            process.stop()
            throw HarnessError("nginx (TLS front) did not listen on \(port) within \(Int(timeout)) s: \(process.summary)")
        }
    }

    deinit { stop() }

    /// nginx's stream module terminating TLS on `listen` and passing the bytes on to `backend`.
    static func streamBlock(listen: UInt16, certificate: SelfSignedCertificate, backend: UInt16) -> String {
        """
        stream {
            server {
                listen 127.0.0.1:\(listen) ssl;
                ssl_certificate \(certificate.certificate.path);
                ssl_certificate_key \(certificate.privateKey.path);
                proxy_pass 127.0.0.1:\(backend);
            }
        }

        """
    }

    /// Runs nginx in the foreground with its prefix, error log and configuration in `directory`.
    static func nginx(directory: URL, configuration: URL, name: String) throws -> ChildProcess {
        try ChildProcess(try ChildProcess.tool("nginx"),
                         ["-p", directory.path, "-e", directory.appendingPathComponent("error.log").path,
                          "-c", configuration.path, "-g", "daemon off;"],
                         logDirectory: directory, name: name)
    }

    func stop() { process.stop() }

    /// nginx's error log: TLS handshakes the client broke off show here.
    var errorLog: String {
        (try? String(contentsOf: directory.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
    }
}
