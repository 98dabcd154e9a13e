import Foundation

/// One `schedule run` per manifest at a time: an exclusive flock(2) on the manifest file.
/// The kernel drops it when the process dies, however it dies, so a crash never leaves a
/// stale lock behind. Owns the file descriptor, closed (and the lock released) in deinit.
public final class RunLock {
    private let descriptor: Int32

    /// Takes the lock without waiting; throws `.busy` when another run holds it.
    public init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ShopcastError(.noInput, "cannot open \(path) to lock it: \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(fd)
            if code == EWOULDBLOCK {
                throw ShopcastError(.busy, "another 'shopcast schedule run' is already running \(path)")
            }
            throw ShopcastError(.io, "cannot lock \(path): \(String(cString: strerror(code)))")
        }
        descriptor = fd
    }

    deinit { close(descriptor) }
}
