import Foundation

/// A throwaway certificate for 127.0.0.1 and localhost, made with `openssl req -x509`. It is its
/// own CA, so passing `certificate` as `--ca-file` makes it trusted; nothing else trusts it.
struct SelfSignedCertificate {
    let certificate: URL
    let privateKey: URL

    init(directory: URL) throws {
        certificate = directory.appendingPathComponent("cert.pem")
        privateKey = directory.appendingPathComponent("key.pem")
        let result = try ChildProcess.run("openssl", [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-keyout", privateKey.path, "-out", certificate.path,
            "-subj", "/CN=localhost",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ], logDirectory: directory, timeout: 30)
        guard result.termination == .exited(0), FileManager.default.fileExists(atPath: certificate.path) else {
            throw HarnessError("openssl could not make a self-signed certificate: \(result.stderr)")
        }
    }
}
