import CLinux
import Foundation
import ShopcastCore

/// Runs `go-live` with checked options: resolves destinations, starts the session, handles
/// signals, prints the status line, and turns the outcome into an exit status.
enum GoLiveRunner {
    static func run(_ options: GoLiveOptions, context: CommandContext) throws -> ExitCode {
        let console = context.console
        // x264 asks for transparent huge pages for its frame buffers: about 6 MB more resident
        // memory at 720p for no CPU gain we could measure (BENCHMARKS.md). A long-running show
        // is better off without them.
        _ = shim_disable_transparent_huge_pages()
        // Threads per input and per destination would each get a malloc arena holding freed
        // frames of its own; two arenas serve them all (about 3.5 MB less at 720p).
        _ = shim_limit_malloc_arenas(2)
        FFmpegLog.install(verbose: options.verbose) { line in console.err(line) }
        let resolver = DestinationResolver(environment: context.environment, currentDirectory: context.currentDirectory)
        var destinations = try options.destinations.map { try resolver.resolve($0) }
        if destinations.isEmpty { destinations = [try resolver.defaultRecording()] }
        var seen = Set<String>()
        for d in destinations where !seen.insert(d.url).inserted {
            throw UsageError("destination '\(d.display)' is given twice", command: "go-live")
        }
        if let ca = options.caFile, !FileManager.default.isReadableFile(atPath: ca) {
            throw ShopcastError(.noInput, "--ca-file '\(ca)' cannot be read")
        }
        let manifest = try options.manifest.map { try ManifestOption.load($0, context: context) }
        var format = options.format
        if let name = manifest?.show.preset, !options.formatGiven, let preset = OutputFormat.preset(name) {
            format.size = preset.size
            format.fps = preset.fps
            if options.videoBitRateGiven == false { format.videoBitRate = preset.videoBitRate }
        }
        let events = try options.events.map { try EventLog(path: $0, currentDirectory: context.currentDirectory) } ?? EventLog()
        var duration = options.duration
        var overlay: ManifestOverlay?
        if let manifest {
            let drawing = try ManifestOverlay(manifest: manifest, size: format.size, events: events)
            if duration == nil, let end = drawing.streamEnd(after: Date()) {
                guard end > 0 else {
                    throw ShopcastError(.badData, "the show in \(manifest.path) is already over (show.starts + show.duration is in the past)")
                }
                duration = end
            }
            overlay = drawing
        }
        let config = LiveConfig(inputs: options.inputs, destinations: destinations, loop: options.loop,
                                format: format, duration: duration, maxRetries: options.retries,
                                caFile: options.caFile, environment: context.environment, compositor: overlay)
        let status = StatusPrinter(console: console, quiet: options.quiet)
        // Watch signals before opening inputs: a feed can take seconds to answer.
        let started = SessionBox()
        let signals = SignalWatcher { count in
            guard count == 1, let session = started.session else {
                status.note(count == 1 ? "stopped before the show started" : "quitting at once")
                _exit(ExitCode.interrupted.rawValue)
            }
            status.note("stopping: finishing the stream and writing every recording (signal again to quit at once)")
            session.requestStop()
        }
        defer { signals.cancel() }
        let session = try LiveSession(config: config, events: events)
        started.session = session
        for d in destinations where !d.isNetwork { status.note("recording to \(d.display)") }
        let summary = session.run { status.update($0) }
        status.finish()
        let code: ExitCode = session.failure == nil ? exitCode(for: summary.outcome) : .software
        var ended = summary.fields
        ended["exit_code"] = Int(code.rawValue)
        events.emit("stream.ended", ended)
        events.flush()
        if let failure = session.failure {
            throw ShopcastError(.internal, "the encoder stopped: \(failure)")
        }
        let outcome = summary.outcome
        let recordings = destinations.filter { !$0.isNetwork }.map { $0.display }
        switch outcome {
        case .completed:
            for path in recordings { status.note("recording saved: \(path)") }
        case .noDestinationReached:
            console.error("no destination was ever reached: \(destinations.map { $0.display }.joined(separator: ", "))")
        case .destinationLost(let lost):
            for path in recordings where !lost.contains(path) { status.note("recording saved: \(path)") }
            console.error("the show ran, but lost: \(lost.joined(separator: ", "))")
        case .recordingFailed(let message):
            console.error(message + " (the file plays up to the failure)")
        }
        return code
    }
}

/// The session, once it exists, for the signal handler.
final class SessionBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: LiveSession?

    var session: LiveSession? {
        get { lock.lock(); defer { lock.unlock() }; return value }
        set { lock.lock(); value = newValue; lock.unlock() }
    }
}
