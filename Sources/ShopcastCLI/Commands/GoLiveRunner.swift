import CLinux
import Foundation
import ShopcastControl
import ShopcastCore

/// Runs `go-live` with checked options: resolves destinations, sets up the show (manifest,
/// control API, journal, webhooks), starts the session, handles signals, prints the status
/// line, and turns the outcome into an exit status.
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
        var given = try options.destinations.map { (format: $0.format, destination: try resolver.resolve($0.text)) }
        if given.isEmpty { given = [(nil, try resolver.defaultRecording())] }
        var seen = Set<String>()
        for d in given where !seen.insert(d.destination.url).inserted {
            throw UsageError("destination '\(d.destination.display)' is given twice", command: "go-live")
        }
        if let ca = options.caFile, !FileManager.default.isReadableFile(atPath: ca) {
            throw ShopcastError(.noInput, "--ca-file '\(ca)' cannot be read")
        }
        let token = try options.control == nil ? nil : ControlToken.read(file: options.controlTokenFile, context: context)
        if let address = options.control, !address.isLoopback {
            guard let token else {
                throw ShopcastError(.config, "--control \(address) can be reached from other machines: give a token with --control-token-file FILE (mode 0600) or \(ControlToken.environmentVariable), or listen on this machine only (--control \(address.port))")
            }
            guard token.count >= ControlToken.minimumLength else {
                throw ShopcastError(.config, "the control token is \(token.count) characters; on an address other machines can reach it must be at least \(ControlToken.minimumLength)")
            }
        }
        let webhooks = try options.webhooks.map { try WebhookOption.url($0, context: context, command: "go-live") }
        let secret = try options.webhookSecretFile.map { try WebhookOption.secret($0, context: context) }

        let manifest = try options.manifest.map { try ManifestOption.load($0, context: context) }
        var format = options.format
        var formatName = options.formatName
        if let name = manifest?.show.preset, !options.formatGiven, let preset = OutputFormat.preset(name) {
            format.size = preset.size
            format.fps = preset.fps
            formatName = name
            if options.videoBitRateGiven == false { format.videoBitRate = preset.videoBitRate }
        }
        let renditions = Self.renditions(given, show: format, named: formatName)

        // One event stream for the run: the --events file, webhooks, the control API's stream.
        let bus = EventBus(encoder: EventEncoder(manifest: manifest))
        if let path = options.events { bus.add(try EventFile(path: path, currentDirectory: context.currentDirectory)) }
        let status = StatusPrinter(console: console, quiet: options.quiet)
        var webhookSender: WebhookSender?
        if !webhooks.isEmpty {
            let quiet = options.quiet
            let sender = WebhookSender(urls: webhooks, secret: secret) { outcome in
                guard let report = WebhookOption.report(outcome) else { return }
                if report.warning {
                    status.warning(report.text)
                } else if !quiet {
                    status.note(report.text)
                }
            }
            webhookSender = sender
            bus.add(WebhookSink(sender: sender))
        }

        // The show: what the manifest schedules and the producer cues, drawn on every frame.
        var show: LiveShow?
        var overlay: (() throws -> FrameCompositor)?
        var journal: ShowJournal?
        if manifest != nil || options.control != nil || options.journal != nil || !options.chat.isEmpty {
            var showManifest = manifest ?? Manifest.empty(folder: context.currentDirectory)
            showManifest.chat.settings.hold = options.chatHold
            journal = try options.journal.map {
                try ShowJournal(path: $0, currentDirectory: context.currentDirectory, showTitle: showManifest.show.title)
            }
            show = LiveShow(manifest: showManifest, bus: bus, journal: journal)
            // Made here, so a problem drawing the show stops go-live before anything opens; the
            // first rendition draws with it, each other one with one of its own.
            var first: ShowOverlay? = try ShowOverlay(manifest: showManifest)
            overlay = {
                defer { first = nil }
                return try first ?? ShowOverlay(manifest: showManifest)
            }
            if let journal, let contents = journal.contents {
                status.note("resuming the show from \(journal.path): \(contents.commands.count) command\(contents.commands.count == 1 ? "" : "s") to replay")
            }
        }
        // Without --duration, the show's own length ends it: counted by the session from the
        // stream's real start, once the inputs are open. Over already: nothing to stream.
        if options.duration == nil, let show, let end = show.streamEnd(after: Date()), end <= 0 {
            throw ShopcastError(.badData, "the show in \(show.manifest.path) is already over (its origin + show.duration is in the past)"
                + (options.journal != nil ? "; a new show needs a new --journal file" : ""))
        }

        // The control API listens before inputs open (a feed can take seconds), so `cue status`
        // answers at once; commands wait for the first frame.
        var server: ControlServer?
        if let address = options.control, let show {
            let control = ControlServer(address: address, token: token, show: show, bus: bus)
            let bound = try control.start()
            server = control
            bus.publish(.controlListening(address: bound.baseURL))
            status.note("control API on \(bound.baseURL)" + (token == nil ? "" : " (token required)"))
        }
        defer { server?.stop() }

        var config = LiveConfig(inputs: options.inputs, destinations: [], loop: options.loop,
                                format: format, duration: options.duration, maxRetries: options.retries,
                                caFile: options.caFile, environment: context.environment,
                                show: show, overlay: overlay)
        config.renditions = renditions
        config.framing = options.framing
        config.backupInput = options.backupInput
        config.holdAudio = options.holdAudio.map { FilePath.resolve($0, in: context.currentDirectory) }
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
        let session = try LiveSession(config: config, events: bus)
        started.session = session
        var chatLogFile: EventFile?
        if let path = options.chatLog, let show {
            let log = try EventFile(path: path, currentDirectory: context.currentDirectory)
            show.chatLog = { log.append($0) }
            chatLogFile = log
        }
        // The chat log is no sink of the bus: its last lines are written before the process ends.
        defer { chatLogFile?.flush(timeout: 2) }
        // Viewers' chat: each source on a thread of its own, into the show between two frames.
        let chatFilter = (manifest?.chat ?? ChatSection()).filter()
        let chatReaders = show.map { show in
            options.chat.map { source in
                ChatSourceReader(source.spec, name: source.name, filter: chatFilter,
                                 caFile: options.caFile.map { FilePath.resolve($0, in: context.currentDirectory) },
                                 environment: context.environment, deliver: { show.receive($0) }, warn: { status.warning($0) })
            }
        } ?? []
        for reader in chatReaders { reader.start() }
        defer { for reader in chatReaders { reader.stop() } }
        server?.setStatusSource { [weak session] in session?.status }
        for rendition in renditions {
            for d in rendition.destinations where !d.isNetwork {
                status.note("recording to \(d.display)" + (renditions.count > 1 ? " (\(rendition.label))" : ""))
                // The muxer's overhead is small beside the encoders' rates.
                let rate = rendition.format.videoBitRate + format.audioBitRate
                if let warning = DiskRoom.warning(for: d.url, display: d.display, bitsPerSecond: rate) {
                    status.warning(warning)
                }
            }
        }
        let destinations = renditions.flatMap(\.destinations)
        var journalWarned = false
        let summary = session.run { figures in
            status.update(figures)
            if !journalWarned, let failure = journal?.writeFailure {
                journalWarned = true
                status.warning(failure + " (commands from now on are shown but not kept)")
            }
        }
        status.finish()
        let code: ExitCode = session.failure == nil ? exitCode(for: summary.outcome) : .software
        var ending = summary.ending
        ending.exitCode = Int(code.rawValue)
        bus.publish(.streamEnded(ending))
        bus.flush()
        // The shop's last events (offer.end, a sale) get as long as schedule run gives them.
        if let webhookSender, !webhookSender.finish(timeout: 30) {
            console.warning("gave up waiting for webhook deliveries still being retried")
        }
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

extension GoLiveRunner {
    /// The show's output formats: its own (`format`, for destinations without a prefix) first,
    /// then one per other preset the destinations name, in the order given. A named preset
    /// gives the size and video bitrate; frame rate, keyframe interval, encoder speed and the
    /// sound are the show's, so every rendition has the same frames and keyframe times. A
    /// prefix that comes to the show's own format joins it.
    static func renditions(_ destinations: [(format: String?, destination: Destination)], show format: OutputFormat,
                           named name: String?) -> [RenditionSpec] {
        var renditions = [RenditionSpec(name: name, format: format, destinations: [])]
        for d in destinations {
            var own = format
            if let preset = d.format.flatMap(OutputFormat.preset) {
                own.size = preset.size
                own.videoBitRate = preset.videoBitRate
            }
            if let i = renditions.firstIndex(where: { $0.format == own }) {
                renditions[i].destinations.append(d.destination)
            } else {
                renditions.append(RenditionSpec(name: d.format, format: own, destinations: [d.destination]))
            }
        }
        // Every destination asked for another format: the show's own has none to feed.
        return renditions.filter { !$0.destinations.isEmpty }
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
