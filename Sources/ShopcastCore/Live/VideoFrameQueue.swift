import Foundation

/// Decoded pictures from the video input, each with its time on the show's timeline. The encoder
/// asks for the picture to show at time t: the newest that is due, or the last one again
/// (a frozen picture rather than a hole when the input is late or lost).
final class VideoFrameQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var frames: [(frame: Frame, time: Double)] = []
    private var current: Frame?
    private let capacity: Int

    init(capacity: Int = 16) { self.capacity = capacity }

    func push(_ frame: Frame, at time: Double) {
        lock.lock()
        frames.append((frame, time))
        if frames.count > capacity { frames.removeFirst(frames.count - capacity) }
        lock.unlock()
    }

    /// Lets go of every picture (the show is over).
    func removeAll() {
        lock.lock()
        frames.removeAll()
        current = nil
        lock.unlock()
    }

    /// The picture due at `time`, or nil before the first one arrives.
    func frame(at time: Double) -> Frame? {
        lock.lock()
        defer { lock.unlock() }
        var consumed = 0
        for entry in frames {
            guard entry.time <= time + 1e-6 else { break }
            current = entry.frame
            consumed += 1
        }
        if consumed > 0 { frames.removeFirst(consumed) }
        return current
    }
}
