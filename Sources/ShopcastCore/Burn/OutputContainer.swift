/// The container a burnt-in recording is written in, chosen from OUTPUT's extension.
public struct OutputContainer: Equatable, Sendable {
    /// FFmpeg's muxer name.
    public let muxer: String
    /// Muxer options as name/value pairs.
    public let options: [String: String]

    /// The extensions `overlay` writes, for messages and the man page.
    public static let extensions = ["mp4", "mov", "mkv"]

    /// The container for `path`, or nil when its extension is not one of `extensions`.
    public static func forPath(_ path: String) -> OutputContainer? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        // The index goes first (faststart) so the file starts playing before it is all downloaded,
        // which is how recordings of shows are usually shared. It costs one pass over the file at
        // the end, which is why an interrupted burn still has to finish writing.
        case "mp4": return OutputContainer(muxer: "mp4", options: ["movflags": "+faststart"])
        case "mov": return OutputContainer(muxer: "mov", options: ["movflags": "+faststart"])
        case "mkv": return OutputContainer(muxer: "matroska", options: [:])
        default: return nil
        }
    }
}
