import Foundation

/// `shopcast overlay`: a manifest's cards and banners burnt into a recorded video, as fast as
/// the machine allows. A decode thread demuxes and decodes the video stream (`DecodeStage`); the
/// run's loop (`BurnPass`) draws on each picture at its show offset, encodes it with libx264 at
/// constant quality keeping its timestamp, and remuxes every audio stream untouched. Decoder and
/// encoder also spread their own work over the cores.
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
        /// The commands of an aired show (a go-live journal), replayed at their offsets, so the
        /// burn shows the cues, stock and banners the stream showed.
        public var commands: [(offset: Double, command: ShowCommand)]
        /// The chat of an aired show (a go-live chat log), replayed at its offsets.
        public var chat: [(offset: Double, event: ChatEvent)] = []

        public init(input: String, output: String, startOffset: Double = 0, video: FileVideoSettings = FileVideoSettings(),
                    commands: [(offset: Double, command: ShowCommand)] = [], chat: [(offset: Double, event: ChatEvent)] = []) {
            self.chat = chat
            self.input = input
            self.output = output
            self.startOffset = startOffset
            self.video = video
            self.commands = commands
        }
    }

    public let job: Job
    let container: OutputContainer
    let input: InputFile
    let videoIndex: Int
    let audioIndices: [Int]
    let overlay: RecordingOverlay
    let interrupter = Interrupter()
    private let stopLock = NSLock()
    private var stopRequested = false

    /// Opens and checks the input and the manifest's look. Throws `.noInput` when the input
    /// cannot be opened, `.badData` when it has no video or its audio cannot go in OUTPUT's
    /// container; nothing is written yet.
    public init(job: Job, manifest: Manifest) throws {
        self.job = job
        guard let container = OutputContainer.forPath(job.output) else {
            throw ShopcastError(.usage, "\(job.output): cannot tell the container from the name; end it in \(OutputContainer.extensions.map { "." + $0 }.joined(separator: ", "))")
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
        overlay = try RecordingOverlay(manifest: manifest, commands: job.commands, chat: job.chat)
    }

    /// The input's streams OUTPUT will not have (subtitles, data, a second video such as cover
    /// art), each as "#2 subtitle (subrip)", for the producer to hear about.
    public var leftOut: [String] {
        let kept = Set([videoIndex] + audioIndices)
        return (0..<Int(input.formatContext.pointee.nb_streams)).filter { !kept.contains($0) }
            .map { "#\($0) \(input.kind(of: $0)) (\(input.codecName(of: $0)))" }
    }

    /// How far the output's timestamps move later so that none is negative: a stream that starts
    /// before zero (Opus's pre-skip, an edited file) makes the muxer shift every stream by that
    /// much. Sync between the streams is kept; only the times move.
    public var timestampShift: Double {
        let earliest = ([videoIndex] + audioIndices).compactMap(input.firstTime).min() ?? 0
        return max(0, -earliest)
    }

    /// Asks the running burn to stop after the current picture and finish the file. Callable
    /// from any thread (a signal handler's queue).
    public func requestStop() {
        stopLock.lock(); stopRequested = true; stopLock.unlock()
    }

    var shouldStop: Bool {
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
}
