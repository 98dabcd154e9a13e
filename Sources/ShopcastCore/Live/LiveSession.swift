import Foundation

/// One live show: inputs on their own threads → one video stage and video encoder per output
/// format (rendition), the sound encoded once → one writer per destination. `run()`
/// supervises: it reports progress, notices when every destination has failed, and ends the
/// show cleanly, writing every trailer.
public final class LiveSession: @unchecked Sendable {
    /// The encoder runs this far behind the clock, so paced inputs and jittery live ones are
    /// already decoded when their picture is due.
    static let latency = 0.1
    /// How far the encoder may fall behind the clock before it catches up by repeating pictures.
    static let maxLag = 0.5
    /// Stream seconds between two wake-ups of the destination writers: at most this much more
    /// delay on the way out, for half the context switches at 30 fps (−25% at 12 destinations).
    static let wakeEvery = 0.06
    /// Further behind than this, repeating cannot catch up: it jumps (a hole in the timestamps).
    static let hopelessLag = 3.0

    // What the supervisor (this file) and the encoder thread (LiveSession+EncoderThread.swift)
    // share; the mutable part is read and written under `lock`.
    let config: LiveConfig
    let events: EventBus
    let clock = ShowClock()
    let videoQueue = VideoFrameQueue()
    private let audioTimeline = AudioTimeline()
    private let readers: [InputReader]
    let videoReader: InputReader
    /// The backup input (`--backup-input`): its reader, its pictures, and its sound when the
    /// picture input also gives the show's sound (else the second input's sound carries on).
    let backup: (reader: InputReader, pictures: VideoFrameQueue, sound: AudioTimeline?)?
    /// The backup is on air (for the status line and the control API).
    var onBackup = false
    let sound: SoundStage
    let renditions: [Rendition]
    /// Every destination's writer, rendition by rendition.
    let writers: [DestinationWriter]

    let lock = NSLock()
    var stopRequested = false
    var encoderDone = false
    var endReason: EndReason = .duration
    var encoderError: Error?
    var framesEncoded: Int64 = 0
    /// Stream seconds at which the show ends (nil: when stopped or the input ends). From
    /// `show.duration`, counted once the stream has really started.
    var duration: Double?
    /// The holding slate is on air (for the status line).
    var holding: String?
    var skippedFrames: Int64 = 0
    var bytesEncoded = 0
    /// Video bytes encoded per rendition.
    var renditionBytes: [Int]
    /// The latest status the supervisor made (about once a second), for the control API.
    private var lastStatus: LiveStatus?
    /// Set once `run()` has freed the inputs' decoders and the encoders.
    private(set) var mediaReleased = false

    /// Opens inputs and encoders; throws (exit 66 / 70) before anything goes out.
    public init(config: LiveConfig, events: EventBus) throws {
        self.config = config
        self.events = events
        for input in config.inputs + (config.backupInput.map { [$0] } ?? []) {
            if case .url(let url) = input {
                for secret in DestinationResolver.secrets(in: url) where secret.count >= 8 { SecretMasker.shared.register(secret) }
            }
        }
        // The first input gives the picture (and its sound); a second one, the sound.
        let audioFromSecond = config.inputs.count > 1
        var readers: [InputReader] = []
        for (i, spec) in config.inputs.enumerated() {
            let opener = InputOpener(spec: spec, format: config.format, environment: config.environment)
            let wantsAudio = audioFromSecond ? i == 1 : true
            let reader = try InputReader(spec: spec, opener: opener, clock: clock, loop: config.loop,
                                         video: i == 0 ? videoQueue : nil, audio: wantsAudio ? audioTimeline : nil,
                                         events: events)
            readers.append(reader)
        }
        videoReader = readers[0]
        guard videoReader.hasVideo else {
            throw ShopcastError(.noInput, "input '\(InputOpener.describe(config.inputs[0]))' has no video; the first -i must give the picture")
        }
        if let spec = config.backupInput {
            let pictures = VideoFrameQueue()
            let sound = audioFromSecond ? nil : AudioTimeline()
            // A backup file plays round and round: it must be there whenever it is needed.
            let reader: InputReader
            do {
                reader = try InputReader(spec: spec, opener: InputOpener(spec: spec, format: config.format, environment: config.environment),
                                         clock: clock, loop: true, video: pictures, audio: sound, events: events)
            } catch let error as ShopcastError {
                throw ShopcastError(error.kind, "--backup-input: " + error.message)
            }
            guard reader.hasVideo else {
                throw ShopcastError(.noInput, "backup input '\(InputOpener.describe(spec))' has no video; --backup-input stands in for the picture")
            }
            backup = (reader, pictures, sound)
            readers.append(reader)
        } else {
            backup = nil
        }
        self.readers = readers
        let audioEncoder: Encoder
        do {
            audioEncoder = try Encoder.makeAudio(config.format)
        } catch {
            throw ShopcastError(.internal, "cannot start the audio encoder: \(error)")
        }
        let settingsFor: (Destination) -> DestinationWriter.Settings = { d in
            DestinationWriter.Settings(maxRetries: config.maxRetries, caFile: config.caFile,
                                       dropThreshold: d.isNetwork ? 0.7 : 10)
        }
        // Each format: its own stage (scaling, framing, the show drawn for its layout) and
        // video encoder; every destination of it shares that encoder and the one sound encoder.
        renditions = try config.renditions.enumerated().map { index, spec in
            let encoder: Encoder
            do {
                encoder = try Encoder.makeVideo(spec.format)
            } catch {
                throw ShopcastError(.internal, "cannot start the video encoder for \(spec.label): \(error)")
            }
            let stage: VideoStage
            do {
                stage = VideoStage(size: spec.format.size, compositor: try config.overlay?(),
                                   slate: try HoldingSlate(manifest: config.show?.manifest), framing: config.framing)
            } catch {
                throw ShopcastError(.internal, "cannot draw the show for \(spec.label): \(error)")
            }
            let writers = spec.destinations.map {
                DestinationWriter(destination: $0, video: encoder, audio: audioEncoder, settings: settingsFor($0), events: events)
            }
            return Rendition(index: index, spec: spec, stage: stage, encoder: encoder, writers: writers)
        }
        sound = SoundStage(encoder: audioEncoder, input: audioTimeline, backup: backup?.sound,
                           hold: try config.holdAudio.map { try HoldAudio(path: $0) })
        writers = renditions.flatMap(\.writers)
        renditionBytes = renditions.map { _ in 0 }
        duration = config.duration
    }

