import Foundation

/// Demuxes and decodes one input on its own thread and feeds the show: pictures to a
/// `VideoFrameQueue`, audio to an `AudioTimeline`, each stamped with its time on the show's
/// clock. Files and the test source are paced to real time; live sources are taken as they come;
/// network feeds that drop are reopened with backoff while the show goes on.
final class InputReader: @unchecked Sendable {
    let spec: InputSpec
    private let opener: InputOpener
    private let clock: ShowClock
    private let loop: Bool
    private let videoSink: VideoFrameQueue?
    private let audioSink: AudioTimeline?
    private let events: EventBus
    private let interrupter = Interrupter()
    private var input: InputFile
    private var videoIndex: Int?
    private var audioIndex: Int?
    private var videoDecoder: Decoder?
    private var audioDecoder: Decoder?
    private let resampler = Resampler()

    // Timeline mapping: show time = source time - origin + offset.
    private var origin: Double?
    private var offset: Double = 0
    /// End of the latest frame, in show time; where a loop continues from.
    private var latestEnd: Double = 0
    /// Where a capture device's next audio belongs on the show's timeline: right after the last.
    private var audioNext: Double?
    /// A capture device's audio may arrive this far from where its last buffer ended before that
    /// counts as a real break.
    static let captureJitter = 0.25

    private let stateLock = NSCondition()
    private var endedAt: Double?
    private var healthState = Health.live
    /// The thread has let go of the input and its decoders.
    private var released = false

    /// Opens the input now, so a bad source fails before the show starts.
    init(spec: InputSpec, opener: InputOpener, clock: ShowClock, loop: Bool,
         video: VideoFrameQueue?, audio: AudioTimeline?, events: EventBus) throws {
        self.spec = spec
        self.opener = opener
        self.clock = clock
        self.loop = loop
        self.events = events
        input = try opener.open(interrupter: interrupter)
        videoSink = video
        audioSink = audio
        try selectStreams()
    }

    var hasVideo: Bool { videoIndex != nil }
    var hasAudio: Bool { audioIndex != nil }

    /// Show time at which the input ended for good (no loop), nil while it plays.
    var endTime: Double? {
        stateLock.lock(); defer { stateLock.unlock() }
        return endedAt
    }

    func start() {
        let thread = Thread { [self] in
            run()
            releaseMedia()
        }
        thread.name = "shopcast-input"
        thread.start()
    }

    /// Stops reading; blocking calls are interrupted.
    func stop() { interrupter.abort() }

    /// Waits up to `timeout` seconds for the thread to close the input; false if it has not.
    func waitUntilReleased(timeout: Double) -> Bool {
        stateLock.lock()
        defer { stateLock.unlock() }
        return stateLock.wait(seconds: timeout) { released }
    }

    /// The show is over for this input: decoders (and the frames their pools hold) and the
    /// demuxer go now, on the thread that used them.
    private func releaseMedia() {
        videoDecoder = nil
        audioDecoder = nil
        input.close()
        stateLock.lock()
        released = true
        stateLock.broadcast()
        stateLock.unlock()
    }

    private func selectStreams() throws {
        videoIndex = videoSink != nil ? input.bestStream(video: true) : nil
        audioIndex = audioSink != nil ? input.bestStream(video: false) : nil
        do {
            videoDecoder = try videoIndex.map { try Decoder(input: input, streamIndex: $0) }
            audioDecoder = try audioIndex.map { try Decoder(input: input, streamIndex: $0) }
        } catch let error as FFmpegError {
            throw ShopcastError(.noInput, "input '\(InputOpener.describe(spec))': \(error)")
        }
    }

    private func run() {
        let packet: Packet
        let frame: Frame
        do {
            packet = try Packet()
            frame = try Frame()
        } catch {
            finish()
            return
        }
        while !interrupter.isAborted && !clock.isStopped {
            let step: StepResult
            do {
                step = try input.read(into: packet)
            } catch {
                if interrupter.isAborted { break }
                if spec.reconnects, reopen(after: error) { continue }
                events.publish(.inputFailed(input: InputOpener.describe(spec), error: "\(error)"))
                setHealth(.failed)
                break
            }
            switch step {
            case .again:
                Thread.sleep(forTimeInterval: 0.005)
                continue
            case .endOfStream:
                drain(frame)
                if loop, case .file = spec {
                    if rewind() { continue }
                    events.publish(.inputFailed(input: InputOpener.describe(spec), error: "cannot go back to the start for --loop"))
                }
                if spec.reconnects, reopen(after: ShopcastError(.unavailable, "the feed ended")) { continue }
                finish()
                return
            case .ok:
                process(packet, frame)
                packet.unref()
            }
        }
        finish()
    }

