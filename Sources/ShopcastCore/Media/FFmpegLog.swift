import CFFmpeg
import Foundation

/// Routes FFmpeg's own log lines through shopcast: every line passes the secret masker before it
/// is printed, and only with `--verbose` (errors are kept for our own messages).
public enum FFmpegLog {
    /// Receives masked lines; set once at start-up.
    nonisolated(unsafe) private static var sink: ((String) -> Void)?
    nonisolated(unsafe) private static var printLevel: Int32 = AV_LOG_QUIET
    private static let lock = NSLock()

    /// Installs the callback. `verbose` prints FFmpeg's info and warnings, masked.
    public static func install(verbose: Bool, sink: @escaping (String) -> Void) {
        lock.lock()
        self.sink = sink
        printLevel = verbose ? AV_LOG_INFO : AV_LOG_QUIET
        lock.unlock()
        av_log_set_level(verbose ? AV_LOG_INFO : AV_LOG_ERROR)
        av_log_set_callback { avcl, level, format, arguments in
            guard level <= av_log_get_level(), let format, let arguments else { return }
            var line = [CChar](repeating: 0, count: 4096)
            var printPrefix: Int32 = 1
            av_log_format_line2(avcl, level, format, arguments, &line, Int32(line.count), &printPrefix)
            let text = String(cString: line).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return }
            FFmpegLog.deliver(level: level, SecretMasker.shared.mask(text))
        }
    }

    /// FFmpeg's last error line on the calling thread, cleared as it is read, without its
    /// "[tcp @ 0x...]" prefix: a destination's writer thread adds the server's own words
    /// ("Server error: ...") to its message.
    public static func takeLastError() -> String? {
        let dictionary = Thread.current.threadDictionary
        let line = dictionary[errorKey] as? String
        dictionary.removeObject(forKey: errorKey)
        return line?.replacingOccurrences(of: #"^\[[^\]]*\] "#, with: "", options: .regularExpression)
    }

    private static let errorKey = "shopcast.ffmpeg.lastError"

    private static func deliver(level: Int32, _ line: String) {
        if level <= AV_LOG_ERROR { Thread.current.threadDictionary[errorKey] = line }
        lock.lock()
        let sink = self.sink, limit = printLevel
        lock.unlock()
        if level <= limit { sink?("ffmpeg: " + line + "\n") }
    }
}
