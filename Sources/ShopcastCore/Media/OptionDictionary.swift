import CFFmpeg

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
