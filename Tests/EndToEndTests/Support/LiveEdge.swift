import Foundation

/// How far a stream has got at an ingest, as a viewer would hear it: ffprobe plays it from the
/// ingest and prints each sound packet's time as it arrives (line-buffered through stdbuf), so
/// the newest line is the newest moment of the show delivered. Sound, because a destination
/// that falls behind drops pictures but never sound.
final class LiveEdge {
    private let child: ChildProcess

    init(url: String, logDirectory: URL, name: String) throws {
        child = try ChildProcess(try ChildProcess.tool("stdbuf"),
                                 ["-oL", try ChildProcess.tool("ffprobe").path, "-v", "error", "-probesize", "32768", "-analyzeduration", "0",
                                  "-select_streams", "a:0", "-show_entries", "packet=pts_time", "-of", "csv=p=0", url],
                                 logDirectory: logDirectory, name: name)
    }

    /// Stream time of the newest sound delivered so far.
    var newest: Double? {
        let lines = child.stdout.split(separator: "\n", omittingEmptySubsequences: true)
        // The last line may still be half written.
        return lines.suffix(2).compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }.max()
    }

    func stop() { child.stop() }
}