    /// Ends the show cleanly as soon as possible (SIGINT/SIGTERM).
    public func requestStop() {
        lock.lock()
        stopRequested = true
        lock.unlock()
        clock.stop()
    }

    /// Runs the show to its end. `progress` is called about once a second from this thread.
    public func run(progress: (LiveStatus) -> Void) -> LiveSummary {
        events.publish(.streamStarted(StreamDescription(
            size: renditions[0].format.size.description, fps: config.format.fps, videoBitRate: renditions[0].format.videoBitRate,
            audioBitRate: config.format.audioBitRate, keyint: config.format.keyint,
            inputs: config.inputs.map { InputOpener.describe($0) }, destinations: writers.map { $0.destination.display },
            renditions: renditions.map { r in
                StreamDescription.Rendition(format: r.spec.label, size: r.format.size.description, videoBitRate: r.format.videoBitRate,
                                            destinations: r.writers.map { $0.destination.display })
            })),
            streamTime: 0)
        for writer in writers { writer.start() }
        // Opening inputs can take seconds (a network feed's stream info): the show starts now,
        // and a show's end from the manifest counts from here.
        clock.start()
        if config.duration == nil, let end = config.show?.streamEnd(after: Date().addingTimeInterval(LiveSession.latency)) {
            duration = max(0, end)
        }
        let clock = self.clock
        events.setStreamClock { max(0, clock.elapsed - LiveSession.latency) }
        // Stream time 0 goes out when the clock reaches the encoder's latency.
        config.show?.streamStarted(at: Date().addingTimeInterval(LiveSession.latency - clock.elapsed)) {
            clock.elapsed - LiveSession.latency
        }
        for reader in readers { reader.start() }
        Thread.start(named: "shopcast-encoder") { [self] in encodeLoop() }

        var lastReport = 0.0, lastStats = 0.0
        var lastFrames: Int64 = 0, lastBytes = 0
        var lastRenditionBytes = renditions.map { _ in 0 }
        var fps = 0.0, bitRate = 0.0
        while true {
            Thread.sleep(forTimeInterval: 0.1)
            let (done, frames, bytes, videoBytes) = encoderProgress()
            let now = clock.elapsed
            if now - lastReport >= 1 || done {
                let span = max(0.001, now - lastReport)
                fps = Double(frames - lastFrames) / span
                bitRate = Double(bytes - lastBytes) * 8 / span
                let renditionRates = zip(renditions, zip(videoBytes, lastRenditionBytes)).map { r, b in
                    (r.spec.label, r.format.size.description, Double(b.0 - b.1) * 8 / span)
                }
                lastFrames = frames
                lastBytes = bytes
                lastRenditionBytes = videoBytes
                lastReport = now
                let destinations = renditions.flatMap { r in r.writers.map { ($0.destination.display, r.spec.label, $0.snapshot) } }
                var status = LiveStatus(elapsed: Double(frames) / Double(config.format.fps), frames: frames, fps: fps,
                                        bitRate: bitRate, destinations: destinations,
                                        inputs: inputHealth(), skippedFrames: skipped(), slate: slateReason,
                                        onBackup: backupOnAir)
                status.renditions = renditionRates
                lock.lock()
                lastStatus = status
                lock.unlock()
                progress(status)
                if now - lastStats >= 5 {
                    lastStats = now
                    emitStats(status)
                }
            }
            if done { break }
            if !writers.isEmpty, writers.allSatisfy({ if case .failed = $0.snapshot.state { return true } else { return false } }) {
                lock.lock()
                endReason = .destinationsFailed
                lock.unlock()
                requestStop()
            }
        }
        // Inputs first, so their threads give the CPU back and their decoders' memory (the
        // encoder thread has freed its own); then drain every destination in parallel, each
        // with a few seconds to send what is queued and write its trailer.
        clock.stop()
        for reader in readers { reader.stop() }
        releaseMedia()
        let group = DispatchGroup()
        for writer in writers {
            group.enter()
            Thread { writer.finish(deadline: writer.destination.isNetwork ? 3 : 5); group.leave() }.start()
        }
        group.wait()
        return conclude()
    }

