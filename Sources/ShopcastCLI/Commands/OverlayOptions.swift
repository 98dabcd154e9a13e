import Foundation
import ShopcastCore

/// `overlay`'s options, checked and typed: a burn or a preview, never a mix of both.
struct OverlayOptions {
    /// What to burn.
    struct Burn {
        var input: String
        var output: String
        var startOffset: Double
        var video: FileVideoSettings
        var journal: String?
        /// A go-live --chat-log to replay.
        var chatLog: String?
        /// --start was given (else a journal's own start is the recording's).
        var startGiven = false
    }

    /// What to preview.
    struct Preview {
        var folder: String
        var at: Double?
        var offer: String?
        var size: FrameSize?
        var background: String?
    }

    enum Mode {
        case burn(Burn)
        case preview(Preview)
    }

    var manifest: String
    var mode: Mode
    var quiet: Bool

    static let command = "overlay"

    init(_ p: ParsedArguments) throws {
        let command = Self.command
        guard let manifest = p.value("manifest") else {
            throw UsageError("missing --manifest FILE: the show whose overlays are drawn", command: command)
        }
        self.manifest = manifest
        quiet = p.has("quiet")
        let previewOnly = ["at", "offer", "size", "background"].filter { p.value($0) != nil }
        let burnOnly = ["start", "crf", "encoder-speed", "journal", "chat-log"].filter { p.value($0) != nil }

        if p.has("preview") {
            if let extra = p.operands.first {
                throw UsageError("--preview takes no INPUT ('\(extra)'); give a picture or video to draw over with --background", command: command)
            }
            if let option = burnOnly.first { throw UsageError("--\(option) is for burning a video, not with --preview", command: command) }
            guard let folder = p.value("output") else {
                throw UsageError("missing -o DIR: the folder for the preview PNGs", command: command)
            }
            var preview = Preview(folder: folder)
            if let text = p.value("at") {
                guard let t = DurationValue.parse(text) else {
                    throw UsageError("--at '\(text)' is not a show offset such as 90s, 5m30s or 05:30", command: command)
                }
                preview.at = t
            }
            preview.offer = p.value("offer")
            if preview.at != nil && preview.offer != nil {
                throw UsageError("--at and --offer each choose the still: give one of them", command: command)
            }
            if let text = p.value("size") {
                guard let size = FrameSize.parse(text) else {
                    throw UsageError("--size '\(text)' is not WxH with even numbers from 16 to 4096, e.g. 1280x720", command: command)
                }
                preview.size = size
            }
            preview.background = p.value("background")
            mode = .preview(preview)
            return
        }

        if let option = previewOnly.first { throw UsageError("--\(option) is for --preview", command: command) }
        guard let input = p.operands.first else {
            throw UsageError("missing INPUT: the recorded video to draw on (or --preview for still pictures)", command: command)
        }
        if p.operands.count > 1 { throw UsageError("unexpected argument '\(p.operands[1])'; give one INPUT", command: command) }
        guard let output = p.value("output") else {
            throw UsageError("missing -o OUTPUT: the new video file (.mp4, .mov or .mkv)", command: command)
        }
        guard OutputContainer.forPath(output) != nil else {
            throw UsageError("-o '\(output)': end the name in \(OutputContainer.extensions.map { "." + $0 }.joined(separator: ", ")) to choose the container", command: command)
        }
        var burn = Burn(input: input, output: output, startOffset: 0, video: FileVideoSettings(), journal: p.value("journal"),
                        chatLog: p.value("chat-log"))
        if let text = p.value("start") {
            // A negative offset (--start=-30s) starts the recording before the show: the slate.
            let negative = text.hasPrefix("-")
            guard let t = DurationValue.parse(negative ? String(text.dropFirst()) : text) else {
                throw UsageError("--start '\(text)' is not a show offset such as 90s, 12m or 1:05:00", command: command)
            }
            burn.startOffset = negative ? -t : t
            burn.startGiven = true
        }
        if let text = p.value("crf") {
            guard let crf = Double(text), crf >= 0, crf <= 51 else {
                throw UsageError("--crf '\(text)' is not a number from 0 to 51", command: command)
            }
            burn.video.crf = crf
        }
        if let text = p.value("encoder-speed") {
            if let problem = X264Speed.problem(with: text, among: X264Speed.all) { throw UsageError(problem, command: command) }
            burn.video.speed = text
        }
        mode = .burn(burn)
    }
}
