import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real IRC server of the test's own: Debian's inspircd on 127.0.0.1, one plain port and one
/// TLS port (gnutls, a self-signed certificate), with the IRCv3 modules for message tags,
/// msgid and server-time. Stopped in the test's cleanup, whatever the outcome.
final class IRCServer {
    let port: UInt16
    let tlsPort: UInt16
    let certificate: SelfSignedCertificate
    private let process: ChildProcess

    init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        certificate = try SelfSignedCertificate(directory: directory)
        port = try FreePort.tcp()
        tlsPort = try FreePort.tcp()
        let config = directory.appendingPathComponent("inspircd.conf")
        try """
        <config format="xml">
        <server name="irc.test.local" description="shopcast test" network="ShopcastTest">
        <admin name="test" nick="test" email="test@test.local">
        <bind address="127.0.0.1" port="\(port)" type="clients">
        <bind address="127.0.0.1" port="\(tlsPort)" type="clients" sslprofile="Clients">
        <module name="ssl_gnutls">
        <sslprofile name="Clients" provider="gnutls" certfile="\(certificate.certificate.path)" keyfile="\(certificate.privateKey.path)" dhfile="" hash="sha256" requestclientcert="no">
        <module name="cap">
        <module name="ircv3">
        <module name="ircv3_ctctags">
        <module name="ircv3_msgid">
        <module name="ircv3_servertime">
        <connect allow="*" timeout="60" pingfreq="120" sendq="1048576" recvq="65536" threshold="1000" commandrate="1000000" fakelag="no" localmax="200" globalmax="200" useident="no" limit="5000" resolvehostnames="no" usednsbl="no">
        <pid file="\(directory.appendingPathComponent("inspircd.pid").path)">
        <log method="file" type="* -USERINPUT -USEROUTPUT" level="default" target="\(directory.appendingPathComponent("ircd.log").path)">
        <performance nouserdns="yes">
        <security runasuser="" runasgroup="">
        """.write(to: config, atomically: true, encoding: .utf8)
        // --runasroot: test machines and CI run as root; the server binds loopback only.
        process = try ChildProcess(try ChildProcess.tool("inspircd"), ["--nofork", "--runasroot", "--config=\(config.path)"],
                                   // In its own folder: a crash's core file lands there, not in the checkout.
                                   currentDirectory: directory, logDirectory: directory, name: "inspircd")
        let plain = port, secure = tlsPort
        guard Wait.until(timeout: 15, { IRCServer.accepts(plain) && IRCServer.accepts(secure) }) else {
            process.stop()
            throw HarnessError("inspircd did not listen on \(plain) and \(secure) within 15 s: \(process.summary)")
        }
    }

    func stop() { process.stop() }

    static func accepts(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}

/// A viewer in the channel: a plain IRC client on its own socket, for the test to talk with.
final class IRCViewer {
    private let fd: Int32
    private var received = ""

    init(nick: String, port: UInt16, channel: String) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); throw HarnessError("cannot connect to the IRC server on \(port)") }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        try send("NICK \(nick)")
        try send("USER \(nick) 0 * :\(nick)")
        guard waitFor(" 001 ", timeout: 10) else { throw HarnessError("the IRC server did not welcome \(nick): \(received)") }
        try send("JOIN \(channel)")
        guard waitFor(" 366 ", timeout: 10) else { throw HarnessError("\(nick) could not join \(channel): \(received)") }
    }

    deinit { close(fd) }

    func send(_ line: String) throws {
        let data = Array((line + "\r\n").utf8)
        guard Glibc.send(fd, data, data.count, 0) == data.count else { throw HarnessError("cannot send to the IRC server") }
    }

    /// Reads until `text` has arrived (answering PINGs); false at the deadline.
    @discardableResult
    func waitFor(_ text: String, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 8192)
        while Date() < deadline {
            if received.contains(text) { return true }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 {
                received += String(decoding: buffer[0..<n], as: UTF8.self)
                for line in received.components(separatedBy: "\r\n") where line.hasPrefix("PING ") {
                    try? send("PONG " + line.dropFirst(5))
                }
            }
        }
        return received.contains(text)
    }

    /// Asks the channel's member list until a nick starting with `prefix` is in it.
    func waitForMember(startingWith prefix: String, in channel: String, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            received = ""
            try? send("NAMES \(channel)")
            if waitFor(" 366 ", timeout: 1), received.components(separatedBy: " ").contains(where: { $0.trimmingCharacters(in: CharacterSet(charactersIn: ":@+")).hasPrefix(prefix) }) {
                return true
            }
        }
        return false
    }
}
