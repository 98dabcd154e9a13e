import Foundation

/// Where the encoded show goes: a network ingest or a local recording. `url` may carry a stream
/// key and is never printed; `display` is the masked form used in every message.
public struct Destination: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case rtmp, rtmps, srt
        /// A local file; the muxer name comes from the extension.
        case recording(muxer: String)
    }

    public let kind: Kind
    public let url: String
    public let display: String

    public var isNetwork: Bool {
        if case .recording = kind { return false }
        return true
    }

    /// FFmpeg muxer for this destination.
    public var muxer: String {
        switch kind {
        case .rtmp, .rtmps: return "flv"
        case .srt: return "mpegts"
        case .recording(let muxer): return muxer
        }
    }

    /// Recording containers by extension.
    public static let recordingMuxers = ["mkv": "matroska", "mp4": "mp4", "flv": "flv", "ts": "mpegts"]
}

/// A streaming platform known by name: its ingest and where its key comes from.
public struct Platform: Sendable {
    public let name: String
    public let ingest: String
    public var environmentVariable: String { "SHOPCAST_\(name.uppercased())_KEY" }

    /// The documented table (see PLATFORMS.md); a full URL overrides any of them.
    public static let all = [
        Platform(name: "youtube", ingest: "rtmps://a.rtmps.youtube.com:443/live2"),
        Platform(name: "facebook", ingest: "rtmps://rtmp-api.facebook.com:443/rtmp"),
        Platform(name: "twitch", ingest: "rtmp://live.twitch.tv/app"),
    ]

    public static func named(_ name: String) -> Platform? { all.first { $0.name == name.lowercased() } }
}

/// Turns `--to` text into a `Destination`: platform names with their keys, `${NAME}` expansion
/// from the environment, recording paths. Registers every secret with the masker.
public struct DestinationResolver {
    public let environment: [String: String]
    public let currentDirectory: URL
    public let masker: SecretMasker

    public init(environment: [String: String], currentDirectory: URL, masker: SecretMasker = .shared) {
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.masker = masker
    }

