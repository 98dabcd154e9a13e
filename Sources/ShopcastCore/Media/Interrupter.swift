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

/// An AVDictionary of options built from Swift pairs; freed on deinit.
final class OptionDictionary {
    var pointer: OpaquePointer?

    init(_ pairs: [(String, String)]) {
        for (key, value) in pairs { av_dict_set(&pointer, key, value, 0) }
    }

    deinit { av_dict_free(&pointer) }

    /// After an open call: an option no protocol took would silently not apply, and for
    /// tls_verify that would mean talking to a server whose certificate nobody checked.
    func requireTLSVerificationTaken() throws {
        if remainingKeys.contains("tls_verify") {
            throw FFmpegError(shim_averror(ENOSYS), "connect: this FFmpeg's TLS layer cannot verify certificates")
        }
    }

    /// Option names FFmpeg did not consume (left in the dictionary after an open call).
    var remainingKeys: [String] {
        var keys: [String] = []
        var entry: UnsafeMutablePointer<AVDictionaryEntry>?
        while let e = av_dict_get(pointer, "", entry, AV_DICT_IGNORE_SUFFIX) {
            keys.append(String(cString: e.pointee.key))
            entry = e
        }
        return keys
    }
}
