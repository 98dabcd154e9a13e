import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Ports on 127.0.0.1 that nothing listens on yet: the kernel picks one for a socket bound to
/// port 0, we read it back and close the socket. Also the loopback probes that tell when a
/// server has bound its port.
enum FreePort {
    /// A free TCP port on 127.0.0.1.
    static func tcp() throws -> UInt16 { try pick(type: Int32(SOCK_STREAM.rawValue)) }

    /// A free UDP port on 127.0.0.1 (SRT runs over UDP).
    static func udp() throws -> UInt16 { try pick(type: Int32(SOCK_DGRAM.rawValue)) }

    /// True when a TCP connection to 127.0.0.1:`port` is accepted.
    static func acceptsTCP(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return result == 0
    }

    /// True when some process holds UDP 127.0.0.1:`port` (our own bind fails with EADDRINUSE):
    /// the only readiness signal a UDP listener gives without talking its protocol.
    static func udpIsBound(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return result != 0 && errno == EADDRINUSE
    }

    private static func pick(type: Int32) throws -> UInt16 {
        let fd = socket(AF_INET, type, 0)
        guard fd >= 0 else { throw HarnessError("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = loopback(0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw HarnessError("bind(127.0.0.1:0) failed: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw HarnessError("getsockname failed: errno \(errno)") }
        return UInt16(bigEndian: address.sin_port)
    }

    /// The address 127.0.0.1:`port`.
    static func loopback(_ port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
