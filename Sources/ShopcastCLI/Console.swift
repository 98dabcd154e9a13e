import Foundation
import ShopcastCore

/// Where a command writes: results to `out`, progress and diagnostics to `err`. Tests pass
/// closures that capture; the real binary writes to the file descriptors.
public struct Console: @unchecked Sendable {
    public var out: (String) -> Void
    public var err: (String) -> Void
    /// stderr is a terminal and NO_COLOR is unset: live status lines and colour are allowed.
    public var errIsTerminal: Bool
    public var outIsTerminal: Bool
    /// Columns of the terminal on stderr, asked each time (a window may be resized).
    public var errColumns: () -> Int = { 80 }

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void,
                outIsTerminal: Bool = false, errIsTerminal: Bool = false) {
        self.out = out
        self.err = err
        self.outIsTerminal = outIsTerminal
        self.errIsTerminal = errIsTerminal
    }

    /// The process's own stdout and stderr.
    public static func standard(environment: [String: String]) -> Console {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        var console = Console(
            out: { DescriptorWriter.standardOutput.write($0) },
            err: { DescriptorWriter.standardError.write($0) },
            outIsTerminal: isatty(1) == 1,
            errIsTerminal: isatty(2) == 1 && !noColor && environment["TERM"] != "dumb")
        let fallback = environment["COLUMNS"].flatMap { Int($0) } ?? 80
        console.errColumns = {
            var size = winsize()
            return ioctl(2, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : fallback
        }
        return console
    }

    public func error(_ message: String) { err("shopcast: error: \(message)\n") }
    public func warning(_ message: String) { err("shopcast: warning: \(message)\n") }
}

/// Everything a command may read from its surroundings, so tests can run it in-process.
public struct CommandContext: @unchecked Sendable {
    public var console: Console
    public var environment: [String: String]
    public var currentDirectory: URL

    public init(console: Console, environment: [String: String], currentDirectory: URL) {
        self.console = console
        self.environment = environment
        self.currentDirectory = currentDirectory
    }
}

extension CommandContext {
    /// A path from the command line, relative to this context's directory. Kept as typed when
    /// that is the process's own directory, so messages and printed paths read as the user wrote them.
    func resolvePath(_ path: String) -> String {
        if currentDirectory.standardizedFileURL.path == URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path {
            return path
        }
        return FilePath.resolve(path, in: currentDirectory)
    }
}
