import Foundation

/// A source named by `-i`: what to open and how to pace it.
public enum InputSpec: Equatable, Sendable {
    /// The built-in moving test pattern with a clock, and a tone.
    case test
    /// A media file played at its real pace.
    case file(String)
    /// A V4L2 camera device.
    case camera(String)
    /// An X11 display grabbed as video.
    case screen(String?)
    /// A microphone: PulseAudio source, or an ALSA device (`hw:…`, `plughw:…`, `alsa:…`).
    case mic(String?)
    /// A network feed re-broadcast: rtmp, rtmps, srt, http or https.
    case url(String)

    /// Parses `-i` text. Throws a `.badData` error with a readable message.
    public static func parse(_ text: String) throws -> InputSpec {
        if text == "test" { return .test }
        if let scheme = text.range(of: "://").map({ text[..<$0.lowerBound].lowercased() }) {
            guard ["rtmp", "rtmps", "srt", "http", "https"].contains(scheme) else {
                throw ShopcastError(.usage, "input '\(text)': unsupported scheme '\(scheme)://' (use rtmp, rtmps, srt, http or https)")
            }
            return .url(text)
        }
        func device(_ prefix: String) -> String?? {
            if text == prefix { return .some(nil) }
            if text.hasPrefix(prefix + ":") { return .some(String(text.dropFirst(prefix.count + 1))) }
            return nil
        }
        if let d = device("camera") { return .camera(d ?? "/dev/video0") }
        if let d = device("screen") { return .screen(d) }
        if let d = device("mic") { return .mic(d) }
        if text.isEmpty { throw ShopcastError(.usage, "input is empty") }
        return .file(text)
    }

    /// Files and the test source are read faster than real time, so they are paced to the clock.
    public var needsPacing: Bool {
        switch self {
        case .test, .file: return true
        default: return false
        }
    }

    /// A capture device (camera, screen, microphone): its timestamps are the wall clock when a
    /// buffer was read, jittery by tens of milliseconds, while its samples come without a gap.
    public var isCaptureDevice: Bool {
        switch self {
        case .camera, .screen, .mic: return true
        default: return false
        }
    }

    /// A live feed that may drop and come back: reopened with backoff when it fails.
    public var reconnects: Bool {
        if case .url = self { return true }
        return false
    }
}