    /// Waits (briefly) for the inputs to let go of their decoders and drops the last pictures
    /// they queued, so the process does not carry the show's memory into its exit or its
    /// caller's next step. The encoder thread has already closed the encoders.
    private func releaseMedia() {
        let readersReleased = readers.map { $0.waitUntilReleased(timeout: 1) }.allSatisfy { $0 }
        dropQueuedMedia()
        mediaReleased = readersReleased && renditions.allSatisfy(\.encoder.isClosed) && sound.encoder.isClosed
    }

    private func encoderProgress() -> (Bool, Int64, Int, [Int]) {
        lock.lock(); defer { lock.unlock() }
        return (encoderDone, framesEncoded, bytesEncoded, renditionBytes)
    }

    private func emitStats(_ status: LiveStatus) {
        events.publish(.stats(StreamStats(
            elapsed: (status.elapsed * 10).rounded() / 10, frames: status.frames, fps: status.fps, bitRate: Int(status.bitRate),
            destinations: status.destinations.map {
                StreamStats.Destination(name: $0.display, format: $0.format, state: $0.stats.state.label, sentPackets: $0.stats.sentPackets,
                                        droppedPackets: $0.stats.droppedPackets, sentBytes: $0.stats.sentBytes, lag: $0.stats.lag)
            }, renditions: status.renditions.map { ($0.format, $0.size, Int($0.bitRate)) })))
    }

    /// The running show's latest figures (refreshed about once a second), for the control API.
    public var status: LiveStatus? {
        lock.lock(); defer { lock.unlock() }
        return lastStatus
    }

    /// Each input's health; the picture input counts as stalled while the slate stands in for it
    /// although its reader still thinks it live.
    private func inputHealth() -> [(name: String, health: String)] {
        lock.lock()
        let slate = holding
        lock.unlock()
        return readers.map { reader in
            let health = reader.health
            let stalled = reader === videoReader && slate == "input-stalled" && health == .live
            return (InputOpener.describe(reader.spec), stalled ? "stalled" : health.rawValue)
        }
    }

    /// Lets go of the pictures and sound the inputs queued (the show is over).
    func dropQueuedMedia() {
        videoQueue.removeAll()
        audioTimeline.removeAll()
        backup?.pictures.removeAll()
        backup?.sound?.removeAll()
    }

    /// The backup input is on air in place of the picture input.
    public var backupOnAir: Bool {
        lock.lock(); defer { lock.unlock() }
        return onBackup
    }

    /// Why the holding slate is on air, nil while it is not.
    public var slateReason: String? {
        lock.lock(); defer { lock.unlock() }
        return holding
    }

    private func skipped() -> Int64 {
        lock.lock(); defer { lock.unlock() }
        return skippedFrames
    }

    private func conclude() -> LiveSummary {
        let stats = writers.map { ($0.destination, $0.snapshot) }
        let outcome: LiveOutcome
        if let failed = stats.first(where: { if case .failed = $0.1.state, !$0.0.isNetwork { return true } else { return false } }),
           case let .failed(message) = failed.1.state {
            outcome = .recordingFailed("recording \(failed.0.display): \(message)")
        } else if !stats.contains(where: { $0.1.everConnected }) {
            outcome = .noDestinationReached
        } else {
            // Lost: gave up after its retries, or never reached while the others carried the show.
            // One that was up and is still retrying when the show ends (or is stopped) is not.
            let lost = stats.filter { d in
                if case .failed = d.1.state { return true }
                return !d.1.everConnected
            }.map { $0.0.display }
            outcome = lost.isEmpty ? .completed : .destinationLost(lost)
        }
        lock.lock()
        let reason = encoderError == nil ? endReason : .error
        let frames = framesEncoded
        let skipped = skippedFrames
        lock.unlock()
        var ending = StreamEnding(reason: reason.rawValue, elapsed: Double(frames) / Double(config.format.fps),
                                  frames: frames, skippedFrames: skipped, outcome: "completed")
        switch outcome {
        case .completed: break
        case .noDestinationReached: ending.outcome = "no-destination-reached"
        case .destinationLost(let lost): ending.outcome = "destination-lost"; ending.lost = lost
        case .recordingFailed(let message): ending.outcome = "recording-failed"; ending.error = message
        }
        if let error = encoderError { ending.error = "\(error)" }
        return LiveSummary(outcome: outcome, ending: ending)
    }

    /// The error that stopped the encoder, if any (a bug or an exhausted machine).
    public var failure: Error? {
        lock.lock(); defer { lock.unlock() }
        return encoderError
    }
}
