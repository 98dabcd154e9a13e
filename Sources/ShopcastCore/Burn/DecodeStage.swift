import Foundation

/// The demux and decode stage of a burn, on its own thread: reads the input, decodes the video
/// stream and hands decoded pictures and audio packets, in file order, to the drawing and
/// encoding loop through a short bounded queue. Decoding then overlaps drawing and encoding
/// instead of waiting for them, which keeps both cores busy.
final class DecodeStage: @unchecked Sendable {
    /// What the stage hands on.
    enum Item {
        case picture(Frame)
        case audio(Packet)
        /// The input is exhausted (or the stage was cancelled) and the decoder drained.
        case finished
        case failed(Error)
    }

    private let input: InputFile
    private let inputName: String
    private let videoIndex: Int
    private let audioStreams: Set<Int>
    private let decoder: Decoder
    private let condition = NSCondition()
    private var queue: [Item] = []
    private var cancelled = false
    private var thread: Thread?
    /// Pictures in flight between the stages: enough to absorb jitter, small enough for memory.
    private let capacity = 8
    /// Packets the decoder rejected as damaged (read after `finished`).
    private(set) var damaged = 0

    init(input: InputFile, inputName: String, videoIndex: Int, audioStreams: [Int]) throws {
        self.input = input
        self.inputName = inputName
        self.videoIndex = videoIndex
        self.audioStreams = Set(audioStreams)
        do {
            decoder = try Decoder(input: input, streamIndex: videoIndex, threading: .framesAndSlices)
        } catch {
            throw ShopcastError(.badData, "\(inputName): cannot decode its video: \(error)")
        }
    }

    func start() {
        thread = Thread.start(named: "shopcast-decode") { [self] in self.work() }
    }

    /// The next item, waiting for it.
    func next() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty { condition.wait() }
        let item = queue.removeFirst()
        condition.broadcast()
        return item
    }

    /// Stops reading: the stage drops what it holds and ends with `.finished`.
    func cancel() {
        condition.lock()
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// Queues an item, waiting while the queue is full; false once cancelled.
    private func push(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        queue.append(item)
        condition.broadcast()
        return true
    }

    private func finish(_ item: Item) {
        condition.lock()
        queue.append(item)
        condition.broadcast()
        condition.unlock()
    }

    private var isCancelled: Bool {
        condition.lock(); defer { condition.unlock() }
        return cancelled
    }

    private func work() {
        do {
            let packet = try Packet()
            reading: while !isCancelled {
                let step: StepResult
                do { step = try input.read(into: packet) } catch let error as FFmpegError {
                    throw ShopcastError(.badData, "\(inputName): cannot read it to the end: \(error.reason)")
                }
                switch step {
                case .endOfStream: break reading
                case .again: continue reading
                case .ok: break
                }
                if packet.streamIndex == videoIndex {
                    defer { packet.unref() }
                    guard try decode(packet) else { break reading }
                } else if audioStreams.contains(packet.streamIndex) {
                    guard push(.audio(try packet.clone())) else { break reading }
                    packet.unref()
                } else {
                    packet.unref()
                }
            }
            if !isCancelled { _ = try decode(nil) }
            finish(.finished)
        } catch {
            finish(.failed(error))
        }
    }

    /// Feeds one packet (nil: drain) and queues every picture out; false once cancelled.
    private func decode(_ packet: Packet?) throws -> Bool {
        do {
            _ = try decoder.send(packet)
        } catch is FFmpegError where packet != nil {
            // A damaged packet: leave it out and carry on, as players do.
            damaged += 1
            return true
        }
        while true {
            let frame = try Frame()
            let result: StepResult
            do { result = try decoder.receive(into: frame) } catch is FFmpegError {
                // A picture that would not decode; the next packets may bring good ones.
                damaged += 1
                return true
            }
            guard result == .ok else { return true }
            guard push(.picture(frame)) else { return false }
        }
    }
}
