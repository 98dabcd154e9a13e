import Foundation

/// How each kind of `-i` source is opened with FFmpeg: the URL, the demuxer or device, options.
struct InputOpener {
    let spec: InputSpec
    let format: OutputFormat
    let environment: [String: String]

    struct Plan {
        var url: String
        var demuxer: String?
        var options: [(String, String)]
    }

    func plan() throws -> Plan {
        let fps = String(format.fps)
        switch spec {
        case .test:
            let w = format.size.width, h = format.size.height
            let fontSize = max(16, h / 12)
            // A moving pattern with the show's running clock, and a 440 Hz tone beeping each second.
            let graph = "testsrc2=size=\(w)x\(h):rate=\(fps),"
                + "drawtext=text='%{pts\\:hms}':fontsize=\(fontSize):fontcolor=white:box=1:boxcolor=black@0.6:"
                + "boxborderw=\(fontSize / 4):x=(w-tw)/2:y=h-th-\(h / 16)[out0];"
                + "sine=frequency=440:beep_factor=4:sample_rate=48000,aformat=channel_layouts=stereo[out1]"
            return Plan(url: graph, demuxer: "lavfi", options: [])
        case .file(let path):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ShopcastError(.noInput, "input file '\(path)' does not exist")
            }
            guard !isDirectory.boolValue else { throw ShopcastError(.noInput, "input '\(path)' is a folder, not a media file") }
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw ShopcastError(.noInput, "input file '\(path)' is not readable")
            }
            return Plan(url: path, demuxer: nil, options: [])
        case .camera(let device):
            return Plan(url: device, demuxer: "v4l2", options: [("framerate", fps)])
        case .screen(let display):
            let target = display ?? environment["DISPLAY"] ?? ":0.0"
            return Plan(url: target, demuxer: "x11grab", options: [("framerate", fps), ("draw_mouse", "1")])
        case .mic(let device):
            var name = device ?? "default"
            var demuxer = "pulse"
            if name.hasPrefix("alsa:") {
                name = String(name.dropFirst(5))
                demuxer = "alsa"
            } else if name.hasPrefix("hw:") || name.hasPrefix("plughw:") {
                demuxer = "alsa"
            }
            return Plan(url: name, demuxer: demuxer, options: [])
        case .url(let url):
            var options: [(String, String)] = [("rw_timeout", "10000000")]
            if url.lowercased().hasPrefix("http") {
                options += [("reconnect", "1"), ("reconnect_streamed", "1"), ("reconnect_delay_max", "4")]
            }
            if url.lowercased().hasPrefix("rtmp") { options.append(("rtmp_live", "live")) }
            // A live feed states its streams in its first second; looking longer (FFmpeg's 5 s)
            // only keeps the slate up after a feed comes back.
            options.append(("analyzeduration", "1000000"))
            return Plan(url: url, demuxer: nil, options: options)
        }
    }

    /// Opens the source, mapping FFmpeg's failure to an input error (exit 66) that names it.
    func open(interrupter: Interrupter) throws -> InputFile {
        let plan = try plan()
        interrupter.limit(spec.reconnects ? 15 : 30)
        defer { interrupter.limit(nil) }
        do {
            return try InputFile(url: plan.url, format: plan.demuxer, options: plan.options, interrupter: interrupter)
        } catch let error as FFmpegError {
            let reason = error.isInterrupted ? "timed out" : error.reason
            throw ShopcastError(.noInput, "cannot open input '\(InputOpener.describe(spec))': \(reason)")
        }
    }

    /// The source as users name it, masked.
    static func describe(_ spec: InputSpec) -> String {
        switch spec {
        case .test: return "test"
        case .file(let p): return p
        case .camera(let d): return "camera:\(d)"
        case .screen(let d): return "screen" + (d.map { ":\($0)" } ?? "")
        case .mic(let d): return "mic" + (d.map { ":\($0)" } ?? "")
        case .url(let u): return DestinationResolver.maskedURL(u)
        }
    }
}
