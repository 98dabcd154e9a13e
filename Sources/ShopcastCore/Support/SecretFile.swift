import Foundation

/// Reads a secret kept in a file (a control token): the file must be readable by its owner only
/// (mode 0600), and the secret is its text without trailing line endings. Every failure is a
/// configuration error (exit 78) that names the file and what to do.
public enum SecretFile {
    public static func read(_ path: String, what: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ShopcastError(.config, "cannot read the \(what) file \(path): \(String(cString: strerror(errno)))")
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw ShopcastError(.config, "the \(what) file \(path) has mode \(String(mode, radix: 8)), readable by others; run: chmod 600 '\(path)'")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ShopcastError(.config, "cannot read the \(what) file \(path)")
        }
        let text = String(decoding: data, as: UTF8.self).withoutTrailingLineBreaks
        guard !text.isEmpty else { throw ShopcastError(.config, "the \(what) file \(path) is empty") }
        return text
    }
}
