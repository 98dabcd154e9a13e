import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How long a recording can run before its disk is full, at the stream's rate: go-live warns
/// before the show when that is less than `warnBelow`.
public enum DiskRoom {
    /// Ten minutes: less is a recording that stops mid-show.
    public static let warnBelow = 600.0

    /// Bytes free to this process on the file system holding `path` (its folder), nil if unknown.
    public static func available(at path: String) -> Int64? {
        var info = statvfs()
        let folder = (path as NSString).deletingLastPathComponent
        guard statvfs(folder.isEmpty ? "." : folder, &info) == 0 else { return nil }
        return Int64(info.f_bavail) * Int64(info.f_frsize)
    }

    /// Seconds of a stream of `bitsPerSecond` that fit in `bytes`.
    public static func seconds(_ bytes: Int64, bitsPerSecond: Int) -> Double {
        Double(bytes) * 8 / Double(max(1, bitsPerSecond))
    }

    /// The warning for a recording at `path`, nil when it has room for `warnBelow` seconds.
    public static func warning(for path: String, display: String, bitsPerSecond: Int) -> String? {
        guard let free = available(at: path) else { return nil }
        let room = seconds(free, bitsPerSecond: bitsPerSecond)
        guard room < warnBelow else { return nil }
        let megabytes = Double(free) / 1_000_000
        return "recording \(display): its disk has room for about \(DurationValue.format(room.rounded(.down))) of the stream "
            + String(format: "(%.1f MB free)", megabytes) + "; the recording stops there and the show goes on without it"
    }
}
