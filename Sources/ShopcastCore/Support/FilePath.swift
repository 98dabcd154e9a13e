import Foundation

/// A path as the user wrote it (an option, an operand), against the folder it is relative to:
/// an absolute path is kept, a relative one joins the folder. The one rule for every file
/// shopcast reads or writes; product pictures, which must stay inside the manifest's folder,
/// have stricter rules of their own (`ImageFile`).
public enum FilePath {
    public static func url(_ path: String, in directory: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
    }

    public static func resolve(_ path: String, in directory: URL) -> String { url(path, in: directory).path }
}
