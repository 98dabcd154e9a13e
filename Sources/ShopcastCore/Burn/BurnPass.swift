import Foundation

/// One run of an `OverlayBurn`: the supervisory loop. It takes pictures and audio packets from
/// the `DecodeStage` thread, draws on each picture, encodes it and muxes everything. Holds the
/// run's mutable state: the encoder and muxer opened on the first picture, audio held back until
/// then, counters.
final class BurnPass {
    private let burn: OverlayBurn
    private let report: (BurnProgress) -> Void
    private let timeBase: TimeBase
    private let duration: Double?
    /// How the video's pictures are turned upright (a phone's display matrix).
    private let orientation: Orientation
    private let started = MonotonicClock.nanoseconds()
    private var lastReport: UInt64 = 0
    private var converter: PictureConverter?
    private var encoder: Encoder?
    private var encodedSize = (width: 0, height: 0)
    private var output: OutputFile?
    private var pendingAudio: [Packet] = []
    private var audioOutput: [Int: Int] = [:]
    private var firstPts: Int64?
    /// The pictures' duration in the stream's ticks, for the encoder's packets.
    private var frameDuration: Int64 = 0
    private var lastPts: Int64?
    private var frames = 0
    private var position = 0.0
    private var skipped = 0
    private var damaged = 0

    init(burn: OverlayBurn, progress: @escaping (BurnProgress) -> Void) throws {
        self.burn = burn
        report = progress
        timeBase = burn.input.timeBaseFraction(of: burn.videoIndex)
        duration = burn.input.durationSeconds
        orientation = burn.input.orientation(of: burn.videoIndex)
        for (n, index) in burn.audioIndices.enumerated() { audioOutput[index] = n + 1 }
    }

    func run() throws -> BurnSummary {
        let stage = try DecodeStage(input: burn.input, inputName: burn.job.input, videoIndex: burn.videoIndex,
                                    audioStreams: burn.audioIndices)
        stage.start()
        // However this loop ends, the decode thread must not outlive the input it reads.
        var ended = false
        defer {
            if !ended {
                stage.cancel()
                while case let item = stage.next(), !Self.isLast(item) {}
            }
        }
        var stopped = false
        loop: while true {
            if burn.shouldStop {
                stopped = true
                break loop
            }
            switch stage.next() {
            case .picture(let frame):
                try handle(frame)
            case .audio(let packet):
                guard let out = audioOutput[packet.streamIndex] else { continue loop }
                if let output {
                    try write { try output.writeCopy(packet, from: burn.input, streamIndex: out) }
                } else {
                    // Held until the first picture opens the muxer, which needs the encoder's headers.
                    pendingAudio.append(packet)
                }
            case .finished:
                ended = true
                break loop
            case .failed(let error):
                ended = true
                throw error
            }
        }
        if stopped {
            stage.cancel()
            while case let item = stage.next(), !Self.isLast(item) {}
            ended = true
        }
        damaged = stage.damaged
        if let encoder, let output {
            try encoder.send(nil)
            for p in try encoder.drain() { try write { try output.writeVideo(p, duration: frameDuration) } }
            try write { try output.finish() }
        } else {
            throw ShopcastError(.badData, "\(burn.job.input): no picture could be decoded")
        }
        // The end of the last picture, not its start: a 6 s file reports 6 s done.
        if !stopped { position += timeBase.seconds(frameDuration) }
        let last = BurnProgress(frames: frames, position: position, duration: duration, elapsed: elapsed)
        report(last)
        return BurnSummary(progress: last, stopped: stopped, offersShown: burn.overlay.offersShown.count,
                           audioStreams: burn.audioIndices.count, skippedFrames: skipped, damagedPackets: damaged)
    }

    private static func isLast(_ item: DecodeStage.Item) -> Bool {
        switch item {
        case .finished, .failed: return true
        case .picture, .audio: return false
        }
    }

    private func handle(_ decoded: Frame) throws {
        // Timestamps are kept, so a picture without one, or not after the last, cannot be placed.
        guard decoded.adoptBestEffortTimestamp(), lastPts.map({ decoded.pts > $0 }) ?? true else {
            skipped += 1
            return
        }
        if let last = lastPts, frameDuration == 0 { frameDuration = decoded.pts - last }
        if decoded.durationTicks > 0 { frameDuration = decoded.durationTicks }
        lastPts = decoded.pts
        decoded.renameFullRangeFormat()
        var picture = decoded
        if !PictureConverter.isBlendable(decoded) {
            if converter == nil { converter = PictureConverter() }
            picture = try converter!.convert(decoded)
        }
        picture = try orientation.upright(picture)
        let first = firstPts ?? picture.pts
        if encoder == nil { try open(like: picture) }
        firstPts = first
        position = timeBase.seconds(picture.pts - first)
        try burn.overlay.compose(onto: picture, at: burn.job.startOffset + position)
        picture.clearPictureType()
        guard let encoder, let output else { return }
        guard picture.width == encodedSize.width, picture.height == encodedSize.height else {
            throw ShopcastError(.badData, "\(burn.job.input): the picture size changes at \(ClockText.string(Int(position))) (\(encodedSize.width)x\(encodedSize.height) to \(picture.width)x\(picture.height)); shopcast overlay needs one size throughout")
        }
        try encoder.send(picture)
        for p in try encoder.drain() { try write { try output.writeVideo(p, duration: frameDuration) } }
        frames += 1
        let now = MonotonicClock.nanoseconds()
        if now - lastReport > 200_000_000 {
            lastReport = now
            report(BurnProgress(frames: frames, position: position, duration: duration, elapsed: elapsed))
        }
    }

    /// Opens the encoder and the muxer, shaped like the first picture, and sends the audio
    /// read so far.
    private func open(like picture: Frame) throws {
        let made: Encoder
        do {
            made = try Encoder.makeFileVideo(like: picture, timeBase: timeBase, frameRate: burn.input.frameRate(of: burn.videoIndex),
                                             settings: burn.job.video, globalHeader: OutputFile.wantsGlobalHeader(burn.container.muxer))
        } catch {
            throw ShopcastError(.badData, "cannot set up the H.264 encoder for \(picture.width)x\(picture.height) video: \(error)")
        }
        let copies = burn.audioIndices.map { (input: burn.input, stream: $0) }
        let opened = try write {
            try OutputFile(path: burn.job.output, format: burn.container.muxer, video: made, copies: copies,
                           muxerOptions: burn.container.options.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                           interrupter: burn.interrupter)
        }
        encoder = made
        encodedSize = (picture.width, picture.height)
        output = opened
        for held in pendingAudio {
            guard let out = audioOutput[held.streamIndex] else { continue }
            try write { try opened.writeCopy(held, from: burn.input, streamIndex: out) }
        }
        pendingAudio = []
    }

    /// Runs a muxer call, turning FFmpeg's failure into an I/O error that names OUTPUT.
    private func write<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as FFmpegError {
            throw ShopcastError(.io, "cannot write \(burn.job.output): \(error.reason)")
        }
    }

    private var elapsed: Double { Double(MonotonicClock.nanoseconds() - started) / 1e9 }
}
