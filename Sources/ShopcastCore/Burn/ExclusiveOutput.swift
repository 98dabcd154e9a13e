import Foundation

/// The output file of a burn, created empty and exclusively before anything is encoded, so an
/// existing file is never overwritten (not even one that appears while the input is probed),
/// and removed again if the burn fails part-way.
final class ExclusiveOutput {
    let path: String
    private var keep = false

    /// Creates `path`. Throws `.io` when it exists or cannot be created.
    init(path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            if code == EEXIST {
                throw ShopcastError(.io, "\(path) already exists; shopcast overlay never overwrites a file: remove it or choose another OUTPUT")
            }
            throw ShopcastError(.io, "cannot create \(path): \(String(cString: strerror(code)))")
        }
        close(fd)
        self.path = path
    }

    /// The file is complete (or deliberately cut short but playable): leave it in place.
    func commit() { keep = true }

    /// Removes the partial file unless it was committed.
    func discardUnlessCommitted() {
        guard !keep else { return }
        unlink(path)
    }
}
