import Foundation

/// `shopcast overlay`: a manifest's cards and banners burnt into a recorded video, as fast as
/// the machine allows. One supervisory loop demuxes; the video stream is decoded (frame threads),
/// drawn on at each picture's show offset, and encoded with libx264 at constant quality, keeping
/// every picture's timestamp; every audio stream is remuxed untouched. Decoder and encoder spread
/// their own work over the cores.
///
/// The output is created exclusively before anything is written and removed if the burn fails;
/// `requestStop()` ends it early with a complete, playable (shorter) file.
public final class OverlayBurn {
    /// What to burn, where, and how to encode it.
    public struct Job: Sendable {
        public var input: String
        public var output: String
        /// Show offset of the recording's first picture (0: the recording starts with the show).
        public var startOffset: Double
        public var video: FileVideoSettings

        public init(input: String, output: String, startOffset: Double = 0, video: FileVideoSettings = FileVideoSettings()) {
            self.input = input
            self.output = output
            self.startOffset = startOffset
            self.video = video
        }
    }

    public let job: Job
    private let container: OutputContainer
    private let input: InputFile
    private let videoIndex: Int
    private let audioIndices: [Int]
    private let overlay: RecordingOverlay
    private let interrupter = Interrupter()
    private let stopLock = NSLock()
    private var stopRequested = false

    /// Opens and checks the input and the manifest's look. Throws `.noInput` when the input
    /// cannot be opened, `.badData` when it has no video or its audio cannot go in OUTPUT's
    /// container; nothing is written yet.
    public init(job: Job, manifest: Manifest) throws {
        self.job = job
        guard let container = OutputContainer.forPath(job.output) else {
            throw ShopcastError(.badData, "\(job.output): cannot tell the container from the name; end it in \(OutputContainer.extensions.map { "." + $0 }.joined(separator: ", "))")
        }
        self.container = container
        guard FileManager.default.fileExists(atPath: job.input) else {
            throw ShopcastError(.noInput, "\(job.input): no such file")
        }
        do {
            input = try InputFile(url: job.input, interrupter: interrupter)
        } catch let error as FFmpegError {
            throw ShopcastError(error.isMissingFile ? .noInput : .badData, "\(job.input): \(error.reason)")
        }
        guard let video = input.bestStream(video: true) else {
            throw ShopcastError(.badData, "\(job.input) has no video stream to draw on")
        }
        videoIndex = video
        audioIndices = input.audioStreams
        for index in audioIndices where !OutputFile.canStore(stream: index, of: input, in: container.muxer) {
            throw ShopcastError(.badData, "\(job.output): a .\(job.output.split(separator: ".").last ?? "") file cannot hold the input's \(input.codecName(of: index)) audio, which is copied untouched; write a .mkv instead")
        }
        overlay = try RecordingOverlay(scenes: ShowScenes(manifest: manifest))
    }

    /// Asks the running burn to stop after the current picture and finish the file. Callable
    /// from any thread (a signal handler's queue).
    public func requestStop() {
        stopLock.lock(); stopRequested = true; stopLock.unlock()
    }

    private var shouldStop: Bool {
        stopLock.lock(); defer { stopLock.unlock() }
        return stopRequested
    }

    /// Runs the burn to the end of the input (or a stop). `progress` is called a few times a
    /// second on this thread. Throws `.io` when OUTPUT exists or cannot be written (the partial
    /// file is removed), `.badData` when the input cannot be read.
    public func run(progress: @escaping (BurnProgress) -> Void = { _ in }) throws -> BurnSummary {
        let file = try ExclusiveOutput(path: job.output)
        defer { file.discardUnlessCommitted() }
        let pass = try BurnPass(burn: self, progress: progress)
        let summary = try pass.run()
        file.commit()
        return summary
    }

    /// One run's mutable state: the decoder, the encoder and muxer opened on the first picture,
    /// audio held back until then, counters.
    private final class BurnPass {
        let burn: OverlayBurn
        let report: (BurnProgress) -> Void
        let decoder: Decoder
        let timeBase: TimeBase
        let duration: Double?
        let started = MonotonicClock.nanoseconds()
        var lastReport: UInt64 = 0
        var converter: PictureConverter?
        var encoder: Encoder?
        var encodedSize = (width: 0, height: 0)
        var output: OutputFile?
        var pendingAudio: [Packet] = []
        var audioOutput: [Int: Int] = [:]
        var firstPts: Int64?
        /// The pictures' duration in the stream's ticks, for the encoder's packets.
        var frameDuration: Int64 = 0
        var lastPts: Int64?
        var frames = 0
        var position = 0.0
        var skipped = 0
        var damaged = 0

        init(burn: OverlayBurn, progress: @escaping (BurnProgress) -> Void) throws {
            self.burn = burn
            report = progress
            do {
                decoder = try Decoder(input: burn.input, streamIndex: burn.videoIndex, threading: .framesAndSlices)
            } catch {
                throw ShopcastError(.badData, "\(burn.job.input): cannot decode its video: \(error)")
            }
            timeBase = burn.input.timeBaseFraction(of: burn.videoIndex)
            duration = burn.input.durationSeconds
            for (n, index) in burn.audioIndices.enumerated() { audioOutput[index] = n + 1 }
        }

        func run() throws -> BurnSummary {
            let packet = try Packet()
            let frame = try Frame()
            var stopped = false
            reading: while true {
                if burn.shouldStop { stopped = true; break }
                let step: StepResult
                do { step = try burn.input.read(into: packet) } catch let error as FFmpegError {
                    throw ShopcastError(.badData, "\(burn.job.input): cannot read past \(Self.clock(position)): \(error.reason)")
                }
                switch step {
                case .endOfStream: break reading
                case .again: continue reading
                case .ok: break
                }
                defer { packet.unref() }
                if packet.streamIndex == burn.videoIndex {
                    try decode(packet, into: frame)
                } else if let out = audioOutput[packet.streamIndex] {
                    if let output {
                        try write { try output.writeCopy(packet, from: burn.input, streamIndex: out) }
                    } else {
                        // Held until the first picture opens the muxer, which needs the encoder's headers.
                        pendingAudio.append(try packet.clone())
                    }
                }
            }
            if !stopped { try decode(nil, into: frame) }
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

        /// Feeds one packet (nil: drain at the end) and handles every picture that comes out.
        private func decode(_ packet: Packet?, into frame: Frame) throws {
            do {
                _ = try decoder.send(packet)
            } catch let error as FFmpegError where packet != nil {
                // A damaged packet: leave it out and carry on, as players do.
                _ = error
                damaged += 1
                return
            }
            while true {
                let result: StepResult
                do { result = try decoder.receive(into: frame) } catch is FFmpegError {
                    damaged += 1
                    continue
                }
                guard result == .ok else { return }
                try handle(frame)
                frame.unref()
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
            let first = firstPts ?? picture.pts
            if encoder == nil { try open(like: picture) }
            firstPts = first
            position = timeBase.seconds(picture.pts - first)
            try burn.overlay.compose(onto: picture, at: burn.job.startOffset + position)
            picture.clearPictureType()
            guard let encoder, let output else { return }
            guard picture.width == encodedSize.width, picture.height == encodedSize.height else {
                throw ShopcastError(.badData, "\(burn.job.input): the picture size changes at \(Self.clock(position)) (\(encodedSize.width)x\(encodedSize.height) to \(picture.width)x\(picture.height)); shopcast overlay needs one size throughout")
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

        static func clock(_ seconds: Double) -> String {
            let s = Int(seconds)
            return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60) : String(format: "%02d:%02d", s / 60, s % 60)
        }
    }
}
