import Foundation

/// Audio from the input, as 48 kHz interleaved stereo chunks stamped with their time on the show's
/// timeline. The encoder pulls exactly the samples it needs for each output position: a gap in
/// the input becomes silence, late samples are skipped, and small jitter is absorbed.
final class AudioTimeline: @unchecked Sendable {
    private struct Chunk {
        var samples: [Float]
        var start: Int64
        var consumed: Int
        var remaining: Int { samples.count / 2 - consumed }
        var next: Int64 { start + Int64(consumed) }
    }

    private let lock = NSLock()
    private var chunks: [Chunk] = []
    /// Samples per channel waiting in `chunks`.
    private var buffered = 0
    private let rate = Double(OutputFormat.audioSampleRate)
    /// Differences smaller than this are jitter, not gaps (50 ms).
    private let tolerance: Int64 = 2400
    /// Buffered audio beyond this is dropped, oldest first (5 s).
    private let maxBuffered = 240_000

    func push(_ interleaved: [Float], at time: Double) {
        guard interleaved.count >= 2 else { return }
        lock.lock()
        chunks.append(Chunk(samples: interleaved, start: Int64((time * rate).rounded()), consumed: 0))
        buffered += interleaved.count / 2
        while buffered > maxBuffered, let first = chunks.first {
            buffered -= first.remaining
            chunks.removeFirst()
        }
        lock.unlock()
    }

    /// Lets go of the buffered audio (the show is over).
    func removeAll() {
        lock.lock()
        chunks.removeAll()
        buffered = 0
        lock.unlock()
    }

    /// Fills `count` samples per channel for output position `position` into planar buffers.
    func pull(position: Int64, count: Int, left: UnsafeMutablePointer<Float>, right: UnsafeMutablePointer<Float>) {
        lock.lock()
        defer { lock.unlock() }
        var written = 0
        var pos = position
        while written < count {
            guard !chunks.isEmpty else { break }
            let next = chunks[0].next
            if next > pos + tolerance {
                let n = Int(min(Int64(count - written), next - pos))
                (left + written).initialize(repeating: 0, count: n)
                (right + written).initialize(repeating: 0, count: n)
                written += n
                pos += Int64(n)
                continue
            }
            if next < pos - tolerance {
                let skip = Int(min(Int64(chunks[0].remaining), pos - next))
                chunks[0].consumed += skip
                buffered -= skip
                if chunks[0].remaining == 0 { chunks.removeFirst() }
                continue
            }
            let n = min(count - written, chunks[0].remaining)
            chunks[0].samples.withUnsafeBufferPointer { buffer in
                let base = chunks[0].consumed * 2
                for i in 0..<n {
                    left[written + i] = buffer[base + 2 * i]
                    right[written + i] = buffer[base + 2 * i + 1]
                }
            }
            chunks[0].consumed += n
            buffered -= n
            if chunks[0].remaining == 0 { chunks.removeFirst() }
            written += n
            pos += Int64(n)
        }
        if written < count {
            (left + written).initialize(repeating: 0, count: count - written)
            (right + written).initialize(repeating: 0, count: count - written)
        }
    }
}
