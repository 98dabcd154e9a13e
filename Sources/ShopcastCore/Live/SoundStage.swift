import Foundation

/// The show's sound, encoded once for every rendition: the input's (or, cut to the backup, the
/// backup's) sound a whole encoder frame at a time, the hold music under the slate. The sound
/// off air is pulled all the same, and dropped, so it has nothing stale when it comes back.
final class SoundStage {
    let encoder: Encoder
    private let input: AudioTimeline
    /// The backup input's sound, when the backup gives the show's sound.
    private let backup: AudioTimeline?
    private let hold: HoldAudio?
    /// Samples per encoder frame (1024 for AAC).
    private let frameSize: Int64
    /// The next sample to encode.
    private var position: Int64 = 0
    /// Where the sound off air is pulled to (and dropped), kept from frame to frame.
    private var offAir: [Float] = []

    init(encoder: Encoder, input: AudioTimeline, backup: AudioTimeline?, hold: HoldAudio?) {
        self.encoder = encoder
        self.input = input
        self.backup = backup
        self.hold = hold
        frameSize = Int64(encoder.frameSize > 0 ? encoder.frameSize : 1024)
    }

    /// The stream jumped ahead to sample `target` (the machine stalled): no sound is made for
    /// the hole; encoding goes on from the whole frame at or before it.
    func skip(to target: Int64) {
        position = max(position, target - target % frameSize)
    }

    /// Encodes the sound up to sample `target`; `underSlate`, the hold music when there is one;
    /// `fromBackup`, the backup's sound. Each encoder frame's packets go to `deliver`.
    func encode(upTo target: Int64, underSlate: Bool, fromBackup: Bool, deliver: ([EncodedPacket]) -> Void) throws {
        let count = Int(frameSize)
        while position + frameSize <= target {
            let frame = try Frame(audioSamples: count, sampleRate: OutputFormat.audioSampleRate, channels: OutputFormat.audioChannels)
            guard let left = frame.plane(0), let right = frame.plane(1) else { break }
            let at = position
            left.data.withMemoryRebound(to: Float.self, capacity: count) { l in
                right.data.withMemoryRebound(to: Float.self, capacity: count) { r in
                    if let backup {
                        if offAir.count < count * 2 { offAir = [Float](repeating: 0, count: count * 2) }
                        offAir.withUnsafeMutableBufferPointer { off in
                            let (onAir, offAir) = fromBackup ? (backup, input) : (input, backup)
                            onAir.pull(position: at, count: count, left: l, right: r)
                            offAir.pull(position: at, count: count, left: off.baseAddress!, right: off.baseAddress! + count)
                        }
                    } else {
                        input.pull(position: at, count: count, left: l, right: r)
                    }
                    // Under the slate: the hold music (the input's own sound, if any, is dropped).
                    if underSlate, let hold { hold.fill(count: count, left: l, right: r) }
                }
            }
            frame.pts = position
            try encoder.send(frame)
            deliver(try encoder.drain())
            position += frameSize
        }
    }

    /// The encoder's last packets (the show is over).
    func finish() throws -> [EncodedPacket] {
        try encoder.send(nil)
        return try encoder.drain()
    }
}
