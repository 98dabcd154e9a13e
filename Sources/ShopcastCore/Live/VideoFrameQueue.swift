import Foundation

/// Decoded pictures from the video input, each with its time on the show's timeline. The encoder
/// asks for the picture to show at time t: the newest that is due, or the last one again
/// (a frozen picture rather than a hole when the input is late or lost).
final class VideoFrameQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var frames: [(frame: Frame, time: Double)] = []
    private var current: Frame?
    private let capacity: Int
    private var lastPushed: Double?
    private var turn = Orientation.upright

    init(capacity: Int = 16) { self.capacity = capacity }

    /// A picture stamped this little after a frame's time still shows on that frame: containers
    /// that keep milliseconds (Matroska, FLV) stamp the 30 fps frame 2 at 0.067 s, not 0.0667.
    static let tolerance = 0.002

    func push(_ frame: Frame, at time: Double) {
        lock.lock()
        lastPushed = time
        frames.append((frame, time))
        if frames.count > capacity { frames.removeFirst(frames.count - capacity) }
        lock.unlock()
    }

    /// How the input's pictures are turned upright (its display matrix), set when it opens.
    var orientation: Orientation {
        get { lock.lock(); defer { lock.unlock() }; return turn }
        set { lock.lock(); turn = newValue; lock.unlock() }
    }

    /// Show time of the picture the input delivered last (nil: none yet): how the show knows a
    /// source has stopped delivering.
    var lastDelivered: Double? {
        lock.lock(); defer { lock.unlock() }
        return lastPushed
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
            guard entry.time <= time + Self.tolerance else { break }
            current = entry.frame
            consumed += 1
        }
        if consumed > 0 { frames.removeFirst(consumed) }
        return current
    }
}
