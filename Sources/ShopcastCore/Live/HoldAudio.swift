import Foundation

/// The sound under the holding slate with `--hold-audio FILE`: the file's audio, looped, as
/// 48 kHz stereo, decoded a frame at a time as the encoder asks for it (only while the slate
/// is up). Without it the slate is silent. Used from the encoder thread only.
final class HoldAudio {
    private let path: String
    private var input: InputFile
    private var streamIndex: Int
    private var decoder: Decoder
    private let resampler = Resampler()
    private let packet: Packet
    private let frame: Frame
    /// Decoded interleaved samples not yet handed out.
    private var pending: [Float] = []
    private var consumed = 0

    /// Opens the file now, so a missing or silent one is an error before the show (exit 66).
    init(path: String) throws {
        self.path = path
        (input, streamIndex, decoder) = try Self.open(path)
        packet = try Packet()
        frame = try Frame()
    }

    private static func open(_ path: String) throws -> (InputFile, Int, Decoder) {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ShopcastError(.noInput, "--hold-audio '\(path)' cannot be read")
        }
        do {
            let input = try InputFile(url: path, interrupter: Interrupter())
            guard let index = input.bestStream(video: false) else {
                throw ShopcastError(.noInput, "--hold-audio '\(path)' has no audio")
            }
            return (input, index, try Decoder(input: input, streamIndex: index))
        } catch let error as FFmpegError {
            throw ShopcastError(.noInput, "--hold-audio '\(path)': \(error)")
        }
    }

    /// Fills `count` samples per channel, the file going round as often as needed.
    func fill(count: Int, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>) {
        var written = 0
        var emptyPasses = 0
        while written < count {
            if consumed * 2 >= pending.count {
                guard decodeMore() else {
                    // The end: round again from the start; a file that gives nothing twice is silence.
                    emptyPasses += 1
                    guard emptyPasses < 2, let reopened = try? Self.open(path) else { break }
                    (input, streamIndex, decoder) = reopened
                    continue
                }
                emptyPasses = 0
                continue
            }
            let n = min(count - written, pending.count / 2 - consumed)
            pending.withUnsafeBufferPointer { samples in
                for i in 0..<n {
                    left[written + i] = samples[(consumed + i) * 2]
                    right[written + i] = samples[(consumed + i) * 2 + 1]
                }
            }
            consumed += n
            written += n
        }
        if written < count {
            (left + written).initialize(repeating: 0, count: count - written)
            (right + written).initialize(repeating: 0, count: count - written)
        }
    }

    /// Decodes until some samples are ready; false at the end of the file.
    private func decodeMore() -> Bool {
        pending.removeAll(keepingCapacity: true)
        consumed = 0
        while pending.isEmpty {
            if (try? decoder.receive(into: frame)) == .ok {
                if let samples = try? resampler.convert(frame) { pending = samples }
                frame.unref()
                continue
            }
            guard let step = try? input.read(into: packet), step != .endOfStream else { return false }
            if step == .ok, packet.streamIndex == streamIndex { _ = try? decoder.send(packet) }
            packet.unref()
        }
        return true
    }
}
