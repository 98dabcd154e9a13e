import CFFmpeg
import Foundation

/// Cuts a blocking FFmpeg call short: when `abort` is set, or when the current operation's
/// deadline passes. Every network open, read and write runs under one of these, so a dead peer
/// can never hang a thread. FFmpeg polls the callback about every 100 ms while it waits.
public final class Interrupter: @unchecked Sendable {
    private let lock = NSLock()
    private var aborted = false
    private var deadline: UInt64 = .max

    public init() {}

    /// Stop every call now and from now on.
    public func abort() {
        lock.lock(); aborted = true; lock.unlock()
    }

    public var isAborted: Bool {
        lock.lock(); defer { lock.unlock() }
        return aborted
    }

    /// The next blocking calls must finish within `seconds`; nil removes the limit.
    public func limit(_ seconds: Double?) {
        lock.lock()
        deadline = seconds.map { MonotonicClock.nanoseconds() + UInt64($0 * 1e9) } ?? .max
        lock.unlock()
    }

    var shouldInterrupt: Bool {
        lock.lock(); defer { lock.unlock() }
        return aborted || MonotonicClock.nanoseconds() > deadline
    }

    /// The callback struct to hand to FFmpeg; valid while `self` lives.
    var callback: AVIOInterruptCB {
        AVIOInterruptCB(callback: { opaque in
            guard let opaque else { return 0 }
            return Unmanaged<Interrupter>.fromOpaque(opaque).takeUnretainedValue().shouldInterrupt ? 1 : 0
        }, opaque: Unmanaged.passUnretained(self).toOpaque())
    }
}
