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
    /// Differences smaller than this between consecutive chunks are rounding, not gaps (2 ms):
    /// containers that keep milliseconds stamp 1024-sample frames 21 or 22 ms apart. Larger ones
    /// are kept exactly, so the sound never drifts from the pictures by more than this.
    private let tolerance: Int64 = 96
    /// The last sample pulled came from the input, not silence.
    private var playing = false
    /// Buffered audio beyond this is dropped, oldest first (5 s).
    private let maxBuffered = 240_000

    func push(_ interleaved: [Float], at time: Double) {
        guard interleaved.count >= 2 else { return }
        let start = Int64((time * rate).rounded())
        lock.lock()
        // Sound stamped over the end of sound already waiting, and covering it, replaces it: at
        // a --loop seam, the last pass's sound past its last picture gives way to the next
        // pass's first. (A stray chunk stamped far back does not wipe what is buffered.)
        let count = Int64(interleaved.count / 2)
        while let last = chunks.last, case let end = last.next + Int64(last.remaining),
              end > start + tolerance, end - start <= count {
            let overlap = Int(min(Int64(last.remaining), end - start))
            chunks[chunks.count - 1].samples.removeLast(overlap * 2)
            buffered -= overlap
            if chunks[chunks.count - 1].remaining == 0 { chunks.removeLast() }
        }
        chunks.append(Chunk(samples: interleaved, start: start, consumed: 0))
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
            guard !chunks.isEmpty else { playing = false; break }
            let next = chunks[0].next
            // Playing on from contiguous audio, small differences are jitter and absorbed; from
            // silence (the start, after a gap) the sound starts exactly where it is stamped.
            let slack = playing ? tolerance : 0
            if next > pos + slack {
                let n = Int(min(Int64(count - written), next - pos))
                (left + written).initialize(repeating: 0, count: n)
                (right + written).initialize(repeating: 0, count: n)
                written += n
                pos += Int64(n)
                playing = false
                continue
            }
            if next < pos - slack {
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
            playing = true
        }
        if written < count {
            playing = false
            (left + written).initialize(repeating: 0, count: count - written)
            (right + written).initialize(repeating: 0, count: count - written)
        }
    }
}