    private func process(_ packet: Packet, _ frame: Frame) {
        let decoder: Decoder
        if packet.streamIndex == videoIndex, let d = videoDecoder {
            decoder = d
        } else if packet.streamIndex == audioIndex, let d = audioDecoder {
            decoder = d
        } else {
            return
        }
        if spec.needsPacing, let t = input.seconds(of: packet) {
            // Release the packet when its time comes, so a file plays at its real pace.
            if !clock.sleep(until: showTime(t)) { return }
        }
        // A damaged packet is skipped; the stream goes on.
        guard (try? decoder.send(packet)) != nil else { return }
        receive(from: decoder, into: frame)
    }

    private func receive(from decoder: Decoder, into frame: Frame) {
        while (try? decoder.receive(into: frame)) == .ok {
            defer { frame.unref() }
            guard let raw = decoder.seconds(of: frame) else { continue }
            let t = showTime(raw)
            latestEnd = max(latestEnd, t + decoder.duration(of: frame))
            if decoder.isVideo {
                guard let copy = try? frame.reference() else { continue }
                videoSink?.push(copy, at: t)
            } else if let samples = try? resampler.convert(frame) {
                audioSink?.push(samples, at: audioTime(t, samples: samples.count / 2))
            }
        }
    }

    /// Maps a source timestamp to show time. Live sources are anchored to the clock when their
    /// first frame arrives, and re-anchored when a frame arrives more than `liveLead` before its
    /// time (what came first was a backlog: opening a feed reads seconds of it to learn its
    /// streams, and those come out in one burst) or more than two seconds after it (a stall).
    private func showTime(_ source: Double) -> Double {
        if origin == nil {
            origin = source
            offset = spec.needsPacing ? max(offset, 0) : clock.elapsed
        }
        var t = source - origin! + offset
        if !spec.needsPacing {
            let now = clock.elapsed
            if t - now > Self.liveLead || now - t > 2 {
                offset += now - t
                t = now
            }
        }
        return t
    }

    /// How far ahead of the clock a live source's frame may land; further means the anchor was
    /// a backlog, and the show follows the feed's live edge instead.
    static let liveLead = 0.2

    /// Audio from a capture device goes on the show's timeline by when it arrived, laid end to
    /// end. The device's own stamps cannot be used: PulseAudio stamps a buffer with the wall clock
    /// minus a latency estimate that swings by hundreds of milliseconds while a stream starts,
    /// and consecutive buffers show gaps and overlaps although no sample is missing. Taken
    /// literally, that is silence in the first seconds and audio running ahead of the picture.
    /// A buffer that arrives further than `captureJitter` from where the last one ended (an
    /// overrun, a suspended device, clock drift built up over a long show) starts afresh.
    private func audioTime(_ t: Double, samples: Int) -> Double {
        guard spec.isCaptureDevice else { return t }
        let duration = Double(samples) / Double(OutputFormat.audioSampleRate)
        let captured = clock.elapsed - duration
        var at = captured
        if let expected = audioNext, abs(captured - expected) < Self.captureJitter { at = expected }
        audioNext = at + duration
        return at
    }

    private func drain(_ frame: Frame) {
        for decoder in [videoDecoder, audioDecoder].compactMap({ $0 }) {
            _ = try? decoder.send(nil)
            receive(from: decoder, into: frame)
        }
    }

    /// `--loop`: back to the start, continuing the timeline where the last frame ended.
    private func rewind() -> Bool {
        guard (try? input.rewind()) != nil else { return false }
        videoDecoder?.flush()
        audioDecoder?.flush()
        origin = nil
        audioNext = nil
        offset = latestEnd
        return true
    }

    /// A network feed dropped: reopen it with backoff while the show holds the last picture.
    private func reopen(after error: Error) -> Bool {
        let name = InputOpener.describe(spec)
        events.publish(.inputLost(input: name, error: "\(error)"))
        setHealth(.lost)
        let reconnector = Reconnector(maxRetries: nil)
        let reopened = reconnector.run(initialError: error, attempt: { () throws -> InputFile in
            try opener.open(interrupter: interrupter)
        }, onFailure: { failure in
            if case let .retrying(retry, wait, _) = failure {
                events.publish(.inputRetrying(input: name, attempt: retry, wait: (wait * 100).rounded() / 100))
                setHealth(.retrying)
            }
        }, sleep: { seconds in
            clock.sleep(until: clock.elapsed + seconds) && !interrupter.isAborted
        })
        guard let reopened else { return false }
        input = reopened
        do { try selectStreams() } catch { return false }
        origin = nil
        audioNext = nil
        events.publish(.inputConnected(input: name))
        setHealth(.live)
        return true
    }

    private func finish() {
        stateLock.lock()
        if endedAt == nil { endedAt = latestEnd }
        if healthState == .live { healthState = .ended }
        stateLock.unlock()
    }

    /// How the input is doing, for the status line and the control API.
    enum Health: String {
        case live, lost, retrying, ended, failed
    }

    var health: Health {
        stateLock.lock(); defer { stateLock.unlock() }
        return healthState
    }

    private func setHealth(_ health: Health) {
        stateLock.lock()
        healthState = health
        stateLock.unlock()
    }
}
