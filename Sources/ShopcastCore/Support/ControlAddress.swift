import Foundation

/// Where the control API listens (`go-live --control`) or where `shopcast cue` finds it:
/// `[ADDR:]PORT`, e.g. `8080` (127.0.0.1), `0.0.0.0:8080`, `[::1]:8080`, `localhost:8080`.
public struct ControlAddress: Equatable, Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// nil for anything that is not `[ADDR:]PORT` with a port from 0 to 65535 (0: any free port,
    /// for go-live only).
    public static func parse(_ text: String) -> ControlAddress? {
        var host = "127.0.0.1"
        var portText = text
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
            host = String(text[text.index(after: text.startIndex)..<close])
            portText = String(text[text.index(close, offsetBy: 2)...])
        } else if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            portText = String(text[text.index(after: colon)...])
            guard !host.isEmpty, !host.contains(":") else { return nil }
        }
        // A host name, an IPv4 address or (bracketed) an IPv6 one: letters, digits, '.', '-', ':'.
        guard !portText.isEmpty, portText.allSatisfy({ $0.isASCII && $0.isNumber }), let port = Int(portText), port <= 65535,
              !host.isEmpty, host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-:".contains($0)) }) else { return nil }
        return ControlAddress(host: host, port: port)
    }

    /// Only this machine can reach it: an address in 127.0.0.0/8, ::1, or localhost.
    public var isLoopback: Bool {
        if host == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return UInt32(bigEndian: v4.s_addr) >> 24 == 127 }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { bytes in bytes.prefix(15).allSatisfy { $0 == 0 } && bytes[15] == 1 }
        }
        return false
    }

    /// `http://HOST:PORT` (IPv6 hosts bracketed).
    public var baseURL: String {
        "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