    /// `$XDG_CONFIG_HOME/shopcast/keys`, or `~/.config/shopcast/keys`.
    public var keyDirectory: URL {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".config")
        return base.appendingPathComponent("shopcast/keys")
    }

    public func resolve(_ text: String) throws -> Destination {
        if let platform = Platform.named(text) {
            let key = try key(for: platform)
            masker.register(key)
            let url = platform.ingest + "/" + key
            return try network(url, original: text)
        }
        if text.contains("://") {
            return try network(try expand(text), original: text)
        }
        return try recording(text)
    }

    /// The recording used when no `--to` is given: ./shopcast-YYYYmmdd-HHMMSS.mkv.
    public func defaultRecording(at date: Date = Date()) throws -> Destination {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return try recording("shopcast-\(formatter.string(from: date)).mkv")
    }

    func key(for platform: Platform) throws -> String {
        if let key = environment[platform.environmentVariable]?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty {
            return key
        }
        let file = keyDirectory.appendingPathComponent(platform.name)
        var info = stat()
        guard stat(file.path, &info) == 0 else {
            throw ShopcastError(.config, "no stream key for \(platform.name): set \(platform.environmentVariable) or write the key to \(file.path) (mode 0600)")
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw ShopcastError(.config, "key file \(file.path) has mode \(String(mode, radix: 8)), readable by others; run: chmod 600 '\(file.path)'")
        }
        guard let data = FileManager.default.contents(atPath: file.path),
              let key = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty else {
            throw ShopcastError(.config, "key file \(file.path) is empty or unreadable")
        }
        return key
    }

    /// Replaces every `${NAME}` with the environment's value (see `EnvironmentExpander`).
    func expand(_ text: String) throws -> String {
        try EnvironmentExpander(environment: environment, masker: masker)
            .expand(text, subject: "a destination", shown: DestinationResolver.maskedURL)
    }

    func network(_ url: String, original: String) throws -> Destination {
        let scheme = url.prefix { $0 != ":" }.lowercased()
        let kind: Destination.Kind
        switch scheme {
        case "rtmp": kind = .rtmp
        case "rtmps": kind = .rtmps
        case "srt": kind = .srt
        default:
            throw ShopcastError(.usage, "destination '\(DestinationResolver.maskedURL(original))': unsupported scheme '\(scheme)://' (use rtmp, rtmps or srt, a platform name, or a file path)")
        }
        guard URLComponents(string: url) != nil, let host = DestinationResolver.host(of: url), !host.isEmpty else {
            throw ShopcastError(.usage, "destination '\(DestinationResolver.maskedURL(original))' is not a valid URL")
        }
        // Keys typed into a URL are masked in shopcast's lines and FFmpeg's; short stream names
        // ("show", "test") are not keys, and masking them would garble paths and names.
        for secret in DestinationResolver.secrets(in: url) where secret.count >= 8 { masker.register(secret) }
        return Destination(kind: kind, url: url, display: DestinationResolver.maskedURL(url))
    }

    func recording(_ path: String) throws -> Destination {
        // rtmp:/host/app/key: a URL typed with one slash reads as a file path.
        if let colon = path.firstIndex(of: ":"), ["rtmp", "rtmps", "srt"].contains(path[..<colon].lowercased()) {
            let scheme = path[..<colon].lowercased()
            let rest = path[path.index(after: colon)...].drop { $0 == "/" }
            throw ShopcastError(.usage, "destination '\(DestinationResolver.maskedURL("\(scheme)://\(rest)"))': a \(scheme) URL takes two slashes after '\(scheme):' (\(scheme)://HOST/…)")
        }
        let url = FilePath.url(path, in: currentDirectory)
        var isFolder: ObjCBool = false
        if path.hasSuffix("/") || (FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue) {
            throw ShopcastError(.usage, "recording '\(path)' is a folder: name the file, e.g. \(url.appendingPathComponent("show.mkv").path)")
        }
        let ext = url.pathExtension.lowercased()
        guard let muxer = Destination.recordingMuxers[ext] else {
            let known = Destination.recordingMuxers.keys.sorted().map { "." + $0 }.joined(separator: ", ")
            if ext.isEmpty, Platform.all.contains(where: { Suggestion.near(path, $0.name) }) {
                let near = Platform.all.first { Suggestion.near(path, $0.name) }!.name
                throw ShopcastError(.usage, "unknown destination '\(path)'; did you mean '\(near)'?")
            }
            throw ShopcastError(.usage, "recording '\(path)': unknown container '.\(ext)' (use \(known))")
        }
        let standardized = url.standardizedFileURL
        var isDirectory: ObjCBool = false
        let folder = standardized.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ShopcastError(.io, "recording '\(path)': folder \(folder.path) does not exist")
        }
        if FileManager.default.fileExists(atPath: standardized.path) {
            throw ShopcastError(.io, "recording '\(standardized.path)' already exists; shopcast never overwrites a recording")
        }
        return Destination(kind: .recording(muxer: muxer), url: standardized.path, display: standardized.path)
    }

    /// The host as written in `scheme://[user[:password]@]host[:port]/...` ("[::1]" for IPv6),
    /// nil when there is no authority. URLComponents' `host` would run every name through ICU's
    /// IDNA tables, about a megabyte of pages, only to check that there is one.
    static func host(of url: String) -> String? {
        guard let start = url.range(of: "://") else { return nil }
        let authority = url[start.upperBound...].prefix { !"/?#".contains($0) }
        let hostAndPort = authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
        if hostAndPort.hasPrefix("[") {
            guard let close = hostAndPort.firstIndex(of: "]") else { return nil }
            return String(hostAndPort[...close])
        }
        return String(hostAndPort.prefix { $0 != ":" })
    }

    /// Splits at the first `?`, on the raw text: SRT's `streamid=#!::r=live/KEY` holds a `#`
    /// that URL parsing would take for a fragment and so never see as part of the query.
    static func query(of url: String) -> (base: String, items: [(name: String, value: String)]) {
        guard let mark = url.firstIndex(of: "?") else { return (url, []) }
        let items = url[url.index(after: mark)...].split(separator: "&").map { pair -> (String, String) in
            guard let eq = pair.firstIndex(of: "=") else { return (String(pair), "") }
            return (String(pair[..<eq]), String(pair[pair.index(after: eq)...]))
        }
        return (String(url[..<mark]), items)
    }

    /// The parts of a URL that are secret: an RTMP stream name (the path after the application),
    /// a password, and query values (SRT `streamid`, `passphrase` ...).
    static func secrets(in url: String) -> [String] {
        let (base, items) = query(of: url)
        var found = items.map(\.value).filter { !$0.isEmpty }
        for value in found where value.removingPercentEncoding != value {
            if let decoded = value.removingPercentEncoding { found.append(decoded) }
        }
        guard let c = URLComponents(string: base) else { return found }
        if let password = c.password { found.append(password) }
        if (c.scheme?.lowercased() ?? "").hasPrefix("rtmp") {
            let parts = c.path.split(separator: "/", omittingEmptySubsequences: true)
            if parts.count > 1 { found.append(parts.dropFirst().joined(separator: "/")) }
        }
        return found
    }

    /// `rtmp://host:1935/app/****`: everything after the application and every query value masked.
    public static func maskedURL(_ url: String) -> String {
        let (base, items) = query(of: url)
        let maskedQuery = items.isEmpty ? "" : "?" + items.map { "\($0.name)=\(SecretMasker.mask)" }.joined(separator: "&")
        guard var c = URLComponents(string: base), DestinationResolver.host(of: base) != nil else {
            // Not parseable: keep only the scheme and the host.
            if let r = base.range(of: "://") {
                let after = base[r.upperBound...]
                let host = after.prefix { $0 != "/" }
                return String(base[..<r.upperBound]) + host + (after.count > host.count ? "/" + SecretMasker.mask : "") + maskedQuery
            }
            return base + maskedQuery
        }
        if c.password != nil { c.password = SecretMasker.mask }
        if (c.scheme?.lowercased() ?? "").hasPrefix("rtmp") {
            let parts = c.path.split(separator: "/", omittingEmptySubsequences: true)
            if parts.count > 1 { c.percentEncodedPath = "/" + parts[0] + "/" + SecretMasker.mask }
        }
        c.fragment = nil
        return (c.string ?? base) + maskedQuery
    }
}
