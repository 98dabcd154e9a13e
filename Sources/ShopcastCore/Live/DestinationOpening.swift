import Foundation

/// How a destination is opened, how its failures are worded, and which of them are refusals.
extension DestinationWriter {
    /// A connection the server closed within `provingTime` of accepting the stream: the way
    /// RTMP servers refuse a wrong key after the handshake. Counted as a refusal.
    struct ClosedAtOnce: Error {
        let message: String
    }

    /// How long a connection must carry the stream before the destination counts as reached.
    static let provingTime = 2.0
    /// The same refusal this many times in a row and a destination without --retries gives up.
    static let refusalsBeforeGivingUp = 5

    /// The server answered and said no (a key, an application or a stream name it will not
    /// take, a wrong passphrase), as opposed to not answering at all.
    static func isRefusal(_ error: Error) -> Bool {
        if error is ClosedAtOnce { return true }
        guard let e = error as? FFmpegError, !e.isInterrupted else { return false }
        return !e.isUnreachable && e.operation == "connect"
    }

    /// Opens `destination` with the options its kind needs, within the connect timeout.
    static func open(_ destination: Destination, video: Encoder, audio: Encoder, settings: Settings,
                     interrupter: Interrupter) throws -> OutputFile {
        var io: [(String, String)] = []
        var mux: [(String, String)] = []
        switch destination.kind {
        case .rtmp:
            io = [("tcp_nodelay", "1")]
            mux = [("flvflags", "no_duration_filesize")]
        case .rtmps:
            // FFmpeg does not verify certificates unless asked; shopcast always asks.
            io = [("tcp_nodelay", "1"), ("tls_verify", "1")]
            if let ca = settings.caFile { io.append(("ca_file", ca)) }
            mux = [("flvflags", "no_duration_filesize")]
        case .srt:
            // Linger on close so the listener gets the last packets of a show that ends.
            io = [("linger", "2")]
        case .recording(let muxer):
            mux = [("flush_packets", "1")]
            switch muxer {
            case "matroska": mux.append(("cluster_time_limit", "500"))
            case "mp4": mux += [("movflags", "+frag_keyframe+empty_moov+default_base_moof"), ("frag_duration", "500000")]
            default: break
            }
        }
        interrupter.limit(destination.isNetwork ? settings.connectTimeout : nil)
        do {
            return try OutputFile(url: destination.url, format: destination.muxer, video: video, audio: audio,
                                  muxerOptions: mux, ioOptions: io, interrupter: interrupter)
        } catch let error as FFmpegError where error.isInterrupted && !interrupter.isAborted {
            throw FFmpegError.timedOut(error.operation)
        }
    }

    /// A readable, masked reason.
    static func describe(_ error: Error, destination: Destination, caFile: String?) -> String {
        var text: String
        if let e = error as? FFmpegError {
            text = e.isInterrupted ? "\(e.operation): timed out" : "\(e.operation): \(e.reason)"
            if destination.kind == .rtmps, e.operation == "connect", e.isIOError {
                text += caFile == nil
                    ? " (is the server's TLS certificate trusted by the system store? --ca-file trusts a private CA)"
                    : " (is the server's TLS certificate signed by --ca-file?)"
            }
        } else if let e = error as? ShopcastError {
            text = e.message
        } else if let e = error as? ClosedAtOnce {
            text = e.message
        } else {
            text = "\(error)"
        }
        // The server's or the library's own words, when FFmpeg logged any on this thread.
        if let detail = FFmpegLog.takeLastError(), !(error is ShopcastError), !(error is ClosedAtOnce) {
            text += " (\(detail))"
        }
        return SecretMasker.shared.mask(text)
    }
}
