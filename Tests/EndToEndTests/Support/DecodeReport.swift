import Foundation

/// The result of decoding a whole file with the ffmpeg CLI (`-v error`, to the null muxer): the
/// independent proof that a recording plays, and how much of it does.
struct DecodeReport {
    /// ffmpeg's exit status (0 when it read to the end).
    let status: Int32
    /// Every line ffmpeg printed at level error: corrupt data, missing headers.
    let errors: [String]
    /// Video frames decoded.
    let videoFrames: Int
    /// The media time reached when decoding stopped, in seconds.
    let decodedDuration: Double

    var succeeded: Bool { status == 0 }
}
