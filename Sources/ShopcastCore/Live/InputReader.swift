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
    /// Compressed pictures read ahead of their time, in decoding order, each with the show time
    /// it is decoded at. A container interleaves its streams loosely (an MPEG-TS muxer sends
    /// audio up to ~0.7 s after the video of the same moment, more at low audio rates), so the
    /// reader reads ahead of the clock to have every sound on time; pictures wait here
    /// compressed, a few kilobytes each, rather than decoded, megabytes each.
    private var heldVideo: [(packet: Packet, due: Double)] = []

    /// Joining a network feed: its first keyframe and what follows, held until the reader has
    /// caught up with the live edge. Opening a feed reads up to a second of it to learn its
    /// streams, and those packets then come out in one burst; anchored on the first of them, the
    /// show would play the burst fast and jump. Anchored on the newest, each keeps its place.
    private var joining: [Packet] = []
    /// The last sound read before the first keyframe: an AAC frame (~21 ms) that runs into the
    /// keyframe's moment holds the start of its sound.
    private var soundBeforeJoin: Packet?
    /// The last read had to wait for the network (more than `liveEdgeWait`): what it returned
    /// is live, not backlog.
    private var readWaited = false
    static let liveEdgeWait = 0.005

    // Timeline mapping: show time = source time - origin + offset.
    private var origin: Double?
    private var offset: Double = 0
    /// End of the latest frame, in show time: of the pictures when the input gives the picture
    /// (the sound of a file often runs a few milliseconds past them), else of the sound. A loop
    /// continues from there, so its pictures stay on the output's frame grid and the sound in
    /// step with them; sound beyond the last picture is cut at the seam.
    private var latestEnd: Double = 0
    /// Where a capture device's next audio belongs on the show's timeline: right after the last.
    private var audioNext: Double?
    /// A capture device's audio may arrive this far from where its last buffer ended before that
    /// counts as a real break.
    static let captureJitter = 0.25
    /// Waits between attempts to reopen a lost feed.
    static let reconnectBackoff = Backoff(first: 0.5, factor: 1.5, cap: 5)
    /// How far ahead of the clock a paced source (a file) is read.
    static let readAhead = 1.0
    /// A network feed is shown this long after it arrives: the room its audio needs to catch up
    /// with its pictures when the feed's container sends it late.
    static let feedDelay = 1.0
    /// A held picture is decoded this long before it is due, for the decoder's own delay.
    static let decodeLead = 0.04

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

    /// Show time at which the input ended for good (no loop), nil while it plays.
    var endTime: Double? {
        stateLock.lock(); defer { stateLock.unlock() }
        return endedAt
    }

    func start() {
        Thread.start(named: "shopcast-input") { [self] in
            run()
            releaseMedia()
        }
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
        heldVideo.removeAll()
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
        if let videoIndex { videoSink?.orientation = input.orientation(of: videoIndex) }
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
                let asked = MonotonicClock.now()
                step = try input.read(into: packet)
                readWaited = MonotonicClock.now() - asked > Self.liveEdgeWait
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
                playOut(frame)
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
        guard !spec.needsPacing, origin == nil else { place(packet, frame); return }
        // A live source's timeline starts at its first keyframe (joined mid-way, the pictures
        // before it decode grey and smeared); sound before it is not played.
        let isVideo = packet.streamIndex == videoIndex
        if joining.isEmpty, videoDecoder != nil, !isVideo || !packet.isKeyframe {
            if packet.streamIndex == audioIndex { soundBeforeJoin = try? packet.clone() }
            return
        }
        guard packet.streamIndex == videoIndex || packet.streamIndex == audioIndex, let held = try? packet.clone() else { return }
        if joining.isEmpty, let sound = soundBeforeJoin, let end = input.endSeconds(of: sound),
           let key = input.seconds(of: packet), end > key + 0.001 {
            joining.append(sound)
        }
        soundBeforeJoin = nil
        joining.append(held)
        // The live edge: the newest picture (or sound, without pictures) read so far.
        let times = joining.filter { videoIndex == nil || $0.streamIndex == videoIndex }.compactMap { input.seconds(of: $0) }
        guard let first = times.first, let newest = times.max() else { return }
        if !readWaited && newest - first < Self.feedDelay { return }
        origin = newest
        offset = onGrid(clock.elapsed + (spec.reconnects ? Self.feedDelay : 0))
        let backlog = joining
        joining.removeAll()
        for held in backlog { place(held, frame) }
    }

    /// Puts one packet on the show's timeline: pictures held compressed until due, sound
    /// decoded at once.
    private func place(_ packet: Packet, _ frame: Frame) {
        let decoder: Decoder
        if packet.streamIndex == videoIndex, let d = videoDecoder {
            decoder = d
        } else if packet.streamIndex == audioIndex, let d = audioDecoder {
            decoder = d
        } else {
            return
        }
        let due = input.seconds(of: packet).map(showTime)
        if decoder.isVideo {
            guard let held = try? packet.clone() else { return }
            heldVideo.append((held, due ?? clock.elapsed))
        } else {
            // A damaged packet is skipped; the stream goes on.
            if (try? decoder.send(packet)) != nil { receive(from: decoder, into: frame) }
        }
        decodeDuePictures(frame)
        guard spec.needsPacing, let due else { return }
        // A file plays at its real pace: read on once the clock is within `readAhead` of this
        // packet, decoding each held picture as its time comes.
        while true {
            let wake = min(due - Self.readAhead, (heldVideo.first?.due ?? .infinity) - Self.decodeLead)
            if wake <= clock.elapsed { return }
            if !clock.sleep(until: wake) || interrupter.isAborted { return }
            decodeDuePictures(frame)
        }
    }

    /// Decodes the held pictures whose time has come (all of them with `all`).
    private func decodeDuePictures(_ frame: Frame, all: Bool = false) {
        guard let decoder = videoDecoder else { heldVideo.removeAll(); return }
        let now = clock.elapsed + Self.decodeLead
        var decoded = 0
        for held in heldVideo {
            guard all || held.due <= now else { break }
            decoded += 1
            // A damaged packet is skipped; the stream goes on.
            if (try? decoder.send(held.packet)) != nil { receive(from: decoder, into: frame) }
        }
        if decoded > 0 { heldVideo.removeFirst(decoded) }
    }

    /// At the end of a file: the held pictures, each in its time, then what the decoders keep.
    private func playOut(_ frame: Frame) {
        while let first = heldVideo.first, !interrupter.isAborted {
            if spec.needsPacing, !clock.sleep(until: first.due - Self.decodeLead) { break }
            decodeDuePictures(frame, all: !spec.needsPacing)
        }
        heldVideo.removeAll()
        drain(frame)
    }

    private func receive(from decoder: Decoder, into frame: Frame) {
        while (try? decoder.receive(into: frame)) == .ok {
            defer { frame.unref() }
            guard let raw = decoder.seconds(of: frame) else { continue }
            let t = showTime(raw)
            if decoder.isVideo || videoSink == nil { latestEnd = max(latestEnd, t + decoder.duration(of: frame)) }
            if decoder.isVideo {
                guard let copy = try? frame.reference() else { continue }
                videoSink?.push(copy, at: t)
            } else if var samples = try? resampler.convert(frame) {
                var at = t
                if spec.needsPacing, videoSink != nil, let origin, raw < origin {
                    // Sound from before a file's first picture (an encoder's priming) is not
                    // played: at a --loop seam it would cover the end of the last pass.
                    let early = min(samples.count / 2, Int(((origin - raw) * Double(OutputFormat.audioSampleRate)).rounded()))
                    samples.removeFirst(early * 2)
                    at += Double(early) / Double(OutputFormat.audioSampleRate)
                    if samples.isEmpty { continue }
                }
                audioSink?.push(samples, at: audioTime(at, samples: samples.count / 2))
            }
        }
    }

    /// Maps a source timestamp to show time. Live sources are anchored to the clock when their
    /// first picture arrives (their first sound, without a picture), and re-anchored when a frame
    /// arrives more than `liveLead` before its time (what came first was a backlog: opening a
    /// feed reads seconds of it to learn its streams, and those come out in one burst) or more
    /// than two seconds after it (a stall). Anchors fall on the output's frame grid, so a feed's
    /// pictures at the output's rate are shown when they are due, not up to a frame late.
    private func showTime(_ source: Double) -> Double {
        let delay = spec.reconnects ? Self.feedDelay : 0
        if origin == nil {
            // A file's timeline starts at its first picture, so pictures land on the output's
            // frame grid and the sound keeps its place against them (audio that starts a little
            // earlier, an encoder's priming, falls before the start).
            origin = spec.needsPacing ? videoIndex.flatMap { input.firstTime(of: $0) } ?? source : source
            offset = spec.needsPacing ? max(offset, 0) : onGrid(clock.elapsed + delay)
        }
        var t = source - origin! + offset
        if !spec.needsPacing {
            let now = clock.elapsed + delay
            if t - now > Self.liveLead || now - t > 2 {
                offset = onGrid(offset + now - t)
                t = source - origin! + offset
            }
        }
        return t
    }

    /// The first time at or after `t` on the output's frame grid.
    private func onGrid(_ t: Double) -> Double {
        let fps = Double(opener.format.fps)
        return (t * fps - 1e-6).rounded(.up) / fps
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

    /// `--loop`: back to the start, continuing the timeline where the last picture ended. The
    /// file is opened afresh rather than sought: a seek lands on the first picture's keyframe,
    /// after the sound that precedes it (an AAC encoder's priming), and sound decoded without
    /// its priming fades in; opened again, every pass plays exactly as the first.
    private func rewind() -> Bool {
        // Containers that keep milliseconds put the last picture's end a fraction of a
        // millisecond off: on the file's own frame grid, many passes do not add up to a drift.
        let rate = videoIndex.flatMap { input.frameRate(of: $0) }.map { Double($0.numerator) / Double($0.denominator) }
        guard let again = try? opener.open(interrupter: interrupter) else { return false }
        input = again
        guard (try? selectStreams()) != nil else { return false }
        origin = nil
        audioNext = nil
        offset = rate.map { (latestEnd * $0).rounded() / $0 } ?? latestEnd
        return true
    }

    /// A network feed dropped: reopen it with backoff while the show holds the last picture.
    private func reopen(after error: Error) -> Bool {
        let name = InputOpener.describe(spec)
        events.publish(.inputLost(input: name, error: "\(error)"))
        setHealth(.lost)
        // Quickly at first (0.5 s, then ×1.5 up to 5 s): viewers see the slate meanwhile, and a
        // feed back after a few seconds should be on air again within a second or so.
        let reconnector = Reconnector(backoff: Self.reconnectBackoff, maxRetries: nil)
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
        // Pictures held from the old connection cannot go through the new one's decoder.
        heldVideo.removeAll()
        joining.removeAll()
        soundBeforeJoin = nil
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
